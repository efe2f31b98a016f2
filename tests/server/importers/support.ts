import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import { expect } from 'vitest';
import { AppError } from '../../../server/http/errors.ts';

/** Shared by the importer and exporter tests: fixtures, distances, and "same vertices" assertions. */

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
export const fixture = (relative: string) => readFileSync(path.join(FIXTURES, relative));
export const fixtureText = (relative: string) => fixture(relative).toString('utf8');

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Metres between two lon/lat positions (local equirectangular; exact enough at centimetre scale). */
export function distanceM(a: Position, b: Position): number {
  const latRad = (((a[1] + b[1]) / 2) * Math.PI) / 180;
  const dx = ((b[0] - a[0]) * Math.PI * 6378137 * Math.cos(latRad)) / 180;
  const dy = ((b[1] - a[1]) * Math.PI * 6378137) / 180;
  return Math.hypot(dx, dy);
}

const openRing = (r: Position[]) => (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r.slice(0, -1) : r);

/** Rings hold the same vertices within tolMetres, whatever the orientation or starting vertex. */
function expectSameRing(actual: Position[], expected: Position[], tolMetres: number, distance = distanceM): void {
  const a = openRing(actual);
  const e = openRing(expected);
  expect(a.length).toBe(e.length);
  for (const p of e) {
    const nearest = Math.min(...a.map((q) => distance(p, q)));
    expect(nearest, `vertex ${p} off by ${nearest} m`).toBeLessThanOrEqual(tolMetres);
  }
}

/** Polygons hold the same rings (outer first, holes in any order) within tolMetres. */
export function expectSamePolygon(actual: Position[][], expected: Position[][], tolMetres: number, distance = distanceM): void {
  expect(actual.length).toBe(expected.length);
  expectSameRing(actual[0], expected[0], tolMetres, distance);
  for (const hole of expected.slice(1)) {
    const match = actual.slice(1).find((h) => openRing(h).length === openRing(hole).length && distance(h[0], hole.reduce((best, p) => (distance(h[0], p) < distance(h[0], best) ? p : best))) <= tolMetres);
    expect(match, 'a hole of the expected polygon').toBeDefined();
    expectSameRing(match!, hole, tolMetres, distance);
  }
}

/** The importer/exporter refused with a 4xx AppError carrying both languages. */
export async function expectClientError(run: () => unknown, status?: number, code?: string): Promise<AppError> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a refusal').toBeInstanceOf(AppError);
  const e = caught as AppError;
  expect(e.status).toBeGreaterThanOrEqual(400);
  expect(e.status).toBeLessThan(500);
  if (status) expect(e.status).toBe(status);
  if (code) expect(e.code).toBe(code);
  expect(e.messages.zh.length).toBeGreaterThan(0);
  expect(e.messages.en.length).toBeGreaterThan(0);
  expect(e.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  return e;
}

/** The hand-written source site (lon/lat) that the GDAL/PROJ fixtures were made from. */
export const sourceSite = () => JSON.parse(fixtureText('source/site.geojson')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;

/** cs2cs output (X north, Y east) and GDAL areas, per feature and EPSG (see make-fixtures.sh). */
export const cs2csReference = () =>
  JSON.parse(fixtureText('gdal/reference.json')) as Record<string, { xNorthYEast: [number, number][][]; areaM2: number }>;
