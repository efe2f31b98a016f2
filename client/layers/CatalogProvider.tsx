import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/fetch-json.ts';
import { apiFetch } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
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

/**
 * Loads the layer catalog (GET /api/layers) once for the tree, the legend, the map and search —
 * after the session is known: on a closed map (PUBLIC_MAP=false) it is only asked for with a login,
 * again for each account, and a 401 (through apiFetch, which also ends the stale session) leaves
 * no layers behind for the login screen to cover.
 */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading', layers: [] });
  const [attempt, setAttempt] = useState(0);
  const auth = useAuth();
  const ready = auth.status === 'ready';
  const session = auth.publicMap ? 'public' : auth.user ? `user:${auth.user.id}` : null;
  useEffect(() => {
    if (!ready) return;
    if (session === null) {
      setCatalog({ status: 'loading', layers: [] }); // closed to anonymous visitors: nothing to ask
      return;
    }
    const abort = new AbortController();
    setCatalog((c) => ({ status: 'loading', layers: c.layers }));
    apiFetch<LayerInfo[]>('/api/layers', { signal: abort.signal })
      .then((layers) => setCatalog({ status: 'ready', layers }))
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', { zh: String(e), en: String(e) });
        setCatalog((c) => ({ status: 'error', layers: error.status === 401 ? [] : c.layers, error }));
      });
    return () => abort.abort();
  }, [attempt, ready, session]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ catalog, reload, byId: new Map(catalog.layers.map((l) => [l.id, l])) }), [catalog, reload]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogContextValue {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog outside CatalogProvider');
  return value;
}
