/**
 * What one version of a layer looks like (its tiles, its features) never changes: versions are
 * never overwritten (a publish makes a new one). So answers keyed by (layer, version, request) are
 * kept in memory and served without touching the database — on the embedded database, whose one
 * connection checks queue on, a map full of tiles then waits for no check. Bounded by bytes,
 * least recently used out first; one cache per process (a new instance warms its own).
 */
export class VersionedCache<T = Buffer> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: T) => number = (v) => (v as Buffer).length,
  ) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    const size = this.sizeOf(value);
    if (size > this.maxBytes / 8) return; // one huge answer must not empty the cache
    const old = this.entries.get(key);
    if (old) this.bytes -= this.sizeOf(old);
    this.entries.delete(key);
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= this.sizeOf(v);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
