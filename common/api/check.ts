import { z } from 'zod';
import { checkResultSchema } from './check-result.ts';
import { domainChecked } from './domain-checked.ts';
import { PROJECT_FLAGS, PROJECT_TYPES, type ProjectFlag } from '../domain/development.ts';

/**
 * POST /api/check and GET /api/project-types: the contract of the site check (issue 6), shared by
 * the check panel, the report and the server. The site, the project and the buffer are checked by
 * the domain parsers (parseSiteGeometry, parseProject), whose codes planners see; the schemas here
 * type and describe them.
 */

const flagShape = Object.fromEntries(PROJECT_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<ProjectFlag, z.ZodOptional<z.ZodBoolean>>;

/** What the planner says the project is (项目类型 and its flags). */
export const projectInputSchema = z.object({ type: z.enum(PROJECT_TYPES), widthM: z.number().positive().optional(), ...flagShape });
export type ProjectInput = z.infer<typeof projectInputSchema>;

/** A GeoJSON geometry in lon/lat (CGCS2000 / WGS 84), as the OpenAPI document shows it. */
const geometryShape = z
  .object({ type: z.enum(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']), coordinates: z.array(z.unknown()) })
  .meta({ description: 'GeoJSON 几何（经纬度） / GeoJSON geometry (lon/lat)' });

export const siteGeometry = domainChecked<typeof geometryShape, GeoJSON.Geometry>(geometryShape, '选址几何 / The site geometry (GeoJSON, lon/lat)');

export const checkRequestBody = z.looseObject({
  geometry: siteGeometry,
  project: domainChecked(projectInputSchema, '项目信息 / The project'),
  bufferM: domainChecked(z.number().min(0), '缓冲距离（米） / Buffer distance (m)'),
  repair: domainChecked(z.boolean(), '自动修复自交 / Repair self-intersections').optional(),
});
export type CheckRequestBody = z.infer<typeof checkRequestBody>;

/** The result of a check (check-result.ts). */
export const checkResultResponse = checkResultSchema;

const labels = { zh: z.string(), en: z.string() };

/** GET /api/project-types: every project type and flag with its labels (the project form). */
export const projectTypesCatalog = z.object({
  types: z.array(z.object({ key: z.enum(PROJECT_TYPES), code: z.string(), ...labels })),
  flags: z.array(
    z.object({
      key: z.enum([...PROJECT_FLAGS, 'widthM']),
      valueType: z.enum(['boolean', 'number']),
      ...labels,
      hint: z.object(labels),
    }),
  ),
});
export type ProjectTypesCatalog = z.infer<typeof projectTypesCatalog>;
