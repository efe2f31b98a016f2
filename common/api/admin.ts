import { z } from 'zod';

/**
 * The official-data API (数据管理, issue 13): the contract between the admin page and the server.
 * Requests are validated by these schemas; responses are typed by them on both sides.
 */

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** Layer ids appear in URLs and SQL parameters: a safe alphabet. */
export const layerIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a-z, 0-9, _ (starting with a letter, ≤ 63)');

/** Kind of a checked layer (the rule base's kinds), or 'reference' for a layer shown but not checked. */
export const createLayerBody = z.object({
  id: layerIdSchema,
  kind: z.string().min(1).max(40),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  group: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  geometryType: z.enum(['Polygon', 'LineString', 'Point']).optional(),
});
export type CreateLayerBody = z.infer<typeof createLayerBody>;

export const adminLayer = z.object({
  id: z.string(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  group: z.string(),
  geometryType: z.string(),
  levels: z.array(z.string()),
  checked: z.boolean(),
  illustrative: z.boolean(),
  retired: z.boolean(),
  style: z.record(z.string(), z.unknown()),
});
export type AdminLayer = z.infer<typeof adminLayer>;

const crsInfo = z.object({ epsg: z.number().int(), nameZh: z.string(), nameEn: z.string() });

const uploadedLayer = z.object({
  name: z.string(),
  featureCount: z.number().int(),
  geometryType: z.string(),
  crs: crsInfo.nullable(),
  /** When the file names no CRS: the CGCS2000 CRS its coordinates imply, to confirm. */
  suggestedCrs: crsInfo.nullable().optional(),
  /** [west, south, east, north] in EPSG:4326; null when the CRS is unknown. */
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  fields: z.array(z.object({ name: z.string(), type: z.string(), samples: z.array(z.unknown()) })),
  encoding: z.string().optional(),
  note: z.string().optional(),
});
export type UploadedLayer = z.infer<typeof uploadedLayer>;

export const uploadResponse = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.string(),
  layers: z.array(uploadedLayer),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

const fieldMapping = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(100).optional(),
  level: z
    .object({
      field: z.string().min(1).max(100),
      /** file value → the layer kind's level, or null for "no level". */
      values: z.record(z.string().max(200), z.string().max(40).nullable()),
    })
    .optional(),
});
export type FieldMapping = z.infer<typeof fieldMapping>;

export const publishBody = z.object({
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  sourceLayer: z.string().max(200).optional(),
  /** EPSG code to read the coordinates in, when the file has none (or to override it). */
  crs: z.number().int().min(1024).max(999999).optional(),
  mapping: fieldMapping,
  note: z.string().max(2000).optional(),
  approvalDocument: z.string().max(200).optional(),
  repair: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});
export type PublishBody = z.infer<typeof publishBody>;

/** One finding of the validation report, about one feature (id) or the layer (no id). */
const validationIssue = z.object({
  code: z.string(),
  id: z.string().optional(),
  ids: z.array(z.string()).optional(),
  message: bilingual,
  /** [lon, lat] EPSG:4326 where the problem is. */
  location: z.tuple([z.number(), z.number()]).optional(),
  areaM2: z.number().optional(),
});
export type ValidationIssue = z.infer<typeof validationIssue>;

const validationReport = z.object({
  errors: z.array(validationIssue),
  warnings: z.array(validationIssue),
  /** Features ST_MakeValid changed (repair: true), with their area before and after. */
  repaired: z.array(z.object({ id: z.string(), reason: z.string(), areaBeforeM2: z.number(), areaAfterM2: z.number() })).optional(),
  /** Issues per code, including those not listed (each list is cut at a few hundred). */
  counts: z.record(z.string(), z.number()),
});
export type ValidationReport = z.infer<typeof validationReport>;

export const publishSummary = z.object({
  featureCount: z.number().int(),
  areaM2: z.number(),
  areaByLevel: z.record(z.string(), z.number()),
  validation: validationReport,
});
export const publishResponse = publishSummary.extend({
  layerId: z.string(),
  version: z.number().int(),
  /** The background re-check of the projects checked with an earlier version (GET /api/admin/rechecks). */
  recheckJobId: z.number().int().optional(),
});
export type PublishSummary = z.infer<typeof publishSummary>;
export type PublishResponse = z.infer<typeof publishResponse>;

export const coverageSetting = z.object({
  /** A layer whose current features (optionally of one level) are the area the data covers. */
  layerId: layerIdSchema,
  level: z.string().max(40).nullable().optional(),
});
