import JSZip from 'jszip';

/**
 * The hostile uploads of issue 11 (rows 2–4), generated rather than stored: each once froze or
 * crashed the server. Shared by the regression tests, `npm run fuzz` and `npm run load`.
 */

/** Row 2: a KMZ of a few KB whose doc.kml inflates to `megabytes` MB of `<a/>` elements. */
export async function kmzBomb(megabytes = 10): Promise<Buffer> {
  const body = '<a/>'.repeat((megabytes * 1024 * 1024) / 4);
  const zip = new JSZip();
  zip.file('doc.kml', `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Row 2: a KML nested `depth` elements deep. */
export const deepKml = (depth = 100_000): Buffer =>
  Buffer.from(`<kml xmlns="http://www.opengis.net/kml/2.2">${'<Folder>'.repeat(depth)}${'</Folder>'.repeat(depth)}</kml>`);

/** Row 2: a KML entity bomb (billion laughs). */
export const entityBombKml = (): Buffer => {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  return Buffer.from(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY l0 "lol">${levels}]><kml><Document><name>&l9;</name></Document></kml>`);
};

/** Row 3: the 2.5 KB CSV whose cell made a regular expression backtrack for 14–46 s. */
export const backtrackingCsv = (spaces = 4_000): Buffer => Buffer.from(`经度,纬度\n106.6,26.4\n1 1${' '.repeat(spaces)}x,26.4\n`);

/** Row 4: `count` small disjoint square rings, one ring number each (620 KB for 6,000). */
export function manyRingsCsv(count = 6_000): Buffer {
  const lines = ['点号,圈号,经度,纬度'];
  let point = 1;
  for (let r = 0; r < count; r++) {
    const x = 106.5 + (r % 100) * 0.002;
    const y = 26.3 + Math.floor(r / 100) * 0.002;
    const square = [[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]];
    for (const [lon, lat] of square) lines.push(`J${point++},${r + 1},${lon.toFixed(6)},${lat.toFixed(6)}`);
  }
  return Buffer.from(lines.join('\n'));
}

/** Row 4: a valid comb polygon of `teeth` teeth (4 vertices each): long segments whose x ranges all overlap. */
export function combPolygon(teeth = 7_500): GeoJSON.Polygon {
  const ring: [number, number][] = [];
  const step = 0.1 / teeth;
  for (let i = 0; i < teeth; i++) {
    const y = 26.35 + i * step;
    ring.push([106.6, y], [106.7, y], [106.7, y + step / 2], [106.6, y + step / 2]);
  }
  ring.push([106.59, 26.35 + 0.1], [106.59, 26.35], ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

export const combGeoJson = (teeth = 7_500): Buffer =>
  Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: combPolygon(teeth) }] }));
