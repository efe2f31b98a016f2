import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { useLayerStatuses } from './layer-status.ts';
import { useMap } from './MapContext.tsx';

/** A small "loading" chip on the map while the map or visible layers are still arriving. */
export function MapLoading() {
  const { t } = useTranslation();
  const map = useMap();
  const { catalog } = useCatalog();
  const { state } = useViewState();
  const statuses = useLayerStatuses();
  // A visible layer without a status yet is about to be requested: count it as loading too.
  const pending = catalog.layers.filter((l) => state.visible.has(l.id) && (!statuses[l.id] || statuses[l.id].state === 'loading')).length;
  const busy = !map || catalog.status === 'loading' || pending > 0;
  if (!busy) return null;
  return (
    <div className="map-loading" role="status">
      <span className="spinner" /> {pending > 0 ? t('map.loadingLayers', { count: pending }) : t('map.loading')}
    </div>
  );
}
