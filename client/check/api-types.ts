/**
 * The API contracts the panel consumes, typed from the server's own definitions (type imports
 * only: nothing of the server is bundled into the client).
 */
export type { CheckResult, LayerResult } from '../../common/api/check-result.ts';
export type { ListedRule } from '../../server/check/rules.ts';
export type { Verdict } from '../../common/domain/verdict.ts';
export type { ProjectFlag, ProjectType } from '../../common/domain/development.ts';
import type { ProjectFlag, ProjectType } from '../../common/domain/development.ts';

/** GET /api/project-types */
export interface ProjectTypesCatalog {
  types: { key: ProjectType; code: string; zh: string; en: string }[];
  flags: { key: ProjectFlag | 'widthM'; valueType: 'boolean' | 'number'; zh: string; en: string; hint: { zh: string; en: string } }[];
}

/** What the planner says the project is: the `project` of POST /api/check. */
export type ProjectInput = { type: ProjectType; widthM?: number } & Partial<Record<ProjectFlag, boolean>>;

/** The body of POST /api/check. */
export interface CheckRequestBody {
  geometry: GeoJSON.Geometry;
  project: ProjectInput;
  bufferM: number;
  repair?: boolean;
}

/** A layer of GET /api/layers, as far as the panel needs it. */
export interface CatalogLayer {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  illustrative: boolean;
  checked: boolean;
  version: number | null;
}
