import { z } from 'zod';
import { VERDICTS } from '../domain/verdict.ts';
import { PROJECT_FLAGS } from '../domain/development.ts';

/**
 * The batch check API (issue 16): a pool of candidate sites (项目库) checked in the background.
 * Schemas both sides use: the server validates by them, the client types its calls with them.
 */
const BATCH_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** Site fields a pool's columns (or feature properties) map to; the flags are the check's project flags. */
export const BATCH_FIELDS = ['name', 'type', 'wkt', 'lon', 'lat', 'widthM', ...PROJECT_FLAGS] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];

/** field → the column or property name that holds it in the file. */
export const batchMappingSchema = z.partialRecord(z.enum(BATCH_FIELDS), z.string().min(1).max(200));
export type BatchMapping = z.infer<typeof batchMappingSchema>;

/** Form fields of POST /api/batch besides the file. */
export const batchUploadFieldsSchema = z.strictObject({
  mapping: z.string().max(20_000).optional(),
  defaultType: z.string().max(100).optional(),
  bufferM: z.coerce.number().min(0).max(5000).optional(),
  crs: z.string().max(200).optional(),
});

export const batchIdParamsSchema = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, { error: '批次编号应为正整数 / The batch id must be a positive integer' }) });

const bilingual = z.object({ zh: z.string(), en: z.string() });
const rowErrorSchema = z.object({ code: z.string(), message: bilingual });
export type RowError = z.infer<typeof rowErrorSchema>;

const batchSummarySchema = z.object({
  /** Sites per verdict, and rows in error. */
  verdicts: z.object({ prohibited: z.number(), conditional: z.number(), notice: z.number(), clear: z.number(), outside_coverage: z.number(), error: z.number() }),
  /** Per layer: the sites it gives a verdict on, by verdict, and how many overlap it. */
  layers: z.array(
    z.object({
      layerId: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      sites: z.number(),
      overlapping: z.number(),
      verdicts: z.record(z.string(), z.number()),
    }),
  ),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchStatusSchema = z.object({
  id: z.number(),
  status: z.enum(BATCH_STATUSES),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  fileName: z.string().nullable(),
  ownerId: z.number().nullable(),
  summary: batchSummarySchema,
});
export type BatchStatusView = z.infer<typeof batchStatusSchema>;

export const batchCreatedSchema = z.object({ id: z.number(), total: z.number() });

const batchLayerResultSchema = z.object({
  layerId: z.string(),
  verdict: z.enum(VERDICTS),
  overlapAreaM2: z.number(),
  overlapPct: z.number(),
  minDistanceM: z.number().nullable(),
  /** Ids of the rules that gave the verdict (规则库). */
  ruleIds: z.array(z.string()),
});

const batchResultRowSchema = z.object({
  index: z.number(),
  name: z.string().nullable(),
  project: z.record(z.string(), z.unknown()).nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  siteAreaM2: z.number().nullable(),
  results: z.array(batchLayerResultSchema),
  /** A point on the site [lon, lat] (from the check), for the map; null for rows in error. */
  centroid: z.tuple([z.number(), z.number()]).nullable(),
  error: rowErrorSchema.nullable(),
});
export type BatchResultRow = z.infer<typeof batchResultRowSchema>;
export const batchResultsSchema = z.array(batchResultRowSchema);

export const batchProjectsBodySchema = z.strictObject({
  indexes: z.array(z.number().int().min(0)).min(1).max(5000),
});
export const batchProjectsResultSchema = z.object({
  created: z.array(z.object({ index: z.number(), projectId: z.number() })),
});

export const batchListSchema = z.array(batchStatusSchema.omit({ summary: true }));
