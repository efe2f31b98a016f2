import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { cachedAnswer, type CachedAnswer } from '../http/cached-answer.ts';
import { getLayer, listLayersAtStamp, type LayerInfo } from './catalog.ts';
import { LatestAtStamp } from './latest-at-stamp.ts';
import { layerStampsOf } from './layer-stamp.ts';

interface CatalogAtStamp {
  stamp: number;
  answer: CachedAnswer;
  byId: Map<string, { layer: LayerInfo; answer?: CachedAnswer }>;
}

/**
 * The layer catalog (GET /api/layers, GET /api/layers/:id) of the current published layer set,
 * kept in memory keyed by its stamp (layer-stamp.ts): built once per publish by one query (which reads
 * the stamp too), then served with no database round trip — a map's first load never waits behind a
 * check on the embedded database's one connection (LatestAtStamp).
 */
export class CatalogCache {
  private readonly current: LatestAtStamp<CatalogAtStamp>;

  constructor(db: Pick<Database, 'pool' | 'mode'>) {
    this.current = new LatestAtStamp(layerStampsOf(db), (pool) => this.build(pool));
  }

  /** The catalog answer (non-retired layers, legend order) for the stamp `pool` serves now. */
  catalog(pool: pg.Pool): Promise<CatalogAtStamp> {
    return this.current.get(pool);
  }

  /** One layer of the catalog as served now; a retired or unknown layer from the database (404 there). */
  async info(pool: pg.Pool, id: string): Promise<LayerInfo> {
    return (await this.catalog(pool)).byId.get(id)?.layer ?? getLayer(pool, id);
  }

  /** One layer as GET /api/layers/:id answers it; a retired or unknown layer from the database (404 there). */
  async layer(pool: pg.Pool, id: string): Promise<CachedAnswer> {
    const entry = (await this.catalog(pool)).byId.get(id);
    if (!entry) return cachedAnswer(await getLayer(pool, id));
    return (entry.answer ??= cachedAnswer(entry.layer));
  }

  private async build(pool: pg.Pool): Promise<CatalogAtStamp> {
    const { stamp, layers } = await listLayersAtStamp(pool);
    return { stamp, answer: cachedAnswer(layers), byId: new Map(layers.map((l) => [l.id, { layer: l }])) };
  }
}

const perPool = new WeakMap<object, CatalogCache>();

/** One CatalogCache per database (its primary pool), shared by the layer and tile routers. */
export function catalogCacheOf(db: Pick<Database, 'pool' | 'mode'>): CatalogCache {
  if (!db.pool) return new CatalogCache(db); // an app built without a database (the OpenAPI test)
  let cache = perPool.get(db.pool);
  if (!cache) perPool.set(db.pool, (cache = new CatalogCache(db)));
  return cache;
}
