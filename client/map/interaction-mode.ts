import { useSyncExternalStore } from 'react';

/**
 * Who owns map clicks right now: 'identify' (popups, the default), 'measure', or a tool another
 * panel adds (drawing a site: 'draw'). Tools set it while active and reset it to 'identify'.
 */
export type InteractionMode = 'identify' | 'measure' | 'draw' | (string & {});

let mode: InteractionMode = 'identify';
const listeners = new Set<() => void>();

export function setInteractionMode(next: InteractionMode): void {
  if (next === mode) return;
  mode = next;
  for (const l of listeners) l();
}

export const getInteractionMode = () => mode;

export function useInteractionMode(): InteractionMode {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => mode,
  );
}
