import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from '../map/MapContext.tsx';
import { HUAXI_BOUNDS } from '../map/view.ts';
import { BasemapSwitcher } from './BasemapSwitcher.tsx';
import { toggleFullscreen } from './fullscreen.ts';
import { Icon } from './icons.tsx';
import type { MeasureKind } from './measure.ts';
import { MeasureTool } from './MeasureTool.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';

/** The map's tool column (top right): zoom, reset view, fullscreen, measuring, basemap, settings. */
export function MapToolbar() {
  const map = useMap();
  const { t } = useTranslation();
  const [measuring, setMeasuring] = useState<MeasureKind | null>(null);
  const [settings, setSettings] = useState(false);
  const closeMeasure = useCallback(() => setMeasuring(null), []);
  const button = (label: string, icon: Parameters<typeof Icon>[0]['name'], onClick: () => void, pressed?: boolean, testId?: string) => (
    <button type="button" className="tool-button" title={label} aria-label={label} aria-pressed={pressed} onClick={onClick} disabled={!map} data-testid={testId}>
      <Icon name={icon} />
    </button>
  );
  return (
    <>
      <div className="map-toolbar" role="toolbar" aria-label={t('tools.toolbar')} aria-orientation="vertical">
        {button(t('tools.zoomIn'), 'plus', () => map?.zoomIn())}
        {button(t('tools.zoomOut'), 'minus', () => map?.zoomOut())}
        {button(t('tools.resetView'), 'home', () => map?.fitBounds(HUAXI_BOUNDS, { padding: 24 }), undefined, 'reset-view')}
        {button(t('tools.fullscreen'), 'fullscreen', () => toggleFullscreen(document.getElementById('root') ?? document.body))}
        <span className="toolbar-gap" />
        {button(t('measure.distance'), 'ruler', () => setMeasuring((m) => (m === 'distance' ? null : 'distance')), measuring === 'distance', 'measure-distance')}
        {button(t('measure.area'), 'area', () => setMeasuring((m) => (m === 'area' ? null : 'area')), measuring === 'area', 'measure-area')}
        <span className="toolbar-gap" />
        <BasemapSwitcher onOpenSettings={() => setSettings(true)} />
        {button(t('settings.title'), 'gear', () => setSettings(true))}
      </div>
      {measuring && <MeasureTool kind={measuring} onClose={closeMeasure} />}
      {settings && <SettingsDialog onClose={() => setSettings(false)} />}
    </>
  );
}
