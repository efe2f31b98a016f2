import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../../server/admin/source-file.ts';

/**
 * An administrator's upload is read on the server's own thread: coordinates nested 100,000 deep
 * overflowed its stack while the vertices were counted (a 500). Refused as a 422 instead; a
 * MultiPolygon, the deepest GeoJSON geometry, is still counted.
 */
const limits = { maxFeatures: 10_000, maxVertices: 1_000_000, maxUnzippedBytes: 64 * 1024 * 1024 };

async function read(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-source-'));
  const file = path.join(dir, 'layer.geojson');
  fs.writeFileSync(file, text);
  try {
    return await readSourceFile(file, Buffer.from(text), 'layer.geojson', limits);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('readSourceFile', () => {
  it('refuses coordinates nested 100,000 deep with a 422', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await expect(read(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${deep}}}]}`)).rejects.toMatchObject({ status: 422 });
  });

  it('reads a MultiPolygon (positions three arrays down)', async () => {
    const square = [[[106.6, 26.4], [106.7, 26.4], [106.7, 26.5], [106.6, 26.5], [106.6, 26.4]]];
    const source = await read(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '示意' }, geometry: { type: 'MultiPolygon', coordinates: [square] } }] }));
    expect(source.layers[0].features).toHaveLength(1);
  });
});
