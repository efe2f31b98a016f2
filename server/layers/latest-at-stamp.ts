import type pg from 'pg';
import type { LayerStamps } from './layer-stamp.ts';

/**
 * A value derived from the published layer set (the catalog, the search index), kept for the newest
 * stamp seen: served from memory while the stamp holds, rebuilt once the stamp moves — one build per
 * stamp, shared by the requests that ask while it runs. `build` reads the data of one stamp (in one
 * snapshot) and says which.
 */
export class LatestAtStamp<T extends { stamp: number }> {
  private latest?: T;
  private readonly building = new Map<number, Promise<T>>();

  constructor(
    private readonly stamps: LayerStamps,
    private readonly build: (pool: pg.Pool) => Promise<T>,
  ) {}

  /** The value for the stamp `pool` serves now. */
  async get(pool: pg.Pool): Promise<T> {
    const stamp = await this.stamps.current(pool);
    if (this.latest && this.latest.stamp >= stamp) return this.latest;
    let pending = this.building.get(stamp);
    if (!pending) {
      pending = this.rebuild(pool).finally(() => this.building.delete(stamp));
      this.building.set(stamp, pending);
    }
    return pending;
  }

  private async rebuild(pool: pg.Pool): Promise<T> {
    const built = await this.build(pool);
    this.stamps.saw(pool, built.stamp);
    if (!this.latest || this.latest.stamp <= built.stamp) this.latest = built;
    return built;
  }
}
