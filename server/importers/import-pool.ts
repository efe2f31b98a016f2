import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError, serviceUnavailable, unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';
import type { ImportRequest } from './index.ts';
import type { ImportRefusal, ImportTask } from './import-worker.ts';

/**
 * Imported files are parsed in a bounded pool of worker threads (piscina), never on the event loop
 * that answers map reads, checks and the embedded database: a hostile upload then costs one thread
 * for at most `timeoutMs`, not every other client's latency (issue 11, npm run load). The threads run
 * at a lower CPU priority (nice), so on a busy machine the event loop is served first. One client
 * (a signed-in user, else an address) may have `perClient` imports running or waiting; past it a 429
 * with Retry-After, so one client cannot hold every thread.
 */
export interface ImportPoolOptions {
  threads: number;
  perClient: number;
  queueMax: number;
  timeoutMs: number;
  heapMb: number;
  /** A thread idle this long ends (its isolate and heap with it); the next import starts one anew. */
  idleMs: number;
}

/**
 * A planner imports now and then: an idle thread would hold tens of MB (its V8 heap, its malloc
 * arena) for nothing — on the embedded database beside PGlite's memory. A thread starts in ~0.1 s
 * (compiled server), so the pool keeps none idle for long; a run of imports reuses the same one.
 */
const IDLE_MS = 30_000;

const fromLimits = (): ImportPoolOptions => ({
  threads: LIMITS.importWorkers,
  perClient: LIMITS.importPerClient,
  queueMax: LIMITS.importQueueMax,
  timeoutMs: LIMITS.importTimeoutMs,
  heapMb: LIMITS.importWorkerHeapMb,
  idleMs: IDLE_MS,
});

/** Niceness added to the pool's threads (Linux; elsewhere ignored): parsing yields to the event loop. */
const NICE_INCREMENT = 10;
const RETRY_AFTER_S = 2;

/** From the TypeScript sources the dev bootstrap; in the compiled server the bundled worker beside it. */
const workerFile = () =>
  import.meta.url.endsWith('.ts') ? new URL('./import-worker-dev.mjs', import.meta.url).href : new URL('./import-worker.js', import.meta.url).href;

const tooManyAtOnce = (perClient: number) => {
  const e = new AppError(429, 'IMPORTS_IN_PROGRESS', {
    zh: `您已有 ${perClient} 个文件正在导入，请待其完成后再上传（${RETRY_AFTER_S} 秒后重试）。`,
    en: `You already have ${perClient} imports in progress; upload again once they finish (retry in ${RETRY_AFTER_S} s).`,
  });
  e.retryAfterS = RETRY_AFTER_S;
  return e;
};

export class ImportPool {
  private pool?: Piscina<ImportTask, Uint8Array | ImportRefusal>;
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly options: ImportPoolOptions = fromLimits()) {}

  /** Threads alive now (started by imports, ended after `idleMs` without one). */
  get threadCount(): number {
    return this.pool?.threads.length ?? 0;
  }

  /** Created at the first import: an app in a test that imports nothing starts no threads. */
  private threads(): Piscina<ImportTask, Uint8Array | ImportRefusal> {
    if (this.pool) return this.pool;
    this.pool = new Piscina<ImportTask, Uint8Array | ImportRefusal>({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: this.options.threads,
      idleTimeout: this.options.idleMs,
      maxQueue: this.options.queueMax,
      niceIncrement: NICE_INCREMENT,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
      // Not the server's own flags (--import tsx, --cpu-prof …): the dev bootstrap registers tsx itself.
      execArgv: [],
    });
    // A thread that fails outside a task (none is waiting for it) is replaced; nothing to answer.
    this.pool.on('error', () => undefined);
    return this.pool;
  }

  /**
   * Holds one of `client`'s import slots until `release` is called (the response is over), or throws
   * the 429 when the client has them all — before its upload is read (routes.ts).
   */
  reserve(client: string): () => void {
    const running = this.inFlight.get(client) ?? 0;
    if (running >= this.options.perClient) throw tooManyAtOnce(this.options.perClient);
    this.inFlight.set(client, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(client) ?? 1) - 1;
      if (left > 0) this.inFlight.set(client, left);
      else this.inFlight.delete(client);
    };
  }

  /** Parses one upload in a thread; resolves with the JSON answer's bytes, rejects with an AppError. */
  async run(request: ImportRequest): Promise<Uint8Array> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => (timer = setTimeout(() => abort.abort(), this.options.timeoutMs)));
    try {
      const pool = this.threads();
      // piscina's maxQueue does not bound these tasks: one with an AbortSignal (the time limit) that
      // finds no idle thread goes to piscina's skipQueue, which maxQueue does not count (piscina
      // 5.3: six uploads at once on a queue of one all waited, none was refused). queueSize counts
      // both queues, so the bound is checked here, with piscina's own error (refusalOf answers it).
      if (pool.queueSize >= this.options.queueMax) throw new Error('Task queue is at limit');
      const { bytes, ...options } = request;
      const out = await pool.run(
        { request: { ...options, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, started: port2 },
        { transferList: [port2], signal: abort.signal },
      );
      if (out instanceof Uint8Array) return out;
      throw new AppError(out.status, out.code, out.messages, out.details);
    } catch (e) {
      throw this.refusalOf(e, abort.signal.aborted);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** A parse that ran out of time or memory, or a full queue, in the API's terms. */
  private refusalOf(e: unknown, timedOut: boolean): unknown {
    if (e instanceof AppError) return e;
    const seconds = this.options.timeoutMs / 1000;
    if (timedOut)
      return unprocessable('IMPORT_TIMEOUT', `文件解析超过 ${seconds} 秒，已中止：文件过于复杂，请简化或拆分后再导入。`, `Reading the file took more than ${seconds} s and was stopped: it is too complex; simplify or split it and import again.`);
    if ((e as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      return unprocessable('IMPORT_TOO_COMPLEX', `解析此文件所需内存超过上限（${this.options.heapMb} MB），已中止：请简化或拆分后再导入。`, `Reading the file needed more than ${this.options.heapMb} MB of memory and was stopped: simplify or split it and import again.`);
    if ((e as Error).message === 'Task queue is at limit')
      return serviceUnavailable('IMPORT_BUSY', `服务器正在处理的导入过多，请 ${RETRY_AFTER_S} 秒后重试。`, `The server is busy with other imports; try again in ${RETRY_AFTER_S} seconds.`, RETRY_AFTER_S);
    return e;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
