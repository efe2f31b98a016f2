import type { Bilingual } from '../http/errors.ts';
import type { Queryable } from '../db/types.ts';
import { OVERLAY_GRID_DEG } from './overlap-query.ts';
import { prohibitedInputs, type ProhibitedPart } from './avoidance.ts';
import type { Avoidance, CrossingSection } from '../../common/api/check-result.ts';
import { formatStretch } from '../../common/units/chainage.ts';
import { formatLength, formatNumber } from '../../common/units/area-units.ts';

/**
 * Avoidance advice for a linear site drawn as a centre line (road, railway, pipeline, power line):
 * a corridor with its crossings cut out is a line with gaps, which no linear project can use. The
 * advice is to reroute (调整线位) around the stretches of the centre line where the corridor reaches
 * a prohibited zone, given as chainage (桩号) — how a linear project's 用地预审 states its crossings —
 * or, for infrastructure that truly cannot avoid the zone, the 不可避让论证 the fired rules cite.
 */

/** Stretches closer than this along the line are one (the seam where two overlaps of a layer meet). */
const JOIN_GAP_M = 0.5;
/** Shorter stretches are the overlay's rounding where a corridor only touches a zone. */
const MIN_STRETCH_M = 0.01;
/** The message lists this many stretches, then 等 / "and N more". */
const LISTED = 8;

/** A site given only as lines: checked as a corridor, advised as a route. */
export function isCentreLine(geometry: GeoJSON.Geometry): geometry is GeoJSON.LineString | GeoJSON.MultiLineString {
  return geometry.type === 'LineString' || geometry.type === 'MultiLineString';
}

type Stretch = { part: number; fromM: number; toM: number };

/** Stretches of one line part merged where they touch or overlap, in chainage order. */
export function mergeStretches<T extends Stretch>(stretches: T[]): T[] {
  const sorted = stretches.filter((s) => s.toM - s.fromM >= MIN_STRETCH_M).sort((a, b) => a.part - b.part || a.fromM - b.fromM);
  const merged: T[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && last.part === s.part && s.fromM <= last.toM + JOIN_GAP_M) last.toM = Math.max(last.toM, s.toM);
    else merged.push({ ...s });
  }
  return merged;
}

function rangesText(stretches: Stretch[], multiPart: boolean, lang: 'zh' | 'en'): string {
  const listed = stretches.slice(0, LISTED).map((s) => {
    const [stretch, length] = [formatStretch(s, multiPart, lang), formatLength(s.toM - s.fromM, lang)];
    return lang === 'zh' ? `${stretch}（${length}）` : `${stretch} (${length})`;
  });
  const more = stretches.length - listed.length;
  if (lang === 'zh') return listed.join('、') + (more > 0 ? ` 等（另有 ${more} 处）` : '');
  return listed.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function message(stretches: Stretch[], crossingLengthM: number, lineLengthM: number, multiPart: boolean): Bilingual {
  const pct = lineLengthM > 0 ? formatNumber((100 * crossingLengthM) / lineLengthM, 2) : '—';
  return {
    zh:
      `线性工程中心线有 ${stretches.length} 处穿越禁止区域，合计 ${formatLength(crossingLengthM, 'zh')}（占线路全长 ${pct}%）：${rangesText(stretches, multiPart, 'zh')}。` +
      '截除穿越段后线路不再连续，不能作为避让方案：须调整线位，避让上述区段；确属必须且无法避让、符合县级以上国土空间规划的线性基础设施，应开展不可避让论证，按所引条款的程序报批。',
    en:
      `The centre line of this linear project crosses prohibited zones in ${stretches.length} place(s), ${formatLength(crossingLengthM, 'en')} in all (${pct}% of its length): ${rangesText(stretches, multiPart, 'en')}. ` +
      'A line with its crossings cut out is not continuous and no revision: reroute the line around these stretches; linear infrastructure that must pass and cannot avoid them, and conforms to the county-or-higher territorial plan, needs an unavoidability study and approval as the cited rules require.',
  };
}

/**
 * The reroute advice: per prohibited layer, the stretches of the centre line that run inside the
 * layer's prohibited overlap (the crossings, exact), and those beside an overlap the line itself
 * does not enter (the corridor's side reaches the zone: the overlap projected on the line); with
 * their chainage, and the corridor area the zones take.
 */
export async function adviseReroute(
  db: Queryable,
  centreLine: GeoJSON.LineString | GeoJSON.MultiLineString,
  /** Half the corridor's width: how far beside its part a piece of overlap can lie. */
  halfWidthM: number,
  prohibited: ProhibitedPart[],
  siteAreaM2: number,
  lineLengthM: number,
): Promise<Avoidance | null> {
  if (prohibited.length === 0) return null;
  const { geojson, exact } = prohibitedInputs(prohibited);
  // Named: planned once per connection, then only bound (as the overlap query).
  const { rows } = await db.query<{ removed_m2: number; stretches: { layer_id: string; part: number; from_m: number; to_m: number }[] | null; geometry: GeoJSON.Geometry | null }>({
    name: 'check-reroute',
    text: `WITH line AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
          -- reach: how far beside its part (in degrees) a piece can lie, computed here once: written
          -- per row below, the generic plan priced it per estimated row pair and lost to custom plans.
          parts AS (SELECT COALESCE(d.path[1], 1) AS part, d.geom AS g, $3::float8 / 55000 + 1e-6 AS reach FROM line, ST_Dump(line.g) d),
          -- One JSON array, not SQL arrays: PostgreSQL sizes \`unnest\` of a known array, so every
          -- custom plan looked cheaper than the generic one and the statement was planned at every
          -- check (≈ 1 ms of a long line's 3.5–4.5).
          pieces AS (
            SELECT o->>'layerId' AS layer_id, (o->>'dissolved')::boolean AS dissolved,
                   CASE WHEN o->>'wkb' IS NOT NULL THEN ST_GeomFromEWKB(decode(o->>'wkb', 'hex'))
                        ELSE ST_SetSRID(ST_GeomFromGeoJSON(o->>'geometry'), 4326) END AS g
              FROM json_array_elements($2::json) o),
          -- A layer's zone: its overlap as given when that is one dissolved geometry, else its
          -- features' pieces dissolved (pieces cut at a seam of the subdivision are one zone).
          zones AS (
            SELECT layer_id, CASE WHEN count(*) = 1 AND bool_and(dissolved) THEN (array_agg(g))[1]
                                  ELSE ST_UnaryUnion(ST_Collect(ST_CollectionExtract(g, 3)), ${OVERLAY_GRID_DEG}) END AS g
              FROM pieces GROUP BY layer_id),
          polys AS MATERIALIZED (
            SELECT z.layer_id, d.geom AS g, row_number() OVER () AS id FROM zones z, ST_Dump(ST_CollectionExtract(z.g, 3)) d),
          -- Where the centre line runs inside a zone: the crossing (穿越段), exact.
          crossed AS (
            SELECT y.layer_id, l.part, l.g AS line, ST_LineLocatePoint(l.g, ST_StartPoint(x.geom)) AS a, ST_LineLocatePoint(l.g, ST_EndPoint(x.geom)) AS b
              FROM parts l JOIN polys y ON ST_Intersects(l.g, y.g), ST_Dump(ST_Intersection(l.g, y.g)) x
             WHERE ST_Dimension(x.geom) = 1),
          -- Where only the side of the corridor reaches a zone: the stretch beside it, the piece's
          -- vertices projected on the nearest line part.
          grazed AS (
            SELECT y.layer_id, n.part, n.g AS line, v.a, v.b
              FROM polys y
              -- The piece lies in the corridor of its part: a box grown by the half width finds it
              -- (1° of longitude is over 55 km up to 60° N) without measuring every part.
              CROSS JOIN LATERAL (SELECT l.part, l.g FROM parts l WHERE l.g && ST_Expand(y.g, l.reach)
                                   ORDER BY ST_Distance(l.g, y.g) LIMIT 1) n
              CROSS JOIN LATERAL (SELECT min(ST_LineLocatePoint(n.g, dp.geom)) AS a, max(ST_LineLocatePoint(n.g, dp.geom)) AS b FROM ST_DumpPoints(y.g) dp) v
             WHERE NOT EXISTS (SELECT 1 FROM parts l2 WHERE ST_Intersects(l2.g, y.g))),
          located AS (
            SELECT layer_id, part, line, LEAST(a, b) AS a, GREATEST(a, b) AS b FROM (SELECT * FROM crossed UNION ALL SELECT * FROM grazed) u),
          -- One zone is a union already; several (layers may overlap) are unioned.
          removed AS (
            SELECT CASE WHEN count(*) = 1 THEN ST_Area((array_agg(g))[1]::geography)
                        ELSE ST_Area(ST_UnaryUnion(ST_Collect(ST_CollectionExtract(g, 3)), ${OVERLAY_GRID_DEG})::geography) END AS m2
              FROM zones)
     SELECT (SELECT m2 FROM removed) AS removed_m2,
            (SELECT json_agg(json_build_object('layer_id', layer_id, 'part', part,
                    'from_m', ST_Length(ST_LineSubstring(line, 0, a)::geography), 'to_m', ST_Length(ST_LineSubstring(line, 0, b)::geography)))
               FROM located) AS stretches,
            (SELECT ST_AsGeoJSON(ST_Collect(ST_LineSubstring(line, a, b)), 7)::json FROM located WHERE b > a) AS geometry`,
    values: [JSON.stringify(centreLine), JSON.stringify([...geojson.map((g) => ({ ...g, dissolved: true })), ...exact]), halfWidthM],
  });
  const row = rows[0];
  const found = (row?.stretches ?? []).map((s) => ({ layerId: s.layer_id, part: Number(s.part), fromM: Number(s.from_m), toM: Number(s.to_m) }));
  const layerIds = [...new Set(prohibited.map((p) => p.layerId))];
  const sections: CrossingSection[] = layerIds.flatMap((layerId) => mergeStretches(found.filter((s) => s.layerId === layerId)));
  const all = mergeStretches(found.map(({ part, fromM, toM }) => ({ part, fromM, toM })));
  const crossingLengthM = all.reduce((sum, s) => sum + (s.toM - s.fromM), 0);
  const removedAreaM2 = Math.min(siteAreaM2, Number(row?.removed_m2 ?? 0));
  return {
    suggestion: 'reroute',
    removedAreaM2,
    // A line with gaps is no usable site: nothing "remains" as a revision.
    remainingAreaM2: 0,
    remainingPct: 0,
    outsideAreaM2: Math.max(0, siteAreaM2 - removedAreaM2),
    geometry: all.length > 0 ? row!.geometry : null,
    parts: all.length,
    layerIds,
    sections,
    crossingLengthM,
    message: message(all, crossingLengthM, lineLengthM, centreLine.type === 'MultiLineString' && centreLine.coordinates.length > 1),
  };
}
