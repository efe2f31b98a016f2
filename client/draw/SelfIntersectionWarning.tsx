import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { DRAW_NS } from './i18n.ts';
import type { SelfIntersection } from './self-intersections.ts';

/** Live warning for boundaries that cross themselves, with the crossing points to fly to. */
export function SelfIntersectionWarning({ map, kinks }: { map: maplibregl.Map | null; kinks: SelfIntersection[] }) {
  const { t } = useTranslation(DRAW_NS);
  if (kinks.length === 0) return null;
  const name = kinks[0].name ?? t('kinks.unnamed');
  return (
    <div className="site-alert site-alert-error" role="alert" data-testid="self-intersection">
      <strong>{t('kinks.title')}</strong>
      <p>{t('kinks.text', { name, count: kinks.length })}</p>
      <ul>
        {kinks.slice(0, 5).map((k) => (
          <li key={`${k.featureId}-${k.location.join(',')}`}>
            {t('kinks.at', { lon: k.location[0].toFixed(6), lat: k.location[1].toFixed(6) })}{' '}
            <button type="button" className="link-button" onClick={() => map?.flyTo({ center: k.location, zoom: Math.max(map.getZoom(), 16) })}>
              {t('kinks.zoom')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
