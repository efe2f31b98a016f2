import { asciiFallbackName, setDownload } from '../http/download.ts';
import { versionNumber } from '../../common/api/ledger.ts';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { getLayer } from '../layers/catalog.ts';
import { layerFeatures } from '../layers/features.ts';
import { listProjects, MAX_PAGE, parseRegisterFilter } from '../projects/register.ts';
import { DATASET_FORMATS, exportDataset, type DatasetCrsOptions } from './dataset-export.ts';
import type { ExportFile } from './types.ts';

/**
 * Downloads of whole datasets: GET /api/layers/:id/export (a layer, current or ?version=) and
 * GET /api/projects.gpkg|.shp (the register a user may see, with /api/projects' filters).
 */
const crsQuery = {
  zone: z.coerce.number().int().min(13).max(45).optional()
    .meta({ description: 'CGCS2000 Gauss-Krüger zone (3°: 25–45, 6°: 13–23); omitted: EPSG:4490 lon/lat' }),
  zoneWidth: z.enum(['3', '6']).optional().meta({ description: 'Zone width in degrees (default 3)' }),
  prefix: z.enum(['0', '1', 'true', 'false']).optional().meta({ description: 'Zone number in front of the easting (default 1)' }),
  encoding: z.enum(['utf-8', 'gbk']).optional().meta({ description: 'Text encoding of the Shapefile .dbf and CSV (default utf-8; .cpg always written)' }),
};

const layerExportQuery = z.object({
  format: z.enum(DATASET_FORMATS),
  version: versionNumber.optional().meta({ description: 'Layer version (default: current)' }),
  ...crsQuery,
});
const registerExportQuery = z.looseObject({ ...crsQuery });

function crsOptions(q: { zone?: number; zoneWidth?: '3' | '6'; prefix?: string; encoding?: 'utf-8' | 'gbk' }): DatasetCrsOptions {
  return {
    zone: q.zone,
    zoneWidthDeg: q.zoneWidth === undefined ? undefined : (Number(q.zoneWidth) as 3 | 6),
    zonePrefix: q.prefix === undefined ? undefined : q.prefix === '1' || q.prefix === 'true',
    encoding: q.encoding,
  };
}

function send(res: Response, file: ExportFile) {
  setDownload(res, undefined, file.filename, asciiFallbackName(file.filename, 'layer'));
  res.type(file.contentType);
  res.send(file.body);
}

const FILE_TYPES = {
  gpkg: 'application/geopackage+sqlite3',
  shp: 'application/zip',
  geojson: 'application/geo+json',
  csv: 'text/csv',
};

export function datasetExportRouter(db: Database): Router {
  const router = Router();

  apiRoute(router, {
    method: 'get', path: '/api/layers/:id/export', tag: 'layers', access: 'public',
    params: z.object({ id: z.string().max(64) }), query: layerExportQuery,
    summary: { zh: '下载图层（GeoPackage、Shapefile、GeoJSON、CSV；CGCS2000）', en: 'Download a layer (GeoPackage, Shapefile, GeoJSON, CSV; CGCS2000)' },
    responses: {
      200: {
        mediaType: 'application/octet-stream',
        description: 'gpkg: application/geopackage+sqlite3; shp: application/zip (.shp/.shx/.dbf/.prj/.cpg); geojson: application/geo+json; csv: text/csv (attributes + WKT)',
      },
    },
  }, async (_req, res, { params, query }) => {
    const layer = await getLayer(db.pool, params.id);
    const fc = await layerFeatures(db.pool, layer, { version: query.version });
    const version = query.version ?? layer.version;
    const features = fc.features.map((f) => ({ ...f, properties: { featureId: f.id, ...f.properties, illustrative: layer.illustrative } }));
    const file = await exportDataset(db.pool, {
      id: layer.id,
      fileName: `${layer.nameZh}-v${version ?? 0}`,
      title: layer.nameZh,
      description: `${layer.nameZh} / ${layer.nameEn}；版本 ${version}${layer.illustrative ? '；示意数据，非法定成果 (illustrative, not the legal record)' : ''}`,
      features,
      metadata: {
        layerId: layer.id,
        nameZh: layer.nameZh,
        nameEn: layer.nameEn,
        layerVersion: String(version),
        illustrative: String(layer.illustrative),
        note: layer.illustrative ? '示意数据，非法定成果' : '',
        source: JSON.stringify(layer.source),
      },
    }, query.format, crsOptions(query));
    send(res, file);
  });

  for (const format of ['gpkg', 'shp'] as const) {
    apiRoute(router, {
      method: 'get', path: `/api/projects.${format}`, tag: 'projects', access: 'user', query: registerExportQuery,
      summary: {
        zh: `下载项目台账（${format === 'gpkg' ? 'GeoPackage' : 'Shapefile'}；筛选同 /api/projects；申请人只含本人项目）`,
        en: `Download the project register (${format === 'gpkg' ? 'GeoPackage' : 'Shapefile'}; /api/projects filters; applicants get their own)`,
      },
      responses: { 200: { mediaType: FILE_TYPES[format] } },
    }, requireUser(), async (req, res, { query }) => {
      const filter = { ...parseRegisterFilter(req.query), limit: MAX_PAGE, offset: 0 };
      const { items } = await listProjects(db.pool, currentUser(req), filter, { withGeometry: true });
      const day = new Date().toISOString().slice(0, 10);
      const features: GeoJSON.Feature[] = items.map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: p.geometry!,
        properties: {
          projectId: p.id, name: p.name, applicant: p.applicant, owner: p.owner.username, type: p.project.type,
          status: p.status, verdict: p.verdict, township: p.township, recordVersion: p.version,
          lastCheckId: p.lastCheckId, areaM2: p.areaM2, decision: p.lastDecision?.decision ?? null,
          updatedAt: new Date(p.updatedAt).toISOString(),
        },
      }));
      const file = await exportDataset(db.pool, {
        id: 'project_register',
        fileName: `项目台账-${day}`,
        title: '项目台账',
        description: `项目台账 / Project register, ${day}`,
        features,
        metadata: { exportedAt: new Date().toISOString(), count: String(features.length) },
      }, format, crsOptions(query));
      send(res, file);
    });
  }
  return router;
}
