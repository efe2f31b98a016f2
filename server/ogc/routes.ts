import { Router, type Request, type Response } from 'express';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { notFound } from '../http/errors.ts';
import { notAuthenticated } from '../auth/roles.ts';
import { getLayer, listLayers, type LayerInfo } from '../layers/catalog.ts';
import { openApiDocument } from '../http/openapi.ts';
import { CRS84, collectionCrsList, parseCrs, parseOgcBbox, type OgcCrs } from './crs.ts';
import { layerItem, layerItems, type ItemsPage } from './items.ts';
import { REGISTER_COLLECTION, registerExtent, registerItem, registerItems } from './register-items.ts';
import {
  collectionParams, collectionSchema, collectionsSchema, conformanceSchema, docQuery, featureCollectionSchema,
  featureSchema, itemParams, itemQuery, itemsQuery, landingSchema,
} from './schemas.ts';

/**
 * OGC API – Features at /ogc: Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference),
 * over the layer catalog (every layer, its current version) and, for a logged-in user, the
 * project register with /api/projects' access rules. Who may read follows PUBLIC_MAP like the
 * rest of the map (/ogc is in MAP_READ_PATHS). GDAL's OAPIF driver — and so QGIS — reads it.
 */
const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}/ogc`;

type Extent = [number, number, number, number] | null;

function describe(base: string, id: string, title: string, description: string, extent: Extent) {
  const url = `${base}/collections/${encodeURIComponent(id)}`;
  return {
    id,
    title,
    description,
    itemType: 'feature' as const,
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    crs: collectionCrsList(extent),
    storageCrs: CRS84,
    links: [
      { href: url, rel: 'self', type: JSON_TYPE, title },
      { href: `${url}/items`, rel: 'items', type: GEOJSON, title },
    ],
  };
}

const describeLayer = (base: string, layer: LayerInfo) =>
  describe(
    base,
    layer.id,
    layer.nameZh,
    `${layer.nameEn}${layer.illustrative ? ' — 示意数据，非法定成果 (illustrative data, not the legal record)' : ''}; version ${layer.version ?? '—'}`,
    layer.bbox,
  );

const registerTitle = { zh: '项目台账', en: 'Project register (projects you may see, their site and last verdict)' };

function itemsBody(req: Request, page: ItemsPage, limit: number, offset: number) {
  const self = new URL(`${req.protocol}://${req.get('host')}${req.originalUrl}`);
  const at = (o: number) => {
    const u = new URL(self);
    u.searchParams.set('offset', String(o));
    u.searchParams.set('limit', String(limit));
    return u.toString();
  };
  const links = [{ href: self.toString(), rel: 'self', type: GEOJSON }];
  if (offset + page.features.length < page.numberMatched) links.push({ href: at(offset + limit), rel: 'next', type: GEOJSON });
  if (offset > 0) links.push({ href: at(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON });
  return {
    type: 'FeatureCollection' as const,
    features: page.features,
    numberMatched: page.numberMatched,
    numberReturned: page.features.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

function sendFeatures(res: Response, crs: OgcCrs, body: unknown) {
  res.setHeader('Content-Crs', `<${crs.uri}>`);
  res.type(GEOJSON).send(JSON.stringify(body));
}

const unknownCollection = (id: string) =>
  notFound('UNKNOWN_COLLECTION', `集合不存在：${id.slice(0, 100)}`, `Unknown collection: ${id.slice(0, 100)}`);

const unknownFeature = (id: string) =>
  notFound('UNKNOWN_FEATURE', `要素不存在：${id.slice(0, 200)}`, `Unknown feature: ${id.slice(0, 200)}`);

export function ogcRouter(db: Database): Router {
  const router = Router();
  const tag = 'ogc';

  /** The layer behind a collection id, or a 404 (an unknown layer id reads as an unknown collection). */
  async function layerOf(id: string): Promise<LayerInfo> {
    try {
      return await getLayer(db.pool, id);
    } catch {
      throw unknownCollection(id);
    }
  }

  apiRoute(router, {
    method: 'get', path: '/ogc', tag, access: 'public', query: docQuery,
    summary: { zh: 'OGC API – Features 入口页', en: 'OGC API – Features landing page' },
    responses: { 200: landingSchema },
  }, (req, res) => {
    const base = baseUrl(req);
    res.json({
      title: '生态红线一张图 OGC API – Features',
      description: 'Redline Map: every control layer of the catalog and the project register (logged-in users). CRS: CRS84, EPSG:4490, CGCS2000 3° Gauss-Krüger.',
      links: [
        { href: base, rel: 'self', type: JSON_TYPE, title: 'this document' },
        { href: `${base}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'OpenAPI 3.0' },
        { href: `${req.protocol}://${req.get('host')}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'API reference' },
        { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'collections' },
      ],
    });
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/conformance', tag, access: 'public', query: docQuery,
    summary: { zh: '符合的标准类', en: 'Conformance classes' },
    responses: { 200: conformanceSchema },
  }, (_req, res) => {
    res.json({ conformsTo: CONFORMANCE });
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/api', tag, access: 'public', query: docQuery,
    summary: { zh: 'OGC API 的 OpenAPI 3.0 描述', en: 'OpenAPI 3.0 description of the OGC API' },
    responses: { 200: { mediaType: 'application/vnd.oai.openapi+json;version=3.0' } },
  }, (req, res) => {
    const doc = openApiDocument({ openapi: '3.0', pathPrefix: '/ogc', serverUrl: `${req.protocol}://${req.get('host')}` });
    res.type('application/vnd.oai.openapi+json;version=3.0').send(JSON.stringify(doc));
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/collections', tag, access: 'public', query: docQuery,
    summary: { zh: '全部集合（图层目录；登录后另有项目台账）', en: 'All collections (the layer catalog; the project register when logged in)' },
    responses: { 200: collectionsSchema },
  }, async (req, res) => {
    const base = baseUrl(req);
    const collections = (await listLayers(db.pool)).map((layer) => describeLayer(base, layer));
    if (req.auth) {
      const extent = await registerExtent(db.pool, req.auth.user);
      collections.push(describe(base, REGISTER_COLLECTION, registerTitle.zh, registerTitle.en, extent));
    }
    res.json({
      collections,
      crs: [...new Set(collections.flatMap((c) => c.crs))],
      links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE }],
    });
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/collections/:collectionId', tag, access: 'public', params: collectionParams, query: docQuery,
    summary: { zh: '一个集合的描述（范围、坐标系）', en: 'One collection (extent, CRS list)' },
    responses: { 200: collectionSchema },
  }, async (req, res, { params }) => {
    const base = baseUrl(req);
    if (params.collectionId === REGISTER_COLLECTION) {
      if (!req.auth) throw notAuthenticated();
      const extent = await registerExtent(db.pool, req.auth.user);
      res.json(describe(base, REGISTER_COLLECTION, registerTitle.zh, registerTitle.en, extent));
      return;
    }
    res.json(describeLayer(base, await layerOf(params.collectionId)));
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/collections/:collectionId/items', tag, access: 'public', params: collectionParams, query: itemsQuery,
    summary: { zh: '集合的要素（分页、bbox、坐标系）', en: 'Features of a collection (paging, bbox, CRS)' },
    responses: { 200: featureCollectionSchema },
  }, async (req, res, { params, query }) => {
    const id = params.collectionId;
    const isRegister = id === REGISTER_COLLECTION;
    if (isRegister && !req.auth) throw notAuthenticated();
    const layer = isRegister ? undefined : await layerOf(id);
    const extent = isRegister ? await registerExtent(db.pool, req.auth!.user) : layer!.bbox;
    const offered = collectionCrsList(extent);
    const crs = parseCrs(query.crs, offered, 'crs');
    const bboxCrs = parseCrs(query['bbox-crs'], offered, 'bbox-crs');
    const q = { bbox: parseOgcBbox(query.bbox, bboxCrs), bboxCrs, crs, limit: query.limit, offset: query.offset };
    const page = isRegister
      ? await registerItems(db.pool, req.auth!.user, q)
      : layer!.version === null
        ? { features: [], numberMatched: 0 }
        : await layerItems(db.pool, layer!.id, layer!.version, q);
    sendFeatures(res, crs, itemsBody(req, page, q.limit, q.offset));
  });

  apiRoute(router, {
    method: 'get', path: '/ogc/collections/:collectionId/items/:featureId', tag, access: 'public', params: itemParams, query: itemQuery,
    summary: { zh: '一个要素', en: 'One feature' },
    responses: { 200: featureSchema },
  }, async (req, res, { params, query }) => {
    const id = params.collectionId;
    let feature: GeoJSON.Feature | undefined;
    let crs: OgcCrs;
    if (id === REGISTER_COLLECTION) {
      if (!req.auth) throw notAuthenticated();
      crs = parseCrs(query.crs, collectionCrsList(await registerExtent(db.pool, req.auth.user)), 'crs');
      const projectId = Number(params.featureId);
      if (Number.isSafeInteger(projectId) && projectId > 0) feature = await registerItem(db.pool, req.auth.user, projectId, crs);
    } else {
      const layer = await layerOf(id);
      crs = parseCrs(query.crs, collectionCrsList(layer.bbox), 'crs');
      if (layer.version !== null) feature = await layerItem(db.pool, layer.id, layer.version, params.featureId, crs);
    }
    if (!feature) throw unknownFeature(params.featureId);
    const url = `${baseUrl(req)}/collections/${encodeURIComponent(id)}`;
    sendFeatures(res, crs, {
      ...feature,
      links: [
        { href: `${url}/items/${encodeURIComponent(params.featureId)}`, rel: 'self', type: GEOJSON },
        { href: url, rel: 'collection', type: JSON_TYPE },
      ],
    });
  });

  return router;
}
