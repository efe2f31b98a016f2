import { Router } from 'express';
import { z } from 'zod';
import { layerIdSchema } from '../../common/api/admin.ts';
import { diffQuery, layerDiff, layerVersions, ledger, ledgerQuery, recheckJobs, restoreBody } from '../../common/api/ledger.ts';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { setDownload } from '../http/download.ts';
import { readerFor } from '../http/read-routing.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { listRecheckJobs } from '../recheck/store.ts';
import { diffVersions } from './diff.ts';
import { diffGpkg, diffXlsx, ledgerXlsx } from './exports.ts';
import { readLedger } from './ledger.ts';
import { restoreLayerVersion } from './restore.ts';
import { ledgerLayerRow, listLayerVersions } from './versions.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GPKG = 'application/geopackage+sqlite3';
const idParams = z.object({ id: layerIdSchema });

/**
 * Change supervision (issue 14): versions of a layer, the diff of two versions, the area ledger —
 * readable like the map (anonymously only when the map is public: MAP_READ_PATHS) — and, for
 * administrators, making an earlier version current again and the re-checks' progress.
 */
export function ledgerRouter(db: Database, jobs: JobRunner): Router {
  const router = Router();
  const admin = requireUser('admin');

  apiRoute(router, {
    method: 'get', path: '/api/layers/:id/versions', tag: 'ledger', access: 'public',
    summary: { zh: '图层的全部版本（发布人、时间、来源文件、面积）', en: 'Every version of a layer (who, when, source file, area)' },
    params: idParams,
    responses: { 200: layerVersions },
  }, async (req, res, { params }) => {
    res.json(await listLayerVersions(readerFor(db, req, res), params.id));
  });

  apiRoute(router, {
    method: 'get', path: '/api/layers/:id/diff', tag: 'ledger', access: 'public',
    summary: { zh: '两个版本的差异（调入、调出、性质变化；format=xlsx|gpkg 下载）', en: 'Difference between two versions (gained, lost, re-levelled; format=xlsx|gpkg to download)' },
    params: idParams,
    query: diffQuery,
    responses: { 200: layerDiff },
  }, async (_req, res, { params, query }) => {
    // The primary, not a replica: the diff works in a temporary table, which a hot standby refuses.
    const diff = await diffVersions(db.pool, params.id, query.from, query.to, { toleranceM: query.toleranceM });
    const name = `${params.id}-v${query.from}-v${query.to}`;
    if (query.format === 'xlsx' || query.format === 'gpkg') {
      const layer = await ledgerLayerRow(db.pool, params.id);
      const xlsx = query.format === 'xlsx';
      setDownload(res, xlsx ? XLSX : GPKG, `${layer.nameZh}-版本对比-v${query.from}-v${query.to}.${query.format}`, `${name}.${query.format}`);
      res.send(xlsx ? await diffXlsx(diff, layer.nameZh) : await diffGpkg(diff, layer.nameZh));
      return;
    }
    res.json(diff);
  });

  apiRoute(router, {
    method: 'get', path: '/api/ledger', tag: 'ledger', access: 'public',
    summary: { zh: '红线面积台账（受保护图层各版本面积、净变化、减少标记；format=xlsx 下载）', en: 'Area ledger of the protected layers (area per version, net change, decreases; format=xlsx to download)' },
    query: ledgerQuery,
    responses: { 200: ledger },
  }, async (req, res, { query }) => {
    const rows = await readLedger(readerFor(db, req, res));
    if (query.format === 'xlsx') {
      const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      setDownload(res, XLSX, `红线面积台账-${day}.xlsx`, `redline-ledger-${day}.xlsx`);
      res.send(await ledgerXlsx(rows));
      return;
    }
    res.json(rows);
  });

  apiRoute(router, {
    method: 'post', path: '/api/admin/layers/:id/restore', tag: 'ledger', access: 'admin',
    summary: { zh: '恢复旧版本为当前版本（记为新版本，并重新核查相关项目）', en: 'Make an earlier version current again (recorded as a new version; affected projects are re-checked)' },
    params: idParams,
    body: restoreBody,
    responses: { 201: z.object({ layerId: z.string(), version: z.number().int(), restoredFrom: z.number().int(), recheckJobId: z.number().int() }) },
  }, admin, async (req, res, { params, body }) => {
    const out = await restoreLayerVersion(db.pool, params.id, body, { user: currentUser(req), ip: req.ip });
    jobs.kick();
    res.status(201).json(out);
  });

  apiRoute(router, {
    method: 'get', path: '/api/admin/rechecks', tag: 'ledger', access: 'admin',
    summary: { zh: '图层更新后的重新核查任务及进度', en: 'Re-checks after layer updates and their progress' },
    responses: { 200: recheckJobs },
  }, admin, async (_req, res) => {
    res.json(await listRecheckJobs(db.pool));
  });
  return router;
}
