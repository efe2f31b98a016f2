import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { cachedAnswer, type CachedAnswer } from '../http/cached-answer.ts';
import { getLayer, listLayers, type LayerInfo } from './catalog.ts';
import { atStamp, layerStampsOf, type LayerStamps } from './layer-stamp.ts';

interface CatalogAtStamp {
  stamp: number;
  answer: CachedAnswer;
  byId: Map<string, { layer: LayerInfo; answer?: CachedAnswer }>;
}

/**
 * The layer catalog (GET /api/layers, GET /api/layers/:id) of the current published layer set,
 * kept in memory keyed by its stamp (layer-stamp.ts): built once per publish by one query in a
 * snapshot, then served with no database round trip — a map's first load never waits behind a
 * check on the embedded database's one connection. Builds of one stamp are shared by the requests
 * that ask while it runs.
 */
export class CatalogCache {
  readonly stamps: LayerStamps;
  private latest?: CatalogAtStamp;
  private readonly building = new Map<string, Promise<CatalogAtStamp>>();

  constructor(db: Pick<Database, 'pool' | 'mode'>, stamps = layerStampsOf(db)) {
    this.stamps = stamps;
  }

  /** The catalog answer (non-retired layers, legend order) for the stamp `pool` serves now. */
  async catalog(pool: pg.Pool): Promise<CatalogAtStamp> {
    const stamp = await this.stamps.current(pool);
    if (this.latest && this.latest.stamp >= stamp) return this.latest;
    const key = String(stamp);
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.build(pool).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }

  /** One layer as GET /api/layers/:id answers it; a retired or unknown layer from the database (404 there). */
  async layer(pool: pg.Pool, id: string): Promise<CachedAnswer> {
    const entry = (await this.catalog(pool)).byId.get(id);
    if (!entry) return cachedAnswer(await getLayer(pool, id));
    return (entry.answer ??= cachedAnswer(entry.layer));
  }

  private async build(pool: pg.Pool): Promise<CatalogAtStamp> {
    const { stamp, value: layers } = await atStamp(pool, (client) => listLayers(client));
    this.stamps.saw(pool, stamp);
    const built: CatalogAtStamp = { stamp, answer: cachedAnswer(layers), byId: new Map(layers.map((l) => [l.id, { layer: l }])) };
    if (!this.latest || this.latest.stamp <= stamp) this.latest = built;
    return built;
  }
}
