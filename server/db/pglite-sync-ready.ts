import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite answers an extended-protocol message that fails (Parse, Bind, Describe, Execute, Close,
 * Flush) with ErrorResponse AND ReadyForQuery, and the Sync that follows with a second
 * ReadyForQuery (electric-sql/pglite#958, still so in PGlite 0.5.14 / pglite-socket 0.2.17).
 * PostgreSQL sends ReadyForQuery only for Sync (protocol §55.2.3). `pg` ends the failed query at
 * the first one and sends the next query; the second then ends THAT query early with no rows, and
 * its real answer arrives with nobody waiting ("unexpected parseComplete", then "portal does not
 * exist"): the embedded tiles bench stopped this way at province scale (issue 17).
 *
 * So the socket server's PGlite drops every ReadyForQuery from the answer to one of those messages.
 */
const NO_READY_AFTER = new Set([...'PBDECH'].map((c) => c.charCodeAt(0)));
const READY_FOR_QUERY = 'Z'.charCodeAt(0);

/** Passes backend messages through, minus ReadyForQuery; messages may be split across chunks. */
export class ReadyForQueryFilter {
  private readonly header = Buffer.alloc(5);
  private headerBytes = 0;
  /** Bytes of the current message's body still to pass (or drop). */
  private remaining = 0;
  private dropping = false;

  constructor(private readonly forward: (data: Uint8Array) => void) {}

  push(chunk: Uint8Array): void {
    const out: Uint8Array[] = [];
    let changed = false;
    for (let i = 0; i < chunk.length; ) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        if (this.dropping) changed = true;
        else out.push(chunk.subarray(i, i + n));
        this.remaining -= n;
        i += n;
        continue;
      }
      // A header begun in the previous chunk is sent from here, whole: this chunk alone is not the output.
      if (this.headerBytes > 0) changed = true;
      const n = Math.min(5 - this.headerBytes, chunk.length - i);
      this.header.set(chunk.subarray(i, i + n), this.headerBytes);
      this.headerBytes += n;
      i += n;
      if (this.headerBytes < 5) {
        changed = true; // a header split across chunks is sent with its message's next bytes
        break;
      }
      this.headerBytes = 0;
      this.remaining = this.header.readInt32BE(1) - 4;
      this.dropping = this.header[0] === READY_FOR_QUERY;
      if (this.dropping) changed = true;
      else out.push(Buffer.from(this.header));
    }
    if (!changed) this.forward(chunk);
    else if (out.length) this.forward(Buffer.concat(out));
  }
}

/**
 * Makes `db` answer like PostgreSQL on the socket: wraps the one method the socket server runs
 * each client message through. Also: a message that throws (PGlite itself failed — not an SQL
 * error, those are answers) would leave pglite-socket's queue stopped for good (every later query
 * hangs, electric-sql/pglite#1046); `onFailure` is called instead (the worker ends the thread).
 */
export function readyForQueryOnlyAtSync(db: PGlite, onFailure: (e: unknown) => never): PGlite {
  const exec = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (message, options) => {
    const filter = new ReadyForQueryFilter(options.onRawData);
    const onRawData = NO_READY_AFTER.has(message[0]) ? (d: Uint8Array) => filter.push(d) : options.onRawData;
    try {
      await exec(message, { ...options, onRawData });
    } catch (e) {
      onFailure(e);
    }
  };
  return db;
}
