import type { LonLat } from './local-metres.ts';
import { distanceAlongTo, sliceAlong } from './line-ops.ts';
import { scalarField } from './noise.ts';
import { LANDSCAPE_OCTAVES, organicPolygon, ribbon, roughen, scaleOctaves } from './shapes.ts';
import { bufferM, intersect, union, type Area } from './polygon-ops.ts';
import { riverNamed, type River } from './rivers.ts';
import { reservoirNamed, type Reservoir } from './reservoirs.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `wetland`: 花溪国家城市湿地公园 as a band of river, floodplain and banks along 花溪河 from
 * 花溪公园 down through 十里河滩 to 平桥 (gazetteer 26.41–26.45), widest at 十里河滩; and
 * 阿哈湖国家湿地公园 as the lake with its shore belt (the part inside the district).
 */
export interface Wetland {
  name: string;
  nameEn: string;
  wetlandType: string;
  includes?: string;
  geometry: Area;
}

const HUAXI_PARK: LonLat[] = [[106.661, 26.419], [106.664, 26.426], [106.671, 26.427], [106.673, 26.42], [106.667, 26.414]];

export function buildWetlands(rivers: River[], reservoirs: Reservoir[], district: Area): Wetland[] {
  const huaxi = riverNamed(rivers, '花溪河');
  const reach = sliceAlong(huaxi, distanceAlongTo(huaxi, [106.667, 26.409]), distanceAlongTo(huaxi, [106.676, 26.452]));
  const vary = scalarField('wetland/shili-width', 900);
  const pts = reach.coordinates;
  const band = ribbon(pts, {
    stepM: 40,
    // widest along 十里河滩 (the middle of the reach), narrow at both ends
    halfWidthM: (t) => (110 + 230 * Math.sin(Math.PI * Math.min(1, t * 1.25)) ** 0.8) * (1 + 0.25 * vary(pts[Math.round(t * (pts.length - 1))] as LonLat)),
  });
  const urbanWetland = intersect(
    roughen(union(band, organicPolygon(HUAXI_PARK, { seed: 'wetland/huaxi-park', octaves: scaleOctaves(LANDSCAPE_OCTAVES, 0.1), stepM: 30 }))!, {
      seed: 'wetland/huaxi-edge', stepM: 30, octaves: scaleOctaves(LANDSCAPE_OCTAVES, 0.12),
    }),
    district,
  )!;
  const aha = reservoirNamed(reservoirs, '阿哈湖').geometry;
  const ahaPark = intersect(roughen(union(aha, bufferM(aha, 450))!, { seed: 'wetland/aha', stepM: 50, octaves: scaleOctaves(LANDSCAPE_OCTAVES, 0.3) }), district)!;
  return [
    { name: '花溪国家城市湿地公园', nameEn: 'Huaxi National Urban Wetland Park', wetlandType: '国家城市湿地公园', includes: '十里河滩、花溪公园', geometry: urbanWetland },
    { name: '阿哈湖国家湿地公园', nameEn: 'Aha Lake National Wetland Park', wetlandType: '国家湿地公园', geometry: ahaPark },
  ];
}

export function wetlandLayer(wetlands: Wetland[]): Layer {
  return {
    id: 'wetland',
    features: wetlands.map((w) => ({
      id: `wetland-${w.name}`,
      properties: { name: w.name, nameEn: w.nameEn, wetlandType: w.wetlandType, ...(w.includes ? { includes: w.includes } : {}), ...ILLUSTRATIVE },
      geometry: w.geometry,
    })),
  };
}
