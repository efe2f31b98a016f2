import express from 'express';
import iconv from 'iconv-lite';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { exportRouter } from '../../../server/exporters/routes.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { sourceSite } from '../importers/support.ts';

const unexpected: unknown[] = [];
const app = express();
app.use(express.json({ limit: '5mb' }));
app.use(exportRouter());
app.use(errorMiddleware({ error: (o) => unexpected.push(o) }));

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const post = (query: string, body: unknown) => request(app).post(`/api/export?${query}`).send(body as object).buffer(true).parse(binary);

describe('POST /api/export', () => {
  const features = sourceSite();
  it.each([
    ['geojson', 'application/geo+json; charset=utf-8', 'geojson'],
    ['kml', 'application/vnd.google-earth.kml+xml; charset=utf-8', 'kml'],
    ['shp', 'application/zip', 'zip'],
    ['txt', 'text/plain; charset=utf-8', 'txt'],
    ['csv', 'text/csv; charset=utf-8', 'csv'],
  ])('format=%s → %s attachment with a UTF-8-safe file name', async (format, contentType, extension) => {
    const res = await post(`format=${format}`, { features, name: '花溪示例用地' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('花溪示例用地')}.${extension}`);
    // Tools that read only `filename` (curl -J, older GIS) get an ASCII name with the right extension, not "??????".
    expect(res.headers['content-disposition']).toContain(`filename=site.${extension};`);
    expect((res.body as Buffer).length).toBeGreaterThan(100);
  });

  it('takes a bare Feature or Geometry, and zone / prefix / encoding for the TXT', async () => {
    const res = await post('format=txt&zone=35&prefix=0&encoding=gbk', { features: features.features[0].geometry });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=GBK');
    const text = iconv.decode(res.body as Buffer, 'gbk');
    expect(text).toContain('带号=35');
    expect(text).toMatch(/\r\nJ1,1,\d{7}\.\d{3},\d{6}\.\d{3}\r\n/);
    const feature = await post('format=geojson', { features: features.features[1] });
    expect(JSON.parse((feature.body as Buffer).toString()).features[0].properties['编号']).toBe('HX-002');
  });

  it('answers 400 for a bad format, zone or body, and 422 for features that are not lon/lat GeoJSON', async () => {
    for (const [query, body, status] of [
      ['format=dwg', { features }, 400],
      ['', { features }, 400],
      ['format=txt&zone=abc', { features }, 400],
      ['format=txt&zone=99', { features }, 400],
      ['format=txt&zoneWidth=4', { features }, 400],
      ['format=geojson', {}, 400],
      ['format=geojson', { features, name: 42 }, 400],
      ['format=geojson', { features: { type: 'Polygon', coordinates: [[[1, 2]]] } }, 422],
      ['format=geojson', { features: { type: 'Point', coordinates: [36367301.81, 2922944.07] } }, 422],
      ['format=shp', { features: { type: 'FeatureCollection', features: [] } }, 422],
    ] as const) {
      const res = await request(app).post(`/api/export?${query}`).send(body);
      expect(res.status, `${query} ${JSON.stringify(body).slice(0, 60)}`).toBe(status);
      expect(res.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.message.en.length).toBeGreaterThan(0);
    }
    const malformed = await request(app).post('/api/export?format=kml').set('Content-Type', 'application/json').send('{"features":');
    expect(malformed.status).toBe(400);
    expect(unexpected).toEqual([]);
  });
});
