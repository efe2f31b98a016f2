import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { bboxOf } from '../../common/geo/bbox.ts';
import { formatHectares, formatLength, formatM2, formatMu } from '../../common/units/area-units.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { DRAW_NS } from './i18n.ts';
import { measureGeometry } from '../../common/geo/measure.ts';
import { isCompleteShape, type SiteFeature } from './site-features.ts';
import { isEditableInTerraDraw } from './site-snapshot.ts';
import { framePadding } from '../map/view.ts';

function zoomToFeatures(map: maplibregl.Map | null, features: SiteFeature[], { maxZoom = 17 } = {}): void {
  if (!map || features.length === 0) return;
  const [w, s, e, n] = bboxOf(...features.map((f) => f.geometry));
  map.fitBounds([[w, s], [e, n]], { padding: framePadding(50, 20), maxZoom, duration: 400 });
}

/**
 * Frames a site that just arrived (imported, typed) with its surroundings: a parcel of a few
 * hectares at zoom 17 fills the map and says nothing of where it lies, so no closer than 15
 * (about 2 km across), where roads, rivers and the control zones around it show.
 */
export const frameNewSite = (map: maplibregl.Map | null, features: SiteFeature[]) => zoomToFeatures(map, features, { maxZoom: 15 });

/** Live area (m², 公顷, 亩) and length of the site, and its parts with names, origin and a remove button. */
export function SiteSummary({
  map,
  features,
  onRemove,
}: {
  map: maplibregl.Map | null;
  features: SiteFeature[];
  onRemove: (id: string) => void;
}) {
  const { t, i18n } = useTranslation(DRAW_NS);
  const lang = bilingualSide(i18n.language);
  const parts = useMemo(
    () => features.filter((f) => isCompleteShape(f.geometry)).map((f) => ({ feature: f, ...measureGeometry(f.geometry) })),
    [features],
  );
  if (parts.length === 0) return <p className="site-empty muted">{t('measure.none')}</p>;
  const areaM2 = parts.reduce((s, p) => s + p.areaM2, 0);
  const lines = parts.filter((p) => /LineString/.test(p.feature.geometry.type));
  const lengthM = lines.reduce((s, p) => s + p.lengthM, 0);
  const perimeterM = parts.filter((p) => p.areaM2 > 0).reduce((s, p) => s + p.lengthM, 0);
  // A point has no area or length: its position is what a planner reads (and copies) instead.
  const points = parts.flatMap((p) => (p.feature.geometry.type === 'Point' ? [p.feature.geometry.coordinates] : p.feature.geometry.type === 'MultiPoint' ? p.feature.geometry.coordinates : []));
  return (
    <div className="site-summary">
      <dl className="site-measure" aria-label={t('measure.title')}>
        {areaM2 > 0 && (
          <div className="site-measure-area">
            <dt>{t('measure.area')}</dt>
            <dd>
              <span data-testid="site-area-m2">{formatM2(areaM2)}</span> m²
              <br />
              <strong data-testid="site-area-ha">{formatHectares(areaM2)}</strong> {t('measure.hectare')} ·{' '}
              <strong data-testid="site-area-mu">{formatMu(areaM2)}</strong> {t('measure.mu')}
            </dd>
          </div>
        )}
        {lengthM > 0 && (
          <div>
            <dt>{t('measure.length')}</dt>
            <dd data-testid="site-length">{formatLength(lengthM, lang)}</dd>
          </div>
        )}
        {perimeterM > 0 && (
          <div>
            <dt>{t('measure.perimeter')}</dt>
            <dd>{formatLength(perimeterM, lang)}</dd>
          </div>
        )}
        {points.length > 0 && (
          <div>
            <dt>{t('measure.position')}</dt>
            <dd data-testid="site-position">
              {points.length === 1 ? `E ${points[0][0].toFixed(6)}°, N ${points[0][1].toFixed(6)}°` : t('measure.points', { count: points.length })}
            </dd>
          </div>
        )}
      </dl>
      <ul className="site-parts" aria-label={t('parts.title')}>
        {parts.map(({ feature, areaM2: a, lengthM: l }) => (
          <li key={feature.id} className="site-part" data-origin={feature.properties.origin}>
            <span className="site-part-name" title={isEditableInTerraDraw(feature) ? undefined : t('parts.staticNote')}>
              {feature.properties.name || t(`tools.${feature.properties.mode ?? 'polygon'}`, { defaultValue: feature.geometry.type })}
            </span>
            <span className="site-part-origin">{t(`parts.${feature.properties.origin}`)}</span>
            <span className="site-part-size">{a > 0 ? `${formatHectares(a)} ${t('measure.hectare')}` : l > 0 ? formatLength(l, lang) : ''}</span>
            <button type="button" className="link-button" onClick={() => zoomToFeatures(map, [feature])}>
              {t('parts.zoom')}
            </button>
            <button type="button" className="link-button danger" onClick={() => onRemove(feature.id)} aria-label={`${t('parts.remove')} ${feature.properties.name ?? ''}`}>
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
