import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importGeoJson } from '../../../server/importers/geojson.ts';
import { expectClientError } from './support.ts';

const polygon = (ring: number[][]) => Buffer.from(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
const codes = (r: { warnings: { code?: string }[] }) => r.warnings.map((w) => w.code);
const square = [[106.67, 26.41], [106.671, 26.41], [106.671, 26.411], [106.67, 26.411], [106.67, 26.41]];

describe('common sanity checks', () => {
  it('refuses a site outside China', async () => {
    const e = await expectClientError(() => importGeoJson(polygon([[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]])), 422, 'OUTSIDE_CHINA');
    expect(e.messages.en).toContain('2.35');
  });

  it('warns when a site lies outside 花溪区', () => {
    const r = importGeoJson(polygon([[116.39, 39.9], [116.4, 39.9], [116.4, 39.91], [116.39, 39.9]]));
    expect(codes(r)).toEqual(['OUTSIDE_DISTRICT']);
  });

  it('removes duplicate consecutive vertices with a warning', () => {
    const r = importGeoJson(polygon([square[0], square[1], square[1], square[2], square[3], square[4]]));
    expect(codes(r)).toEqual(['DUPLICATE_VERTICES']);
    expect((r.features.features[0].geometry as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('warns about a self-intersection and says where', () => {
    const bowtie = [[106.67, 26.41], [106.672, 26.412], [106.672, 26.41], [106.67, 26.412], [106.67, 26.41]];
    const r = importGeoJson(polygon(bowtie));
    const w = r.warnings.find((x) => x.code === 'SELF_INTERSECTION')!;
    expect(w.location![0]).toBeCloseTo(106.671, 6);
    expect(w.location![1]).toBeCloseTo(26.411, 6);
    expect(w.zh).toContain('106.671000');
  });

  it('refuses rings with fewer than three distinct vertices, and files with no geometry', async () => {
    await expectClientError(() => importGeoJson(polygon([[106.67, 26.41], [106.671, 26.41], [106.671, 26.41], [106.67, 26.41]])), 422, 'DEGENERATE_RING');
    await expectClientError(() => importGeoJson(Buffer.from('{"type":"FeatureCollection","features":[]}')), 422, 'NO_FEATURES');
  });

  it('keeps a clean site free of warnings', () => {
    expect(importGeoJson(polygon(square)).warnings).toEqual([]);
  });
});
