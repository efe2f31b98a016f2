import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { apiRoute } from './api-route.ts';
import { openApiDocument } from './openapi.ts';

/** Scalar's browser bundle, served from node_modules: the API page works offline (no CDN). */
const SCALAR_DIR = path.join(path.dirname(fileURLToPath(import.meta.resolve('@scalar/api-reference'))), 'browser');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>生态红线一张图 API · Redline Map API</title></head>
<body><div id="api-reference"></div>
<script src="/api/docs/assets/standalone.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

// In a file of its own: the Content-Security-Policy allows no inline script.
const INIT = `Scalar.createApiReference('#api-reference', {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
});`;

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
  router.use('/api/docs/assets', express.static(SCALAR_DIR, { index: false, maxAge: '1d', fallthrough: false }));
  return router;
}
