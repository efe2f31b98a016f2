import { useEffect, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { setInteractionMode } from '../map/interaction-mode.ts';
import { useMap } from '../map/MapContext.tsx';
import { areaM2, lengthM, perimeterM, type MeasureKind } from './measure.ts';
import { addMeasureLayers, MEASURE_SOURCE, measureSketch, removeMeasureLayers } from './measure-layers.ts';
import { formatHectares, formatLength, formatM2, formatMu } from '../../common/units/area-units.ts';

/**
 * Distance and area measurement: click to add points, double-click (or 完成) to finish, Esc to
 * cancel. Results in m / km, and m², 公顷 and 亩 for areas.
 */
export function MeasureTool({ kind, onClose }: { kind: MeasureKind; onClose(): void }) {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const [points, setPoints] = useState<[number, number][]>([]);
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const [finished, setFinished] = useState(false);
  const locale = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';

  useEffect(() => {
    if (!map) return;
    setInteractionMode('measure');
    addMeasureLayers(map);
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      setInteractionMode('identify');
      removeMeasureLayers(map);
      map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
    };
  }, [map]);

  useEffect(() => {
    setPoints([]);
    setFinished(false);
  }, [kind]);

  useEffect(() => {
    if (!map) return;
    const onClick = (e: maplibregl.MapMouseEvent) => {
      if (finished) {
        setPoints([[e.lngLat.lng, e.lngLat.lat]]);
        setFinished(false);
        return;
      }
      setPoints((p) => [...p, [e.lngLat.lng, e.lngLat.lat]]);
    };
    const onMove = (e: maplibregl.MapMouseEvent) => setCursor(finished ? null : [e.lngLat.lng, e.lngLat.lat]);
    const onDblClick = (e: maplibregl.MapMouseEvent) => {
      e.preventDefault();
      setFinished(true);
      setCursor(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('dblclick', onDblClick);
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('dblclick', onDblClick);
      window.removeEventListener('keydown', onKey);
    };
  }, [map, finished, onClose]);

  useEffect(() => {
    const source = map?.getSource(MEASURE_SOURCE) as { setData?: (d: unknown) => void } | undefined;
    source?.setData?.(measureSketch(kind, points, cursor));
  }, [map, kind, points, cursor]);

  // A double click also fires two clicks: drop the duplicate vertex it leaves.
  const vertices = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  const live = finished || !cursor ? vertices : [...vertices, cursor];
  return (
    <div className="measure-panel" role="region" aria-label={t(`measure.${kind}`)} data-testid="measure-panel">
      <strong>{t(`measure.${kind}`)}</strong>
      {vertices.length === 0 && <p>{t('measure.hint')}</p>}
      {kind === 'distance' && vertices.length > 0 && <p className="measure-value">{formatLength(lengthM(live), locale)}</p>}
      {kind === 'area' && vertices.length > 0 && (
        <dl className="measure-value">
          <dt>{t('measure.areaLabel')}</dt>
          <dd>{formatM2(areaM2(live))} m²</dd>
          <dd>
            {formatHectares(areaM2(live))} {t('units.hectare')}
          </dd>
          <dd>
            {formatMu(areaM2(live))} {t('units.mu')}
          </dd>
          <dt>{t('measure.perimeter')}</dt>
          <dd>{formatLength(perimeterM(live), locale)}</dd>
        </dl>
      )}
      <div className="measure-actions">
        {!finished && vertices.length > 1 && (
          <button type="button" onClick={() => setFinished(true)}>{t('measure.finish')}</button>
        )}
        <button type="button" onClick={() => { setPoints([]); setFinished(false); }}>{t('measure.clear')}</button>
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </div>
  );
}
