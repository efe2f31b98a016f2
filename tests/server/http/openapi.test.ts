import SwaggerParser from '@apidevtools/swagger-parser';
import type { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { registeredApiRoutes } from '../../../server/http/api-route.ts';
import { openApiDocument, openApiPath } from '../../../server/http/openapi.ts';

/**
 * The OpenAPI document is generated from the apiRoute registry. It must be valid OpenAPI (checked
 * by swagger-parser, an outside validator) and cover every route the Express app registers
 * (enumerated from the router stack, not from the registry).
 */
// Routers only keep the handle at construction; no query runs in these tests.
const app = createApp({ config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' }, db: {} as Database, log: createLogger('silent') });

interface StackLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/** Every METHOD path of the app: route layers of the app's router and of the routers mounted on it. */
function expressRoutes(): string[] {
  const out: string[] = [];
  const walk = (stack: StackLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: Router & { stack: StackLayer[] } }).router.stack);
  return [...new Set(out)].sort();
}

function documented(doc: Record<string, unknown>): Set<string> {
  const paths = doc.paths as Record<string, Record<string, unknown>>;
  return new Set(Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
}

describe('OpenAPI document', () => {
  it('/api/openapi.json is valid OpenAPI 3.1 (swagger-parser) with the bilingual error shape on every operation', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc));
    const ops = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(5);
    for (const op of ops) expect(op.responses['400'] ?? op.responses.default).toBeDefined();
    expect(doc.components.schemas.Error.properties.error.properties.message.required).toEqual(['zh', 'en']);
  });

  it('/ogc/api is valid OpenAPI 3.0 describing the OGC endpoints with their parameters', async () => {
    const doc = (await request(app).get('/ogc/api').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\.0\./);
    await SwaggerParser.validate(structuredClone(doc));
    const items = doc.paths['/ogc/collections/{collectionId}/items'].get;
    const names = items.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['collectionId', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs']));
    const limit = items.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema.maximum).toBe(10000);
  });

  /** Routes the app registers outside the document: every route that is not declared with apiRoute. */
  function undocumented(): string[] {
    const have = documented(openApiDocument({ openapi: '3.1' }));
    return expressRoutes().filter((r) => {
      const [method, path] = r.split(' ');
      return !have.has(`${method} ${openApiPath(path)}`);
    });
  }

  // Every route the Express app registers (walked from its router stack, not read from the registry)
  // is in the document: a route added with plain router.get/post fails here.
  it('covers the check, import, layers and projects APIs and every other route the app registers', () => {
    expect(expressRoutes().length).toBeGreaterThan(60);
    expect(undocumented()).toEqual([]);
    const have = documented(openApiDocument({ openapi: '3.1' }));
    for (const p of ['/api/check', '/api/import', '/api/layers', '/api/projects']) expect([...have].some((op) => op.endsWith(` ${p}`)), p).toBe(true);
    for (const op of ['GET /ogc/collections/{collectionId}/items', 'GET /api/layers/{id}/export', 'GET /api/rules.csv', 'GET /api/openapi.json', 'GET /tiles/{layerId}/{z}/{x}/{file}']) {
      expect(have.has(op), op).toBe(true);
    }
  });

  it('the coverage check fails when a registered route is left out of the document', () => {
    const all = registeredApiRoutes();
    const dropped = all.find((r) => r.path === '/api/projects/:id/comments' && r.method === 'post')!;
    const have = documented(openApiDocument({ openapi: '3.1' }, all.filter((r) => r !== dropped)));
    const missing = expressRoutes().filter((r) => {
      const [method, path] = r.split(' ');
      return !have.has(`${method} ${openApiPath(path)}`);
    });
    expect(missing).toEqual(['POST /api/projects/:id/comments']);
  });

  it('the API page is served offline: HTML, Redoc from node_modules, nothing loaded from another host', async () => {
    const page = await request(app).get('/api/docs').expect(200);
    expect(page.text).not.toMatch(/https?:\/\//);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toContain('/api/docs/redoc.standalone.js');
    for (const src of scripts) {
      expect(src).toMatch(/^\/[^/]/); // same origin
      const js = await request(app).get(src).expect(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      // What a script would fetch: an image/script/style source or a stylesheet URL on another host.
      // (Matches, not the text, in the assertion: a failure names the URL instead of printing the bundle.)
      expect(js.text.match(/(src|href):\s*"https?:\/\/[^"]+\.(svg|png|jpe?g|gif|css|js|woff2?)"/g) ?? []).toEqual([]);
      expect(js.text.match(/cdn\.redoc\.ly[^"]*|fonts\.googleapis[^"]*|fonts\.gstatic[^"]*/g) ?? []).toEqual([]);
      for (const local of js.text.match(/"\/api\/docs\/[A-Za-z0-9._-]+"/g) ?? []) await request(app).get(JSON.parse(local)).expect(200);
    }
    expect(openApiPath('/api/projects/:id/comments/:commentId')).toBe('/api/projects/{id}/comments/{commentId}');
  });
});

describe('the check result in the OpenAPI document (issue 17 review, q)', () => {
  it('POST /api/check describes its 200 body field by field: verdicts, layer results, fired rules with their basis', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    const schema = doc.paths['/api/check'].post.responses['200'].content['application/json'].schema;
    expect(schema.type).toBe('object');
    expect(schema.properties.verdict.enum).toEqual(['prohibited', 'conditional', 'notice', 'clear', 'outside_coverage']);
    expect(schema.required).toEqual(expect.arrayContaining(['verdict', 'siteAreaM2', 'results', 'layerVersions', 'site', 'avoidance']));
    const layer = schema.properties.results.items;
    expect(layer.properties.relation.enum).toEqual(['overlaps', 'touches', 'near', 'outside']);
    expect(layer.properties.rules.items.properties.basis.properties.inForce.enum).toEqual(['in_force', 'lapsed', 'not_yet', 'unconfirmed']);
  });

  it('a project, a stored check run and a comment are described field by field too', async () => {
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body;
    const body = (path: string, method: string, status: string) => doc.paths[path][method].responses[status].content['application/json'].schema;
    const runs = body('/api/projects/{id}/checks', 'get', '200');
    expect(runs.items.properties.reason.enum).toEqual(['save', 'submission', 'layer_update']);
    expect(runs.items.properties.result.properties.verdict.enum).toContain('prohibited');
    const comment = body('/api/projects/{id}/comments', 'post', '201');
    expect(comment.properties.author.required).toEqual(['id', 'username', 'role']);
    const project = body('/api/projects/{id}', 'get', '200');
    expect(project.properties.status.enum).toEqual(['draft', 'submitted', 'approved', 'rejected', 'revision_requested']);
    expect(project.properties.project.required).toContain('dischargesPollutants');
  });
});
