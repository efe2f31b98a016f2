import { LIMITS } from '../limits.ts';

/**
 * What one version of a layer looks like (its tiles, its features) never changes: versions are
 * never overwritten (a publish makes a new one). So answers keyed by (layer, version, request) are
 * kept in memory and served without touching the database — on the embedded database, whose one
 * connection checks queue on, a map full of tiles then waits for no check. Bounded by bytes,
 * least recently used out first; one cache per process (a new instance warms its own).
 */
/**
 * Bytes shared by several caches, least recently used out first across all of them: LAYER_CACHE_MB
 * is one budget for the tiles, the features and the search hits' shapes of a process (three budgets
 * of it each were up to 3 × 128 MB beside PGlite's memory; docs/security-fuzz-load.md, memory).
 */
export class CacheBudget {
  bytes = 0;
  /** Stamps the uses of entries in every cache of this budget, to find the oldest of all. */
  tick = 0;
  readonly caches = new Set<VersionedCache<never>>();

  constructor(readonly maxBytes: number) {}

  /** Evicts the least recently used entries of any of the caches until the budget holds. */
  trim(): void {
    while (this.bytes > this.maxBytes) {
      let oldest: VersionedCache<never> | undefined;
      for (const cache of this.caches) if (cache.oldestTick() < (oldest?.oldestTick() ?? Infinity)) oldest = cache;
      if (!oldest) return;
      oldest.evictOldest();
    }
  }
}

let layerCacheBudget: CacheBudget | undefined;

/** The process's one budget for answers of layer versions (LAYER_CACHE_MB). */
export function layerCaches(): CacheBudget {
  layerCacheBudget ??= new CacheBudget(LIMITS.layerCacheMb * 1024 * 1024);
  return layerCacheBudget;
}

interface Entry<T> {
  value: T;
  size: number;
  tick: number;
}

export class VersionedCache<T = Buffer> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly budget: CacheBudget;

  /** `budget`: shared with other caches, or a byte count for a budget of this cache's own. */
  constructor(
    budget: CacheBudget | number,
    private readonly sizeOf: (value: T) => number = (v) => (v as Buffer).length,
  ) {
    this.budget = typeof budget === 'number' ? new CacheBudget(budget) : budget;
    this.budget.caches.add(this as unknown as VersionedCache<never>);
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      hit.tick = ++this.budget.tick;
      this.entries.set(key, hit);
    }
    return hit?.value;
  }

  set(key: string, value: T): void {
    const size = this.sizeOf(value);
    if (size > this.budget.maxBytes / 8) return; // one huge answer must not empty the cache
    const old = this.entries.get(key);
    if (old) this.budget.bytes -= old.size;
    this.entries.delete(key);
    this.entries.set(key, { value, size, tick: ++this.budget.tick });
    this.budget.bytes += size;
    this.budget.trim();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The use stamp of this cache's least recently used entry (Infinity when empty). */
  oldestTick(): number {
    for (const entry of this.entries.values()) return entry.tick;
    return Infinity;
  }

  evictOldest(): void {
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      this.budget.bytes -= entry.size;
      return;
    }
  }
}

/** Strong ETag of an immutable answer: its cache key, quoted (RFC 9110 §8.8.3). */
export const etagOf = (key: string) => `"${Buffer.from(key).toString('base64url')}"`;

export { notModified } from '../http/cached-answer.ts';
