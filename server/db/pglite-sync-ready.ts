import type { PGlite } from '@electric-sql/pglite';
import { awaitsSync, messageOffsets } from './pglite-batches.ts';
import { STATEMENT_CUT_OFF } from './sqlstates.ts';

/**
 * Two ways PGlite (0.5.8; still so in 0.5.14 / pglite-socket 0.2.17) answers a client differently
 * from PostgreSQL, each of which put `pg`'s connection out of step (issue 17: the province tiles
 * bench stopped with "unexpected parseComplete", then `portal "" does not exist`):
 *
 * 1. A failing extended-protocol message (Parse, Bind, Describe, Execute, Close, Flush) is answered
 *    with ErrorResponse AND ReadyForQuery, and the Sync that follows with a second ReadyForQuery
 *    (electric-sql/pglite#958). PostgreSQL sends ReadyForQuery only for Sync (protocol §55.2.3).
 *    `pg` ends the failed query at the first and sends the next query; the second then ends THAT
 *    query early with no rows, and its real answer arrives with nobody waiting.
 * 2. Now and then an Execute without a row limit stops with PortalSuspended and no rows (seen on
 *    z10 red-line tiles, a different one per run; the Sync then warns "snapshot … still active":
 *    the statement was cut off inside PGlite and its error lost). Without a row limit PostgreSQL
 *    never suspends; `pg` answers it with a second Execute of the portal the Sync already closed.
 *
 * So the socket server's PGlite drops every ReadyForQuery from the answer to those messages, and
 * turns such a PortalSuspended into an ErrorResponse (SQLSTATE 58000): the statement fails as the
 * statement it is, and the connection stays in step.
 */
const READY_FOR_QUERY = 'Z'.charCodeAt(0);
const PORTAL_SUSPENDED = 's'.charCodeAt(0);
const EXECUTE = 'E'.charCodeAt(0);


function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...(
      [
        ['S', 'ERROR'],
        ['V', 'ERROR'],
        ['C', code],
        ['M', message],
      ] as const
    ).map(([k, v]) => Buffer.from(`${k}${v}\0`)),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E');
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

const CUT_OFF_ERROR = errorResponse(STATEMENT_CUT_OFF, 'the embedded database stopped the statement without a result (PortalSuspended without a row limit); it was not completed');

/** Passes backend messages through, minus ReadyForQuery and (optionally) PortalSuspended; messages may be split across chunks. */
export class ReadyForQueryFilter {
  private readonly header = Buffer.alloc(5);
  private headerBytes = 0;
  /** Bytes of the current message's body still to pass (or drop). */
  private remaining = 0;
  private dropping = false;
  /** The last ReadyForQuery dropped (its status byte: idle, in a transaction, failed one). */
  private lastReady: Buffer | null = null;
  private readyBytes = 0;

  constructor(
    private readonly forward: (data: Uint8Array) => void,
    private readonly suspendedIsError = false,
  ) {}

  push(chunk: Uint8Array): void {
    const out: Uint8Array[] = [];
    let changed = false;
    for (let i = 0; i < chunk.length; ) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        if (this.dropping) changed = true;
        else out.push(chunk.subarray(i, i + n));
        if (this.lastReady && this.readyBytes < this.lastReady.length) {
          const k = Math.min(n, this.lastReady.length - this.readyBytes);
          this.lastReady.set(chunk.subarray(i, i + k), this.readyBytes);
          this.readyBytes += k;
        }
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
      const suspended = this.suspendedIsError && this.header[0] === PORTAL_SUSPENDED;
      this.dropping = this.header[0] === READY_FOR_QUERY || suspended;
      if (this.header[0] === READY_FOR_QUERY) {
        this.lastReady = Buffer.alloc(5 + this.remaining);
        this.header.copy(this.lastReady);
        this.readyBytes = 5;
      }
      if (suspended) out.push(CUT_OFF_ERROR);
      if (this.dropping) changed = true;
      else out.push(Buffer.from(this.header));
    }
    if (!changed) this.forward(chunk);
    else if (out.length) this.forward(Buffer.concat(out));
  }

  /** Sends the last ReadyForQuery dropped, if any: the one answer to the Sync or Query that ended the batch. */
  endWithReady(): void {
    if (this.lastReady && this.readyBytes === this.lastReady.length) this.forward(this.lastReady);
    this.lastReady = null;
  }
}

/** Whether a batch holds an Execute asking for every row (max_rows 0 after the portal's name): it must never suspend. */
function executesAll(batch: Uint8Array): boolean {
  const view = Buffer.from(batch.buffer, batch.byteOffset, batch.length);
  for (const i of messageOffsets(batch)) {
    if (view[i] !== EXECUTE) continue;
    const end = view.indexOf(0, i + 5); // the portal name's terminator
    if (end > 0 && end + 5 <= view.length && view.readInt32BE(end + 1) === 0) return true;
  }
  return false;
}

/**
 * Makes `db` answer like PostgreSQL on the socket: wraps the one method the socket server runs
 * each batch of client messages through (pglite-batches.ts). PGlite answers a failed message of a
 * batch with ReadyForQuery and the batch's Sync with another; so every ReadyForQuery is held back
 * and only the last one sent, once the batch is done, if the batch ends in a Sync or a Query — a
 * batch of Parse/Bind/Describe/Execute still waiting for its Sync gets none. Also: a message that
 * throws (PGlite itself failed — not an SQL error, those are answers) would leave pglite-socket's
 * queue stopped for good (every later query hangs, electric-sql/pglite#1046); `onFailure` is
 * called instead (the worker ends the thread).
 */
export function readyForQueryOnlyAtSync(db: PGlite, onFailure: (e: unknown) => never): PGlite {
  const exec = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (batch, options) => {
    const filter = new ReadyForQueryFilter(options.onRawData, executesAll(batch));
    try {
      await exec(batch, { ...options, onRawData: (d: Uint8Array) => filter.push(d) });
    } catch (e) {
      onFailure(e);
    }
    if (!awaitsSync(batch)) filter.endWithReady();
  };
  return db;
}
