import { describe, expect, it } from 'vitest';
import {
  fromWgs84,
  gaussKrugerEpsg,
  getCrs,
  listCrs,
  positionFromWgs84,
  positionToWgs84,
  toWgs84,
  zone3FromLongitude,
  zone6FromLongitude,
  zoneFromPrefixedEasting,
} from '../../../server/geo/crs.ts';
import { assertCoordinatesFitCrs } from '../../../server/geo/crs-checks.ts';
import { parseCrsOption, parseEpsgCode } from '../../../server/importers/crs-option.ts';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../server/geo/gcj02.ts';
import { cs2csReference, distanceM, expectClientError, fixtureText, sourceSite } from './support.ts';

/** The PROJ definition of every catalogue code, written by make-fixtures.sh with projinfo. */
const projCatalogue = fixtureText('gdal/crs-catalogue.tsv')
  .trim()
  .split('\n')
  .map((line) => {
    const [epsg, name, proj] = line.split('\t');
    const param = (k: string) => new RegExp(`\\+${k}=(\\S+)`).exec(proj)?.[1];
    return { epsg: Number(epsg), name, proj, param };
  });

describe('CRS catalogue against PROJ (projinfo)', () => {
  it('holds exactly the codes PROJ was asked about, with their EPSG names', () => {
    expect(listCrs().map((c) => c.epsg).sort()).toEqual(projCatalogue.map((c) => c.epsg).sort());
    for (const ref of projCatalogue) expect(getCrs(ref.epsg)!.name, `EPSG:${ref.epsg}`).toBe(ref.name);
  });

  it('has PROJ’s central meridian, false easting, scale and ellipsoid for every Gauss-Krüger / UTM code', () => {
    const ellipsoid = { CGCS2000: 'GRS80', Xian1980: 'IAU76', Beijing1954: 'krass', WGS84: 'WGS84' } as const;
    for (const ref of projCatalogue) {
      const crs = getCrs(ref.epsg)!;
      if (crs.kind === 'geographic') {
        expect(ref.proj).toContain('+proj=longlat');
        expect(ref.param('ellps') ?? (ref.param('datum') === 'WGS84' ? 'WGS84' : undefined)).toBe(ellipsoid[crs.datum]);
        continue;
      }
      if (crs.projection === 'utm') {
        expect(Number(ref.param('zone'))).toBe(crs.zone);
        continue;
      }
      if (crs.projection === 'web-mercator') continue;
      expect(ref.param('proj'), `EPSG:${ref.epsg}`).toBe('tmerc');
      expect(Number(ref.param('lon_0')), `EPSG:${ref.epsg}`).toBe(crs.centralMeridianDeg);
      expect(Number(ref.param('x_0')), `EPSG:${ref.epsg}`).toBe(crs.falseEastingM);
      expect(Number(ref.param('k')), `EPSG:${ref.epsg}`).toBe(crs.scaleFactor);
      expect(ref.param('ellps'), `EPSG:${ref.epsg}`).toBe(ellipsoid[crs.datum]);
    }
  });

  it('numbers the families as rules.md §13 says (4524 = zone 36 CM 108°; 4545 = CM 108° without prefix)', () => {
    expect(gaussKrugerEpsg('CGCS2000', 3, 36, true)).toBe(4524);
    expect(gaussKrugerEpsg('CGCS2000', 3, 36, false)).toBe(4545);
    expect(gaussKrugerEpsg('CGCS2000', 3, 35, true)).toBe(4523);
    expect(gaussKrugerEpsg('CGCS2000', 3, 35, false)).toBe(4544);
    expect(gaussKrugerEpsg('CGCS2000', 6, 18, true)).toBe(4496);
    expect(gaussKrugerEpsg('CGCS2000', 6, 18, false)).toBe(4507);
    expect(gaussKrugerEpsg('CGCS2000', 3, 24, true)).toBeUndefined();
    expect(getCrs(4524)).toMatchObject({ zone: 36, centralMeridianDeg: 108, falseEastingM: 36_500_000, hasZonePrefix: true });
  });
});

describe('zones', () => {
  it('3° and 6° zone from longitude, and from a prefixed easting', () => {
    expect(zone3FromLongitude(106.67)).toBe(36);
    expect(zone3FromLongitude(106.47)).toBe(35);
    expect(zone3FromLongitude(108)).toBe(36);
    expect(zone6FromLongitude(106.67)).toBe(18);
    expect(zone6FromLongitude(105)).toBe(18);
    expect(zoneFromPrefixedEasting(36_367_301.81)).toBe(36);
    expect(zoneFromPrefixedEasting(367_301.81)).toBeUndefined();
  });
});

describe('transforms against cs2cs', () => {
  it('reproduces the rules.md example 106.67°E 26.41°N → X 2922944.07, Y 36367301.81 (and cs2cs to 0.1 mm)', () => {
    const [x, y] = fixtureText('gdal/rules-example-4524.txt').trim().split(/\s+/).map(Number);
    expect(Math.abs(x - 2922944.07)).toBeLessThanOrEqual(0.0051); // rules.md rounds to the centimetre
    expect(Math.abs(y - 36367301.81)).toBeLessThanOrEqual(0.0051);
    const [east, north] = positionFromWgs84([106.67, 26.41], 4524);
    expect(Math.abs(north - x)).toBeLessThan(1e-4);
    expect(Math.abs(east - y)).toBeLessThan(1e-4);
  });

  it('matches every cs2cs vertex of the fixtures to 1 mm, both ways', () => {
    const site = sourceSite();
    for (const [key, ref] of Object.entries(cs2csReference())) {
      const [, feature, epsg] = /^feature(\d)-EPSG:(\d+)$/.exec(key)!.map(Number);
      site.features[feature].geometry.coordinates.forEach((ring, r) =>
        ring.forEach((lonLat, i) => {
          const [xNorth, yEast] = ref.xNorthYEast[r][i];
          const [east, north] = positionFromWgs84(lonLat, epsg);
          expect(Math.hypot(east - yEast, north - xNorth), `${key} ${r}/${i}`).toBeLessThan(0.001);
          expect(distanceM(positionToWgs84([yEast, xNorth], epsg), lonLat)).toBeLessThan(0.001);
        }),
      );
    }
  });

  it('maps whole geometries and round-trips to well under a millimetre', () => {
    const polygon = sourceSite().features[0].geometry;
    const back = toWgs84(fromWgs84(polygon, 4524), 4524);
    back.coordinates.flat().forEach((p, i) => expect(distanceM(p, polygon.coordinates.flat()[i])).toBeLessThan(1e-4));
  });
});

describe('GCJ-02', () => {
  it('offsets Guiyang by a few hundred metres and is undone to below a millimetre', () => {
    const wgs = [106.67, 26.41];
    const gcj = wgs84ToGcj02(wgs);
    const offset = distanceM(wgs, gcj);
    expect(offset).toBeGreaterThan(100);
    expect(offset).toBeLessThan(800);
    expect(distanceM(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.001);
  });
  it('leaves positions outside China alone', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

describe('CRS options', () => {
  it('reads EPSG codes as people and files write them', () => {
    expect(parseEpsgCode('4524')).toBe(4524);
    expect(parseEpsgCode('EPSG:4524')).toBe(4524);
    expect(parseEpsgCode('urn:ogc:def:crs:EPSG::4545')).toBe(4545);
    expect(parseEpsgCode('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(4326);
    expect(parseEpsgCode('banana')).toBeUndefined();
    expect(parseCrsOption('gcj02')).toEqual({ epsg: 4326, gcj02: true });
    expect(parseCrsOption('EPSG:4490')).toEqual({ epsg: 4490, gcj02: false });
  });
  it('refuses codes outside the catalogue with a 400', async () => {
    await expectClientError(() => parseCrsOption('EPSG:2000'), 400, 'UNSUPPORTED_CRS');
  });
});

describe('coordinates that cannot be in the stated CRS are refused', () => {
  it('projected metres given as lon/lat, with the likely EPSG suggested', async () => {
    const e = await expectClientError(() => assertCoordinatesFitCrs([[36367301.81, 2922944.07]], 4326), 422, 'PROJECTED_AS_GEOGRAPHIC');
    expect(e.messages.en).toContain('EPSG:4524');
  });
  it('lon/lat given for a Gauss-Krüger CRS', async () => {
    await expectClientError(() => assertCoordinatesFitCrs([[106.67, 26.41]], 4524), 422, 'GEOGRAPHIC_AS_PROJECTED');
  });
  it('latitude/longitude swapped', async () => {
    await expectClientError(() => assertCoordinatesFitCrs([[26.41, 106.67], [26.42, 106.68]], 4326), 422, 'AXES_SWAPPED');
  });
  it('northing/easting swapped', async () => {
    await expectClientError(() => assertCoordinatesFitCrs([[2922944.07, 36367301.81]], 4524), 422, 'AXES_SWAPPED');
  });
  it('a zone prefix that is not the chosen zone, or none where one is expected, or one where none belongs', async () => {
    const e = await expectClientError(() => assertCoordinatesFitCrs([[35647014.17, 2911141.3]], 4524), 422, 'ZONE_MISMATCH');
    expect(e.messages.en).toContain('EPSG:4523');
    await expectClientError(() => assertCoordinatesFitCrs([[367301.81, 2922944.07]], 4524), 422, 'ZONE_PREFIX_MISSING');
    await expectClientError(() => assertCoordinatesFitCrs([[36367301.81, 2922944.07]], 4545), 422, 'ZONE_PREFIX_UNEXPECTED');
  });
  it('an easting no zone could hold', async () => {
    await expectClientError(() => assertCoordinatesFitCrs([[2_000_000, 2922944.07]], 4545), 422, 'EASTING_OUT_OF_RANGE');
  });
  it('accepts what fits', () => {
    expect(() => assertCoordinatesFitCrs([[36367301.81, 2922944.07]], 4524)).not.toThrow();
    expect(() => assertCoordinatesFitCrs([[367301.81, 2922944.07]], 4545)).not.toThrow();
    expect(() => assertCoordinatesFitCrs([[106.67, 26.41]], 4490)).not.toThrow();
  });
});
