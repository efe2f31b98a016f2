import type pg from 'pg';
import type { PublishBody, PublishResponse, PublishSummary, ValidationReport } from '../../common/api/admin.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { withTransaction } from '../db/database.ts';
import { AppError, badRequest, unprocessable } from '../http/errors.ts';
import { getCrs } from '../geo/crs.ts';
import { reprojectFeatures } from '../importers/reproject.ts';
import { insertFeatureParts } from '../layers/loader.ts';
import { insertTileGeometry } from '../layers/tile-geometry.ts';
import { recordAudit } from '../audit/audit.ts';
import { assertDecreaseApproved } from '../ledger/decrease-guard.ts';
import { enqueueRecheck } from '../recheck/store.ts';
import { getAdminLayer, REFERENCE_KIND } from './layers.ts';
import { applyMapping, type MappedFeature } from './mapping.ts';
import { getUpload, impliedCrs, readUpload, type UploadStore } from './uploads.ts';
import {
  dimensionOf, NON_OVERLAPPING_KINDS, ReportBuilder, repairInvalid, reportDuplicates, reportEmptyAndType, reportInvalid,
  reportOutsideCoverage, reportOverlaps, reportSlivers,
} from './validation.ts';

/**
 * POST /api/admin/layers/:id/versions: an uploaded file's layer, mapped, validated in PostGIS and —
 * unless it is a dry run or has errors — published as the layer's new current version, all in ONE
 * transaction (version, features, subdivided parts, current_version, audit row): until it commits
 * every check sees the previous version, and a crash leaves no half version.
 */
export interface PublishContext {
  store: UploadStore;
  user: AuthUser;
  ip?: string;
}

export type PublishOutcome =
  | { status: 200; body: PublishSummary }
  | { status: 201; body: PublishResponse };

/**
 * Test hook for the durability test: REDLINE_TEST_PUBLISH_DELAY_MS (set only by tests) pauses after
 * the version's features and parts are written and before it becomes current, so a kill -9 lands
 * inside the transaction.
 */
async function testPause(layerId: string, version: number): Promise<void> {
  const ms = Number(process.env.REDLINE_TEST_PUBLISH_DELAY_MS ?? 0);
  if (!(ms > 0)) return;
  console.warn(`[test hook] publish of ${layerId} version ${version} paused ${ms} ms inside its transaction`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

const BATCH_FEATURES = 1_000;
const BATCH_JSON_CHARS = 8 * 1024 * 1024;

function* batches(features: MappedFeature[]): Generator<string> {
  let parts: string[] = [];
  let chars = 0;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const json = JSON.stringify({ idx: i, key: f.key, name: f.name, level: f.level, properties: f.properties, geometry: f.geometry });
    if (parts.length > 0 && (parts.length >= BATCH_FEATURES || chars + json.length > BATCH_JSON_CHARS)) {
      yield `[${parts.join(',')}]`;
      parts = [];
      chars = 0;
    }
    parts.push(json);
    chars += json.length + 1;
  }
  if (parts.length) yield `[${parts.join(',')}]`;
}

const STAGE_SQL = `
  INSERT INTO staging (idx, key, name, level, properties, geom)
  SELECT (f->>'idx')::int, f->>'key', f->>'name', f->>'level', COALESCE(f->'properties', '{}'::json)::jsonb,
         CASE WHEN json_typeof(f->'geometry') = 'object' THEN ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326) END
    FROM json_array_elements($1::json) f`;

/** Loads the features into the temporary table; a geometry PostGIS cannot even parse is an error of its own. */
async function stage(client: pg.PoolClient, features: MappedFeature[], report: ReportBuilder): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE staging (idx integer PRIMARY KEY, key text NOT NULL, name text, level text, properties jsonb NOT NULL,
       geom geometry(Geometry, 4326)) ON COMMIT DROP`,
  );
  for (const batch of batches(features)) {
    await client.query('SAVEPOINT stage_batch');
    try {
      await client.query(STAGE_SQL, [batch]);
      await client.query('RELEASE SAVEPOINT stage_batch');
      continue;
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT stage_batch');
    }
    // One by one, to name the features PostGIS refuses.
    for (const item of JSON.parse(batch) as { idx: number; key: string }[]) {
      await client.query('SAVEPOINT stage_one');
      try {
        await client.query(STAGE_SQL, [JSON.stringify([item])]);
        await client.query('RELEASE SAVEPOINT stage_one');
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT stage_one');
        report.add('error', {
          code: 'MALFORMED_GEOMETRY',
          id: item.key,
          message: { zh: `要素 ${item.key} 的几何无法读取：${(e as Error).message}`, en: `Feature ${item.key} has an unreadable geometry: ${(e as Error).message}` },
        });
      }
    }
  }
  await client.query('CREATE INDEX ON staging USING gist (geom)');
  await client.query('ANALYZE staging');
}

async function areas(client: pg.PoolClient): Promise<{ featureCount: number; areaM2: number; areaByLevel: Record<string, number> }> {
  const { rows } = await client.query<{ level: string; area: number; n: number }>(
    `SELECT COALESCE(level, 'none') AS level, COUNT(*)::int AS n,
            COALESCE(SUM(CASE WHEN geom IS NOT NULL AND ST_Dimension(geom) = 2 THEN ST_Area(geom::geography) END), 0) AS area
       FROM staging GROUP BY 1 ORDER BY 1`,
  );
  const areaByLevel = Object.fromEntries(rows.map((r) => [r.level, Math.round(r.area * 100) / 100]));
  return {
    featureCount: rows.reduce((s, r) => s + r.n, 0),
    areaM2: Math.round(rows.reduce((s, r) => s + r.area, 0) * 100) / 100,
    areaByLevel,
  };
}

async function validate(client: pg.PoolClient, layer: { id: string; kind: string; geometryType: string }, repair: boolean, report: ReportBuilder): Promise<void> {
  const dimension = dimensionOf(layer.geometryType);
  await reportEmptyAndType(client, dimension, report);
  if (repair) await repairInvalid(client, dimension, report);
  else await reportInvalid(client, report);
  await reportDuplicates(client, report);
  if (dimension === 2) {
    if (NON_OVERLAPPING_KINDS.has(layer.kind)) await reportOverlaps(client, report);
    await reportSlivers(client, report);
    await reportOutsideCoverage(client, report, layer.id);
  }
}

function refuse(report: ValidationReport): never {
  const first = report.errors[0];
  throw new AppError(
    422,
    'VALIDATION_FAILED',
    {
      zh: `数据校验未通过：${report.errors.length} 项错误（如 ${first.message.zh}），未发布`,
      en: `Validation failed: ${report.errors.length} errors (e.g. ${first.message.en}); nothing was published`,
    },
    { validation: report },
  );
}

export async function publishLayerVersion(pool: pg.Pool, layerId: string, body: PublishBody, ctx: PublishContext): Promise<PublishOutcome> {
  const layer = await getAdminLayer(pool, layerId);
  const upload = await getUpload(pool, body.uploadId);
  const source = await readUpload(ctx.store, upload);
  const chosen = body.sourceLayer === undefined ? source.layers : source.layers.filter((l) => l.name === body.sourceLayer);
  if (chosen.length !== 1) {
    const names = source.layers.map((l) => l.name).join('、');
    throw badRequest(
      body.sourceLayer === undefined ? 'SOURCE_LAYER_REQUIRED' : 'UNKNOWN_SOURCE_LAYER',
      `请用 sourceLayer 选择文件中的图层（${names}）`,
      `Choose the file's layer with sourceLayer (${source.layers.map((l) => l.name).join(', ')})`,
    );
  }
  const sourceLayer = chosen[0];
  const epsg = body.crs ?? sourceLayer.epsg;
  if (epsg === null) {
    const implied = impliedCrs(sourceLayer.features);
    throw unprocessable(
      'CRS_REQUIRED',
      `文件未说明坐标系：请以 crs 指定${implied ? `（坐标看起来是 EPSG:${implied}）` : ''}`,
      `The file names no CRS: choose one with crs${implied ? ` (the coordinates look like EPSG:${implied})` : ''}`,
      { suggestedEpsg: implied },
    );
  }
  if (!getCrs(epsg)) throw badRequest('UNKNOWN_CRS', `不支持的坐标系 EPSG:${epsg}`, `Unsupported CRS EPSG:${epsg}`);
  const features = epsg === 4326 ? sourceLayer.features : reprojectFeatures(sourceLayer.features, { epsg, gcj02: false }).features;
  const mapped = applyMapping(features, body.mapping, layer.levels);

  return withTransaction(pool, async (client) => {
    const report = new ReportBuilder();
    for (const e of mapped.errors) report.add('error', e);
    await stage(client, mapped.features, report);
    await validate(client, layer, body.repair === true, report);
    const summary = { ...(await areas(client)), validation: report.report() };
    if (body.dryRun) {
      // 面积不减少: the dry run says so now rather than at the publish.
      await assertDecreaseApproved(client, layer, summary.areaM2, body).catch((e: unknown) => {
        if (!(e instanceof AppError)) throw e;
        summary.validation.warnings.push({ code: e.code, message: e.messages });
        summary.validation.counts[e.code] = 1;
      });
      return { status: 200, body: summary } as const;
    }
    if (summary.validation.errors.length > 0) refuse(summary.validation);
    // Serialise publishes and restores of one layer before reading its current version: the
    // 面积不减少 guard must compare with the version this publish replaces, not one a concurrent
    // publish has just replaced (READ COMMITTED: statements after the lock see its commit).
    await client.query('SELECT id FROM layers WHERE id = $1 FOR UPDATE', [layer.id]);
    await assertDecreaseApproved(client, layer, summary.areaM2, body);
    const sourceMeta = { zh: `官方数据：${upload.fileName}`, en: `Official data: ${upload.fileName}`, file: upload.fileName, sha256: upload.sha256 };
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO layer_versions (layer_id, version, feature_count, checksum, source, note, published_by_id, published_by,
         source_file, source_sha256, source_layer, mapping, approval_document, repaired)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 FROM layer_versions WHERE layer_id = $1
       RETURNING version`,
      [layer.id, summary.featureCount, upload.sha256, sourceMeta, body.note ?? null, ctx.user.id, ctx.user.username, upload.fileName,
        upload.sha256, sourceLayer.name, JSON.stringify({ ...body.mapping, crs: epsg }), body.approvalDocument ?? null,
        summary.validation.repaired ? JSON.stringify(summary.validation.repaired) : null],
    );
    const version = rows[0].version;
    await client.query(
      `INSERT INTO features (layer_id, version, feature_key, name, level, properties, geom, area_m2)
       SELECT $1, $2, key, name, level, properties, geom, CASE WHEN ST_Dimension(geom) = 2 THEN ST_Area(geom::geography) END
         FROM staging ORDER BY idx`,
      [layer.id, version],
    );
    await insertFeatureParts(client, layer.id, version);
    await insertTileGeometry(client, layer.id, version);
    await testPause(layer.id, version);
    await client.query(
      `UPDATE layers SET current_version = $2, illustrative = false, source = $3, checked = (kind <> $4 AND NOT retired) WHERE id = $1`,
      [layer.id, version, sourceMeta, REFERENCE_KIND],
    );
    const recheckJobId = await enqueueRecheck(client, { layerId: layer.id, version, ownerId: ctx.user.id });
    await recordAudit(client, {
      action: 'layer.published',
      actor: { id: ctx.user.id, username: ctx.user.username },
      detail: {
        layerId: layer.id, version, featureCount: summary.featureCount, sourceFile: upload.fileName, sha256: upload.sha256,
        sourceLayer: sourceLayer.name, approvalDocument: body.approvalDocument ?? null, note: body.note ?? null,
        repaired: summary.validation.repaired?.length ?? 0, recheckJobId,
      },
      ip: ctx.ip ?? null,
    });
    return { status: 201, body: { layerId: layer.id, version, recheckJobId, ...summary } } as const;
  });
}
