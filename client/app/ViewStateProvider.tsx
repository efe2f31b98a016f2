import { createContext, useContext, useEffect, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
import { parsePermalink } from '../map/permalink.ts';
import { initialViewState, viewReducer, type ViewAction, type ViewState } from './view-state.ts';

const TIANDITU_KEY_STORAGE = 'redline-map.tiandituKey';

interface ViewStateContextValue {
  state: ViewState;
  dispatch: Dispatch<ViewAction>;
}

const ViewStateContext = createContext<ViewStateContextValue | null>(null);

function storedTiandituKey(): string {
  try {
    return localStorage.getItem(TIANDITU_KEY_STORAGE) ?? import.meta.env.VITE_TIANDITU_KEY ?? '';
  } catch {
    return '';
  }
}

/** Holds the visible layers, opacities and basemap; starts from the permalink in the URL. */
export function ViewStateProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(viewReducer, undefined, () =>
    initialViewState(parsePermalink(window.location.hash), storedTiandituKey()),
  );
  useEffect(() => {
    try {
      if (state.tiandituKey) localStorage.setItem(TIANDITU_KEY_STORAGE, state.tiandituKey);
      else localStorage.removeItem(TIANDITU_KEY_STORAGE);
    } catch {
      // Private mode: the key lasts for this page only.
    }
  }, [state.tiandituKey]);
  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <ViewStateContext.Provider value={value}>{children}</ViewStateContext.Provider>;
}

export function useViewState(): ViewStateContextValue {
  const value = useContext(ViewStateContext);
  if (!value) throw new Error('useViewState outside ViewStateProvider');
  return value;
}
