import type { Bilingual } from '../http/errors.ts';
import type { Queryable } from '../db/types.ts';
import { OVERLAY_GRID_DEG } from './overlap-query.ts';
import type { Avoidance } from '../../common/api/check-result.ts';

export type { Avoidance };

/**
 * Honest avoidance advice: what is left of the site with the prohibited zones clipped out is
 * offered as a revision only when it is a usable parcel. Parts narrower than MIN_PART_WIDTH_M are
 * dropped (a morphological opening in metres, in the UTM zone of the site), and when what remains
 * is under MIN_REMAINING_SHARE of the site or under MIN_REMAINING_AREA_M2 there is no suggestion:
 * the site has to be relocated (须另行选址). Thresholds are tool conventions, not legal ones.
 */
const MIN_PART_WIDTH_M = 5;
const MIN_REMAINING_SHARE = 0.1;
const MIN_REMAINING_AREA_M2 = 200;
/** Grid of the opening's overlay in metres (1 mm): robust snapping, far below any survey precision. */
const OPENING_GRID_M = 0.001;


/**
 * What to clip, per prohibited layer: its overlap as GeoJSON (rounded to 1e-7°), its exact overlap
 * as the overlap query dissolved it (hex EWKB), or the exact pieces of the features whose level
 * prohibits the project (a layer can prohibit in its 一级 and allow in its 二级: only the 一级 is
 * clipped), which are dissolved here. The overlap query has already intersected all of them with
 * the site: they are not intersected again.
 */
export type ProhibitedPart =
  | { layerId: string; overlap: GeoJSON.Geometry }
  | { layerId: string; overlapWkb: string }
  | { layerId: string; piecesWkb: string[] };

/** The parts' geometries for a statement: exact ones (hex EWKB) that are dissolved already, and those to dissolve. */
export function prohibitedInputs(prohibited: ProhibitedPart[]) {
  return {
    geojson: prohibited.flatMap((p) => ('overlap' in p ? [{ layerId: p.layerId, geometry: JSON.stringify(p.overlap) }] : [])),
    exact: prohibited.flatMap((p) => {
      if ('overlapWkb' in p) return [{ layerId: p.layerId, wkb: p.overlapWkb, dissolved: true }];
      if ('piecesWkb' in p) return p.piecesWkb.map((wkb) => ({ layerId: p.layerId, wkb, dissolved: false }));
      return [];
    }),
  };
}

const ha = (m2: number) => (m2 / 10_000).toFixed(4);

function message(a: Omit<Avoidance, 'message'>): Bilingual {
  if (a.suggestion === 'relocate') {
    return {
      zh: `扣除禁止区域后可用的剩余用地仅 ${ha(a.remainingAreaM2)} 公顷（占原选址 ${a.remainingPct.toFixed(2)}%，宽度不足 ${MIN_PART_WIDTH_M} 米的狭长部分不计），不足原选址的 ${MIN_REMAINING_SHARE * 100}% 或 ${ha(MIN_REMAINING_AREA_M2)} 公顷，不构成可用的避让方案：须另行选址。`,
      en: `With the prohibited zones clipped out only ${ha(a.remainingAreaM2)} ha of usable land would remain (${a.remainingPct.toFixed(2)}% of the site; parts narrower than ${MIN_PART_WIDTH_M} m not counted), under ${MIN_REMAINING_SHARE * 100}% of the site or ${ha(MIN_REMAINING_AREA_M2)} ha: no usable revision — the site must be relocated.`,
    };
  }
  const split =
    a.parts > 1
      ? { zh: `建议方案将选址分为 ${a.parts} 块互不相连的地块，请核实分块后是否仍能满足项目需要。`, en: `The suggestion splits the site into ${a.parts} separate parcels: check the project still works when split.` }
      : { zh: '', en: '' };
  return {
    zh: `扣除禁止区域后，建议选址面积 ${ha(a.remainingAreaM2)} 公顷，占原选址的 ${a.remainingPct.toFixed(2)}%（宽度不足 ${MIN_PART_WIDTH_M} 米的狭长部分已去除）。${split.zh}`,
    en: `With the prohibited zones clipped out, the suggested site is ${ha(a.remainingAreaM2)} ha, ${a.remainingPct.toFixed(2)}% of the original (parts narrower than ${MIN_PART_WIDTH_M} m removed). ${split.en}`.trim(),
  };
}

/** The site with the overlaps of prohibited zones clipped out, cleaned of slivers: a suggested revision, or a relocation. */
export async function avoidProhibited(
  db: Queryable,
  site: GeoJSON.Geometry,
  siteAreaM2: number,
  prohibited: ProhibitedPart[],
  /** The site as hex EWKB when the caller has it exact (the overlap query's): else the GeoJSON. */
  siteWkb: string | null = null,
): Promise<Avoidance | null> {
  if (prohibited.length === 0) return null;
  const { geojson, exact } = prohibitedInputs(prohibited);
  // Named: planned once per connection, then only bound (as the overlap query).
  const { rows } = await db.query<{ geometry: GeoJSON.Geometry | null; area: number; outside: number; parts: number }>({
    name: 'check-avoidance',
    text: `WITH s AS (SELECT COALESCE(ST_GeomFromEWKB(decode($6, 'hex')), ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g),
          pieces AS (
            SELECT ST_SetSRID(ST_GeomFromGeoJSON(o), 4326) AS g, false AS as_is FROM json_array_elements_text($2::json) o
            UNION ALL
            SELECT ST_GeomFromEWKB(decode(z.w, 'hex')), z.dissolved FROM unnest($5::text[], $7::boolean[]) AS z(w, dissolved)),
          -- One dissolved exact overlap is a union already (the overlap query's): unioned alone it
          -- would only be redone (a cascaded union over its polygons: ≈ 5 ms for a line in and out
          -- of a zone 34 times). GeoJSON, rounded to 1e-7°, and features' pieces are always
          -- unioned. (Not the ST_Union aggregate: an aggregate runs whichever branch of the CASE is taken.)
          cut AS (SELECT CASE WHEN count(*) = 1 AND bool_and(as_is) THEN (array_agg(ST_CollectionExtract(g, 3)))[1]
                              ELSE ST_UnaryUnion(ST_Collect(ST_CollectionExtract(g, 3)), ${OVERLAY_GRID_DEG}) END AS g FROM pieces),
          rest AS (SELECT CASE WHEN cut.g IS NULL THEN s.g ELSE ST_CollectionExtract(ST_MakeValid(ST_Difference(s.g, cut.g, ${OVERLAY_GRID_DEG})), 3) END AS g FROM s, cut),
          utm AS (SELECT 32600 + floor((ST_X(ST_Centroid(s.g)) + 180) / 6)::int + 1 AS srid FROM s),
          m AS (SELECT ST_Transform(rest.g, utm.srid) AS g FROM rest, utm WHERE NOT ST_IsEmpty(rest.g)),
          -- Opening by half the minimum width in metres: parts narrower than it vanish; mitred joins
          -- keep the corners of what stays square; the intersection keeps it inside what was left.
          -- The intersection snaps to a 1 mm grid (OverlayNG): the classic overlay threw a GEOS
          -- TopologyException on a thin pipeline corridor, which PGlite does not even report (it
          -- returned no row and left the wire protocol out of step: "unexpected parseComplete").
          opened AS (
            SELECT ST_Transform(ST_CollectionExtract(ST_MakeValid(ST_Intersection(m.g,
                     ST_Buffer(ST_Buffer(m.g, -$3::float8 / 2, 'join=mitre'), $3::float8 / 2, 'join=mitre'), ${OPENING_GRID_M})), 3), 4326) AS g
              FROM m),
          -- Crumbs left at the cut edges are no parcels either.
          -- MATERIALIZED: the answer reads kept five times; inlined, each read was an InitPlan of its
          -- own that redid the whole opening (5 times; 2–2.5× the statement's time on long line sites).
          kept AS MATERIALIZED (SELECT ST_Collect(d.geom) AS g FROM opened, ST_Dump(opened.g) d WHERE ST_Area(d.geom::geography) >= $4::float8)
     SELECT CASE WHEN k.g IS NULL OR ST_IsEmpty(k.g) THEN NULL ELSE ST_AsGeoJSON(k.g, 7)::json END AS geometry,
            COALESCE(ST_Area(k.g::geography), 0) AS area,
            COALESCE((SELECT ST_Area(rest.g::geography) FROM rest), 0) AS outside,
            COALESCE(ST_NumGeometries(k.g), 0) AS parts
       FROM (SELECT (SELECT g FROM kept) AS g) k`,
    values: [JSON.stringify(site), JSON.stringify(geojson.map((g) => g.geometry)), MIN_PART_WIDTH_M, MIN_PART_WIDTH_M * MIN_PART_WIDTH_M, exact.map((e) => e.wkb), siteWkb, exact.map((e) => e.dissolved)],
  });
  const row = rows[0];
  const keptAreaM2 = Number(row?.area ?? 0);
  const outsideAreaM2 = Number(row?.outside ?? 0);
  const usable = row?.geometry != null && keptAreaM2 >= MIN_REMAINING_AREA_M2 && keptAreaM2 >= MIN_REMAINING_SHARE * siteAreaM2;
  const base = {
    suggestion: usable ? ('revise' as const) : ('relocate' as const),
    removedAreaM2: Math.max(0, siteAreaM2 - outsideAreaM2),
    remainingAreaM2: keptAreaM2,
    remainingPct: siteAreaM2 > 0 ? (100 * keptAreaM2) / siteAreaM2 : 0,
    outsideAreaM2,
    geometry: usable ? (row!.geometry as GeoJSON.Geometry) : null,
    parts: usable ? Number(row!.parts) : 0,
    layerIds: [...new Set(prohibited.map((p) => p.layerId))],
  };
  return { ...base, message: message(base) };
}
