import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, fetchJson } from '../api/fetch-json.ts';
import type { LayerInfo } from './layer-info.ts';

export type CatalogState =
  | { status: 'loading'; layers: LayerInfo[] }
  | { status: 'ready'; layers: LayerInfo[] }
  | { status: 'error'; layers: LayerInfo[]; error: ApiError };

interface CatalogContextValue {
  catalog: CatalogState;
  reload(): void;
  byId: ReadonlyMap<string, LayerInfo>;
}

const CatalogContext = createContext<CatalogContextValue | null>(null);

/** Loads the layer catalog (GET /api/layers) once for the tree, the legend, the map and search. */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading', layers: [] });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setCatalog((c) => ({ status: 'loading', layers: c.layers }));
    fetchJson<LayerInfo[]>('/api/layers', { signal: abort.signal })
      .then((layers) => setCatalog({ status: 'ready', layers }))
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', { zh: String(e), en: String(e) });
        setCatalog((c) => ({ status: 'error', layers: c.layers, error }));
      });
    return () => abort.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ catalog, reload, byId: new Map(catalog.layers.map((l) => [l.id, l])) }), [catalog, reload]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogContextValue {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog outside CatalogProvider');
  return value;
}
