/**
 * Independent reference values on the WGS84 ellipsoid, from closed formulas (not from the code
 * under test): the area of a "rectangle" bounded by two meridians and two parallels, and the
 * length of a parallel arc. Geodesic edges differ from parallels by centimetres at these sizes
 * (≈0.002 % of a 1 km² area), far inside the 0.1 % / 1 % tolerances of the tests.
 */
const a = 6378137;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const rad = (d: number) => (d * Math.PI) / 180;

function authalicTerm(latDeg: number): number {
  const s = Math.sin(rad(latDeg));
  return s / (1 - e2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
}

/** Area (m²) of the ellipsoidal quadrangle [west, east] × [south, north] in degrees. */
export function quadrangleAreaM2(west: number, south: number, east: number, north: number): number {
  return ((a * a * (1 - e2)) / 2) * rad(east - west) * (authalicTerm(north) - authalicTerm(south));
}

/** Length (m) of the arc of the parallel at latDeg spanning dLonDeg degrees. */
export function parallelArcM(latDeg: number, dLonDeg: number): number {
  const s = Math.sin(rad(latDeg));
  const N = a / Math.sqrt(1 - e2 * s * s);
  return N * Math.cos(rad(latDeg)) * rad(dLonDeg);
}

/** Length (m) of a meridian arc between two latitudes (numerical integration of the meridian radius). */
export function meridianArcM(lat1Deg: number, lat2Deg: number): number {
  const steps = 1000;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const phi = rad(lat1Deg + ((i + 0.5) * (lat2Deg - lat1Deg)) / steps);
    const s = Math.sin(phi);
    sum += (a * (1 - e2)) / Math.pow(1 - e2 * s * s, 1.5);
  }
  return (sum * rad(lat2Deg - lat1Deg)) / steps;
}

export const rectangle = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});
