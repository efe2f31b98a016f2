import { asciiFallbackName, setDownload } from '../http/download.ts';
import { Router } from 'express';
import { apiRoute } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { exportBody, exportQuery } from '../../common/api/exchange.ts';
import { parseEncodingOption } from '../importers/index.ts';
import { EXPORT_FORMATS, exportSite, type ExportFormat } from './index.ts';
import type { ExportOptions } from './types.ts';

/**
 * POST /api/export?format=geojson|kml|shp|txt|csv[&zone=36][&zoneWidth=3|6][&prefix=0][&encoding=gbk]
 * with a JSON body { features: FeatureCollection | Feature | Geometry (EPSG:4326), name? } → the
 * file as an attachment. Relies on the app's express.json() for the body.
 */
const FORMAT_ALIASES: Record<string, ExportFormat> = { geojson: 'geojson', json: 'geojson', kml: 'kml', shp: 'shp', shapefile: 'shp', zip: 'shp', txt: 'txt', 'guotu-txt': 'txt', csv: 'csv' };

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined;

function parseFormat(v: unknown): ExportFormat {
  const format = FORMAT_ALIASES[String(single(v) ?? '').toLowerCase()];
  if (!format)
    throw badRequest('UNSUPPORTED_FORMAT', `format 应为 ${EXPORT_FORMATS.join('、')} 之一。`, `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
  return format;
}

function parseIntParam(v: unknown, name: string): number | undefined {
  const s = single(v);
  if (s === undefined || s === '') return undefined;
  if (!/^\d{1,3}$/.test(s)) throw badRequest('BAD_PARAMETER', `${name} 应为整数（收到“${s}”）。`, `${name} must be an integer (got "${s}").`);
  return Number(s);
}

function parseOptions(query: Record<string, unknown>, body: Record<string, unknown>): ExportOptions {
  const width = parseIntParam(query.zoneWidth, 'zoneWidth');
  if (width !== undefined && width !== 3 && width !== 6) throw badRequest('BAD_PARAMETER', 'zoneWidth 应为 3 或 6。', 'zoneWidth must be 3 or 6.');
  const prefix = single(query.prefix);
  if (body.name !== undefined && typeof body.name !== 'string') throw badRequest('BAD_PARAMETER', 'name 应为字符串。', 'name must be a string.');
  return {
    zone: parseIntParam(query.zone, 'zone'),
    zoneWidthDeg: width as 3 | 6 | undefined,
    zonePrefix: prefix === undefined ? undefined : !/^(0|false|no)$/i.test(prefix),
    encoding: parseEncodingOption(single(query.encoding)),
    name: body.name as string | undefined,
  };
}

export function exportRouter(): Router {
  const router = Router();
  apiRoute(router, { method: 'post', path: '/api/export', tag: 'exchange', access: 'public', summary: { zh: '导出选址文件（GeoJSON、KML、Shapefile、国土 TXT、CSV）', en: 'Export the site as a file (GeoJSON, KML, Shapefile, land-survey TXT, CSV)' }, query: exportQuery, body: exportBody, responses: { 200: { mediaType: 'application/octet-stream', description: '文件（附件） / The file (attachment)' } } }, async (req, res) => {
    const format = parseFormat(req.query.format);
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('MISSING_BODY', '请求体应为 JSON：{ features, name? }。', 'The body must be JSON: { features, name? }.');
    const file = await exportSite(format, (body as Record<string, unknown>).features, parseOptions(req.query, body as Record<string, unknown>));
    setDownload(res, undefined, file.filename, asciiFallbackName(file.filename, 'site'));
    res.type(file.contentType);
    res.send(file.body);
  });
  return router;
}
