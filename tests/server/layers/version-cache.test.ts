import { describe, expect, it } from 'vitest';
import { CacheBudget, VersionedCache } from '../../../server/layers/version-cache.ts';

/** LAYER_CACHE_MB is one budget for the tiles, features and search-shape caches of a process, not one each. */
describe('caches sharing one budget', () => {
  const bytes = (n: number) => Buffer.alloc(n);

  it('keeps the bytes of all its caches under the budget, least recently used of any cache out first', () => {
    const budget = new CacheBudget(100);
    const tiles = new VersionedCache(budget);
    const features = new VersionedCache(budget);
    tiles.set('t1', bytes(10));
    features.set('f1', bytes(10));
    tiles.set('t2', bytes(10));
    for (let i = 0; i < 7; i++) features.set(`f${i + 2}`, bytes(10)); // 100 bytes: full
    expect(budget.bytes).toBe(100);
    expect(tiles.get('t1')).toBeDefined(); // t1 is now the most recently used; f1 the least
    tiles.set('t3', bytes(10));
    expect(budget.bytes).toBe(100);
    expect(features.get('f1')).toBeUndefined();
    expect(tiles.get('t1')).toBeDefined();
    expect([tiles.size, features.size]).toEqual([3, 7]);
  });

  it('gives a cache the whole budget while the others are empty, and takes it back as they fill', () => {
    const budget = new CacheBudget(100);
    const tiles = new VersionedCache(budget);
    const search = new VersionedCache<string>(budget, (s) => s.length);
    for (let i = 0; i < 10; i++) tiles.set(`t${i}`, bytes(10));
    expect(tiles.size).toBe(10);
    for (let i = 0; i < 5; i++) search.set(`s${i}`, 'x'.repeat(10));
    expect([tiles.size, search.size, budget.bytes]).toEqual([5, 5, 100]);
  });

  it('does not cache one answer of more than an eighth of the budget', () => {
    const cache = new VersionedCache(new CacheBudget(80));
    cache.set('big', bytes(11));
    expect(cache.size).toBe(0);
  });
});
