import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Router } from 'express';
import { apiRoute } from './api-route.ts';
import { openApiDocument } from './openapi.ts';

/** Redoc's standalone bundle, served from node_modules: the API page works offline (no CDN). */
const REDOC_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js');

/**
 * The one asset the bundle fetches from a CDN is the Redocly logo in the menu's footer
 * (cdn.redoc.ly): it is pointed at a local copy, so the page loads nothing from another host. The
 * bundle is read and rewritten once, on first request.
 */
const CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const LOCAL_LOGO = '/api/docs/logo-mini.svg';
let redocBundle: string | undefined;
function redocBundleOffline(): string {
  redocBundle ??= readFileSync(REDOC_JS, 'utf8').replaceAll(CDN_LOGO, LOCAL_LOGO);
  return redocBundle;
}

/** A plain document mark in place of the remote logo (drawn here: nothing to download). */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16"><path d="M3 1h7l3 3v11H3z" fill="none" stroke="#32329f" stroke-width="1.2"/><path d="M5 7h6M5 9.5h6M5 12h4" stroke="#32329f" stroke-width="1.2"/></svg>`;

/** System fonts (Chinese first): Redoc's defaults name Roboto and Montserrat, which a page offline does not have. */
const FONTS = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>生态红线一张图 API · Redline Map API</title></head>
<body><div id="redoc"></div>
<script src="/api/docs/redoc.standalone.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

// In a file of its own: the Content-Security-Policy allows no inline script.
const INIT = `Redoc.init('/api/openapi.json', {
  expandResponses: '200',
  jsonSampleExpandLevel: 3,
  theme: { typography: { fontFamily: ${JSON.stringify(FONTS)}, headings: { fontFamily: ${JSON.stringify(FONTS)} }, code: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } } },
}, document.getElementById('redoc'));`;

/** GET /api/openapi.json (OpenAPI 3.1 of every operation declared with apiRoute) and GET /api/docs (the readable page). */
export function apiDocsRouter(): Router {
  const router = Router();
  apiRoute(router, {
    method: 'get', path: '/api/openapi.json', tag: 'docs', access: 'public',
    summary: { zh: '本 API 的 OpenAPI 3.1 描述', en: 'OpenAPI 3.1 description of this API' },
    responses: { 200: { mediaType: 'application/json', description: 'OpenAPI 3.1 document' } },
  }, (req, res) => {
    // The document is built on each request: operations register as routers are created.
    res.json(openApiDocument({ openapi: '3.1', serverUrl: `${req.protocol}://${req.get('host')}` }));
  });
  apiRoute(router, {
    method: 'get', path: '/api/docs', tag: 'docs', access: 'public',
    summary: { zh: 'API 文档页面（离线）', en: 'API reference page (offline)' },
    responses: { 200: { mediaType: 'text/html' } },
  }, (_req, res) => {
    res.type('html').send(PAGE);
  });
  apiRoute(router, {
    method: 'get', path: '/api/docs/init.js', tag: 'docs', access: 'public',
    summary: { zh: 'API 文档页面的脚本', en: 'Script of the API reference page' },
    responses: { 200: { mediaType: 'text/javascript' } },
  }, (_req, res) => {
    res.type('text/javascript').send(INIT);
  });
  apiRoute(router, {
    method: 'get', path: '/api/docs/redoc.standalone.js', tag: 'docs', access: 'public',
    summary: { zh: 'API 文档页面的 Redoc 脚本（随 npm 包提供）', en: 'Redoc bundle of the API reference page (shipped in its npm package)' },
    responses: { 200: { mediaType: 'text/javascript' } },
  }, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('text/javascript').send(redocBundleOffline());
  });
  apiRoute(router, {
    method: 'get', path: LOCAL_LOGO, tag: 'docs', access: 'public',
    summary: { zh: 'API 文档页面的图标（本地）', en: 'Icon of the API reference page (local)' },
    responses: { 200: { mediaType: 'image/svg+xml' } },
  }, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(LOGO_SVG);
  });
  return router;
}
