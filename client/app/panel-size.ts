import { useCallback, useState } from 'react';

/** The side panel's size: the usual column, wide (for the result table and long texts), or collapsed to give the map the screen. */
export type PanelSize = 'normal' | 'wide' | 'collapsed';

const KEY = 'redline.panelSize';
const SIZES: PanelSize[] = ['normal', 'wide', 'collapsed'];

function stored(): PanelSize {
  try {
    const value = window.localStorage.getItem(KEY);
    return SIZES.includes(value as PanelSize) ? (value as PanelSize) : 'normal';
  } catch {
    return 'normal';
  }
}

/** The panel size, remembered in this browser. */
export function usePanelSize(): [PanelSize, (size: PanelSize) => void] {
  const [size, setSize] = useState<PanelSize>(stored);
  const set = useCallback((next: PanelSize) => {
    setSize(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the size lasts for this page only.
    }
  }, []);
  return [size, set];
}
