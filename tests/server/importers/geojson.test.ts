import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../server/geo/crs.ts';
import { importGeoJson } from '../../../server/importers/geojson.ts';
import { signedRingArea } from '../../../server/geo/geometry.ts';
import { cs2csReference, expectClientError, expectSamePolygon, sourceSite } from './support.ts';

const json = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8');
const codes = (r: { warnings: { code?: string }[] }) => r.warnings.map((w) => w.code);

describe('GeoJSON importer', () => {
  it('imports RFC 7946 lon/lat as is, outer rings counter-clockwise', () => {
    const site = sourceSite();
    const r = importGeoJson(json(site));
    expect(r.crs.epsg).toBe(4326);
    expect(r.warnings).toEqual([]);
    expect(r.features.features).toHaveLength(2);
    const g = r.features.features[0].geometry as Polygon;
    expectSamePolygon(g.coordinates, site.features[0].geometry.coordinates, 0.001);
    expect(signedRingArea(g.coordinates[0])).toBeGreaterThan(0);
    expect(signedRingArea(g.coordinates[1])).toBeLessThan(0);
    expect(r.features.features[0].properties!['名称']).toBe('花溪示例用地甲（湿地公园配套）');
  });

  it('honours a legacy crs member (GK zone 36 with prefix, x = easting) using cs2cs coordinates', () => {
    const ref = cs2csReference()['feature0-EPSG:4524'].xNorthYEast;
    const doc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4524' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: ref.map((ring) => ring.map(([x, y]) => [y, x])) } }],
    };
    const r = importGeoJson(json(doc));
    expect(r.crs.epsg).toBe(4524);
    expectSamePolygon((r.features.features[0].geometry as Polygon).coordinates, sourceSite().features[0].geometry.coordinates, 0.01);
  });

  it('accepts a bare geometry or a Feature, and converts GCJ-02 on request', () => {
    const polygon = sourceSite().features[0].geometry;
    expect(importGeoJson(json(polygon)).features.features).toHaveLength(1);
    const r = importGeoJson(json({ type: 'Feature', properties: null, geometry: polygon }), { crs: { epsg: 4326, gcj02: true } });
    expect(codes(r)).toContain('GCJ02_APPROXIMATE');
  });

  it('closes open rings with a warning instead of failing validation', () => {
    const open = sourceSite().features[0].geometry.coordinates.map((r) => r.slice(0, -1));
    const r = importGeoJson(json({ type: 'Polygon', coordinates: open }));
    expect(codes(r).filter((c) => c === 'RING_NOT_CLOSED')).toHaveLength(2);
  });

  it('explains validation errors in both languages', async () => {
    const e = await expectClientError(() => importGeoJson(json({ type: 'Polygon', coordinates: [[[106.6, 26.4], [106.7, 'x'], [106.7, 26.5], [106.6, 26.4]]] })), 422, 'INVALID_GEOJSON');
    expect(e.messages.zh).toContain('坐标只能是数字');
    expect(e.messages.en).toContain('Position must only contain numbers');
  });

  it('refuses metres without a crs member, suggesting the zone', async () => {
    const projected = fromWgs84(sourceSite().features[0].geometry, 4524);
    const e = await expectClientError(() => importGeoJson(json(projected)), 422, 'PROJECTED_AS_GEOGRAPHIC');
    expect(e.messages.en).toContain('EPSG:4524');
  });

  it('refuses an unsupported declared CRS', async () => {
    await expectClientError(() => importGeoJson(json({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:27700' } }, features: [] })), 422, 'UNSUPPORTED_CRS');
  });
});
