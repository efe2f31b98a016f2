import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { reportRouter } from '../../../server/reports/routes.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { REPORT_INPUT } from '../../common/report/check-result-fixture.ts';

function app() {
  const a = express();
  a.use(express.json({ limit: '20mb' }));
  a.use(reportRouter());
  a.use(errorMiddleware({ error: () => undefined }));
  return a;
}

/** supertest parser that keeps a binary body as a Buffer. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('POST /api/report/*', () => {
  const savedPath = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = savedPath;
  });

  it('refuses a body without a site with a bilingual 400', async () => {
    const res = await request(app()).post('/api/report/csv').send({ project: { type: 'industrial' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REPORT_INPUT');
    expect(res.body.error.message.zh).toContain('选址几何');
  });

  it('refuses a check result sent in the body (it was printed as sent: issue 11 row 8)', async () => {
    for (const kind of ['csv', 'xlsx', 'pdf']) {
      const res = await request(app()).post(`/api/report/${kind}`).send(REPORT_INPUT);
      expect({ kind, status: res.status, code: res.body.error?.code }).toEqual({ kind, status: 422, code: 'RESULT_NOT_ACCEPTED' });
      expect(res.body.error.message.zh).toContain('核查结果');
    }
  });

  it('answers a 4xx, not 500, for a malformed rule list in the old body shape (rules: [{}])', async () => {
    const res = await request(app()).post('/api/report/pdf').send({ ...REPORT_INPUT, result: { ...REPORT_INPUT.result, results: [{ layerId: 'x', verdict: 'clear', rules: [{}] }] } });
    expect(res.status).toBe(422);
  });

  it('without a database a site cannot be checked: 503, not a report', async () => {
    const res = await request(app()).post('/api/report/csv').send({ geometry: { type: 'Point', coordinates: [106.6, 26.4] }, project: { type: 'industrial' } });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('REPORT_UNAVAILABLE');
  });

  it('refuses a map image that is not a PNG/JPEG data URL', async () => {
    const res = await request(app()).post('/api/report/csv').send({ ...REPORT_INPUT, mapImage: 'https://example.com/x.png' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('mapImage');
  });

});
