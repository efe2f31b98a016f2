import express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { ImportPool } from '../../../server/importers/import-pool.ts';
import { importRouter } from '../../../server/importers/routes.ts';
import { MALFORMED_CASES } from './malformed-cases.ts';
import { fixture, fixtureText } from './support.ts';

const UPLOAD_LIMIT = 10 * 1024 * 1024;
const unexpected: unknown[] = [];
const app = express();
app.use(express.json());
const imports = new ImportPool();
afterAll(() => imports.close());
app.use(importRouter({ uploadLimitBytes: UPLOAD_LIMIT, imports }));
app.use(errorMiddleware({ error: (o) => unexpected.push(o) }));

function expectStandardError(res: request.Response, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toMatch(/^[A-Z_0-9]+$/);
  expect(res.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.message.en.length).toBeGreaterThan(0);
}

describe('POST /api/import', () => {
  it('imports a GBK 国土 TXT by content, whatever its (Chinese) file name', async () => {
    const res = await request(app).post('/api/import').attach('file', fixture('gdal/site-zone36-noprefix-gbk.txt'), '花溪地块.txt');
    expect(res.status).toBe(200);
    expect(res.body.crs).toEqual({ epsg: 4545, name: expect.stringContaining('CM 108E'), nameEn: 'CGCS2000 / 3-degree Gauss-Kruger CM 108E', nameZh: expect.stringContaining('中央经线108°') });
    // Each language on its own: no English in the Chinese name.
    expect(res.body.crs.nameZh).not.toMatch(/Gauss|Kruger|degree/);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.features.type).toBe('FeatureCollection');
    expect(res.body.features.features[0].properties['地块名称']).toBe('花溪示例用地甲（湿地公园配套）');
  });

  it('imports the rules.md example and a GDAL Shapefile zip', async () => {
    const txt = await request(app).post('/api/import').attach('file', fixture('guotu/example-parcel.txt'), 'example.txt');
    expect(txt.status).toBe(200);
    expect(txt.body.features.features[0].properties.name).toBe('花溪示例地块');
    const shp = await request(app).post('/api/import').attach('file', fixture('gdal/site-4545-gbk.zip'), 'site.zip');
    expect(shp.status).toBe(200);
    expect(shp.body.crs.epsg).toBe(4545);
    expect(shp.body.features.features).toHaveLength(2);
  });

  it('honours the crs, format, encoding and geometry fields', async () => {
    const text = fixtureText('guotu/example-parcel.txt').replace('带号=36\n', '').replace(/,36(\d{6}\.\d+)$/gm, ',$1');
    const res = await request(app)
      .post('/api/import')
      .field('crs', 'EPSG:4545')
      .field('format', 'txt')
      .field('encoding', 'utf-8')
      .attach('file', Buffer.from(text), 'x.dat');
    expect(res.status).toBe(200);
    expect(res.body.crs.epsg).toBe(4545);
    const gcj = await request(app).post('/api/import').field('crs', 'gcj02').field('geometry', 'points').attach('file', Buffer.from('lon,lat\n106.67,26.41\n'), 'p.csv');
    expect(gcj.status).toBe(200);
    expect(gcj.body.warnings.map((w: { code: string }) => w.code)).toContain('GCJ02_APPROXIMATE');
  });

  it.each(MALFORMED_CASES)('%s → 4xx in the standard format', async (_name, format, bytes, options) => {
    let req = request(app).post('/api/import').field('format', format);
    if (options?.crs) req = req.field('crs', `EPSG:${options.crs.epsg}`);
    const res = await req.attach('file', await bytes(), 'upload.bin');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectStandardError(res, res.status);
  });

  it('answers 413 for a file over the upload limit', async () => {
    const res = await request(app).post('/api/import').attach('file', Buffer.alloc(UPLOAD_LIMIT + 1, 0x20), 'big.txt');
    expectStandardError(res, 413);
  });

  it('answers 400 without a file, with a wrong field name, with two files, or with a broken multipart body', async () => {
    expectStandardError(await request(app).post('/api/import').send({ file: 'x' }), 400);
    expectStandardError(await request(app).post('/api/import').field('crs', '4524'), 400);
    expectStandardError(await request(app).post('/api/import').attach('upload', Buffer.from('x'), 'a.txt'), 400);
    expectStandardError(await request(app).post('/api/import').attach('file', Buffer.from('a'), 'a.txt').attach('file', Buffer.from('b'), 'b.txt'), 400);
    const broken = await request(app)
      .post('/api/import')
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a part');
    expectStandardError(broken, 400);
  });

  it('answers 400 for unknown crs, format or encoding values', async () => {
    const file = fixture('guotu/example-parcel.txt');
    expectStandardError(await request(app).post('/api/import').field('crs', 'EPSG:9999').attach('file', file, 'a.txt'), 400);
    expectStandardError(await request(app).post('/api/import').field('format', 'dwg').attach('file', file, 'a.txt'), 400);
    expectStandardError(await request(app).post('/api/import').field('encoding', 'big5').attach('file', file, 'a.txt'), 400);
  });

  it('never reached the 500 handler', () => {
    expect(unexpected).toEqual([]);
  });
});
