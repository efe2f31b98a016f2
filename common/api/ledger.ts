import { z } from 'zod';

/**
 * Change supervision (issue 14): the versions of a layer, the difference between two of them and
 * the area ledger (红线面积台账). Areas are ellipsoidal square metres computed by PostGIS.
 */

const geometry = z.object({ type: z.string() }).loose();

const layerVersion = z.object({
  version: z.number().int(),
  current: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  featureCount: z.number().int(),
  areaM2: z.number(),
  /** Area per level ('none' for features without a level). */
  areaByLevel: z.record(z.string(), z.number()),
  source: z.object({ fileName: z.string().nullable(), sha256: z.string().nullable() }),
  note: z.string().nullable(),
  approvalDocument: z.string().nullable(),
  /** Set when this version made an earlier one current again (its features are a copy of it). */
  restoredFrom: z.number().int().nullable(),
  /** GeoJSON of the version's features. */
  downloadUrl: z.string(),
});
export type LayerVersion = z.infer<typeof layerVersion>;
export const layerVersions = z.array(layerVersion);

/** Any positive version number (bounded: it goes to SQL as an integer). */
export const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);

export const diffQuery = z.object({
  from: versionNumber,
  to: versionNumber,
  format: z.enum(['json', 'xlsx', 'gpkg']).optional(),
  /** Geometries whose vertices all lie within this distance (metres) of the other version's are unchanged. */
  toleranceM: z.coerce.number().min(0).max(10).optional(),
});

const changedFeature = z.object({
  id: z.string(),
  levelFrom: z.string().nullable(),
  levelTo: z.string().nullable(),
  gainedM2: z.number(),
  lostM2: z.number(),
});
export type ChangedFeature = z.infer<typeof changedFeature>;

export const layerDiff = z.object({
  layerId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /** How features were matched: by the mapped id, or by geometry when the data has none. */
  matchedBy: z.enum(['id', 'geometry']),
  toleranceM: z.number(),
  /** 调入: area in `to` not in `from`. */
  gainedM2: z.number(),
  /** 调出: area in `from` not in `to`. */
  lostM2: z.number(),
  netM2: z.number(),
  /** Per level ('none' for no level): area that entered / left that level (a re-levelled part counts in both). */
  byLevel: z.record(z.string(), z.object({ gainedM2: z.number(), lostM2: z.number() })),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(changedFeature),
  gained: geometry.nullable(),
  lost: geometry.nullable(),
  /** Where the level changed (in the `to` geometry): a 性质变化. */
  relevelled: geometry.nullable(),
});
export type LayerDiff = z.infer<typeof layerDiff>;

const ledgerVersion = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  areaM2: z.number(),
  /** Against the previous version (0 for the first). */
  netChangeM2: z.number(),
  decreased: z.boolean(),
  /** Features matched by id whose level differs from the previous version. */
  levelChanges: z.number().int(),
  approvalDocument: z.string().nullable(),
  note: z.string().nullable(),
});
export type LedgerVersion = z.infer<typeof ledgerVersion>;

const ledgerLayer = z.object({
  layerId: z.string(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  versions: z.array(ledgerVersion),
});
export type LedgerLayer = z.infer<typeof ledgerLayer>;
export const ledger = z.array(ledgerLayer);
export const ledgerQuery = z.object({ format: z.enum(['json', 'xlsx']).optional() });

export const restoreBody = z.object({
  version: z.number().int().min(1).max(2_147_483_647),
  note: z.string().trim().max(2000).optional(),
  approvalDocument: z.string().trim().max(200).optional(),
});
export type RestoreBody = z.infer<typeof restoreBody>;

const recheckJob = z.object({
  id: z.number().int(),
  layerId: z.string(),
  version: z.number().int(),
  status: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  /** Projects whose verdict the re-check changed. */
  verdictChanged: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RecheckJob = z.infer<typeof recheckJob>;
export const recheckJobs = z.array(recheckJob);

/** The protected kinds the ledger keeps (红线、永久基本农田、饮用水水源保护区、自然保护区、湿地). */
export const LEDGER_KINDS = ['eco_redline', 'basic_farmland', 'water_source', 'nature_reserve', 'wetland'] as const;

/**
 * A fall in area smaller than this is no decrease: re-projecting the same boundary between CRS
 * moves vertices by millimetres and the area by a few square metres at most.
 */
export const decreaseThresholdM2 = (areaM2: number): number => Math.max(1, areaM2 * 1e-7);
