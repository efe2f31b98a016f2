import type net from 'node:net';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

/**
 * pglite-socket (0.2.11, pinned) hands PGlite each protocol message of a client alone: a query
 * from `pg` (Bind, Describe, Execute, Sync) makes four trips through its queue, its lock and
 * WebAssembly, ≈ 0.15 ms each — three quarters of a small query's time (issue 17). PGlite reads
 * any number of messages in one call, as PostgreSQL reads its socket; so the messages that arrive
 * together go as one batch up to and including their Sync: one trip per query.
 *
 * Only the handler's data path is replaced; its queue (one client at a time, a client in a
 * transaction first), SSL and cancel answers and its lifecycle stay pglite-socket's. The batch's
 * answers are made PostgreSQL's by pglite-sync-ready.ts (one ReadyForQuery per Sync).
 */
interface HandlerInternals {
  socket: net.Socket | null;
  active: boolean;
  messageBuffer: Buffer;
  readonly id: number;
  queryQueue: { enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> };
  handleSslRequest(): boolean;
  handleCancelRequest(): boolean;
  dispatchEvent(event: Event): boolean;
}

const PROTOCOL_3 = 196_608; // a StartupMessage's version field: 3.0
const SYNC = 'S'.charCodeAt(0);
/** Extended-protocol messages PostgreSQL answers without ReadyForQuery: they wait for their Sync. */
const EXTENDED = new Set([...'PBDECH'].map((c) => c.charCodeAt(0)));

const isStartup = (buffer: Buffer) => buffer.length >= 8 && buffer.readInt32BE(4) === PROTOCOL_3;

/** Offsets of the messages of a batch (as nextBatchLength cut it); none for a StartupMessage. */
export function* messageOffsets(batch: Uint8Array): Generator<number> {
  const view = Buffer.from(batch.buffer, batch.byteOffset, batch.length);
  if (isStartup(view)) return;
  for (let i = 0; i + 5 <= view.length; i += 1 + view.readInt32BE(i + 1)) yield i;
}

/** The type byte of a batch's last message; undefined for a StartupMessage or nothing. */
export function lastMessageType(batch: Uint8Array): number | undefined {
  let last: number | undefined;
  for (const i of messageOffsets(batch)) last = batch[i];
  return last;
}

/** Whether a batch ends in a message still waiting for its Sync (PostgreSQL sends no ReadyForQuery for it). */
export function awaitsSync(batch: Uint8Array): boolean {
  const last = lastMessageType(batch);
  return last !== undefined && EXTENDED.has(last);
}

/**
 * Bytes of the next batch at the start of `buffer`, 0 while its first message is incomplete:
 * extended-protocol messages up to and including a Sync (or as many as are complete); any other
 * message (a simple Query, a StartupMessage, Terminate …) alone.
 */
export function nextBatchLength(buffer: Buffer): number {
  if (isStartup(buffer)) {
    const length = buffer.readInt32BE(0);
    return buffer.length >= length ? length : 0;
  }
  let end = 0;
  while (buffer.length - end >= 5) {
    const length = 1 + buffer.readInt32BE(end + 1);
    if (buffer.length - end < length) break;
    const type = buffer[end];
    if (type === SYNC) return end + length;
    if (!EXTENDED.has(type)) return end > 0 ? end : length;
    end += length;
  }
  return end;
}

async function handleData(this: HandlerInternals, data: Buffer): Promise<number> {
  if (!this.socket || !this.active) return 0;
  this.messageBuffer = Buffer.concat([this.messageBuffer, data]);
  let written = 0;
  let writeError: Error | undefined;
  while (this.messageBuffer.length > 0) {
    if (this.handleSslRequest() || this.handleCancelRequest()) continue;
    const length = nextBatchLength(this.messageBuffer);
    if (length === 0) break;
    const batch = new Uint8Array(this.messageBuffer.subarray(0, length));
    this.messageBuffer = this.messageBuffer.subarray(length);
    if (!this.active || !this.socket) break;
    await this.queryQueue.enqueue(this.id, batch, (out) => {
      if (out.length > 0 && this.socket?.writable && this.active) this.socket.write(Buffer.from(out), (e) => (writeError ??= e ?? undefined));
      written += out.length;
    });
    if (writeError) throw writeError;
  }
  this.dispatchEvent(new CustomEvent('data', { detail: { incoming: data.length, outgoing: written } }));
  return written;
}

/** Makes every pglite-socket handler send PGlite its clients' messages in batches (see above). */
export function sendMessagesInBatches(): void {
  const prototype = PGLiteSocketHandler.prototype as unknown as { handleData?: unknown };
  // A pglite-socket whose handler reads its data differently would be patched blind: refuse.
  if (typeof prototype.handleData !== 'function') throw new Error('pglite-socket: PGLiteSocketHandler.handleData not found (version changed?)');
  prototype.handleData = handleData;
}
