import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoute, registeredApiRoutes } from '../../../server/http/api-route.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';

function appWithRoute() {
  const app = express();
  app.use(express.json());
  const router = express.Router();
  apiRoute(
    router,
    {
      method: 'post',
      path: '/api/test/:id',
      tag: 'test',
      summary: { zh: '测试', en: 'Test' },
      params: z.object({ id: z.coerce.number().int().positive() }),
      query: z.object({ mode: z.enum(['a', 'b']).default('a') }),
      body: z.object({ widthM: z.number().max(1000) }).strict(),
      responses: { 200: z.object({ ok: z.boolean() }) },
    },
    (_req, res, input) => {
      res.json({ id: input.params.id, mode: input.query.mode, widthM: input.body.widthM });
    },
  );
  app.use(router);
  app.use(errorMiddleware({ error: () => {} }));
  return app;
}

describe('apiRoute: schema-validated operations', () => {
  it('hands the handler typed, parsed values', async () => {
    const res = await request(appWithRoute()).post('/api/test/7?mode=b').send({ widthM: 12 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 7, mode: 'b', widthM: 12 });
  });

  it('answers a bilingual 400 naming the field, for each part of the request', async () => {
    const app = appWithRoute();
    const body = await request(app).post('/api/test/7').send({ widthM: 1e300 });
    expect(body.status).toBe(400);
    expect(body.body.error.code).toBe('INVALID_INPUT');
    expect(body.body.error.message.zh).toMatch(/^请求体 widthM：/);
    expect(body.body.error.message.en).toMatch(/^request body widthM: /);
    expect((await request(app).post('/api/test/0').send({ widthM: 1 })).status).toBe(400);
    expect((await request(app).post('/api/test/1?mode=z').send({ widthM: 1 })).body.error.message.en).toMatch(/^query mode/);
    expect((await request(app).post('/api/test/1').send({ widthM: 1, extra: true })).status).toBe(400);
  });

  it('records the operation for the OpenAPI document', () => {
    appWithRoute();
    expect(registeredApiRoutes().some((r) => r.method === 'post' && r.path === '/api/test/:id')).toBe(true);
  });
});
