import { z } from 'zod';
import { registeredApiRoutes, type ApiRouteSpec } from './api-route.ts';

/**
 * The OpenAPI document, generated from the operations declared with apiRoute (their zod schemas
 * become JSON Schema by z.toJSONSchema) — never written by hand. 3.1 for /api/openapi.json (the
 * whole API), 3.0 for /ogc/api (what the OGC API – Features "oas30" conformance class names).
 * Every operation lists its error responses in the one bilingual error shape.
 */
export interface OpenApiOptions {
  openapi: '3.0' | '3.1';
  /** Only operations whose path starts with this (e.g. "/ogc"); all when omitted. */
  pathPrefix?: string;
  serverUrl?: string;
}

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };

const ERROR_SCHEMA = {
  type: 'object',
  description: '错误（中英双语） / Error, bilingual',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'INVALID_INPUT' },
        message: {
          type: 'object',
          required: ['zh', 'en'],
          properties: { zh: { type: 'string' }, en: { type: 'string' } },
        },
        details: {},
      },
    },
  },
};

const ERROR_TEXT: Record<string, string> = {
  '400': '请求无效 / Bad request (invalid parameters or body)',
  '401': '需要登录 / Login required (or PUBLIC_MAP=false)',
  '403': '无权限或缺少 CSRF 令牌 / Forbidden (role, ownership or CSRF token)',
  '404': '不存在 / Not found',
  '413': '请求过大 / Payload too large',
  '429': '请求过于频繁（见 Retry-After） / Too many requests (see Retry-After)',
  default: '服务器错误（含请求编号） / Unexpected error (with a request id)',
};

/** Express "/api/projects/:id" → OpenAPI "/api/projects/{id}". */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

class SchemaConverter {
  readonly components: Record<string, Json> = {};
  constructor(private readonly target: 'openapi-3.0' | 'draft-2020-12') {}

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const out = z.toJSONSchema(schema, {
      target: this.target,
      io,
      unrepresentable: 'any',
      override: (ctx) => {
        const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
        if (def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      },
    }) as Json;
    delete out.$schema;
    const defs = (out.$defs ?? out.definitions) as Record<string, Json> | undefined;
    delete out.$defs;
    delete out.definitions;
    // Shared or recursive parts become components: a $ref is resolved against the whole document.
    const rewrite = (j: Json) => JSON.parse(JSON.stringify(j).replace(/"#\/(\$defs|definitions)\//g, '"#/components/schemas/')) as Json;
    for (const [name, def] of Object.entries(defs ?? {})) this.components[name] = rewrite(def);
    return rewrite(out);
  }
}

function parametersOf(spec: ApiRouteSpec, conv: SchemaConverter): Json[] {
  const params: Json[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = conv.convert(schema, 'input');
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((json.properties ?? {}) as Record<string, Json>)) {
      const { description, ...propSchema } = prop;
      params.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: propSchema,
      });
    }
  };
  add(spec.params, 'path');
  // Path parameters not described by a schema are still parameters of the path.
  for (const m of spec.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (!params.some((p) => p.in === 'path' && p.name === m[1])) params.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  add(spec.query, 'query');
  return params;
}

function requestBodyOf(spec: ApiRouteSpec, conv: SchemaConverter): Json | undefined {
  if (spec.upload) {
    const fields = spec.body ? conv.convert(spec.body, 'input') : { type: 'object', properties: {} };
    const props = { ...((fields.properties ?? {}) as Json), file: { type: 'string', format: 'binary' } };
    return {
      required: true,
      content: { 'multipart/form-data': { schema: { ...fields, type: 'object', properties: props, required: ['file', ...((fields.required as string[]) ?? [])] } } },
    };
  }
  if (!spec.body) return undefined;
  return { required: true, content: { 'application/json': { schema: conv.convert(spec.body, 'input') } } };
}

function responsesOf(spec: ApiRouteSpec, conv: SchemaConverter): Json {
  const responses: Json = {};
  for (const [status, out] of Object.entries(spec.responses)) {
    if (out instanceof z.ZodType) {
      responses[status] = { description: 'OK', content: { 'application/json': { schema: conv.convert(out, 'output') } } };
    } else {
      responses[status] = {
        description: out.description ?? 'OK',
        content: { [out.mediaType]: { schema: out.mediaType.includes('json') ? {} : { type: 'string', format: 'binary' } } },
      };
    }
  }
  const errors = ['400', '401'];
  if (spec.access && spec.access !== 'public') errors.push('403');
  if (spec.path.includes(':')) errors.push('404');
  if (spec.body || spec.upload) errors.push('413');
  errors.push('429', 'default');
  for (const code of errors) {
    responses[code] ??= { description: ERROR_TEXT[code], content: { 'application/json': { schema: ERROR_REF } } };
  }
  return responses;
}

const operationId = (spec: ApiRouteSpec) =>
  `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;

export function openApiDocument(options: OpenApiOptions, routes: ApiRouteSpec[] = registeredApiRoutes()): Json {
  const conv = new SchemaConverter(options.openapi === '3.0' ? 'openapi-3.0' : 'draft-2020-12');
  const paths: Record<string, Json> = {};
  const selected = routes
    .filter((r) => !options.pathPrefix || r.path === options.pathPrefix || r.path.startsWith(`${options.pathPrefix}/`))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const spec of selected) {
    const path = openApiPath(spec.path);
    const parameters = parametersOf(spec, conv);
    const requestBody = requestBodyOf(spec, conv);
    (paths[path] ??= {})[spec.method] = {
      operationId: operationId(spec),
      tags: [spec.tag],
      summary: `${spec.summary.zh} / ${spec.summary.en}`,
      ...(spec.access && spec.access !== 'public' ? { security: [{ session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(spec, conv),
    };
  }
  const tags = [...new Set(selected.map((r) => r.tag))].sort().map((name) => ({ name }));
  return {
    openapi: options.openapi === '3.0' ? '3.0.3' : '3.1.0',
    info: {
      title: options.pathPrefix === '/ogc' ? '生态红线一张图 OGC API – Features' : '生态红线一张图 Redline Map API',
      version: '1',
      description:
        '错误统一为 {error:{code, message:{zh,en}}}。写操作需登录（会话 Cookie）并在 X-CSRF-Token 头中携带登录返回的 csrfToken。 / ' +
        'Errors are always {error:{code, message:{zh,en}}}. Writes need a session cookie and the csrfToken from login in the X-CSRF-Token header.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags,
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA, ...conv.components },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'redline_session' } },
    },
  };
}
