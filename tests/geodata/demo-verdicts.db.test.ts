import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../support/test-app.ts';

/**
 * The demo sites of geodata/demo-projects.geojson, checked by the real engine against the real
 * reference layers, must get the verdict they were placed for (issue 3: every verdict occurs).
 */
const demo = JSON.parse(fs.readFileSync('geodata/demo-projects.geojson', 'utf8')) as GeoJSON.FeatureCollection;
let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('demo project sites', () => {
  it.each(demo.features.map((f) => [f.properties!.name as string, f] as const))('%s gets its intended verdict', async (_name, f) => {
    const res = await request(t.app).post('/api/check').send({ geometry: f.geometry, project: f.properties!.project });
    expect(res.status).toBe(200);
    const summary = res.body.results.map((r: { layerId: string; verdict: string; level: string | null }) => `${r.layerId}:${r.level ?? '-'}:${r.verdict}`);
    expect(res.body.verdict, summary.join(' ')).toBe(f.properties!.expectedVerdict);
  });

  it('covers every verdict', () => {
    const verdicts = new Set(demo.features.map((f) => f.properties!.expectedVerdict));
    expect(verdicts).toEqual(new Set(['prohibited', 'conditional', 'notice', 'clear']));
  });
});
