import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { reportRouter } from '../../../server/reports/routes.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { REPORT_INPUT } from '../../common/report/check-result-fixture.ts';

/** Issue 18 item 5: the PDF as a filing document, read back with pdftotext; coordinates against PROJ cs2cs. */

const app = () => express().use(express.json({ limit: '20mb' })).use(reportRouter()).use(errorMiddleware({ error: () => undefined }));
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
const hasTools = fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') && fs.existsSync('/usr/bin/pdftotext');

/** CGCS2000 lon/lat → EPSG:4524 (3° zone 36 with prefix) X (northing), Y (easting) by PROJ. */
function cs2csZone36(lon: number, lat: number): [number, number] {
  const out = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4490', 'EPSG:4524'], { input: `${lat} ${lon}\n` }).toString().trim().split(/\s+/);
  return [Number(out[0]), Number(out[1])];
}

describe.runIf(hasTools)('POST /api/report/pdf — a filing document', () => {
  it('holds the 界址点坐标表 within 0.01 m of PROJ, a report number on every page, no internal rule id, and a file name with the project and Beijing time', { timeout: 60_000 }, async () => {
    const input = { ...REPORT_INPUT, generatedAt: '2026-05-01T06:33:00.000Z' };
    const res = await request(app()).post('/api/report/pdf').send(input).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const file = path.join(dir, 'r.pdf');
    fs.writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();

    // 界址点坐标表: one row per vertex of the ring (closing point not repeated), X/Y with 3 decimals.
    expect(text).toContain('界址点坐标表');
    expect(text).toMatch(/第36带.*EPSG:4524/);
    const ring = (input.result.site as GeoJSON.Polygon).coordinates[0].slice(0, -1);
    const rows = [...text.matchAll(/^\s*(J\d+)\s+(\d+)\s+(\d{7}\.\d{3})\s+(\d{8}\.\d{3})\s*$/gm)];
    expect(rows.map((r) => r[1])).toEqual(ring.map((_, i) => `J${i + 1}`));
    ring.forEach(([lon, lat], i) => {
      const [x, y] = cs2csZone36(lon, lat);
      expect(Math.abs(Number(rows[i][3]) - x), `J${i + 1} X`).toBeLessThan(0.01);
      expect(Math.abs(Number(rows[i][4]) - y), `J${i + 1} Y`).toBeLessThan(0.01);
    });

    // The report number on every page (pages are separated by form feeds).
    const number = text.match(/报告编号[：\s]+(HXJC-\d{8}-[\w-]+)/)?.[1];
    expect(number).toBeDefined();
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect(page).toContain(number!);

    // The legal basis without internal rule ids.
    expect(text).toContain('第六十五条');
    expect(text).not.toMatch(/DWS1-PROHIBITED|[A-Z]{2,}-[A-Z0-9-]{3,}-(PROHIBITED|NEAR|TOUCH)/);

    // File name: project name and Beijing time (06:33 UTC = 14:33 北京时间).
    const disposition = decodeURIComponent(String(res.headers['content-disposition']));
    expect(disposition).toContain(`${input.siteName}-选址核查报告-20260501-1433.pdf`);
  });
});
