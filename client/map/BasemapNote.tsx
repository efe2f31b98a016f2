import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { tiandituAvailable } from './basemaps.ts';
import { useMap } from './MapContext.tsx';
import { useServerBasemaps } from './server-basemaps.ts';

/**
 * Says plainly on the map when there is no imagery: the offline basemap has no roads or imagery
 * (and how to get 天地图: switch to it, or a key is needed), or an online basemap's tiles fail to
 * load. Closable; it comes back when the basemap changes.
 */
export function BasemapNote() {
  const { t } = useTranslation();
  const map = useMap();
  const { state } = useViewState();
  const { tiandituTiles } = useServerBasemaps();
  const [closed, setClosed] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setClosed(false);
    setFailed(false);
  }, [state.basemap]);
  useEffect(() => {
    if (!map) return;
    const onError = (e: { sourceId?: string }) => {
      if (e.sourceId?.startsWith('basemap:')) setFailed(true);
    };
    map.on('error', onError);
    return () => {
      map.off('error', onError);
    };
  }, [map]);
  const offline = state.basemap === 'offline';
  if (closed || (!offline && !failed)) return null;
  const text = failed
    ? t('basemap.tilesFailed')
    : `${t('basemap.noImagery')}${tiandituAvailable(state.tiandituKey, tiandituTiles) ? t('basemap.noImageryHint') : t('basemap.noImageryAsk')}`;
  return (
    <div className={`basemap-note${failed ? ' is-failed' : ''}`} role="note" data-testid="basemap-note" data-state={failed ? 'failed' : 'offline'}>
      <span>{text}</span>
      <button type="button" className="basemap-note-close" onClick={() => setClosed(true)} aria-label={t('common.close')} title={t('common.close')}>
        ×
      </button>
    </div>
  );
}
