/**
 * The API contracts the panel consumes: types inferred from the schemas in common/api (the same
 * schemas the server validates by and documents in /api/openapi.json).
 */
export type { CheckResult, LayerResult } from '../../common/api/check-result.ts';
export type { ListedRule } from '../../common/api/rules.ts';
export type { Verdict } from '../../common/domain/verdict.ts';
export type { ProjectFlag, ProjectType } from '../../common/domain/development.ts';
export type { CheckRequestBody, ProjectInput, ProjectTypesCatalog } from '../../common/api/check.ts';
export type { CatalogLayer } from '../../common/api/layers.ts';
