import { Random } from '../random.ts';
import { extentMetres, toLonLat } from './projection.ts';
import type { ScaleSpec } from './scale.ts';

const CORNER_JITTER = 0.12; // of the cell size
const EDGE_AMPLITUDE = 0.06; // largest sideways deviation of an edge, as a share of its length
const VERTEX_SPACING_M = 150;

type Point = [number, number];

/**
 * 生态环境管控单元 (三线一单): a tiling of the whole extent into units of about `controlUnitCellM`,
 * with jittered corners and noisy boundaries of ~150 m vertex spacing shared exactly by both
 * neighbours (no gaps, no overlaps), as a real unit map is.
 *
 * Validity by construction: an edge is a graph over its chord with sideways offset
 * |h(t)| ≤ A·sin(πt) ≤ A·π·min(t, 1 − t), so it stays inside the double cone of half-angle
 * atan(A·π/L) around its chord. Two edges of a cell that meet at a corner cannot cross if the angle
 * between their chords exceeds the sum of their half-angles (asserted below); edges that do not meet
 * are a cell apart, far more than the cones' width (≤ A·π/2 ≈ 0.1 L).
 */
export function generateControlUnits(spec: ScaleSpec): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const rng = Random.derive(spec.seed, 'control-units');
  const box = extentMetres(spec.extent);
  const nx = Math.max(2, Math.round(box.width / spec.controlUnitCellM));
  const ny = Math.max(2, Math.round(box.height / spec.controlUnitCellM));
  const cw = box.width / nx, ch = box.height / ny;

  const corners: Point[][] = [];
  for (let i = 0; i <= nx; i++) {
    corners.push([]);
    for (let j = 0; j <= ny; j++) {
      const interiorX = i > 0 && i < nx, interiorY = j > 0 && j < ny;
      corners[i].push([
        box.x0 + i * cw + (interiorX ? rng.uniform(-CORNER_JITTER, CORNER_JITTER) * cw : 0),
        box.y0 + j * ch + (interiorY ? rng.uniform(-CORNER_JITTER, CORNER_JITTER) * ch : 0),
      ]);
    }
  }
  const edge = (a: Point, b: Point) => noisyEdge(rng, a, b);
  // horizontal[i][j]: corner (i,j) → (i+1,j); vertical[i][j]: corner (i,j) → (i,j+1).
  const horizontal = Array.from({ length: nx }, (_, i) => Array.from({ length: ny + 1 }, (_, j) => edge(corners[i][j], corners[i + 1][j])));
  const vertical = Array.from({ length: nx + 1 }, (_, i) => Array.from({ length: ny }, (_, j) => edge(corners[i][j], corners[i][j + 1])));

  const features: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const sw = corners[i][j], se = corners[i + 1][j], ne = corners[i + 1][j + 1], nw = corners[i][j + 1];
      assertCornerCones([[sw, se], [se, ne], [ne, nw], [nw, sw]], `CU ${i},${j}`);
      // Counter-clockwise: bottom, right, top reversed, left reversed; each edge without its last vertex.
      const ring = [
        ...horizontal[i][j].slice(0, -1),
        ...vertical[i + 1][j].slice(0, -1),
        ...[...horizontal[i][j + 1]].reverse().slice(0, -1),
        ...[...vertical[i][j]].reverse().slice(0, -1),
      ];
      ring.push(ring[0]);
      const u = rng.next();
      const level = u < 0.35 ? 'priority' : u < 0.6 ? 'key' : 'general';
      const code = `ZH52${String(i).padStart(3, '0')}${String(j).padStart(3, '0')}`;
      features.push({
        type: 'Feature',
        id: code,
        properties: { name: `管控单元 ${code}`, level },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The edge a → b as lon/lat positions (shared by both cells it separates). */
function noisyEdge(rng: Random, a: Point, b: Point): GeoJSON.Position[] {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const nxUnit = -dy / length, nyUnit = dx / length;
  const segments = Math.max(4, Math.round(length / VERTEX_SPACING_M));
  const phases = Array.from({ length: 6 }, () => rng.uniform(0, 2 * Math.PI));
  const weightSum = phases.reduce((s, _, k) => s + 1 / (k + 1), 0);
  const points: GeoJSON.Position[] = [];
  for (let s = 0; s <= segments; s++) {
    const t = s / segments;
    let g = 0;
    phases.forEach((phase, k) => (g += Math.sin((k + 1) * 2 * Math.PI * t + phase) / (k + 1)));
    g = 0.85 * (g / weightSum) + 0.15 * rng.uniform(-1, 1); // |g| ≤ 1
    const h = EDGE_AMPLITUDE * length * Math.sin(Math.PI * t) * g;
    points.push(toLonLat(a[0] + t * dx + h * nxUnit, a[1] + t * dy + h * nyUnit));
  }
  return points;
}

/** Proof obligation of the construction: at each corner the two chords' cones are disjoint. */
function assertCornerCones(chords: [Point, Point][], label: string): void {
  const halfAngle = Math.atan(EDGE_AMPLITUDE * Math.PI);
  for (let k = 0; k < chords.length; k++) {
    const [a, corner] = chords[k];
    const [, b] = chords[(k + 1) % chords.length];
    const u = [a[0] - corner[0], a[1] - corner[1]], v = [b[0] - corner[0], b[1] - corner[1]];
    const angle = Math.abs(Math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1]));
    if (angle <= 2 * halfAngle) throw new Error(`${label}: corner angle ${angle} too sharp for the edge noise`);
  }
}
