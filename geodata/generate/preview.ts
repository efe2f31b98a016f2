/**
 * Developer preview: renders the generated layers into one SVG (and a PNG when a headless Chromium
 * is available) to look at the shapes. Not part of the dataset.
 *   npx tsx geodata/generate/preview.ts [geodataDir] [outPrefix] [w,s,e,n]
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Geometry, Position } from 'geojson';

interface Style {
  fill: string;
  line: string;
  fillOpacity: number;
  lineWidth: number;
  dash?: number[];
  levelColors?: Record<string, string>;
}
interface Entry {
  id: string;
  style: Style;
  legendOrder: number;
}

const dir = path.resolve(process.argv[2] ?? 'geodata');
const outPrefix = process.argv[3] ?? '/tmp/geodata-preview';
const view = (process.argv[4] ?? '106.44,26.17,106.9,26.585').split(',').map(Number);
const only = process.argv[5]?.split(',');
const WIDTH = 1800;
const kx = Math.cos((26.4 * Math.PI) / 180);
const scale = WIDTH / ((view[2] - view[0]) * kx);
const HEIGHT = Math.round((view[3] - view[1]) * scale);
const X = (lon: number) => ((lon - view[0]) * kx * scale).toFixed(1);
const Y = (lat: number) => ((view[3] - lat) * scale).toFixed(1);

const ringPath = (ring: Position[]) => `M${ring.map((p) => `${X(p[0])},${Y(p[1])}`).join('L')}Z`;
const linePath = (line: Position[]) => `M${line.map((p) => `${X(p[0])},${Y(p[1])}`).join('L')}`;

function pathOf(g: Geometry): string {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map(ringPath).join('');
    case 'MultiPolygon':
      return g.coordinates.flat().map(ringPath).join('');
    case 'LineString':
      return linePath(g.coordinates);
    default:
      return '';
  }
}

const catalog: Entry[] = JSON.parse(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8'));
const order = [...catalog].sort((a, b) => b.legendOrder - a.legendOrder);
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="Noto Sans CJK SC"><rect width="100%" height="100%" fill="#fbfaf6"/>`;
for (const entry of order) {
  if (only && !only.includes(entry.id)) continue;
  if (!fs.existsSync(path.join(dir, 'layers', `${entry.id}.geojson`))) continue;
  const fc = JSON.parse(fs.readFileSync(path.join(dir, 'layers', `${entry.id}.geojson`), 'utf8'));
  const s = entry.style;
  for (const f of fc.features) {
    const g = f.geometry as Geometry;
    const colour = (f.properties.level && s.levelColors?.[f.properties.level]) || s.fill;
    if (g.type === 'Point') {
      const [lon, lat] = g.coordinates;
      svg += `<circle cx="${X(lon)}" cy="${Y(lat)}" r="3" fill="${s.line}"/><text x="${Number(X(lon)) + 4}" y="${Number(Y(lat)) - 3}" font-size="11">${f.properties.name}</text>`;
      continue;
    }
    const isLine = g.type === 'LineString';
    svg += `<path d="${pathOf(g)}" fill="${isLine ? 'none' : colour}" fill-opacity="${isLine ? 0 : s.fillOpacity}" fill-rule="evenodd" stroke="${isLine ? s.line : (f.properties.level && s.levelColors?.[f.properties.level]) || s.line}" stroke-width="${s.lineWidth}"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/>`;
  }
}
const demoFile = path.join(dir, 'demo-projects.geojson');
if (!only && fs.existsSync(demoFile)) {
  for (const f of JSON.parse(fs.readFileSync(demoFile, 'utf8')).features) {
    const g = f.geometry as Geometry;
    const anchor = g.type === 'Point' ? g.coordinates : g.type === 'LineString' ? g.coordinates[0] : g.type === 'Polygon' ? g.coordinates[0][0] : [0, 0];
    if (g.type === 'Point') svg += `<rect x="${Number(X(anchor[0])) - 4}" y="${Number(Y(anchor[1])) - 4}" width="8" height="8" fill="#000"/>`;
    else svg += `<path d="${pathOf(g)}" fill="${g.type === 'Polygon' ? '#000' : 'none'}" fill-opacity="0.6" stroke="#000" stroke-width="2.5"/>`;
    svg += `<text x="${Number(X(anchor[0])) + 6}" y="${Number(Y(anchor[1])) + 14}" font-size="13" font-weight="bold">${f.properties.name}</text>`;
  }
}
svg += '</svg>';
fs.writeFileSync(`${outPrefix}.svg`, svg);
try {
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--screenshot=${outPrefix}.png`, `--window-size=${WIDTH},${HEIGHT}`, `file://${outPrefix}.svg`], { stdio: 'ignore', timeout: 120_000 });
  console.log(`${outPrefix}.png`);
} catch {
  console.log(`${outPrefix}.svg (no chromium for PNG)`);
}
