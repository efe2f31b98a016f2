import { useEffect, useState } from 'react';
import type { CatalogLayer } from '../../common/api/layers.ts';
import { getLayerCatalog, getProjectTypes, getRules } from './check-api.ts';

function useLoaded<T>(load: () => Promise<T>, enabled = true): { data: T | null; error: Error | null } {
  const [state, setState] = useState<{ data: T | null; error: Error | null }>({ data: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null }),
      (error: Error) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return state;
}

export const useProjectTypes = () => useLoaded(getProjectTypes);
export const useRules = (enabled: boolean) => useLoaded(getRules, enabled);
export const useLayerCatalog = () => useLoaded<CatalogLayer[]>(getLayerCatalog);

/** Layer names as the report and the result list need them. */
export function layerNamings(layers: CatalogLayer[] | null) {
  return (layers ?? []).map(({ id, nameZh, nameEn, illustrative }) => ({ id, nameZh, nameEn, illustrative }));
}
