import { useTranslation } from 'react-i18next';
import { formatHectares, formatM2, formatMu, formatNumber } from '../../common/units/area-units.ts';
import { citation, featureLabel, layerName, levelName, type LayerNaming } from '../../common/report/names.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import type { LayerResult } from '../../common/api/check-result.ts';
import { CHECK_NS } from './i18n.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

/** One layer of the result: name and level in words, overlap in m²/公顷/亩, share, distance, rules with citations. */
export function LayerResultItem({ result, layers, bufferM }: { result: LayerResult; layers: LayerNaming[]; bufferM: number }) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const lang = bilingualSide(i18n.language);
  const level = levelName(result.kind, result.level, lang);
  const featureNames = [
    ...new Set(result.features.map((f) => featureLabel(result.kind, f, lang))),
  ];
  return (
    <li className={`layer-result verdict-border-${result.verdict}`} data-layer={result.layerId} data-verdict={result.verdict}>
      <div className="layer-result-head">
        <VerdictBadge verdict={result.verdict} size="small" />
        <span className="layer-result-name">{layerName(result.layerId, result.kind, layers, lang)}</span>
        {level && <span className="layer-result-level">{level}</span>}
      </div>
      <div className="layer-result-facts">
        {result.relation === 'overlaps' && result.overlapAreaM2 > 0 && (
          <>
            <span>{t('results.overlap', { m2: formatM2(result.overlapAreaM2), ha: formatHectares(result.overlapAreaM2), mu: formatMu(result.overlapAreaM2) })}</span>
            <span>{t('results.pct', { pct: formatNumber(result.overlapPct, 2) })}</span>
          </>
        )}
        {result.relation === 'touches' && <span>{t('results.touches')}</span>}
        {result.relation === 'near' && <span>{t('results.near', { buffer: bufferM })}</span>}
        {result.minDistanceM !== null && result.relation !== 'overlaps' && <span>{t('results.distance', { d: formatNumber(result.minDistanceM, 1) })}</span>}
        {result.outsideAreaM2 !== undefined && result.outsideAreaM2 > 0 && <span>{t('results.outsideBoundary', { ha: formatHectares(result.outsideAreaM2) })}</span>}
        {result.severedFeatureIds && result.severedFeatureIds.length > 0 && <span className="layer-result-severed">{t('results.severed')}</span>}
      </div>
      {featureNames.length > 0 && (
        <div className="layer-result-features">
          {t('results.features')}
          {lang === 'zh' ? '：' : ': '}
          {featureNames.join(lang === 'zh' ? '、' : ', ')}
        </div>
      )}
      {result.rules.length > 0 && (
        <ul className="layer-result-rules" aria-label={t('results.rules')}>
          {result.rules.map((rule) => (
            <li key={rule.id} data-rule={rule.id}>
              <div className="rule-citation">
                <VerdictBadge verdict={rule.verdict} size="small" /> <cite>{citation(rule.basis, lang)}</cite>
              </div>
              <div className="rule-procedure">{lang === 'zh' ? rule.procedure.zh : rule.procedure.en}</div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
