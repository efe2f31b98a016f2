import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { onlineBasemapStyle, tiandituAvailable } from './basemaps.ts';
import { useServerBasemaps } from './server-basemaps.ts';
import { HUAXI_CENTER } from './view.ts';

/** The tile at zoom 10 over the district's centre, of a {z}/{x}/{y} template. */
function probeTileUrl(template: string): string {
  const z = 10;
  const [lon, lat] = HUAXI_CENTER;
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/**
 * Says plainly on the map when there is no imagery: the offline basemap has no roads or imagery
 * (and how to get 天地图: switch to it, or a key is needed), or an online basemap's tiles fail to
 * load. Closable; it comes back when the basemap changes.
 */
export function BasemapNote() {
  const { t } = useTranslation();
  const { state } = useViewState();
  const { tiandituTiles, online: allowed } = useServerBasemaps();
  const [closed, setClosed] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setClosed(false);
    setFailed(false);
  }, [state.basemap]);
  // Whether the online basemap answers: one tile loaded as an image, as the map would (a map
  // 'error' listener is not used: it kept MapLibre re-rendering in Chromium).
  useEffect(() => {
    const style = onlineBasemapStyle(state.basemap, state.tiandituKey, tiandituTiles, allowed);
    const source = style && Object.values(style.sources)[0];
    const template = source && 'tiles' in source ? source.tiles?.[0] : undefined;
    if (!template) return;
    let live = true;
    const image = new Image();
    image.onerror = () => live && setFailed(true);
    image.src = probeTileUrl(template);
    return () => {
      live = false;
      image.onerror = null;
    };
  }, [state.basemap, state.tiandituKey, tiandituTiles, allowed]);
  const offline = state.basemap === 'offline';
  if (closed || (!offline && !failed)) return null;
  const text = failed
    ? t('basemap.tilesFailed')
    : `${t('basemap.noImagery')}${tiandituAvailable(state.tiandituKey, tiandituTiles, allowed) ? t('basemap.noImageryHint') : t('basemap.noImageryAsk')}`;
  return (
    <div className={`basemap-note${failed ? ' is-failed' : ''}`} role="note" data-testid="basemap-note" data-state={failed ? 'failed' : 'offline'}>
      <span>{text}</span>
      <button type="button" className="basemap-note-close" onClick={() => setClosed(true)} aria-label={t('common.close')} title={t('common.close')}>
        ×
      </button>
    </div>
  );
}
