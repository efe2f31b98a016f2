import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe('a site that only grazes the data’s coverage', () => {
  // 9.6 ha about 3 km east of the district (the test coverage), found by the 项目库 pool of the
  // browser test. Its shares were NaN (null in JSON, a 500 in the XLSX export); and it was judged
  // 'partial' with 1.48 m² "inside": the site's exact area less the area outside measured on its
  // GeoJSON (rounded to 1e-7°: the rounding alone moved its area by 1.48 m²). Measured on the one
  // exact geometry, nothing of it is inside.
  const site = {
    type: 'Polygon',
    coordinates: [[[106.69060402173083, 26.257622691977303], [106.69262782076792, 26.257622691977303], [106.69262782076792, 26.26214024595497], [106.69121116144197, 26.263043756750506], [106.69060402173083, 26.257622691977303]]],
  };
  it('is outside the coverage, with numbers for every share, never null', async () => {
    const { rows } = await app.db.pool.query<{ inside: number }>(
      `SELECT ST_Area(ST_Intersection(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_Union(f.geom))::geography) AS inside
         FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version WHERE l.id = 'test_coverage'`,
      [JSON.stringify(site)],
    );
    expect(rows[0].inside).toBe(0); // PostGIS's own overlay of the site as sent and the coverage
    const res = await request(app.app).post('/api/check').send({ geometry: site, project: { type: 'tourism_facility', unavoidable: true } });
    expect(res.status).toBe(200);
    expect(res.body.coverage).toMatchObject({ status: 'outside', insideAreaM2: 0 });
    expect(res.body.verdict).toBe('outside_coverage');
    for (const r of res.body.results) expect(Number.isFinite(r.overlapPct), r.layerId).toBe(true);
  });
});
