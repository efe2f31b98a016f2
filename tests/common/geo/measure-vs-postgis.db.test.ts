import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import { measureGeometry } from '../../../common/geo/measure.ts';
import { areaM2 as toolAreaM2, perimeterM as toolPerimeterM } from '../../../client/tools/measure.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * The client's measurement is PostGIS geography's (issue 12): over generated polygons — star-shaped
 * rings of 3–40 vertices, 50 m to 20 km across, around Huaxi and across China, some with a hole —
 * the site summary's and the measure tool's area equal ST_Area(geography) within 0.01 %, and the
 * outer-ring length ST_Length(geography) within 0.01 %. A seeded generator keeps failures reproducible.
 */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function starRing(random: () => number, lon: number, lat: number, radiusM: number, n: number): [number, number][] {
  const mPerDegLat = 111_000;
  const mPerDegLon = 111_000 * Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = radiusM * (0.5 + 0.5 * random());
    ring.push([lon + (r * Math.cos(a)) / mPerDegLon, lat + (r * Math.sin(a)) / mPerDegLat]);
  }
  ring.push(ring[0]);
  return ring;
}

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe('client measurement = PostGIS geography', () => {
  it('area and perimeter of 200 generated polygons within 0.01 %', async () => {
    const random = mulberry32(20261202);
    const cases: GeoJSON.Polygon[] = [];
    for (let i = 0; i < 200; i++) {
      const nearHuaxi = i % 2 === 0;
      const lon = nearHuaxi ? 106.4 + random() * 0.5 : 75 + random() * 55;
      const lat = nearHuaxi ? 26.2 + random() * 0.4 : 18 + random() * 32;
      const radiusM = 50 * Math.pow(400, random());
      const shell = starRing(random, lon, lat, radiusM, 3 + Math.floor(random() * 38));
      const rings = [shell];
      // A small hole around the centre (inside every star ring: its radius is under half the smallest).
      if (i % 3 === 0) rings.push(starRing(random, lon, lat, radiusM * 0.2, 6).reverse());
      cases.push({ type: 'Polygon', coordinates: rings });
    }
    const { rows } = await db.pool.query<{ area: number; perimeter: number }>(
      `SELECT ST_Area(g::geography) AS area, ST_Length(ST_ExteriorRing(g)::geography) AS perimeter
         FROM unnest($1::text[]) WITH ORDINALITY AS t(json, i), LATERAL ST_SetSRID(ST_GeomFromGeoJSON(json), 4326) AS g
        ORDER BY i`,
      [cases.map((c) => JSON.stringify(c))],
    );
    expect(rows).toHaveLength(cases.length);
    let worst = 0;
    cases.forEach((polygon, i) => {
      const postgisArea = Number(rows[i].area);
      const postgisPerimeter = Number(rows[i].perimeter);
      const summary = measureGeometry(polygon);
      const relArea = Math.abs(summary.areaM2 - postgisArea) / postgisArea;
      worst = Math.max(worst, relArea);
      expect(relArea, `polygon ${i}: summary ${summary.areaM2} vs PostGIS ${postgisArea}`).toBeLessThan(1e-4);
      expect(Math.abs(summary.lengthM - postgisPerimeter) / postgisPerimeter).toBeLessThan(1e-4);
      if (polygon.coordinates.length === 1) {
        // The measure tool takes the clicked vertices (ring without its closing point).
        const clicked = polygon.coordinates[0].slice(0, -1) as [number, number][];
        expect(Math.abs(toolAreaM2(clicked) - postgisArea) / postgisArea).toBeLessThan(1e-4);
        expect(Math.abs(toolPerimeterM(clicked) - postgisPerimeter) / postgisPerimeter).toBeLessThan(1e-4);
      }
    });
    console.log(`worst relative area difference: ${worst.toExponential(2)}`);
  });
});
