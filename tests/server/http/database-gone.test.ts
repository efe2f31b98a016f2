import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';

/** An app whose one route fails with the given error, as a `pg` query or connect would. */
function failingWith(error: Error & { code?: string }) {
  const app = express();
  app.get('/x', () => {
    throw error;
  });
  app.use(errorMiddleware({ error: () => {} }));
  return app;
}
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('the database gone under a request: a 503 with Retry-After, not a 500', () => {
  it.each([
    ['a connection dropped (pg)', new Error('Connection terminated unexpectedly')],
    ['a socket reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a socket refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['PostgreSQL shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['PostgreSQL starting up', withCode('the database system is starting up', '57P03')],
    ['a connection failure', withCode('connection failure', '08006')],
    ['a statement the embedded database answered with nothing', withCode('no answer', '58000')],
  ])('%s', async (_what, error) => {
    const res = await request(failingWith(error)).get('/x');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.body.error.message.zh).toContain('数据库');
  });

  it('other database errors stay 500s', async () => {
    const res = await request(failingWith(withCode('duplicate key value', '23505'))).get('/x');
    expect(res.status).toBe(500);
  });
});
