import { useSyncExternalStore } from 'react';

/**
 * Where the site panel's UI goes. The side panel mounts only the selected tab, but the site, its
 * undo history and its check must outlive a switch to 图层 (and stay on the map meanwhile), so
 * SiteWorkspace — always mounted beside the map — owns them and portals its UI into the element
 * the 绘制与核查 tab registers here while it is shown.
 */
let slot: HTMLElement | null = null;
const listeners = new Set<() => void>();

export function setPanelSlot(element: HTMLElement | null): void {
  if (element === slot) return;
  slot = element;
  for (const l of listeners) l();
}

export function usePanelSlot(): HTMLElement | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => slot,
  );
}
