import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type pg from 'pg';
import type { Logger } from '../http/logger.ts';
import { isAppError } from '../http/errors.ts';
import { claimNextJob, expireAllLeases, finishJob, releaseJob, renewLeases, type JobRow } from './store.ts';

/** What a handler gets to do its work: the job as claimed, the pool, and whether to stop now. */
interface JobContext {
  job: JobRow;
  pool: pg.Pool;
  /** True once the server is stopping or this instance lost the job's lease: return without finishing. */
  stopping(): boolean;
}

/**
 * Runs one job to its end. It keeps its own progress in the database (so that it can resume after a
 * restart, here or on another instance) and returns normally when done, cancelled (seen in the
 * database) or stopping. A throw fails the job with the error's bilingual message.
 */
export type JobHandler = (context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  /**
   * One process owns the database (embedded PGlite): at start, jobs left running by a crash are
   * resumed at once instead of when their lease runs out.
   */
  exclusive?: boolean;
  /** How long a claimed job stays this instance's without a heartbeat (default 30 s). */
  leaseMs?: number;
  /**
   * How often an idle instance looks for work it was not told about: jobs whose instance died, or
   * queued by an instance that stopped before running them. Default: every lease; 0 = never (tests).
   */
  pollMs?: number;
}

/**
 * A small runner for background work whose state lives in the database (jobs table): one job at a
 * time per instance, oldest first; handlers by kind. Safe with several app instances on one
 * PostgreSQL: a job is claimed with FOR UPDATE SKIP LOCKED under a lease that a heartbeat renews
 * every third of it; a job whose lease ran out (its instance died) is claimed by the next instance
 * that looks. `kick()` after enqueuing runs the queue now; `stop()` lets the current job reach a
 * resumable point and releases it.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  /** This instance's name on the leases it holds (host, pid and a random part: unique per start). */
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private current: { id: number; lost: boolean; heldAt: number } | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Pick<Logger, 'info' | 'error' | 'warn'>,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? this.leaseMs;
  }

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  async start(): Promise<void> {
    if (this.options.exclusive) {
      const resumed = await expireAllLeases(this.pool, [...this.handlers.keys()]);
      if (resumed > 0) this.log.info({ jobs: resumed }, 'resuming background jobs interrupted by a restart');
    }
    if (this.pollMs > 0 && !this.poll) {
      this.poll = setInterval(() => this.kick(), this.pollMs);
      this.poll.unref();
    }
    this.kick();
  }

  /** Runs queued jobs now (no-op while the loop is already running: it will look again). */
  kick(): void {
    if (this.stopped) return;
    this.again = true;
    this.loop ??= this.drain().finally(() => {
      this.loop = undefined;
    });
  }

  /** Resolves when no job is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    await this.idle();
  }

  private async drain(): Promise<void> {
    while (this.again && !this.stopped) {
      this.again = false;
      for (;;) {
        if (this.stopped) return;
        let job: JobRow | undefined;
        try {
          job = await claimNextJob(this.pool, [...this.handlers.keys()], this.owner, this.leaseMs);
        } catch (e) {
          this.log.error({ err: e }, 'could not claim a background job');
          return;
        }
        if (!job) break;
        await this.runOne(job);
      }
    }
  }

  /**
   * Renews the lease of the job in hand; a lease lost (taken over, cancelled) stops the handler. So
   * does a lease that could not be renewed for as long as it lasts (database unreachable): by then
   * another instance may have claimed the job, and two must never work on it at once.
   */
  private beat(): void {
    const current = this.current;
    if (!current) return;
    renewLeases(this.pool, this.owner, [current.id], this.leaseMs)
      .then((held) => {
        if (held.has(current.id)) current.heldAt = Date.now();
        else current.lost = true;
      })
      .catch((err: unknown) => {
        this.log.warn({ err, job: current.id }, 'could not renew the lease of a background job');
        if (Date.now() - current.heldAt >= this.leaseMs) current.lost = true;
      });
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const current = { id: job.id, lost: false, heldAt: Date.now() };
    this.current = current;
    this.heartbeat = setInterval(() => this.beat(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    const mustStop = () => this.stopped || current.lost;
    try {
      await handler({ job, pool: this.pool, stopping: mustStop });
      if (current.lost) this.log.warn({ job: job.id }, 'background job taken over by another instance or ended');
      else if (this.stopped) await releaseJob(this.pool, job.id, this.owner).catch(() => {});
      else await finishJob(this.pool, job.id, this.owner, { status: 'done' });
    } catch (e) {
      if (mustStop()) {
        // Stopping: hand the job back now (it resumes at once elsewhere); if the pool is already
        // closing this fails and the job resumes when its lease ends. A lost lease is not ours to touch.
        if (!current.lost) await releaseJob(this.pool, job.id, this.owner).catch(() => {});
        return;
      }
      this.log.error({ err: e, job: job.id, kind: job.kind }, 'background job failed');
      const error = isAppError(e)
        ? { code: e.code, message: e.messages }
        : { code: 'JOB_FAILED', message: { zh: '后台任务意外失败，请查看服务器日志', en: 'The background job failed unexpectedly; see the server log' } };
      await finishJob(this.pool, job.id, this.owner, { status: 'failed', error }).catch((err: unknown) =>
        this.log.error({ err }, 'could not record the failure of a job'),
      );
    } finally {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
      this.current = undefined;
    }
  }
}
