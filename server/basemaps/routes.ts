import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../http/api-route.ts';
import { recordAudit } from '../audit/audit.ts';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { OnlineBasemap } from '../config.ts';
import type { Queryable } from '../db/types.ts';
import { effectiveTiandituKey, setTiandituKey } from './tianditu-key.ts';
import { AppError, notFound } from '../http/errors.ts';

/**
 * 天地图 with the server's key (TIANDITU_KEY): the client learns only that a server key exists and
 * where to get the tiles; the tiles come through this proxy, so the key never reaches a browser
 * (and an anonymous visitor of a closed map gets nothing: /tiles is a map-read path).
 */
const TIANDITU_LAYERS = ['vec', 'cva', 'img', 'cia'] as const;
const TIANDITU_PROXY_TEMPLATE = '/tiles/basemap/tianditu/{layer}/{z}/{x}/{y}';
const DEFAULT_UPSTREAM =
  'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}';
const UPSTREAM_TIMEOUT_MS = 8000;
const MAX_TILE_BYTES = 2 * 1024 * 1024;

export interface BasemapConfig {
  /** TIANDITU_KEY from the environment; an administrator's key in the settings (with `db`) takes precedence. */
  tiandituKey?: string;
  /** Where an administrator's key is kept (app_settings); without it only TIANDITU_KEY counts. */
  db?: Queryable;
  /** Online basemaps the browser may load directly (ONLINE_BASEMAPS; the CSP allows just these hosts). */
  onlineBasemaps?: readonly OnlineBasemap[];
  /** Tile URL template of the 天地图 service ({s} {layer} {z} {x} {y} {key}); tests point it at a local server. */
  tiandituUpstream?: string;
}

const basemapsResponse = z.object({
  tianditu: z.object({
    serverKey: z.boolean(),
    /** Tile URL template of the proxy (with {layer} one of vec/cva/img/cia), null without a server key. */
    tiles: z.string().nullable(),
    layers: z.array(z.enum(TIANDITU_LAYERS)),
  }),
  /** Online basemaps the browser may load directly (the server's ONLINE_BASEMAPS): the others are blocked by its CSP. */
  online: z.array(z.enum(['tianditu', 'osm'])),
});

const tiandituKeyBody = z.object({
  /** The key (tk) of a 天地图 account of the bureau; null clears it (back to TIANDITU_KEY, if any). */
  key: z.string().trim().regex(/^[A-Za-z0-9]{8,64}$/, '天地图密钥应为 8–64 位字母或数字 / the key is 8–64 letters or digits').nullable(),
});
const tiandituKeyState = z.object({ serverKey: z.boolean(), source: z.enum(['settings', 'environment']).nullable() });

export function basemapsRouter(config: BasemapConfig): Router {
  const router = Router();
  const serverKey = async () =>
    config.db ? effectiveTiandituKey(config.db, config.tiandituKey) : { key: config.tiandituKey ?? null, source: config.tiandituKey ? ('environment' as const) : null };
  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/config/basemaps',
      tag: 'basemaps',
      summary: { zh: '底图配置：服务器是否配置了天地图密钥及瓦片代理地址', en: 'Basemap configuration: whether the server has a Tianditu key, and the tile proxy' },
      responses: { 200: basemapsResponse },
      access: 'public',
    },
    async (_req, res) => {
      const hasKey = Boolean((await serverKey()).key);
      res.json({
        tianditu: { serverKey: hasKey, tiles: hasKey ? TIANDITU_PROXY_TEMPLATE : null, layers: [...TIANDITU_LAYERS] },
        online: [...(config.onlineBasemaps ?? [])],
      });
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/tiles/basemap/tianditu/:layer/:z/:x/:y',
      tag: 'basemaps',
      summary: { zh: '天地图瓦片（经服务器密钥代理）', en: 'Tianditu tile (proxied with the server key)' },
      params: z
        .object({ layer: z.enum(TIANDITU_LAYERS), z: z.coerce.number().int().min(0).max(18), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) })
        .refine((p) => p.x < 2 ** p.z && p.y < 2 ** p.z, { message: 'x and y must be within the zoom level' }),
      responses: { 200: { mediaType: 'image/png' } },
      access: 'public',
    },
    async (_req, res, { params }) => {
      const { key } = await serverKey();
      if (!key) throw notFound('NO_TIANDITU_KEY', '服务器未配置天地图密钥', 'The server has no Tianditu key');
      const url = (config.tiandituUpstream ?? DEFAULT_UPSTREAM)
        .replace('{s}', String((params.x + params.y) % 8))
        .replaceAll('{layer}', params.layer)
        .replace('{z}', String(params.z))
        .replace('{x}', String(params.x))
        .replace('{y}', String(params.y))
        .replace('{key}', encodeURIComponent(key));
      let upstream: Response;
      try {
        upstream = await fetch(url, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      } catch {
        throw new AppError(502, 'TIANDITU_UNREACHABLE', { zh: '天地图服务无法访问（离线或超时）', en: 'The Tianditu service cannot be reached (offline or timed out)' });
      }
      const length = Number(upstream.headers.get('content-length') ?? 0);
      if (!upstream.ok || length > MAX_TILE_BYTES) {
        throw new AppError(502, 'TIANDITU_ERROR', { zh: `天地图服务返回错误（${upstream.status}）`, en: `The Tianditu service answered ${upstream.status}` });
      }
      const body = Buffer.from(await upstream.arrayBuffer());
      if (body.length > MAX_TILE_BYTES) throw new AppError(502, 'TIANDITU_ERROR', { zh: '天地图瓦片过大', en: 'The Tianditu tile is too large' });
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type(upstream.headers.get('content-type') ?? 'image/png').send(body);
    },
  );

  if (config.db) {
    const db = config.db;
    apiRoute(
      router,
      {
        method: 'put',
        path: '/api/admin/basemaps/tianditu-key',
        tag: 'basemaps',
        summary: { zh: '设置服务器天地图密钥（所有用户经服务器代理使用，密钥不下发浏览器）', en: 'Set the server’s Tianditu key (used by everyone through the proxy; never sent to browsers)' },
        body: tiandituKeyBody,
        responses: { 200: tiandituKeyState },
        access: 'admin',
      },
      requireUser('admin'),
      async (req, res, { body }) => {
        await setTiandituKey(db, body.key);
        // The audit says that the key changed, never the key.
        await recordAudit(db, { action: 'basemap.tianditu_key', actor: currentUser(req), detail: { set: body.key !== null }, ip: req.ip ?? null });
        const now = await serverKey();
        res.json({ serverKey: Boolean(now.key), source: now.source });
      },
    );
  }
  return router;
}
