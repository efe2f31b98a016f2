import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_INPUT } from '../../common/report/check-result-fixture.ts';
import { openTestApp } from '../../support/test-app.ts';

/** Issue 18 item 5: the PDF as a filing document, read back with pdftotext; coordinates against PROJ cs2cs. */

// Reports of a site are checked anew on the server (issue 11 row 8): the app needs its database.
let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.close();
});
/** "20260501-1433": Beijing time (UTC+8) of a moment, as the report's file name writes it. */
const beijingStamp = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
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
    const input = REPORT_INPUT;
    const before = Date.now();
    const res = await request(t.app)
      .post('/api/report/pdf')
      .send({ geometry: input.result.site, project: input.project, siteName: input.siteName, lang: 'zh' })
      .buffer(true)
      .parse(binary);
    const after = Date.now();
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
    expect(text).toMatch(/第[一二三四五六七八九十百]+条/);
    expect(text).not.toMatch(/DWS1-PROHIBITED|[A-Z]{2,}-[A-Z0-9-]{3,}-(PROHIBITED|NEAR|TOUCH)/);

    // File name: project name and Beijing time (the server's clock; 06:33 UTC is 14:33 北京时间).
    expect(beijingStamp(Date.parse('2026-05-01T06:33:00Z'))).toBe('20260501-1433');
    const disposition = decodeURIComponent(String(res.headers['content-disposition']));
    const stamps = new Set([beijingStamp(before), beijingStamp(after)]);
    expect([...stamps].some((stamp) => disposition.includes(`${input.siteName}-选址核查报告-${stamp}.pdf`)), disposition).toBe(true);
  });
});
