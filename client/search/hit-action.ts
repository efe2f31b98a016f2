import type { SearchHit } from './search-api.ts';

/**
 * What choosing a search hit does. A place or feature is framed on the map with its layer switched
 * on; a project is not a layer (its hits carry the pseudo layer id `projects`, which must never
 * reach the view state or the permalink) — it opens on its own page, as in the 项目 tab's register.
 */
export type HitAction = { kind: 'open-project'; projectId: number } | { kind: 'frame-feature'; layerId: string } | { kind: 'frame-place' };

export function hitAction(hit: SearchHit): HitAction {
  if (hit.type === 'project') return { kind: 'open-project', projectId: hit.projectId };
  // A typed coordinate is a place, not a feature of a layer: framed, no layer switched on.
  if (hit.type === 'coordinate') return { kind: 'frame-place' };
  return { kind: 'frame-feature', layerId: hit.layerId };
}
