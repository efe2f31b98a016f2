import net from 'node:net';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/**
 * Issue 17: PGlite answered a failing extended-protocol message with an extra ReadyForQuery
 * (electric-sql/pglite#958); `pg` then ended the NEXT query early with no rows and the connection
 * went out of step ("unexpected parseComplete"). PostgreSQL sends ReadyForQuery once per Sync:
 * counted here on a raw connection (no driver in between), on whichever database the run uses.
 */
const url = new URL(inject('databaseUrl'));

function connect(): net.Socket {
  const host = url.searchParams.get('host') ?? url.hostname;
  // A Unix-socket directory (the embedded database) or a TCP host (DATABASE_URL).
  return host.startsWith('/') ? net.connect(path.join(host, `.s.PGSQL.${url.port || 5432}`)) : net.connect(Number(url.port || 5432), host);
}

const cstr = (s: string) => Buffer.from(`${s}\0`);
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

/** Parse, Bind (text parameters), Describe, Execute, Sync: what `pg` sends for a parameterised query. */
function extendedQuery(sql: string, params: string[] = []): Buffer {
  const count = Buffer.alloc(2);
  count.writeInt16BE(params.length);
  const values = params.map((p) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(Buffer.byteLength(p));
    return Buffer.concat([length, Buffer.from(p)]);
  });
  return Buffer.concat([
    message('P', Buffer.concat([cstr(''), cstr(sql), Buffer.from([0, 0])])),
    message('B', Buffer.concat([cstr(''), cstr(''), Buffer.from([0, 0]), count, ...values, Buffer.from([0, 0])])),
    message('D', Buffer.concat([Buffer.from('P'), cstr('')])),
    message('E', Buffer.concat([cstr(''), Buffer.alloc(4)])),
    message('S', Buffer.alloc(0)),
  ]);
}

/** Backend message types in arrival order, with the DataRows' first column, until `done` says so. */
function reader(socket: net.Socket) {
  let pending = Buffer.alloc(0);
  const seen: string[] = [];
  let wake: () => void = () => {};
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 5 && pending.length >= 1 + pending.readInt32BE(1)) {
      const type = String.fromCharCode(pending[0]);
      const body = pending.subarray(5, 1 + pending.readInt32BE(1));
      seen.push(type === 'D' ? `D:${body.subarray(6, 6 + body.readInt32BE(2)).toString()}` : type);
      pending = pending.subarray(1 + pending.readInt32BE(1));
    }
    wake();
  });
  return {
    seen,
    async until(done: (seen: string[]) => boolean, ms = 20_000): Promise<string[]> {
      const deadline = Date.now() + ms;
      while (!done(seen)) {
        if (Date.now() > deadline) throw new Error(`timed out; seen ${seen.join(' ')}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return seen.splice(0);
    },
  };
}

describe('wire protocol of the database the app talks to', () => {
  it('sends one ReadyForQuery per Sync when a Parse, Bind or Execute fails', async () => {
    const socket = connect();
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    try {
      const read = reader(socket);
      const startup = Buffer.concat([Buffer.from([0, 3, 0, 0]), cstr('user'), cstr(decodeURIComponent(url.username || 'postgres')), cstr('database'), cstr(url.pathname.slice(1) || 'postgres'), Buffer.from([0])]);
      const length = Buffer.alloc(4);
      length.writeInt32BE(startup.length + 4);
      socket.write(Buffer.concat([length, startup]));
      await read.until((s) => s.includes('Z'));

      const failures = [
        'SELEC 1', // Parse fails
        'SELECT 1/0', // Bind fails (the constant is folded while planning)
        'SELECT 1/$1::int', // Execute fails
      ];
      for (const sql of failures) {
        // The failing query and, in the same write, the next one, as pg sends a queued query.
        socket.write(Buffer.concat([extendedQuery(sql, sql.includes('$1') ? ['0'] : []), extendedQuery('SELECT $1::int + 1', ['6'])]));
        const seen = await read.until((s) => s.includes('D:7') && s.lastIndexOf('Z') > s.indexOf('D:7'));
        // Extra ReadyForQuery would show as 'Z' after the failing query's 'E' and before its Sync's.
        expect({ sql, readyForQuery: seen.filter((m) => m === 'Z').length }).toEqual({ sql, readyForQuery: 2 });
        expect(seen.filter((m) => !'SN'.includes(m)).slice(-6)).toEqual(['1', '2', 'T', 'D:7', 'C', 'Z']);
      }
    } finally {
      socket.destroy();
    }
  });
});
