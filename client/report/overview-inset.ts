import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, bboxOfPositions } from '../../common/geo/bbox.ts';
import { drawFigurePanel } from './figure-panel.ts';

type Rings = GeoJSON.Position[][];

/** The district's outline (admin_boundary, level district) for the figure's 位置示意图; null when the layer is not there. */
export async function fetchDistrictOutline(): Promise<Rings | null> {
  try {
    const res = await fetch('/api/layers/admin_boundary/features', { headers: { Accept: 'application/geo+json, application/json' } });
    if (!res.ok) return null;
    const collection = (await res.json()) as FeatureCollection;
    const district = collection.features.filter(
      (f): f is Feature<Polygon | MultiPolygon> => f.properties?.level === 'district' && !!f.geometry && /Polygon$/.test(f.geometry.type),
    );
    const rings = district.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0])));
    return rings.length ? rings : null;
  } catch {
    return null;
  }
}

/**
 * 位置示意图: a small map of the whole district in the figure's top-left corner with the site
 * marked, so a reader of the filed report sees where in the district the detail map lies. Drawn in
 * an equirectangular projection scaled by cos(latitude): at district size the distortion is invisible.
 */
export function drawOverviewInset(ctx: CanvasRenderingContext2D, district: Rings, site: GeoJSON.Geometry, title: string, u: number): void {
  const [w, s, e, n] = bboxOfPositions(district.flat());
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = (e - w) * k;
  const spanY = n - s;
  if (!(spanX > 0 && spanY > 0)) return;
  const inner = 96 * u;
  const scale = inner / Math.max(spanX, spanY);
  const pad = 6 * u;
  const titleH = 14 * u;
  const boxW = spanX * scale + 2 * pad;
  const boxH = spanY * scale + 2 * pad + titleH;
  const x0 = 8 * u;
  const y0 = 8 * u;
  const px = (p: GeoJSON.Position): [number, number] => [x0 + pad + (p[0] - w) * k * scale, y0 + titleH + pad + (n - p[1]) * scale];
  drawFigurePanel(ctx, { x: x0, y: y0, w: boxW, h: boxH }, title, titleH, u);
  ctx.save();
  ctx.beginPath();
  for (const ring of district) {
    ring.forEach((p, i) => (i === 0 ? ctx.moveTo(...px(p)) : ctx.lineTo(...px(p))));
    ctx.closePath();
  }
  ctx.fillStyle = '#f3f1ec';
  ctx.fill('evenodd');
  ctx.strokeStyle = '#6b5e4e';
  ctx.lineWidth = 1.2 * u;
  ctx.stroke();
  // The site: its box, at least a visible square, in red with a white halo.
  const [sw, ss, se, sn] = bboxOf(site);
  const [ax, ay] = px([sw, sn]);
  const [bx, by] = px([se, ss]);
  const size = 6 * u;
  const cx = (ax + bx) / 2;
  const cy = (ay + by) / 2;
  const rw = Math.max(bx - ax, size);
  const rh = Math.max(by - ay, size);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3.5 * u;
  ctx.strokeRect(cx - rw / 2, cy - rh / 2, rw, rh);
  ctx.strokeStyle = '#d7191c';
  ctx.lineWidth = 2 * u;
  ctx.strokeRect(cx - rw / 2, cy - rh / 2, rw, rh);
  ctx.restore();
}
