import { useSyncExternalStore } from 'react';
import { getAuth, onAuthChange } from '../auth/auth-store.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { newFeatureId } from '../draw/feature-id.ts';
import type { SiteFeature } from '../draw/site-features.ts';

/**
 * Hands a project's site to the 绘制与核查 workspace for editing, and its edited site back.
 * The project page asks (requestSiteEdit); ProjectSiteLink, mounted inside the workspace, loads
 * the site into the drawing tools, publishes what the user draws, and saves it to the project.
 */
export interface SiteEditRequest {
  projectId: number;
  /** The project version the edit starts from (PATCH sends it: a stale one is a 409). */
  version: number;
  name: string;
  geometry: GeoJSON.Geometry;
  project: ProjectInput;
}

/** A site to open in the workspace: a project's (to edit) or any other, e.g. a row of a batch (to look at). */
export type SiteLoad = Pick<SiteEditRequest, 'name' | 'geometry' | 'project'>;

interface HandoffState {
  /** Waiting to be loaded into the drawing tools. */
  pending: SiteLoad | null;
  /** The project whose site the workspace is editing now, and for whom. */
  editing: SiteEditRequest | null;
  editingUserId: number | null;
}

let state: HandoffState = { pending: null, editing: null, editingUserId: null };
const listeners = new Set<() => void>();

function set(next: Partial<HandoffState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export const requestSiteEdit = (request: SiteEditRequest) => set({ pending: request, editing: request, editingUserId: getAuth().user?.id ?? null });
/** Opens a site in the workspace for an ordinary check, tied to no project. */
export const requestSiteLoad = (site: SiteLoad) => set({ pending: site, editing: null });
export const clearPendingSite = () => set({ pending: null });
export const endSiteEdit = () => set({ pending: null, editing: null });

// A project's site edit belongs to its owner's session: logging out (or in as someone else) ends it.
onAuthChange((auth) => {
  if (state.editing && auth.status === 'ready' && auth.user?.id !== state.editingUserId) set({ pending: null, editing: null });
});

export function useSiteHandoff(): HandoffState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** A stored site as parts of the drawing tools: single polygons, lines and points stay editable. */
export function siteParts(geometry: GeoJSON.Geometry): SiteFeature[] {
  const part = (g: GeoJSON.Geometry): SiteFeature => ({ type: 'Feature', id: newFeatureId(), geometry: g, properties: { origin: 'drawn' } });
  switch (geometry.type) {
    case 'MultiPolygon':
      return geometry.coordinates.map((coordinates) => part({ type: 'Polygon', coordinates }));
    case 'MultiLineString':
      return geometry.coordinates.map((coordinates) => part({ type: 'LineString', coordinates }));
    case 'MultiPoint':
      return geometry.coordinates.map((coordinates) => part({ type: 'Point', coordinates }));
    case 'GeometryCollection':
      return geometry.geometries.flatMap(siteParts);
    default:
      return [part(geometry)];
  }
}
