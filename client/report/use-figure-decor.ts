import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { levelName } from '../../common/report/names.ts';
import { SITE_COLOUR } from '../draw/draw-modes.ts';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { styleOf } from '../map/style/hint-style.ts';
import { REPORT_NS } from './i18n.ts';
import type { FigureDecor } from './map-snapshot.ts';
import { fetchDistrictOutline } from './overview-inset.ts';

/**
 * The legend and 位置示意图 of the report's figure, in the report's language: layer names from the
 * catalog, symbols from the same styles as the map. Returns a stable function (the snapshot effect
 * runs once per result) that reads the latest catalog when called.
 */
export function useFigureDecor(lang: 'zh' | 'en'): () => Promise<FigureDecor> {
  const { t } = useTranslation(REPORT_NS);
  const { byId } = useCatalog();
  const latest = useRef({ t, byId, lang });
  latest.current = { t, byId, lang };
  return useCallback(async () => {
    const { t: tr, byId: layers, lang: side } = latest.current;
    return {
      describe: (layerId, level) => {
        const info = layers.get(layerId);
        if (!info) return null;
        const style = styleOf(info);
        const cls = style.classes.find((c) => c.level === level) ?? style.classes.find((c) => c.level === null) ?? style.classes[0];
        if (!cls) return null;
        const name = side === 'zh' ? info.nameZh : info.nameEn;
        const levelText = cls.level && info.levels.length > 1 ? levelName(info.kind, cls.level, side) : '';
        return { label: levelText ? `${name} · ${levelText}` : name, symbol: cls.symbol, geometry: style.geometry };
      },
      fixed: [{ label: tr('figureSite'), symbol: { line: SITE_COLOUR, lineWidth: 2.5, fill: SITE_COLOUR, fillOpacity: 0.15 }, geometry: 'polygon' }],
      legendTitle: tr('figureLegend'),
      overviewTitle: tr('figureOverview'),
      district: await fetchDistrictOutline(),
    };
  }, []);
}
