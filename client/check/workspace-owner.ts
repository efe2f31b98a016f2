import { useSyncExternalStore } from 'react';
import { onAuthChange } from '../auth/auth-store.ts';

/**
 * Whose work the 绘制与核查 workspace (site, import, check result, report) holds. On a shared
 * computer the next person must not find the previous user's site: 退出登录, or another account
 * logging in, starts the workspace afresh. An anonymous visitor who logs in keeps the site (draw
 * first, log in to save it as a project), and so does a user whose session merely expired and who
 * logs in again.
 */
export interface WorkspaceOwnerStep {
  /** The account the workspace now belongs to; null while anonymous. */
  owner: number | null;
  /** Empty the workspace. */
  clear: boolean;
}

export function nextWorkspaceOwner(owner: number | null, auth: { userId: number | null; loggedOut: boolean }): WorkspaceOwnerStep {
  if (auth.userId !== null) return { owner: auth.userId, clear: owner !== null && owner !== auth.userId };
  if (auth.loggedOut) return { owner: null, clear: owner !== null };
  return { owner, clear: false };
}

let owner: number | null = null;
/** Bumped whenever the workspace is to start afresh; SessionSiteWorkspace remounts on it. */
let generation = 0;
const listeners = new Set<() => void>();

onAuthChange((auth) => {
  if (auth.status !== 'ready') return;
  const step = nextWorkspaceOwner(owner, { userId: auth.user?.id ?? null, loggedOut: auth.loggedOut });
  owner = step.owner;
  if (!step.clear) return;
  generation += 1;
  for (const l of listeners) l();
});

export function useWorkspaceGeneration(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => generation,
  );
}
