import { HUAXI, type OutlineSource } from './source-outlines.ts';
import type { Layer } from './layer.ts';

const NAMES_EN: Record<string, string> = {
  南明区: 'Nanming District', 云岩区: 'Yunyan District', 乌当区: 'Wudang District', 白云区: 'Baiyun District', 观山湖区: 'Guanshanhu District',
  开阳县: 'Kaiyang County', 息烽县: 'Xifeng County', 修文县: 'Xiuwen County', 清镇市: 'Qingzhen City',
};

/** Layer `guiyang_districts` (kind `admin_context`): the other nine districts and counties of 贵阳市, real outlines. */
export function guiyangDistrictsLayer(source: OutlineSource): Layer {
  return {
    id: 'guiyang_districts',
    features: source.outlines
      .filter((o) => o.name !== HUAXI)
      .map((o) => ({
        id: `guiyang_districts-${o.adminCode}`,
        properties: { name: o.name, nameEn: NAMES_EN[o.name] ?? null, adminCode: o.adminCode, source: `${source.packageName}@${source.version}`, illustrative: false },
        geometry: o.geometry,
      })),
  };
}
