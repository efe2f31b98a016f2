import type { LineString, Position } from 'geojson';
import type { LonLat } from './local-metres.ts';
import { distanceAlongTo, sliceAlong } from './line-ops.ts';
import { ribbon, roughen, smoothLine } from './shapes.ts';
import { displacementField, scalarField } from './noise.ts';
import { densifyPath, displacePath } from './densify.ts';
import { intersect, union, type Area } from './polygon-ops.ts';
import { riverNamed, type River } from './rivers.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `reservoir`: dendritic water bodies drowned into their river valleys. The main body is a
 * band along the (meandering) river between the backwater tip and the dam, widening towards the dam
 * and cut square at the dam; side arms are tapering bands up the tributary valleys.
 */
interface ReservoirSpec {
  name: string;
  nameEn: string;
  /** River the reservoir sits on, and the backwater tip and dam positions along it. */
  river?: string;
  tip?: LonLat;
  dam: LonLat;
  /** Half width of the main body at the tip and at the dam, metres. */
  halfWidthM: [number, number];
  /** Main body drawn freely (when it is not on a modelled river). */
  body?: LonLat[];
  arms: { path: LonLat[]; halfWidthM: number }[];
  capacity: 'small' | 'medium' | 'large';
  note?: string;
}

const RESERVOIRS: ReservoirSpec[] = [
  {
    name: '花溪水库', nameEn: 'Huaxi Reservoir', river: '车田河', tip: [106.624, 26.46], dam: [106.659, 26.443], halfWidthM: [110, 360], capacity: 'medium',
    arms: [
      { path: [[106.641, 26.453], [106.640, 26.458], [106.636, 26.462], [106.634, 26.467]], halfWidthM: 190 },
      { path: [[106.651, 26.448], [106.654, 26.453], [106.655, 26.458], [106.659, 26.461]], halfWidthM: 170 },
      { path: [[106.646, 26.45], [106.644, 26.445], [106.643, 26.441], [106.639, 26.437]], halfWidthM: 160 },
      { path: [[106.632, 26.457], [106.629, 26.452], [106.624, 26.449]], halfWidthM: 120 },
    ],
    note: '城区主要饮用水水源，花溪水库生态绿核',
  },
  {
    name: '阿哈湖', nameEn: 'Aha Lake (Aha Reservoir)', dam: [106.662, 26.557], halfWidthM: [140, 420], capacity: 'medium',
    body: [[106.647, 26.519], [106.649, 26.531], [106.655, 26.544], [106.662, 26.557]],
    arms: [
      { path: [[106.653, 26.54], [106.646, 26.539], [106.64, 26.538], [106.634, 26.537]], halfWidthM: 240 },
      { path: [[106.649, 26.531], [106.643, 26.527], [106.638, 26.524], [106.633, 26.519]], halfWidthM: 180 },
      { path: [[106.657, 26.547], [106.662, 26.543], [106.665, 26.538], [106.667, 26.532]], halfWidthM: 160 },
    ],
    note: '阿哈水库，国家湿地公园，阿哈湖生态绿核；原水源保护区已完成生态搬迁',
  },
  {
    name: '松柏山水库', nameEn: 'Songbaishan Reservoir', river: '三岔河', tip: [106.588, 26.391], dam: [106.565, 26.381], halfWidthM: [80, 300], capacity: 'medium',
    arms: [
      { path: [[106.575, 26.384], [106.575, 26.389], [106.573, 26.394], [106.571, 26.399]], halfWidthM: 170 },
      { path: [[106.58, 26.386], [106.581, 26.381], [106.583, 26.377], [106.586, 26.374]], halfWidthM: 140 },
    ],
    note: '黔中水利枢纽凯松隧道出口至松柏山水库供水工程受水水库',
  },
  {
    name: '红岩水库', nameEn: 'Hongyan Reservoir', river: '马铃河', tip: [106.575, 26.273], dam: [106.561, 26.259], halfWidthM: [60, 200], capacity: 'small',
    arms: [{ path: [[106.566, 26.264], [106.57, 26.261], [106.574, 26.259], [106.577, 26.256]], halfWidthM: 120 }],
    note: '马铃乡农村饮用水水源',
  },
  {
    name: '大坪水库', nameEn: 'Daping Reservoir', river: '白岩河', tip: [106.538, 26.523], dam: [106.555, 26.521], halfWidthM: [60, 190], capacity: 'small',
    arms: [{ path: [[106.546, 26.521], [106.546, 26.525], [106.544, 26.529], [106.542, 26.533]], halfWidthM: 110 }],
    note: '大坪水库-阿哈湖生态廊道起点',
  },
  {
    name: '杨梅水库', nameEn: 'Yangmei Reservoir', river: '杨眉河', tip: [106.593, 26.346], dam: [106.577, 26.335], halfWidthM: [60, 210], capacity: 'small',
    arms: [{ path: [[106.586, 26.339], [106.587, 26.335], [106.589, 26.331], [106.592, 26.327]], halfWidthM: 120 }],
    note: '又作杨眉水库；松柏山-杨梅水库生态廊道终点',
  },
];

/** Side valleys are not straight either. */
const ARM_BEND = displacementField('reservoir-arms', [
  { wavelengthM: 700, amplitudeM: 70 },
  { wavelengthM: 230, amplitudeM: 18 },
]);

export interface Reservoir {
  spec: ReservoirSpec;
  geometry: Area;
  /** The main-body centre line from backwater tip to dam. */
  axis: LineString;
}

function mainAxis(spec: ReservoirSpec, rivers: River[]): LineString {
  if (spec.body) return { type: 'LineString', coordinates: smoothLine(spec.body, 3) };
  const river = riverNamed(rivers, spec.river!);
  const a = distanceAlongTo(river, spec.tip!);
  const b = distanceAlongTo(river, spec.dam);
  return sliceAlong(river, Math.min(a, b), Math.max(a, b));
}

export function buildReservoirs(rivers: River[], district: Area): Reservoir[] {
  return RESERVOIRS.map((spec) => {
    const axis = mainAxis(spec, rivers);
    const wobble = scalarField(`reservoir-width/${spec.name}`, 700);
    const [tipW, damW] = spec.halfWidthM;
    const coords = axis.coordinates;
    const body = ribbon(coords, {
      stepM: 30,
      roundEnds: false,
      halfWidthM: (t) => {
        const p = coords[Math.min(coords.length - 1, Math.round(t * (coords.length - 1)))] as LonLat;
        return (tipW + (damW - tipW) * t ** 1.3) * (1 + 0.28 * wobble(p)) * Math.min(1, 0.35 + t * 6);
      },
    });
    const arms = spec.arms.map((arm) => {
      const path = displacePath(densifyPath(smoothLine(arm.path as Position[], 3), 40), ARM_BEND);
      return ribbon(path, { stepM: 25, halfWidthM: (t) => arm.halfWidthM * (1 - 0.75 * t ** 0.8) });
    });
    const water = roughen(union(body, ...arms)!, {
      seed: `reservoir-shore/${spec.name}`,
      stepM: 25,
      octaves: [
        { wavelengthM: 700, amplitudeM: 70 },
        { wavelengthM: 220, amplitudeM: 20 },
        { wavelengthM: 90, amplitudeM: 7 },
      ],
    });
    const clipped = intersect(water, district);
    if (!clipped) throw new Error(`reservoir ${spec.name} lies outside the district`);
    return { spec, geometry: clipped, axis };
  });
}

export function reservoirLayer(reservoirs: Reservoir[]): Layer {
  return {
    id: 'reservoir',
    features: reservoirs.map(({ spec, geometry }) => ({
      id: `reservoir-${spec.name}`,
      properties: { name: spec.name, nameEn: spec.nameEn, capacityClass: spec.capacity, note: spec.note ?? null, ...ILLUSTRATIVE },
      geometry,
    })),
  };
}

export function reservoirNamed(reservoirs: Reservoir[], name: string): Reservoir {
  const r = reservoirs.find((x) => x.spec.name === name);
  if (!r) throw new Error(`no reservoir ${name}`);
  return r;
}
