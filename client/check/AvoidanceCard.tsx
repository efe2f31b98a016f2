import { useTranslation } from 'react-i18next';
import type { Polygon } from 'geojson';
import { formatHectares, formatMu, formatNumber } from '../../common/units/area-units.ts';
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

/** The suggested revision: remaining area and share, and a button to make it the site. */
export function AvoidanceCard({ result, siteName, onAdopt }: { result: CheckResult; siteName: string; onAdopt: (parts: SiteFeature[]) => void }) {
  const { t } = useTranslation(CHECK_NS);
  const a = result.avoidance;
  if (!a) return null;
  const name = siteName ? t('avoidance.adoptedName', { name: siteName }) : t('avoidance.defaultName');
  return (
    <section className="avoidance-card" data-testid="avoidance">
      <h4>{t('avoidance.title')}</h4>
      {a.geometry ? (
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
