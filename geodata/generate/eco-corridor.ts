import type { LineString } from 'geojson';
import type { LonLat } from './local-metres.ts';
import { displacementField, scalarField } from './noise.ts';
import { densifyPath, displacePath } from './densify.ts';
import { ribbon, roughen, smoothLine } from './shapes.ts';
import { clipLine, lengthM, longestPiece } from './line-ops.ts';
import { intersect, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, roundTo, type Layer } from './layer.ts';

/**
 * Layer `eco_corridor` (六带): each corridor is a centre line between its two named ends (kept in
 * the `centerline` property) buffered to its design width (`widthM`, 400–1,000 m), with slightly
 * irregular edges. The 南岳山 corridor is a ridge east of the town (gazetteer).
 */
const ECO_CORRIDORS: { name: string; nameEn: string; widthM: number; control: LonLat[] }[] = [
  { name: '大坪水库-阿哈湖生态廊道', nameEn: 'Daping Reservoir – Aha Lake corridor', widthM: 600,
    control: [[106.553, 26.519], [106.568, 26.522], [106.583, 26.527], [106.6, 26.532], [106.617, 26.535], [106.634, 26.537]] },
  { name: '花溪水库-凤凰山生态廊道', nameEn: 'Huaxi Reservoir – Fenghuang Mountain corridor', widthM: 500,
    control: [[106.66, 26.441], [106.667, 26.432], [106.676, 26.423], [106.688, 26.415], [106.701, 26.408], [106.716, 26.4]] },
  { name: '松柏山-杨梅水库生态廊道', nameEn: 'Songbaishan – Yangmei Reservoir corridor', widthM: 500,
    control: [[106.572, 26.378], [106.569, 26.366], [106.572, 26.353], [106.578, 26.343], [106.58, 26.336]] },
  { name: '马铃-高坡生态廊道', nameEn: 'Maling – Gaopo corridor', widthM: 1000,
    control: [[106.562, 26.252], [106.59, 26.255], [106.62, 26.262], [106.645, 26.279], [106.67, 26.296], [106.7, 26.303], [106.73, 26.306], [106.76, 26.298], [106.79, 26.288], [106.82, 26.278], [106.842, 26.27]] },
  { name: '久安-天河潭生态廊道', nameEn: "Jiu'an – Tianhetan corridor", widthM: 400,
    control: [[106.59, 26.543], [106.584, 26.532], [106.576, 26.521], [106.568, 26.51]] },
  { name: '南岳山生态廊道', nameEn: 'Nanyue Mountain corridor', widthM: 600,
    control: [[106.703, 26.468], [106.708, 26.452], [106.713, 26.436], [106.716, 26.42], [106.718, 26.405]] },
];

const BEND = displacementField('eco-corridor/bend', [
  { wavelengthM: 2600, amplitudeM: 220 },
  { wavelengthM: 800, amplitudeM: 50 },
]);

export interface Corridor {
  name: string;
  nameEn: string;
  widthM: number;
  centerline: LineString;
  geometry: Area;
}

export function buildEcoCorridors(district: Area): Corridor[] {
  return ECO_CORRIDORS.map((c) => {
    const path = displacePath(densifyPath(smoothLine(c.control, 3), 80), BEND);
    const centerline = longestPiece(clipLine({ type: 'LineString', coordinates: path }, district))!;
    const vary = scalarField(`eco-corridor/${c.name}/width`, 1800);
    const pts = centerline.coordinates;
    const band = ribbon(pts, { stepM: 50, halfWidthM: (t) => (c.widthM / 2) * (1 + 0.15 * vary(pts[Math.round(t * (pts.length - 1))] as LonLat)) });
    const edge = roughen(band, {
      seed: `eco-corridor/${c.name}/edge`,
      stepM: 50,
      octaves: [
        { wavelengthM: c.widthM * 1.2, amplitudeM: c.widthM * 0.1 },
        { wavelengthM: c.widthM * 0.4, amplitudeM: c.widthM * 0.03 },
      ],
    });
    return { name: c.name, nameEn: c.nameEn, widthM: c.widthM, centerline, geometry: intersect(edge, district)! };
  });
}

export function ecoCorridorLayer(corridors: Corridor[]): Layer {
  return {
    id: 'eco_corridor',
    features: corridors.map((c) => ({
      id: `eco_corridor-${c.name}`,
      properties: {
        name: c.name,
        nameEn: c.nameEn,
        patternRole: '六带',
        widthM: c.widthM,
        lengthKm: roundTo(lengthM(c.centerline) / 1000, 2),
        centerline: c.centerline,
        ...ILLUSTRATIVE,
      },
      geometry: c.geometry,
    })),
  };
}
