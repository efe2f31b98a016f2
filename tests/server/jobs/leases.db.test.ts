import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { DatabaseRateLimitStore } from '../../../server/http/rate-limit-store.ts';
import { JobRunner } from '../../../server/jobs/runner.ts';
import { claimNextJob, finishJob, getJob, insertJob, releaseJob, renewLeases } from '../../../server/jobs/store.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * Several app instances on one database (issue 17): a job is held by one instance's lease; a job
 * whose instance died is taken by another once the lease runs out, never while it is held; rate
 * limits count across instances.
 */
let db: Database;
const log = createLogger('silent');
const kind = `lease_test_${Date.now().toString(36)}`;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.pool.query('DELETE FROM jobs WHERE kind = $1', [kind]);
  await db.close();
});

describe('job leases', () => {
  it('two instances claiming at once take different jobs; a held lease is not taken over', async () => {
    const a = await insertJob(db.pool, { kind, ownerId: null });
    const b = await insertJob(db.pool, { kind, ownerId: null });
    const [first, second] = await Promise.all([
      claimNextJob(db.pool, [kind], 'instance-a', 60_000),
      claimNextJob(db.pool, [kind], 'instance-b', 60_000),
    ]);
    expect(new Set([first?.id, second?.id])).toEqual(new Set([a.id, b.id]));
    // Both leases are live: a third instance finds nothing to do.
    expect(await claimNextJob(db.pool, [kind], 'instance-c', 60_000)).toBeUndefined();
    // Only the holder renews and finishes.
    const holderOfA = first!.id === a.id ? 'instance-a' : 'instance-b';
    expect([...(await renewLeases(db.pool, 'instance-c', [a.id], 60_000))]).toEqual([]);
    expect([...(await renewLeases(db.pool, holderOfA, [a.id], 60_000))]).toEqual([a.id]);
    await finishJob(db.pool, a.id, 'instance-c', { status: 'done' });
    expect((await getJob(db.pool, a.id))!.status).toBe('running');
    await finishJob(db.pool, a.id, holderOfA, { status: 'done' });
    expect((await getJob(db.pool, a.id))!.status).toBe('done');
    await db.pool.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [b.id]);
  });

  it('a job whose instance died (lease not renewed) is resumed by another instance', async () => {
    const job = await insertJob(db.pool, { kind, ownerId: null });
    // The dead instance: claimed with a short lease, then nothing (no heartbeat, no finish).
    expect((await claimNextJob(db.pool, [kind], 'dead-instance', 300))!.id).toBe(job.id);
    const survivor = new JobRunner(db.pool, log, { leaseMs: 300, pollMs: 100 });
    const ran: number[] = [];
    survivor.register(kind, async ({ job: j }) => {
      ran.push(j.id);
    });
    await survivor.start();
    // Not before the lease runs out …
    await survivor.idle();
    const early = await getJob(db.pool, job.id);
    if (early!.status === 'running') expect(ran).toEqual([]);
    // … then the survivor's poll claims and finishes it.
    for (let i = 0; i < 100 && (await getJob(db.pool, job.id))!.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
    await survivor.stop();
    expect(ran).toEqual([job.id]);
    expect(await getJob(db.pool, job.id)).toMatchObject({ status: 'done' });
  });

  it('a long job keeps its lease by heartbeat: another instance does not take it meanwhile', async () => {
    const job = await insertJob(db.pool, { kind, ownerId: null });
    const busy = new JobRunner(db.pool, log, { leaseMs: 150, pollMs: 0 });
    let release!: () => void;
    const working = new Promise<void>((r) => (release = r));
    busy.register(kind, () => working);
    await busy.start();
    // Five leases long: without the heartbeat the lease would have run out four times.
    await new Promise((r) => setTimeout(r, 750));
    expect(await claimNextJob(db.pool, [kind], 'other-instance', 150)).toBeUndefined();
    release();
    await busy.idle();
    await busy.stop();
    expect(await getJob(db.pool, job.id)).toMatchObject({ status: 'done' });
  });
});

describe('leases when things go wrong', () => {
  it('a job handed back is claimable at once, even in the same tick of the clock', async () => {
    // In one transaction now() does not move: the release and the claim see the same instant, as a
    // stop and the next claim within one millisecond of PGlite's clock did (this test file failed
    // now and then: "a job whose handler throws …" found nothing to claim).
    const job = await insertJob(db.pool, { kind, ownerId: null });
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      expect((await claimNextJob(client, [kind], 'stopping-instance', 60_000))?.id).toBe(job.id);
      await releaseJob(client, job.id, 'stopping-instance');
      expect((await claimNextJob(client, [kind], 'next-instance', 60_000))?.id).toBe(job.id);
      await finishJob(client, job.id, 'next-instance', { status: 'done' });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await getJob(db.pool, job.id))!.status).toBe('done');
  });

  it('a job whose handler throws while the instance stops is handed back at once, not after its lease', async () => {
    const job = await insertJob(db.pool, { kind, ownerId: null });
    const stopping = new JobRunner(db.pool, log, { leaseMs: 60_000, pollMs: 0 });
    let fail!: (e: Error) => void;
    stopping.register(kind, () => new Promise<void>((_, reject) => (fail = reject)));
    await stopping.start();
    for (let i = 0; i < 100 && (await getJob(db.pool, job.id))!.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 20));
    const stopped = stopping.stop();
    fail(new Error('the pool is closing'));
    await stopped;
    // Another instance takes it now, not in a minute.
    expect((await claimNextJob(db.pool, [kind], 'next-instance', 60_000))?.id).toBe(job.id);
    await finishJob(db.pool, job.id, 'next-instance', { status: 'done' });
  });

  it('a lease that cannot be renewed for as long as it lasts stops the handler', async () => {
    const job = await insertJob(db.pool, { kind, ownerId: null });
    let unreachable = false;
    // The database as the heartbeat sees it: renewals fail once it is "unreachable".
    const pool = new Proxy(db.pool, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: unknown, ...rest: unknown[]) =>
          unreachable && typeof sql === 'string' && sql.includes('lease_until = now() +') && sql.includes('RETURNING id')
            ? Promise.reject(new Error('connection refused'))
            : (target.query as (...a: unknown[]) => unknown)(sql, ...rest);
      },
    });
    const runner = new JobRunner(pool, log, { leaseMs: 200, pollMs: 0 });
    let sawStop = false;
    runner.register(kind, async ({ stopping }) => {
      unreachable = true;
      for (let i = 0; i < 100 && !stopping(); i++) await new Promise((r) => setTimeout(r, 20));
      sawStop = stopping();
    });
    await runner.start();
    await runner.idle();
    await runner.stop();
    expect(sawStop).toBe(true);
    // It did not finish the job as if it still held it.
    expect((await getJob(db.pool, job.id))!.status).toBe('running');
    await db.pool.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [job.id]);
  });
});

describe('rate limits in the database', () => {
  it('two instances count into one budget per client', async () => {
    const name = `test_${Date.now().toString(36)}`;
    const one = new DatabaseRateLimitStore(db.pool, name);
    const two = new DatabaseRateLimitStore(db.pool, name);
    for (const s of [one, two]) s.init({ windowMs: 60_000 } as never);
    expect((await one.increment('ip:10.0.0.1')).totalHits).toBe(1);
    expect((await two.increment('ip:10.0.0.1')).totalHits).toBe(2);
    expect((await one.increment('ip:10.0.0.1')).totalHits).toBe(3);
    expect((await two.increment('ip:10.0.0.2')).totalHits).toBe(1);
    // A window that ended starts over.
    await db.pool.query(`UPDATE rate_limit_hits SET reset_at = now() - interval '1 second' WHERE key = $1`, [`${name}:ip:10.0.0.1`]);
    expect((await two.increment('ip:10.0.0.1')).totalHits).toBe(1);
    await one.resetAll();
  });
});
