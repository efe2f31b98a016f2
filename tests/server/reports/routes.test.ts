import fs from 'node:fs';
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

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');

describe('POST /api/report/*', () => {
  const savedPath = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = savedPath;
  });

  it('refuses a body without a check result with a bilingual 400', async () => {
    const res = await request(app()).post('/api/report/csv').send({ project: { type: 'industrial' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REPORT_INPUT');
    expect(res.body.error.message.zh).toContain('核查结果');
  });

  it('refuses a map image that is not a PNG/JPEG data URL', async () => {
    const res = await request(app()).post('/api/report/csv').send({ ...REPORT_INPUT, mapImage: 'https://example.com/x.png' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('mapImage');
  });

  it('CSV download with a UTF-8 file name', async () => {
    const res = await request(app()).post('/api/report/csv').send(REPORT_INPUT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('选址核查报告')}`);
    expect(res.text).toContain('一级保护区');
  });

  it('XLSX download is a zip (Office Open XML)', async () => {
    const res = await request(app()).post('/api/report/xlsx').send(REPORT_INPUT).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 503 with a bilingual message when Chromium is absent', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const res = await request(app()).post('/api/report/pdf').send(REPORT_INPUT);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('PDF_UNAVAILABLE');
    expect(res.body.error.message.zh).toContain('打印');
    expect(res.body.error.message.en).toContain('Chromium');
  });

  it.skipIf(!hasChromium)('renders a PDF with Chromium', async () => {
    const res = await request(app()).post('/api/report/pdf').send(REPORT_INPUT).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 60_000);
});
