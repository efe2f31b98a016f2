import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';
import { parallelArcM, rectangle } from '../../support/ellipsoid.ts';
import { runCheck } from '../../../server/check/engine.ts';
import type { Queryable } from '../../../server/db/types.ts';

/**
 * A linear site (a centre line) crossing a prohibited zone is advised to reroute (调整线位) with the
 * stretches it crosses as chainage — not a corridor cut into pieces. Expected chainages are arcs of
 * the parallel the line runs along (tests/support/ellipsoid.ts), not PostGIS's own figures.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
const LAYER = 'zz_rr_water';
// Two red-line features side by side (101.00–101.01 and 101.01–101.02 E at 31.05–31.06 N): a
// road along 31.055 N meets both, and both prohibit it.
const REDLINE = 'zz_rr_redline';
// A 一级 zone 0.01° × 0.01° at 101–101.01 E, 31–31.01 N, and a 二级 ring around it.
const G1 = rectangle(101.0, 31.0, 101.01, 31.01);
const G2: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [rectangle(100.99, 30.99, 101.02, 31.02).coordinates[0], [...G1.coordinates[0]].reverse()],
};
// A road is prohibited in the 一级 zone and conditional in the 二级.
const road = { type: 'commercial', widthM: 20 };
const check = (body: object) => request(t.app).post('/api/check').send(body);

beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, [LAYER, REDLINE]);
  await loadTestLayer(t.db.pool, REDLINE, 'eco_redline', [
    { id: 'west', name: '测试红线西', geometry: rectangle(101.0, 31.05, 101.01, 31.06) },
    { id: 'east', name: '测试红线东', geometry: rectangle(101.01, 31.05, 101.02, 31.06) },
  ]);
  await loadTestLayer(t.db.pool, LAYER, 'water_source', [
    { id: 'g1', name: '测试水源一级', level: 'grade1', geometry: G1 },
    { id: 'g2', name: '测试水源二级', level: 'grade2', geometry: G2 },
  ], ['grade1', 'grade2', 'quasi']);
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, [LAYER, REDLINE]);
  await t.close();
});

describe('POST /api/check — a centre line across a prohibited zone is advised to reroute', () => {
  it('gives the crossing as chainage along the line, exact to a centimetre', async () => {
    const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[100.995, 31.005], [101.015, 31.005]] };
    const res = await check({ geometry: line, project: road });
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('prohibited');
    const av = res.body.avoidance;
    expect(av.suggestion).toBe('reroute');
    expect(av.layerIds).toEqual([LAYER]);
    expect(av.sections).toHaveLength(1);
    const [s] = av.sections;
    expect(s.layerId).toBe(LAYER);
    expect(s.part).toBe(1);
    expect(s.fromM).toBeCloseTo(parallelArcM(31.005, 0.005), 1);
    expect(s.toM).toBeCloseTo(parallelArcM(31.005, 0.015), 1);
    expect(av.crossingLengthM).toBeCloseTo(parallelArcM(31.005, 0.01), 1);
    expect(av.parts).toBe(1);
    // The corridor area in the 一级 zone is what the check reports for it.
    const g1 = res.body.results[0].features.find((f: { id: string }) => f.id === 'g1');
    expect(Math.abs(av.removedAreaM2 - g1.overlapAreaM2)).toBeLessThan(0.01);
    expect(av.remainingAreaM2).toBe(0);
    // On the map: the crossed stretch of the centre line, lon 101.0 to 101.01.
    const lons = JSON.stringify(av.geometry.coordinates).match(/\d+(\.\d+)?/g)!.map(Number).filter((n: number) => n > 100);
    expect(Math.min(...lons)).toBeCloseTo(101.0, 6);
    expect(Math.max(...lons)).toBeCloseTo(101.01, 6);
    const from = Math.round(parallelArcM(31.005, 0.005));
    expect(av.message.zh).toContain(`K0+${String(from).padStart(3, '0')}～`);
    expect(av.message.zh).toContain('须调整线位');
    expect(av.message.zh).not.toContain('须另行选址');
    expect(av.message.en).toContain('reroute');
  });

  it('finds a stretch where only the side of the corridor reaches the zone', async () => {
    // 5.5 m south of the 一级 zone's south edge: the 20 m corridor reaches 4.5 m into it.
    const lat = 31 - 0.00005;
    const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[100.995, lat], [101.015, lat]] };
    const res = await check({ geometry: line, project: road });
    expect(res.status).toBe(200);
    const av = res.body.avoidance;
    expect(av.suggestion).toBe('reroute');
    expect(av.sections).toHaveLength(1);
    expect(av.sections[0].fromM).toBeCloseTo(parallelArcM(lat, 0.005), 1);
    expect(av.sections[0].toM).toBeCloseTo(parallelArcM(lat, 0.015), 1);
  });

  it('counts lines of a MultiLineString apart, and a line that enters twice has two stretches', async () => {
    const clear: GeoJSON.Position[] = [[100.995, 30.995], [101.015, 30.995]]; // in the 二级 ring only
    // North-south through the 一级 zone twice: up at 101.002, back down at 101.008.
    const uTurn: GeoJSON.Position[] = [[101.002, 30.995], [101.002, 31.015], [101.008, 31.015], [101.008, 30.995]];
    const res = await check({ geometry: { type: 'MultiLineString', coordinates: [clear, uTurn] }, project: road });
    expect(res.status).toBe(200);
    const av = res.body.avoidance;
    expect(av.suggestion).toBe('reroute');
    expect(av.sections.map((s: { part: number }) => s.part)).toEqual([2, 2]);
    expect(av.crossingLengthM).toBeCloseTo(2 * (av.sections[0].toM - av.sections[0].fromM), 1);
    expect(av.sections[0].toM - av.sections[0].fromM).toBeGreaterThan(1100); // 0.01° of latitude ≈ 1,109 m
    expect(av.sections[0].toM - av.sections[0].fromM).toBeLessThan(1120);
    expect(av.message.zh).toContain('第 2 条线');
    expect(av.message.zh).toContain('2 处穿越');
  });

  it('still clips a polygon site (a revision the planner can adopt)', async () => {
    const res = await check({ geometry: rectangle(101.008, 31.004, 101.012, 31.006), project: road });
    expect(res.body.avoidance.suggestion).toBe('revise');
    expect(res.body.avoidance.sections).toBeUndefined();
  });

  it('reroutes around a layer whose every feature met prohibits from the layer\'s own dissolved overlap', async () => {
    const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[100.995, 31.055], [101.025, 31.055]] };
    // The statements the engine sends, recorded: what the reroute statement was given to work on.
    const sent: { name?: string; values?: unknown[] }[] = [];
    const recording = {
      query: (config: { name?: string; values?: unknown[] }, values?: unknown[]) => {
        sent.push(typeof config === 'string' ? { values } : config);
        return t.db.pool.query(config as never, values as never);
      },
    } as unknown as Queryable;
    const result = await runCheck(recording, { geometry: line, project: road });
    const redline = result.results.find((r) => r.layerId === REDLINE)!;
    expect(redline.verdict).toBe('prohibited');
    expect(redline.features.map((f) => f.id).sort()).toEqual(['east', 'west']);
    const av = result.avoidance!;
    expect(av.suggestion).toBe('reroute');
    // One stretch across both features (their common edge is no gap), arcs of the parallel.
    const sections = av.sections!.filter((s) => s.layerId === REDLINE);
    expect(sections).toHaveLength(1);
    expect(sections[0].fromM).toBeCloseTo(parallelArcM(31.055, 0.005), 1);
    expect(sections[0].toM).toBeCloseTo(parallelArcM(31.055, 0.025), 1);
    // The corridor area taken is the two features' overlaps together (disjoint: their sum).
    const featuresM2 = redline.features.reduce((sum, f) => sum + f.overlapAreaM2, 0);
    expect(Math.abs(av.removedAreaM2 - featuresM2)).toBeLessThan(0.01);
    // Given the layer's overlap once, not each feature's to union again.
    const reroute = sent.find((s) => s.name === 'check-reroute')!;
    const pieces = JSON.parse(reroute.values![1] as string) as { layerId: string; wkb?: string; dissolved: boolean }[];
    expect(pieces.map((p) => [p.layerId, typeof p.wkb, p.dissolved])).toEqual([[REDLINE, 'string', true]]);
  });
});
