import { fromGaussKrugerZone3 as fromGaussKruger } from '../../common/geo/gauss-kruger.ts';

/**
 * 界址点 typed or pasted from a paper 红线图 or a spreadsheet: one point a line, the last two numbers
 * of a line are the pair (a point number before them is ignored). Either CGCS2000 3° Gauss-Krüger
 * (X northing, Y easting, surveyor's order; Y with the zone prefix, e.g. 36365352.62, or without it,
 * then the zone is asked for) or longitude/latitude in degrees (either order: in China a latitude
 * never exceeds 54°, a longitude is never below 73°).
 */
export type CoordinateMode = 'auto' | 'gk' | 'lonlat';

export interface ParsedPoint {
  line: number;
  lonLat: [number, number];
}

export interface ParsedCoordinates {
  points: ParsedPoint[];
  kind: 'gk' | 'lonlat' | null;
  /** The GK zone used (from the prefix, or the one given). */
  zone: number | null;
  /** Lines that could not be read, with why (zh/en keys for the dialog). */
  errors: { line: number; code: 'numbers' | 'range' | 'zone' | 'mixed' }[];
}

const NUMBER = /[-+]?\d+(?:\.\d+)?/g;

/** A northing in China: 7 digits (1 000 000 – 6 000 000 m). */
const isNorthing = (v: number) => v >= 1_000_000 && v < 6_500_000;
/** An easting with its zone prefix (zones 13–45) … */
const isPrefixedEasting = (v: number) => v >= 13_000_000 && v < 46_000_000 && Math.abs((v % 1_000_000) - 500_000) < 400_000;
/** … or without it (500 000 ± 400 000). */
const isBareEasting = (v: number) => v > 100_000 && v < 900_000;

function readPair(a: number, b: number, mode: CoordinateMode): { kind: 'gk'; x: number; y: number } | { kind: 'lonlat'; lon: number; lat: number } | null {
  const degrees = Math.abs(a) <= 180 && Math.abs(b) <= 180;
  if (mode !== 'gk' && degrees) {
    // Longitude first unless the first number can only be a latitude and the second only a longitude.
    if (Math.abs(a) <= 90 && Math.abs(b) > 90) return { kind: 'lonlat', lon: b, lat: a };
    if (a >= 73 && a <= 136 && b >= 3 && b <= 54) return { kind: 'lonlat', lon: a, lat: b };
    if (b >= 73 && b <= 136 && a >= 3 && a <= 54) return { kind: 'lonlat', lon: b, lat: a };
    if (Math.abs(b) <= 90) return { kind: 'lonlat', lon: a, lat: b };
    return null;
  }
  if (mode === 'lonlat') return null;
  // Surveyors write X (northing) first; some tables put Y first: take each by its size.
  if (isNorthing(a) && (isPrefixedEasting(b) || isBareEasting(b))) return { kind: 'gk', x: a, y: b };
  if (isNorthing(b) && (isPrefixedEasting(a) || isBareEasting(a))) return { kind: 'gk', x: b, y: a };
  return null;
}

export function parseTypedCoordinates(text: string, mode: CoordinateMode, zoneWithoutPrefix: number | null): ParsedCoordinates {
  const out: ParsedCoordinates = { points: [], kind: null, zone: null, errors: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const numbers = (raw.match(NUMBER) ?? []).map(Number);
    // Blank lines and headers (点号,X,Y) carry no numbers: skipped.
    if (numbers.length === 0) return;
    if (numbers.length < 2) return out.errors.push({ line, code: 'numbers' });
    const pair = readPair(numbers[numbers.length - 2], numbers[numbers.length - 1], mode);
    if (!pair) return out.errors.push({ line, code: 'range' });
    if (out.kind && out.kind !== pair.kind) return out.errors.push({ line, code: 'mixed' });
    out.kind = pair.kind;
    if (pair.kind === 'lonlat') {
      out.points.push({ line, lonLat: [pair.lon, pair.lat] });
      return;
    }
    const prefixed = isPrefixedEasting(pair.y);
    const zone = prefixed ? Math.floor(pair.y / 1_000_000) : zoneWithoutPrefix;
    if (zone === null || (out.zone !== null && zone !== out.zone)) return out.errors.push({ line, code: 'zone' });
    out.zone = zone;
    out.points.push({ line, lonLat: fromGaussKruger(pair.x, prefixed ? pair.y : zone * 1_000_000 + pair.y, zone) });
  });
  return out;
}

/** The typed points as a closed ring (the first point repeated at the end unless it already is). */
export function ringOf(points: ParsedPoint[]): [number, number][] {
  const ring = points.map((p) => p.lonLat);
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}
