import { describe, expect, it } from 'vitest';
import { CacheBudget, cacheBudgetOf } from '../../../server/layers/version-cache.ts';

/** LAYER_CACHE_MB bounds the total of the caches of one database, not each of them (issue 17 review, d). */
describe('one cache budget', () => {
  it('the caches of one budget together stay within it, least recently used out first, across caches', () => {
    const budget = new CacheBudget(1_000);
    const tiles = budget.cache<Buffer>((b) => b.length);
    const features = budget.cache<Buffer>((b) => b.length);
    for (let i = 0; i < 8; i++) tiles.set(`t${i}`, Buffer.alloc(100));
    expect(budget.bytes).toBe(800);
    tiles.get('t0'); // used again: kept over t1
    for (let i = 0; i < 4; i++) features.set(`f${i}`, Buffer.alloc(100));
    expect(budget.bytes).toBe(1_000);
    expect(['t0', 't1', 't2', 't3'].map((k) => tiles.get(k) !== undefined)).toEqual([true, false, false, true]);
    expect(['f0', 'f1', 'f2', 'f3'].every((k) => features.get(k) !== undefined)).toBe(true);
  });

  it('two caches never see each other’s keys, and an answer over an eighth of the budget is not kept', () => {
    const budget = new CacheBudget(1_000);
    const a = budget.cache<string>((s) => s.length);
    const b = budget.cache<string>((s) => s.length);
    a.set('water_source/1/6/52/27', 'a');
    expect(b.get('water_source/1/6/52/27')).toBeUndefined();
    a.set('big', 'x'.repeat(126));
    expect(a.get('big')).toBeUndefined();
    expect(budget.bytes).toBe(1);
  });

  it('the routers of one database share one budget of LAYER_CACHE_MB', () => {
    const pool = {};
    const db = { pool } as unknown as Parameters<typeof cacheBudgetOf>[0];
    expect(cacheBudgetOf(db)).toBe(cacheBudgetOf({ ...db }));
    expect(cacheBudgetOf(db)).not.toBe(cacheBudgetOf({ pool: {} } as unknown as Parameters<typeof cacheBudgetOf>[0]));
    expect(cacheBudgetOf(db).maxBytes).toBe(128 * 1024 * 1024);
  });
});
