import type pg from 'pg';
import type { Logger } from '../http/logger.ts';
import { isAppError } from '../http/errors.ts';
import { claimNextJob, finishJob, requeueInterruptedJobs, type JobRow } from './store.ts';

/** What a handler gets to do its work: the job as claimed, the pool, and whether to stop now. */
export interface JobContext {
  job: JobRow;
  pool: pg.Pool;
  /** True once the server is stopping: return without finishing, the job resumes at the next start. */
  stopping(): boolean;
}

/**
 * Runs one job to its end. It keeps its own progress in the database (so that it can resume after a
 * restart) and returns normally when done, cancelled (seen in the database) or stopping.
 * A throw fails the job with the error's bilingual message.
 */
export type JobHandler = (context: JobContext) => Promise<void>;

/**
 * A small runner for background work whose state lives in the database (jobs table): one job at a
 * time, oldest first; handlers by kind. `start()` puts jobs interrupted by a restart back in the
 * queue and runs the queue; `kick()` after enqueuing runs it now; `stop()` lets the current job
 * reach a resumable point. No timers: work arrives by kick() and at start.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Pick<Logger, 'info' | 'error' | 'warn'>,
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  async start(): Promise<void> {
    const requeued = await requeueInterruptedJobs(this.pool, [...this.handlers.keys()]);
    if (requeued > 0) this.log.info({ jobs: requeued }, 'resuming background jobs interrupted by a restart');
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
    await this.idle();
  }

  private async drain(): Promise<void> {
    while (this.again && !this.stopped) {
      this.again = false;
      for (;;) {
        if (this.stopped) return;
        let job: JobRow | undefined;
        try {
          job = await claimNextJob(this.pool, [...this.handlers.keys()]);
        } catch (e) {
          this.log.error({ err: e }, 'could not claim a background job');
          return;
        }
        if (!job) break;
        await this.runOne(job);
      }
    }
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    try {
      await handler({ job, pool: this.pool, stopping: () => this.stopped });
      if (!this.stopped) await finishJob(this.pool, job.id, { status: 'done' });
    } catch (e) {
      if (this.stopped) return; // the pool may be closing: the job resumes at the next start
      this.log.error({ err: e, job: job.id, kind: job.kind }, 'background job failed');
      const error = isAppError(e)
        ? { code: e.code, message: e.messages }
        : { code: 'JOB_FAILED', message: { zh: '后台任务意外失败，请查看服务器日志', en: 'The background job failed unexpectedly; see the server log' } };
      await finishJob(this.pool, job.id, { status: 'failed', error }).catch((err: unknown) => this.log.error({ err }, 'could not record the failure of a job'));
    }
  }
}
