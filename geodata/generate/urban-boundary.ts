import type { LonLat } from './local-metres.ts';
import { organicArea } from './fields.ts';
import { difference, intersect, splitParts, union, dropSmall, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `urban_boundary` (城镇开发边界): the central urban area (贵筑/溪北/清溪/阳光 with 花溪大学城),
 * the 孟关 and 石板 clusters of seed 000, and the 燕楼 and 青岩 town clusters (the 燕楼 and 电镀
 * industrial parks must lie inside a boundary: 193号 allows no parks outside it). The three control
 * lines never overlap: the boundary is cut back wherever the red line runs.
 */
const URBAN_CLUSTERS: { name: string; nameEn: string; control: LonLat[] }[] = [
  { name: '花溪中心城区', nameEn: 'Huaxi central urban area',
    control: [[106.638, 26.43], [106.65, 26.438], [106.662, 26.45], [106.674, 26.462], [106.689, 26.471], [106.7, 26.465], [106.704, 26.45], [106.705, 26.43], [106.708, 26.412], [106.703, 26.393], [106.692, 26.383], [106.676, 26.378], [106.66, 26.38], [106.646, 26.386], [106.634, 26.398], [106.63, 26.415]] },
  { name: '花溪大学城组团', nameEn: 'University Town cluster',
    control: [[106.61, 26.389], [106.626, 26.397], [106.642, 26.392], [106.649, 26.378], [106.641, 26.365], [106.622, 26.361], [106.609, 26.372]] },
  { name: '孟关组团', nameEn: 'Mengguan cluster',
    control: [[106.738, 26.428], [106.746, 26.447], [106.765, 26.453], [106.782, 26.446], [106.787, 26.43], [106.773, 26.419], [106.752, 26.417]] },
  { name: '石板组团', nameEn: 'Shiban cluster',
    control: [[106.559, 26.471], [106.571, 26.49], [106.59, 26.492], [106.603, 26.481], [106.598, 26.466], [106.58, 26.461], [106.565, 26.462]] },
  { name: '燕楼组团', nameEn: 'Yanlou cluster',
    control: [[106.589, 26.268], [106.593, 26.289], [106.611, 26.296], [106.621, 26.288], [106.628, 26.274], [106.618, 26.264], [106.602, 26.262]] },
  { name: '青岩组团', nameEn: 'Qingyan town cluster',
    control: [[106.675, 26.328], [106.677, 26.343], [106.69, 26.347], [106.697, 26.338], [106.694, 26.325], [106.684, 26.321]] },
];

export interface UrbanCluster {
  name: string;
  nameEn: string;
  geometry: Area;
}

export function buildUrbanBoundary(district: Area, ecoRedlineDraft: Area): UrbanCluster[] {
  const shapes = URBAN_CLUSTERS.map((c) => ({
    ...c,
    geometry: organicArea(c.control, { seed: `urban/${c.name}`, scaleM: 450, amplitude: 0.85, wavelengthM: 1800, fragmented: true }),
  }));
  // Clusters that touch merge into one boundary polygon; keep the name of the first (largest role).
  const merged: UrbanCluster[] = [];
  for (const s of shapes) {
    const clipped = dropSmall(difference(intersect(s.geometry, district), ecoRedlineDraft), 20_000);
    if (!clipped) continue;
    const host = merged.find((m) => intersect(m.geometry, clipped));
    if (host) host.geometry = union(host.geometry, clipped)!;
    else merged.push({ name: s.name, nameEn: s.nameEn, geometry: clipped });
  }
  return merged;
}

export function urbanBoundaryLayer(clusters: UrbanCluster[]): Layer {
  return {
    id: 'urban_boundary',
    features: clusters.flatMap((c) =>
      splitParts(c.geometry).map((geometry, i, all) => ({
        id: `urban_boundary-${c.name}${all.length > 1 ? `-${i + 1}` : ''}`,
        properties: { name: `${c.name}城镇开发边界`, nameEn: `${c.nameEn} (urban development boundary)`, cluster: c.name, ...ILLUSTRATIVE },
        geometry,
      })),
    ),
  };
}
