import type { PGlite } from '@electric-sql/pglite';
import { awaitsSync, lastMessageType, messageOffsets } from './pglite-batches.ts';
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
 * 3. A statement that fails inside PGlite without an error (GEOS running out of WebAssembly memory:
 *    a site of 50,000 buffered points; ST_IsSimple of a 22-million-point line) gets no answer at
 *    all, not even the ReadyForQuery of its Sync. `pg` then waits for ever, and with it every
 *    request behind it on the embedded database's one session: the server was wedged for good.
 *
 * So the socket server's PGlite drops every ReadyForQuery from the answer to those messages, turns
 * such a PortalSuspended into an ErrorResponse (SQLSTATE 58000), and answers a Sync or Query that
 * got no ReadyForQuery with a 58000 ErrorResponse (unless PGlite sent an error) and one
 * ReadyForQuery: the statement fails as the statement it is, and the connection stays in step.
 */
const READY_FOR_QUERY = 'Z'.charCodeAt(0);
const PORTAL_SUSPENDED = 's'.charCodeAt(0);
const EXECUTE = 'E'.charCodeAt(0);
const SYNC = 'S'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);


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
const NO_ANSWER_ERROR = errorResponse(STATEMENT_CUT_OFF, 'the embedded database ended the statement without an answer (it may have run out of memory); it was not completed');
const ERROR_RESPONSE = 'E'.charCodeAt(0);
const DATA_ROW = 'D'.charCodeAt(0);

/** A ReadyForQuery with its transaction status: 'I' idle, 'T' in a transaction, 'E' in a failed one. */
function readyForQuery(status: 'I' | 'T' | 'E'): Buffer {
  return Buffer.from([READY_FOR_QUERY, 0, 0, 0, 5, status.charCodeAt(0)]);
}

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
  /** Whether an ErrorResponse was passed on: the answer already says the statement failed. */
  private sentError = false;
  /** The body of the ErrorResponse being passed on (to read its SQLSTATE), and the SQLSTATEs read. */
  private errorBody: Buffer | null = null;
  private errorBytes = 0;
  readonly errorCodes: string[] = [];

  /** Whether PGlite sent its ReadyForQuery (held back until endWithReady). */
  get readySeen(): boolean {
    return this.lastReady !== null && this.readyBytes === this.lastReady.length;
  }

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
        if (this.errorBody) {
          this.errorBody.set(chunk.subarray(i, i + n), this.errorBytes);
          this.errorBytes += n;
          if (this.errorBytes === this.errorBody.length) {
            this.errorCodes.push(sqlState(this.errorBody));
            this.errorBody = null;
          }
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
      if (suspended || this.header[0] === ERROR_RESPONSE) this.sentError = true;
      // Error bodies are a few hundred bytes: kept whole to read the code (bounded, in case).
      if (this.header[0] === ERROR_RESPONSE && this.remaining > 0 && this.remaining < 65_536) {
        this.errorBody = Buffer.alloc(this.remaining);
        this.errorBytes = 0;
      }
      if (this.dropping) changed = true;
      else out.push(Buffer.from(this.header));
    }
    if (!changed) this.forward(chunk);
    else if (out.length) this.forward(Buffer.concat(out));
  }

  /**
   * Sends the last ReadyForQuery dropped: the one answer to the Sync or Query that ended the batch.
   * Without one, and when the batch ended in a Sync or Query (`status` given: PostgreSQL always
   * answers them), PGlite lost the statement's answer: a 58000 error (unless one was sent) and a
   * ReadyForQuery with `status` keep the client in step instead of waiting for ever.
   */
  endWithReady(status: 'I' | 'E' | null = null): 'answered' | 'lost' {
    const ready = this.lastReady && this.readyBytes === this.lastReady.length ? this.lastReady : null;
    this.lastReady = null;
    if (ready) this.forward(ready);
    else if (status) {
      this.forward(this.sentError ? readyForQuery(status) : Buffer.concat([NO_ANSWER_ERROR, readyForQuery(status)]));
      return 'lost';
    }
    return 'answered';
  }
}

/** Whether a batch's last message is a Sync or a simple Query: PostgreSQL answers both with ReadyForQuery (not a Terminate, a StartupMessage …). */
function endsInSyncOrQuery(batch: Uint8Array): boolean {
  const last = lastMessageType(batch);
  return last === SYNC || last === QUERY;
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
 * called instead (the worker ends the thread). A statement answered with nothing is answered
 * with an error, then `onLost` is called once: PGlite's state is not to be trusted after it; so is
 * it called when, after a statement failed, PGlite fails a small probe.
 */
export function readyForQueryOnlyAtSync(db: PGlite, onFailure: (e: unknown) => never, onLost: () => void): PGlite {
  const exec = db.execProtocolRawStream.bind(db);
  // After a site GEOS could not finish (out of WebAssembly memory) later statements failed with
  // "out of memory" or returned nothing, then the protocol fell out of step and the server hung:
  // the heap GEOS leaves behind is not given back. Only a new PGlite brings it back (embedded.ts).
  let lost = false;
  db.execProtocolRawStream = async (batch, options) => {
    const filter = new ReadyForQueryFilter(options.onRawData, executesAll(batch));
    try {
      await exec(batch, { ...options, onRawData: (d: Uint8Array) => filter.push(d) });
    } catch (e) {
      onFailure(e);
    }
    if (awaitsSync(batch)) return;
    const expectsReady = endsInSyncOrQuery(batch);
    // Said before the answer goes out, so that the app's next connection already waits for the new
    // PGlite (embedded.ts) instead of reaching this one as it closes.
    // A statement that failed with an internal error, out of memory or resources (XX, 53, 58) may
    // have left PGlite unable to run anything: outside a transaction, a small statement that
    // allocates and runs GEOS says whether it still works. Sent here, inside the socket server's
    // hold on PGlite (db.query would wait for that hold: a deadlock). Such errors are rare; the
    // probe costs about 1.5 ms (an ordinary SQL error, 22012 or 23505, gets none).
    const mayHaveRunOutOfMemory = filter.errorCodes.some((code) => /^(XX|53|58)/.test(code));
    if (!lost && ((expectsReady && !filter.readySeen) || (mayHaveRunOutOfMemory && !db.isInTransaction() && !(await stillWorks(exec))))) {
      lost = true;
      onLost();
    }
    // A statement lost inside a transaction may have aborted it: 'E' makes the client roll back.
    filter.endWithReady(expectsReady ? (db.isInTransaction() ? 'E' : 'I') : null);
  };
  return db;
}

/** The SQLSTATE of an ErrorResponse body (its 'C' field); '' when it has none. */
function sqlState(body: Buffer): string {
  for (let i = 0; i < body.length && body[i] !== 0; ) {
    const end = body.indexOf(0, i + 1);
    if (end < 0) break;
    if (body[i] === 'C'.charCodeAt(0)) return body.toString('latin1', i + 1, end);
    i = end + 1;
  }
  return '';
}

/** 64 KB and a GEOS buffer, as a simple Query message: what the next check will at least need. */
const PROBE = (() => {
  const sql = Buffer.from(`SELECT length(repeat('x', 65536)) + ST_NPoints(ST_Buffer(ST_MakePoint(0, 0), 1))\0`);
  const header = Buffer.alloc(5);
  header.write('Q', 0, 'latin1');
  header.writeInt32BE(4 + sql.length, 1);
  return Buffer.concat([header, sql]);
})();

/** Whether PGlite answers the probe with rows and ReadyForQuery, and no error (or throws). */
async function stillWorks(exec: PGlite['execProtocolRawStream']): Promise<boolean> {
  const chunks: Uint8Array[] = [];
  try {
    await exec(PROBE, { onRawData: (d: Uint8Array) => chunks.push(Uint8Array.from(d)) });
  } catch {
    return false;
  }
  const answer = Buffer.concat(chunks);
  const types = [...messageOffsets(answer)].map((i) => answer[i]);
  return types.includes(DATA_ROW) && types.at(-1) === READY_FOR_QUERY && !types.includes(ERROR_RESPONSE);
}
