import type pg from 'pg';
import type { FeatureHit } from '../../common/api/search.ts';
import type { Database } from '../db/database.ts';
import { atStamp, layerStampsOf, type LayerStamps } from '../layers/layer-stamp.ts';
import { VersionedCache } from '../layers/version-cache.ts';
import { LIMITS } from '../limits.ts';
import { looksLikePinyin, namesMatchingPinyin, pinyinEntries, type PinyinEntry } from './pinyin-index.ts';

/** A searchable feature of a current layer version: what matching and ranking need, nothing more. */
interface Entry {
  id: number;
  name: string | null;
  nameEn: string | null;
  lowerName: string | null;
  lowerNameEn: string | null;
  lowerCode: string | null;
  layerId: string;
  layerNameZh: string;
  layerNameEn: string;
  kind: string;
  level: string | null;
  featureKey: string;
  layerVersion: number;
  legendOrder: number;
  nameLength: number | null;
  /** Position in ORDER BY name, id under the database's collation (its last tie-breakers). */
  nameOrder: number;
}

/** What a hit shows beyond its name: computed by PostGIS per feature on first use, then kept. */
interface Shape {
  bbox: FeatureHit['bbox'];
  centroid: FeatureHit['centroid'];
  geometry: FeatureHit['geometry'];
  township: string | null;
}

interface IndexAtStamp {
  stamp: number;
  entries: Entry[];
  pinyin: PinyinEntry[];
  /** 3° Gauss-Krüger zone of the district (for coordinates typed without the zone prefix). */
  districtZone: number;
}

const lower = (s: string | null) => (s === null ? null : s.toLowerCase());

/** SQL's three-valued OR, then the place of the value under ORDER BY … DESC (NULLS FIRST). */
function descRank(...xs: (boolean | null)[]): number {
  const value = xs.includes(true) ? true : xs.includes(null) ? null : false;
  return value === null ? 0 : value ? 1 : 2;
}
const contains = (s: string | null, q: string) => s !== null && s.includes(q);
const startsWith = (s: string | null, q: string): boolean | null => (s === null ? null : s.startsWith(q));

/**
 * Search over layer features (GET /api/search) from memory: per stamp of the published layer set
 * (layer-stamp.ts) one query loads the names, English names and codes of every current feature, and
 * matching and ranking run here — the same rules as the SQL they replace (ILIKE on name, code and
 * English name, pinyin, then exact, prefix, pinyin rank, legend order, length, name) — so a search
 * waits for no check. The outline, box, point and township of a hit come from PostGIS the first
 * time that feature is a hit (one query for the hits of a search) and are then kept, bounded by
 * LAYER_CACHE_MB. Case-folding is JavaScript's, which agrees with PostgreSQL's lower() for Chinese
 * and ASCII (names, codes); a collation-specific fold of other letters may differ.
 */
export class SearchIndex {
  private readonly stamps: LayerStamps;
  private latest?: IndexAtStamp;
  private readonly building = new Map<number, Promise<IndexAtStamp>>();
  private readonly shapes = new VersionedCache<Shape>(LIMITS.layerCacheMb * 1024 * 1024, (s) => JSON.stringify(s.geometry).length + 128);

  constructor(db: Pick<Database, 'pool' | 'mode'>) {
    this.stamps = layerStampsOf(db);
  }

  async index(pool: pg.Pool): Promise<IndexAtStamp> {
    const stamp = await this.stamps.current(pool);
    if (this.latest && this.latest.stamp >= stamp) return this.latest;
    let pending = this.building.get(stamp);
    if (!pending) {
      pending = this.build(pool).finally(() => this.building.delete(stamp));
      this.building.set(stamp, pending);
    }
    return pending;
  }

  /** Features whose name, code or English name contains the query (or whose pinyin matches), best first. */
  async search(pool: pg.Pool, query: string, limit: number): Promise<FeatureHit[]> {
    const index = await this.index(pool);
    const q = query.toLowerCase();
    const pinyinRank = new Map((looksLikePinyin(query) ? namesMatchingPinyin(index.pinyin, query) : []).map((p) => [p.name, p.rank]));
    const ranked = index.entries
      .filter((e) => contains(e.lowerName, q) || contains(e.lowerCode, q) || contains(e.lowerNameEn, q) || (e.name !== null && pinyinRank.has(e.name)))
      .map((e) => ({
        e,
        exact: descRank(e.name === null ? null : e.name === query, e.lowerNameEn === null ? null : e.lowerNameEn === q),
        prefix: descRank(startsWith(e.lowerName, q), startsWith(e.lowerNameEn, q)),
        pinyin: (e.name !== null ? pinyinRank.get(e.name) : undefined) ?? Infinity,
      }))
      .sort(
        (a, b) =>
          a.exact - b.exact ||
          a.prefix - b.prefix ||
          a.pinyin - b.pinyin ||
          a.e.legendOrder - b.e.legendOrder ||
          (a.e.nameLength ?? Infinity) - (b.e.nameLength ?? Infinity) ||
          a.e.nameOrder - b.e.nameOrder,
      )
      .slice(0, limit);
    const shapes = await this.shapesOf(pool, index.stamp, ranked.map((r) => r.e.id));
    return ranked.map(({ e }) => {
      const shape = shapes.get(e.id)!;
      return {
        type: 'feature' as const,
        name: e.name!,
        layerId: e.layerId,
        layerNameZh: e.layerNameZh,
        layerNameEn: e.layerNameEn,
        kind: e.kind,
        level: e.level,
        featureKey: e.featureKey,
        layerVersion: e.layerVersion,
        bbox: shape.bbox,
        centroid: shape.centroid,
        geometry: shape.geometry,
        nameEn: e.nameEn,
        township: shape.township,
        matchedBy: contains(e.lowerName, q) ? 'name' : contains(e.lowerNameEn, q) ? 'nameEn' : e.name !== null && pinyinRank.has(e.name) ? 'pinyin' : 'code',
      };
    });
  }

  private async shapesOf(pool: pg.Pool, stamp: number, ids: number[]): Promise<Map<number, Shape>> {
    const out = new Map<number, Shape>();
    const missing: number[] = [];
    for (const id of ids) {
      const hit = this.shapes.get(`${stamp}/${id}`);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    // The township of a hit depends on the current boundaries: read in a snapshot and kept only under its own stamp.
    const { stamp: seen, value: rows } = await atStamp(pool, async (client) =>
      (await client.query<Shape & { id: number }>(
        `SELECT f.id,
                ARRAY[ST_XMin(f.geom), ST_YMin(f.geom), ST_XMax(f.geom), ST_YMax(f.geom)] AS bbox,
                ARRAY[ST_X(p.pt), ST_Y(p.pt)] AS centroid,
                ST_AsGeoJSON(ST_SimplifyPreserveTopology(f.geom, 0.00002), 6)::json AS geometry,
                t.name AS township
           FROM features f
           CROSS JOIN LATERAL (SELECT CASE WHEN ST_Dimension(f.geom) = 2 THEN ST_PointOnSurface(f.geom)
                                           ELSE ST_ClosestPoint(f.geom, ST_Centroid(f.geom)) END AS pt) p
           LEFT JOIN LATERAL (
             SELECT tf.name FROM features tf JOIN layers tl ON tl.id = tf.layer_id AND tf.version = tl.current_version
              WHERE tl.kind = 'admin_boundary' AND tf.level = 'township' AND tf.geom && p.pt AND ST_Intersects(tf.geom, p.pt)
              ORDER BY tf.name LIMIT 1) t ON true
          WHERE f.id = ANY($1::bigint[])`,
        [missing],
      )).rows,
    );
    for (const { id, ...shape } of rows) {
      out.set(id, shape);
      if (seen === stamp) this.shapes.set(`${stamp}/${id}`, shape);
    }
    return out;
  }

  private async build(pool: pg.Pool): Promise<IndexAtStamp> {
    const { stamp, value } = await atStamp(pool, async (client) => {
      const { rows } = await client.query<Omit<Entry, 'lowerName' | 'lowerNameEn' | 'lowerCode'> & { code: string | null }>(
        `SELECT f.id, f.name, f.properties->>'nameEn' AS "nameEn", f.properties->>'code' AS code,
                f.layer_id AS "layerId", l.name_zh AS "layerNameZh", l.name_en AS "layerNameEn", l.kind, f.level,
                f.feature_key AS "featureKey", f.version AS "layerVersion", l.legend_order AS "legendOrder",
                char_length(f.name) AS "nameLength", row_number() OVER (ORDER BY f.name, f.id)::int AS "nameOrder"
           FROM features f JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
          WHERE f.name IS NOT NULL OR f.properties->>'nameEn' IS NOT NULL OR f.properties->>'code' IS NOT NULL
          ORDER BY "nameOrder"`,
      );
      const zone = await client.query<{ lon: number | null }>(
        `SELECT ST_X(ST_Centroid(ST_Extent(f.geom)::geometry)) AS lon
           FROM features f JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
          WHERE l.kind = 'admin_boundary' AND f.level = 'district'`,
      );
      return { rows, lon: zone.rows[0]?.lon };
    });
    this.stamps.saw(pool, stamp);
    const entries = value.rows.map(({ code, ...r }) => ({ ...r, lowerName: lower(r.name), lowerNameEn: lower(r.nameEn), lowerCode: lower(code) }));
    const built: IndexAtStamp = {
      stamp,
      entries,
      pinyin: pinyinEntries(new Set(entries.flatMap((e) => (e.name === null ? [] : [e.name])))),
      districtZone: value.lon == null ? 36 : Math.round(value.lon / 3),
    };
    if (!this.latest || this.latest.stamp <= stamp) this.latest = built;
    return built;
  }
}
