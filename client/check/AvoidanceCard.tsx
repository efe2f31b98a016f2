import { useTranslation } from 'react-i18next';
import type { Polygon } from 'geojson';
import { formatHectares, formatLength, formatMu, formatNumber } from '../../common/units/area-units.ts';
import { formatStretch } from '../../common/units/chainage.ts';
import { layerName, type Lang, type LayerNaming } from '../../common/report/names.ts';
import { newFeatureId } from '../draw/feature-id.ts';
import type { SiteFeature } from '../draw/site-features.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { CHECK_NS } from './i18n.ts';

/** The avoidance geometry as site parts: one per polygon, so each stays editable when it has no holes. */
function avoidanceParts(geometry: GeoJSON.Geometry, name: string): SiteFeature[] {
  const polygons: Polygon[] =
    geometry.type === 'Polygon' ? [geometry] : geometry.type === 'MultiPolygon' ? geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [];
  return polygons.map((g, i) => ({
    type: 'Feature',
    id: newFeatureId(),
    geometry: g,
    properties: { name: polygons.length > 1 ? `${name} ${i + 1}` : name, origin: 'avoidance' },
  }));
}

/** A linear site's advice: where its centre line crosses prohibited zones (桩号), to reroute around them. */
function RerouteAdvice({ result, layers, lang }: { result: CheckResult; layers: LayerNaming[]; lang: Lang }) {
  const { t } = useTranslation(CHECK_NS);
  const a = result.avoidance!;
  const sections = a.sections ?? [];
  const crossing = a.crossingLengthM ?? 0;
  const lineLength = result.siteLengthM ?? 0;
  const multiPart = sections.some((s) => s.part > 1);
  return (
    <>
      <p>
        {t('avoidance.reroute', {
          n: a.parts,
          length: formatLength(crossing, lang),
          pct: lineLength > 0 ? formatNumber((100 * crossing) / lineLength, 2) : '—',
        })}
      </p>
      <table className="reroute-sections" data-testid="reroute-sections">
        <thead>
          <tr>
            <th>{t('avoidance.colLayer')}</th>
            <th>{t('avoidance.colChainage')}</th>
            <th>{t('avoidance.colLength')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={`${s.layerId}/${s.part}/${s.fromM}`}>
              <td>{layerName(s.layerId, undefined, layers, lang)}</td>
              <td>{formatStretch(s, multiPart, lang)}</td>
              <td className="num">{formatLength(s.toM - s.fromM, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('avoidance.unavoidable')}</p>
    </>
  );
}

/** The suggested revision: remaining area and share, and a button to make it the site; or, for a line, where to reroute. */
export function AvoidanceCard({
  result,
  siteName,
  layers,
  lang,
  onAdopt,
}: {
  result: CheckResult;
  siteName: string;
  layers: LayerNaming[];
  lang: Lang;
  onAdopt: (parts: SiteFeature[]) => void;
}) {
  const { t } = useTranslation(CHECK_NS);
  const a = result.avoidance;
  if (!a) return null;
  const name = siteName ? t('avoidance.adoptedName', { name: siteName }) : t('avoidance.defaultName');
  return (
    <section className={`avoidance-card avoidance-${a.suggestion}`} data-testid="avoidance" data-suggestion={a.suggestion}>
      <h4>{t(a.suggestion === 'reroute' ? 'avoidance.rerouteTitle' : 'avoidance.title')}</h4>
      {a.suggestion === 'reroute' ? (
        <RerouteAdvice result={result} layers={layers} lang={lang} />
      ) : a.geometry ? (
        <>
          <p>{t('avoidance.text', { ha: formatHectares(a.remainingAreaM2), mu: formatMu(a.remainingAreaM2), pct: formatNumber(a.remainingPct, 2) })}</p>
          <button type="button" onClick={() => onAdopt(avoidanceParts(a.geometry!, name))}>
            {t('avoidance.adopt')}
          </button>
        </>
      ) : (
        <p>{t('avoidance.none')}</p>
      )}
    </section>
  );
}
