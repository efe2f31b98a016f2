import * as turf from '@turf/turf';
import { PLACES, TOWNSHIPS } from './gazetteer.ts';
import type { TownshipArea } from './townships.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/** Layer `place`: township seats and named places for labels and search (gazetteer positions ±1–2 km). */
export function placeLayer(townships: TownshipArea[]): Layer {
  const all = [
    ...TOWNSHIPS.map((t) => ({ name: t.name, nameEn: t.nameEn, placeType: 'township_seat', at: t.seat })),
    ...PLACES,
  ];
  return {
    id: 'place',
    features: all.map((p) => {
      const town = townships.find((t) => turf.booleanPointInPolygon(p.at, turf.feature(t.geometry)))?.township.name ?? null;
      return {
        id: `place-${p.name}`,
        properties: { name: p.name, nameEn: p.nameEn, placeType: p.placeType, town, ...ILLUSTRATIVE },
        geometry: { type: 'Point', coordinates: p.at },
      };
    }),
  };
}
