import { useSyncExternalStore } from 'react';
import { onAuthChange } from '../auth/auth-store.ts';
import { getBatch, type BatchStatusView } from './batch-api.ts';

/**
 * The batch the planner is following, kept outside the tab (which unmounts when another tab is
 * shown): its status is polled once a second while it runs, so the progress chip stays current
 * while the planner works elsewhere. Checks per second and time left come from the last samples.
 */
export interface BatchWatch {
  id: number | null;
  status: BatchStatusView | null;
  /** Checks per second over the last ~10 s of samples. */
  rate: number | null;
  /** Seconds left at that rate. */
  secondsLeft: number | null;
}

let state: BatchWatch = { id: null, status: null, rate: null, secondsLeft: null };
let samples: { t: number; done: number }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(next: Partial<BatchWatch>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

const isActive = (s: BatchStatusView | null) => s?.status === 'queued' || s?.status === 'running';

async function poll(id: number) {
  timer = undefined;
  try {
    const status = await getBatch(id);
    if (state.id !== id) return;
    samples = [...samples.filter((s) => Date.now() - s.t < 10_000), { t: Date.now(), done: status.done }];
    const first = samples[0];
    const last = samples[samples.length - 1];
    const rate = last.t > first.t ? ((last.done - first.done) * 1000) / (last.t - first.t) : null;
    set({ status, rate, secondsLeft: rate && rate > 0 ? (status.total - status.done) / rate : null });
    if (isActive(status)) timer = setTimeout(() => void poll(id), 1000);
  } catch {
    if (state.id === id) timer = setTimeout(() => void poll(id), 3000);
  }
}

export function watchBatch(id: number | null): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  samples = [];
  set({ id, status: null, rate: null, secondsLeft: null });
  if (id !== null) void poll(id);
}

/** Polls again now (after a cancel). */
export const refreshBatch = () => {
  if (state.id !== null) watchBatch(state.id);
};

// Another account's batch is not this one's business.
onAuthChange((auth) => {
  if (auth.status === 'ready' && !auth.user && state.id !== null) watchBatch(null);
});

export function useBatchWatch(): BatchWatch {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export const batchIsActive = isActive;
