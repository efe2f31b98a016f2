import { afterAll, beforeAll, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';
import { meridianArcM, rectangle } from '../../support/ellipsoid.ts';

/**
 * A site given as a line is screened from the line grown by the screening distance plus half its
 * width (overlap-query.ts, near_zone): a zone within the screening distance of the corridor's side
 * but farther than that from the centre line must still be found, at its distance from the corridor.
 * Expected distances are meridian arcs (tests/support/ellipsoid.ts), not PostGIS's own figures.
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
const LAYER = 'zz_nz_redline';
const HALF_WIDTH_M = 200;
// The zone's southern edge 650 m north of a road along 32° N: 450 m from the corridor's side.
const SOUTH = 32 + 650 / 110_860;

beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, [LAYER]);
  await loadTestLayer(t.db.pool, LAYER, 'eco_redline', [{ id: 'north', name: '测试红线北', geometry: rectangle(101.51, SOUTH, 101.52, SOUTH + 0.005) }]);
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, [LAYER]);
  await t.close();
});

it('finds a zone beside a wide corridor that is beyond the screening distance of its centre line', async () => {
  const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[101.5, 32.0], [101.53, 32.0]] };
  const res = await request(t.app).post('/api/check').send({ geometry: line, project: { type: 'linear_infrastructure', widthM: 2 * HALF_WIDTH_M }, bufferM: 500 });
  expect(res.status).toBe(200);
  const layer = res.body.results.find((r: { layerId: string }) => r.layerId === LAYER);
  expect(layer?.relation).toBe('near');
  expect(layer.features.map((f: { id: string }) => f.id)).toEqual(['north']);
  const expected = meridianArcM(32, SOUTH) - HALF_WIDTH_M;
  expect(expected).toBeGreaterThan(449);
  expect(Math.abs(layer.minDistanceM - expected)).toBeLessThan(0.5);
});
