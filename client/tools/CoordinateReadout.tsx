import { useEffect, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { useMap } from '../map/MapContext.tsx';
import { toGaussKrugerZone3 } from '../../common/geo/gauss-kruger.ts';

/**
 * Where the cursor is: lon/lat (CGCS2000 ≈ WGS84) and CGCS2000 3° Gauss-Krüger X (north) / Y (east
 * with the zone prefix) of the zone the cursor is in, as surveyors and 国土 TXT files write them.
 */
export function CoordinateReadout() {
  const map = useMap();
  const { t } = useTranslation();
  const [at, setAt] = useState<[number, number] | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  useEffect(() => {
    if (!map) return;
    const onMove = (e: maplibregl.MapMouseEvent) => setAt([e.lngLat.lng, e.lngLat.lat]);
    const onOut = () => setAt(null);
    const onZoom = () => setZoom(map.getZoom());
    onZoom();
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('zoom', onZoom);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('zoom', onZoom);
    };
  }, [map]);
  const gk = at ? toGaussKrugerZone3(at[0], at[1]) : null;
  return (
    <div className="coordinate-readout" aria-live="off" data-testid="coordinates">
      {at && gk ? (
        <>
          <span>
            {t('coordinates.lonLat')} {at[0].toFixed(6)}°E, {at[1].toFixed(6)}°N
          </span>
          <span title={t('coordinates.gkTitle', { zone: gk.zone, cm: gk.centralMeridian, epsg: gk.epsg ?? '—' })}>
            {t('coordinates.gk', { zone: gk.zone })} X {gk.x.toFixed(2)} Y {gk.y.toFixed(2)}
          </span>
        </>
      ) : (
        <span className="muted">{t('coordinates.hint')}</span>
      )}
      {zoom !== null && <span className="muted">{t('coordinates.zoom', { zoom: zoom.toFixed(1) })}</span>}
    </div>
  );
}
