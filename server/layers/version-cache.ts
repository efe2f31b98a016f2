import type { Database } from '../db/database.ts';
import { LIMITS } from '../limits.ts';

/**
 * The bytes LAYER_CACHE_MB allows, shared by every cache of one database's answers (tiles, versioned
 * features, search hits and answers): one least-recently-used order over all their entries, so the
 * setting bounds their total — three caches of LAYER_CACHE_MB each could hold three times it.
 */
export class CacheBudget {
  private readonly entries = new Map<string, { value: unknown; size: number }>();
  private used = 0;
  private caches = 0;

  constructor(readonly maxBytes: number) {}

  /** A cache drawing on this budget; its keys cannot meet another cache's. */
  cache<T>(sizeOf: (value: T) => number): VersionedCache<T> {
    return new VersionedCache<T>(this, `${this.caches++}\0`, sizeOf);
  }

  /** Bytes held now by all the caches of this budget. */
  get bytes(): number {
    return this.used;
  }

  get(key: string): unknown {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit?.value;
  }

  set(key: string, value: unknown, size: number): void {
    if (size > this.maxBytes / 8) return; // one huge answer must not empty the cache
    const old = this.entries.get(key);
    if (old) this.used -= old.size;
    this.entries.delete(key);
    this.entries.set(key, { value, size });
    this.used += size;
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= v.size;
    }
  }
}

/**
 * What one version of a layer looks like (its tiles, its features) never changes: versions are
 * never overwritten (a publish makes a new one). So answers keyed by (layer, version, request) are
 * kept in memory and served without touching the database — on the embedded database, whose one
 * connection checks queue on, a map full of tiles then waits for no check. Bounded by the bytes of
 * its CacheBudget, least recently used out first; one budget per database and process (a new
 * instance warms its own).
 */
export class VersionedCache<T> {
  constructor(
    private readonly budget: CacheBudget,
    private readonly prefix: string,
    private readonly sizeOf: (value: T) => number,
  ) {}

  get(key: string): T | undefined {
    return this.budget.get(this.prefix + key) as T | undefined;
  }

  set(key: string, value: T): void {
    this.budget.set(this.prefix + key, value, this.sizeOf(value));
  }
}

const perPool = new WeakMap<object, CacheBudget>();

/** The one LAYER_CACHE_MB budget of a database (its primary pool), shared by the routers that cache its answers. */
export function cacheBudgetOf(db: Pick<Database, 'pool'>): CacheBudget {
  if (!db.pool) return new CacheBudget(LIMITS.layerCacheMb * 1024 * 1024); // an app built without a database (the OpenAPI test)
  let budget = perPool.get(db.pool);
  if (!budget) perPool.set(db.pool, (budget = new CacheBudget(LIMITS.layerCacheMb * 1024 * 1024)));
  return budget;
}
