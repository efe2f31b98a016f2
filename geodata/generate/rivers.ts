import * as turf from '@turf/turf';
import type { LineString } from 'geojson';
import { RIVERS, type RiverSpec } from './hydro-network.ts';
import { densifyPath, displacePath } from './densify.ts';
import { displacementField } from './noise.ts';
import { smoothLine } from './shapes.ts';
import { clipLine, lengthM, longestPiece } from './line-ops.ts';
import type { Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, roundTo, type Layer } from './layer.ts';

/**
 * Layer `river`: centre lines that meander (control points rounded, densified every 50 m and moved
 * by a smooth field), tributary mouths snapped onto their main river, clipped to the district.
 */
export interface River {
  spec: RiverSpec;
  line: LineString;
}

const MEANDER = displacementField('river-meander', [
  { wavelengthM: 1500, amplitudeM: 140 },
  { wavelengthM: 480, amplitudeM: 42 },
]);

export function buildRivers(district: Area): River[] {
  const rivers = new Map<string, River>();
  for (const spec of RIVERS) {
    let coords = displacePath(densifyPath(smoothLine(spec.control, 3), 50), MEANDER);
    const main = spec.joins ? rivers.get(spec.joins) : undefined;
    if (spec.joins && !main) throw new Error(`${spec.name} joins ${spec.joins}, which must be listed before it`);
    if (main) {
      const mouth = turf.nearestPointOnLine(turf.feature(main.line), turf.point(coords[coords.length - 1]));
      coords = [...coords.slice(0, -1), mouth.geometry.coordinates];
    }
    const clipped = longestPiece(clipLine({ type: 'LineString', coordinates: coords }, district));
    if (!clipped) throw new Error(`river ${spec.name} lies outside the district`);
    rivers.set(spec.name, { spec, line: clipped });
  }
  return [...rivers.values()];
}

export function riverLayer(rivers: River[]): Layer {
  return {
    id: 'river',
    features: rivers.map(({ spec, line }) => ({
      id: `river-${spec.name}`,
      properties: {
        name: spec.name,
        nameEn: spec.nameEn,
        basin: spec.basin,
        lengthKm: roundTo(lengthM(line) / 1000, 2),
        keyRiver: spec.keyRiver ?? false,
        shorelineManaged: spec.shorelineManaged ?? false,
        ...ILLUSTRATIVE,
      },
      geometry: line,
    })),
  };
}

export function riverNamed(rivers: River[], name: string): LineString {
  const river = rivers.find((r) => r.spec.name === name);
  if (!river) throw new Error(`no river ${name}`);
  return river.line;
}
