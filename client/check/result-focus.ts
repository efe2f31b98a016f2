import type { CheckResult, LayerResult } from '../../common/api/check-result.ts';

/**
 * The result row the planner points at: `hover` follows the mouse (or keyboard focus) over the
 * table, `pinned` is the row last clicked (its `seq` changes with every click, so a second click on
 * the same row frames it again). The map shows the hovered row, else the pinned one.
 */
export interface ResultFocus {
  hover: string | null;
  pinned: { layerId: string; seq: number } | null;
}

export const NO_FOCUS: ResultFocus = { hover: null, pinned: null };

export const focusedLayerId = (focus: ResultFocus): string | null => focus.hover ?? focus.pinned?.layerId ?? null;

const M_PER_DEGREE = 111_320;

/**
 * The part of the map that shows why a row is there: the site and the overlap, and the conflicting
 * features as far as they lie within the screening distance of the site (a red-line polygon may
 * span the district; framing all of it would lose the site). [w, s, e, n] in degrees.
 */
export function focusWindow(result: CheckResult, row: LayerResult): [number, number, number, number] {
  const [[w, s], [e, n]] = boundsOf(result.site);
  // Every feature the row names: an overlapping one, and one only near the site (up to bufferM away).
  const reachM = Math.max(row.minDistanceM ?? 0, ...row.features.map((f) => f.distanceM ?? 0), 0) + 60;
  const dLat = reachM / M_PER_DEGREE;
  const dLon = reachM / (M_PER_DEGREE * Math.cos(((s + n) / 2) * (Math.PI / 180)));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

/** [[w, s], [e, n]] of a geometry. */
function boundsOf(geometry: GeoJSON.Geometry): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => visit('coordinates' in g ? g.coordinates : []));
  else visit(geometry.coordinates);
  return [[w, s], [e, n]];
}

/** Where to frame the row: the site, the overlap and the features' parts inside the focus window. */
export function frameOf(result: CheckResult, row: LayerResult, features: GeoJSON.Feature[]): [[number, number], [number, number]] {
  const [ww, ws, we, wn] = focusWindow(result, row);
  let [[w, s], [e, n]] = boundsOf(result.site);
  const add = ([[a, b], [c, d]]: [[number, number], [number, number]]) => {
    // Only what lies inside the window counts.
    const cw = Math.max(a, ww);
    const cs = Math.max(b, ws);
    const ce = Math.min(c, we);
    const cn = Math.min(d, wn);
    if (cw > ce || cs > cn) return;
    w = Math.min(w, cw);
    s = Math.min(s, cs);
    e = Math.max(e, ce);
    n = Math.max(n, cn);
  };
  if (row.overlap) add(boundsOf(row.overlap));
  for (const f of features) if (f.geometry) add(boundsOf(f.geometry));
  return [[w, s], [e, n]];
}
