import { difference, dropSmall, intersect, union, type Area } from './polygon-ops.ts';
import type { TownshipArea } from './townships.ts';
import { ACCESS_LISTS, CLASS_NAMES, type UnitClass } from './control-unit-rules.ts';
import { HUAXI_ADMIN_CODE } from './admin-boundary.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `control_unit` (三线一单环境管控单元): a gap-free, overlap-free tiling of the district.
 * 优先保护 = red line ∪ water-source zones ∪ nature reserve ∪ wetland parks; 重点管控 = industrial
 * parks, then the rest of the development boundary; 一般管控 = everything else. Each class is split
 * by township, so unit = class ∩ township; both are tilings, hence so is the result.
 * Codes: ZH + 520111 + class digit (1 优先, 2 重点, 3 一般) + 4-digit serial.
 */
export interface ControlUnitInputs {
  district: Area;
  townships: TownshipArea[];
  priority: (Area | null)[];
  industrialParks: Area[];
  urbanBoundary: Area;
}

/** Slivers under 1 m² (boolean-operation noise) are not units. */
const MIN_UNIT_M2 = 1;

export function buildControlUnits({ district, townships, priority, industrialParks, urbanBoundary }: ControlUnitInputs): Layer {
  const priorityArea = intersect(union(...priority)!, district)!;
  const industrial = difference(union(...industrialParks), priorityArea);
  const urban = difference(urbanBoundary, priorityArea, industrial);
  const general = difference(district, priorityArea, industrial, urban);
  const classes: [UnitClass, Area | null][] = [
    ['priority', priorityArea],
    ['key_industrial', industrial],
    ['key_urban', urban],
    ['general', general],
  ];
  const serial = new Map<number, number>();
  const features: Layer['features'] = [];
  for (const [cls, area] of classes) {
    const meta = CLASS_NAMES[cls];
    for (const t of townships) {
      const unit = dropSmall(intersect(area, t.geometry), MIN_UNIT_M2, MIN_UNIT_M2);
      if (!unit) continue;
      const n = (serial.get(meta.codeDigit) ?? 0) + 1;
      serial.set(meta.codeDigit, n);
      const code = `ZH${HUAXI_ADMIN_CODE}${meta.codeDigit}${String(n).padStart(4, '0')}`;
      features.push({
        id: `control_unit-${code}`,
        properties: {
          name: `花溪区${t.township.name}${meta.zh}`,
          nameEn: `${t.township.nameEn} ${meta.en}`,
          level: meta.level,
          code,
          unitClass: cls,
          town: t.township.name,
          ...ACCESS_LISTS[cls],
          ...ILLUSTRATIVE,
        },
        geometry: unit,
      });
    }
  }
  return { id: 'control_unit', features };
}
