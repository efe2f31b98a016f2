import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bbox, booleanWithin, polygon } from '@turf/turf';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { apiSession, logInThroughUi, settledVerdict } from './support/review.ts';
import { jumpTo, pixelsOf } from './support/site-panel.ts';

/**
 * Issue 19, "Done when" (browser): a reviewer opens a project from a link, sees the verdict table and
 * the conflicts before the decision box, downloads the attachment the applicant added, decides, and
 * Back returns to the register with its filter; at 390×844 the map takes most of the screen and a
 * site is drawn by touch and checked; a skip link reaches the map.
 */
const PASSWORD = 'desk-e2e-password';
const APPLICANT = 'e2e_desk_li';
const REVIEWER = 'e2e_desk_zhao';
const NAME = `花溪区某泵站（desk ${Date.now().toString(36)}）`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type Ring = [number, number][];
const square = ([lon, lat]: [number, number], d: number): Ring => [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A small square inside a 一级 water-source zone of the reference data. */
async function siteInZone(appUrl: string): Promise<Ring> {
  const zones = (await (await fetch(`${appUrl}/api/layers/water_source/features`)).json()) as GeoJSON.FeatureCollection;
  for (const zone of zones.features.filter((f) => f.properties?.level === 'grade1') as GeoJSON.Feature<GeoJSON.Polygon>[]) {
    const [w, s, e, n] = bbox(zone);
    for (let i = 1; i < 5; i++) {
      const ring = square([w + ((e - w) * i) / 5, s + ((n - s) * i) / 5], 0.0004);
      if (booleanWithin(polygon([ring]), zone)) return ring;
    }
  }
  throw new Error('no site inside a 一级 water-source zone');
}

/** Logs in over HTTP and returns the cookie and CSRF token (for the multipart upload). */
async function login(appUrl: string, username: string) {
  const res = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('redline_session='))!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

const isBefore = (page: Page, first: string, second: string) =>
  page.evaluate(
    ([a, b]) => {
      const x = document.querySelector(a)!;
      const y = document.querySelector(b)!;
      return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) && x.getBoundingClientRect().top < y.getBoundingClientRect().top;
    },
    [first, second] as const,
  );

describe("the reviewer's desk (issue 19)", () => {
  it('opens a project from a link: evidence before the decision, the applicant’s attachment downloads, decide, Back keeps the filter', async () => {
    const appUrl = inject('appUrl');
    const admin = await apiSession(appUrl, inject('admin').username, inject('admin').password);
    for (const [username, role] of [[APPLICANT, 'applicant'], [REVIEWER, 'reviewer']]) {
      const created = await admin.post('/api/users', { username, password: PASSWORD, role });
      expect([201, 409]).toContain(created.status);
    }
    // The applicant files a pump station in the zone, claims it is unavoidable, attaches the study and submits.
    const ring = await siteInZone(appUrl);
    const applicant = await login(appUrl, APPLICANT);
    const headers = { 'Content-Type': 'application/json', cookie: applicant.cookie, 'X-CSRF-Token': applicant.csrfToken };
    const created = await fetch(`${appUrl}/api/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: NAME,
        geometry: { type: 'Polygon', coordinates: [ring] },
        project: { type: 'industrial', dischargesPollutants: true, unavoidable: true },
        applicant: '花溪区水务局',
        builder: '花溪区水务投资有限公司',
        projectCode: '2026-520111-46-01-000001',
      }),
    });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: number };
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '不可避让论证.pdf');
    const uploaded = await fetch(`${appUrl}/api/projects/${project.id}/attachments`, { method: 'POST', headers: { cookie: applicant.cookie, 'X-CSRF-Token': applicant.csrfToken }, body: form });
    expect(uploaded.status).toBe(201);
    expect((await fetch(`${appUrl}/api/projects/${project.id}/submit`, { method: 'POST', headers, body: JSON.stringify({ version: 1 }) })).status).toBe(200);

    // The reviewer follows a link to the project: after login the page opens on it.
    const { page, consoleErrors } = await openWatchedPage(browser, `${appUrl}/projects/${project.id}`);
    await waitForMapIdle(page);
    await logInThroughUi(page, REVIEWER, PASSWORD);
    await page.waitForSelector(`[data-testid="project-page"][data-project-id="${project.id}"][data-status="submitted"]`, { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/projects/${project.id}`);

    // Evidence first: the verdict table (the water-source zone 禁止) and the claim, then the decision box.
    await page.waitForSelector('[data-testid="project-evidence"] [data-testid="result-table"] tr[data-layer="water_source"]');
    expect(await page.getAttribute('[data-testid="project-evidence"] tr[data-layer="water_source"]', 'data-verdict')).toBe('prohibited');
    await expect(page.locator('[data-testid="project-claims"] li[data-claim="unavoidable"]').textContent()).resolves.toContain('必须且无法避让');
    expect(await isBefore(page, '[data-testid="project-evidence"]', '.decision-box')).toBe(true);
    expect(await isBefore(page, '[data-testid="project-claims"]', '.decision-box')).toBe(true);
    // … and on the map: the overlap marked, the water-source layer switched on.
    const onMap = await page.waitForFunction(
      () => {
        const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
        const overlaps = map.getSource('site-overlaps') as { _data?: GeoJSON.FeatureCollection } | undefined;
        const layers = map.getStyle().layers.filter((l) => 'source' in l && String(l.source).startsWith('src:water_source') && map.getLayoutProperty(l.id, 'visibility') !== 'none');
        return overlaps && layers.length > 0 ? layers.length : null;
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await onMap.jsonValue()).toBeGreaterThan(0);
    await expect(page.locator('.project-facts').textContent()).resolves.toContain('2026-520111-46-01-000001');

    // The applicant's attachment downloads as sent.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="attachments"] [data-action="download-attachment"]')]);
    expect(download.suggestedFilename()).toBe('不可避让论证.pdf');
    expect(Buffer.compare(fs.readFileSync((await download.path())!), PDF)).toBe(0);

    // The reviewer asks a question with a marked-up scan: the file goes with the comment, listed under it.
    await page.fill('[data-testid="comment-body"]', '请补充隧道出口段的避让比选，见附图标注。');
    await page.setInputFiles('[data-testid="comment-files"]', { name: '出口段标注.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.click('[data-action="post-comment"]');
    const onComment = page.locator('.comment', { hasText: '请补充隧道出口段的避让比选' }).getByTestId('comment-attachments');
    await onComment.waitFor({ timeout: 30_000 });
    await expect(onComment.innerText()).resolves.toContain('出口段标注.pdf');
    const stored = (await (await fetch(`${appUrl}/api/projects/${project.id}/attachments`, { headers: { cookie: applicant.cookie } })).json()) as { fileName: string; commentId: number | null }[];
    expect(stored.find((a) => a.fileName === '出口段标注.pdf')?.commentId).toEqual(expect.any(Number));

    // To the register, filtered; open the project from it and decide.
    await page.click('[data-action="back-to-register"]');
    await page.selectOption('[data-filter="status"]', 'submitted');
    await page.fill('[data-filter="q"]', NAME);
    await page.waitForFunction((name) => new URL(location.href).searchParams.get('q') === name, NAME);
    const registerUrl = page.url();
    expect(new URL(registerUrl).searchParams.get('status')).toBe('submitted');
    await page.locator('.register-item', { hasText: NAME }).first().locator('[data-testid="open-project"]').click();
    await page.waitForSelector(`[data-testid="project-page"][data-project-id="${project.id}"]`);
    await page.fill('[data-testid="decision-comment"]', '经核实确属无法避让的民生工程，同意选址，须按论证落实生态补偿。');
    await page.click('[data-decision="approve"]');
    await page.waitForSelector('[data-testid="project-page"][data-status="approved"]', { timeout: 30_000 });

    // Back: the register with its filter; Forward: the project again.
    await page.goBack();
    await page.waitForSelector('[data-testid="register"]');
    expect(page.url()).toBe(registerUrl);
    expect(await page.inputValue('[data-filter="status"]')).toBe('submitted');
    expect(await page.inputValue('[data-filter="q"]')).toBe(NAME);
    await page.goForward();
    await page.waitForSelector(`[data-testid="project-page"][data-project-id="${project.id}"][data-status="approved"]`);
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('at 390×844 the map takes most of the screen, a site is drawn by touch and checked; the skip link reaches the map', async () => {
    const appUrl = inject('appUrl');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(appUrl);
    await waitForMapIdle(page);
    const mapBox = (await page.locator('#map-area').boundingBox())!;
    expect(mapBox.width).toBe(390);
    expect(mapBox.height).toBeGreaterThan(0.5 * 844);
    // The 示意 notice is one block across the map, not a column of characters.
    const notice = await page.locator('[data-testid="illustrative-notice"]').boundingBox();
    if (notice) expect(notice.width).toBeGreaterThan(200);
    await page.screenshot({ path: `${fs.mkdtempSync('/tmp/desk-phone-')}/phone.png` });

    // Skip link: the first tab stop, and it puts the focus on the map.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);

    // Draw a site by touch: tap the polygon tool, tap four corners and the first again.
    await page.locator('[data-testid="tab-check"]').tap();
    await page.waitForSelector('[data-tool="polygon"]:not([disabled])', { timeout: 30_000 });
    await jumpTo(page, [106.66, 26.42], 15);
    const centre = (await page.evaluate(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      const c = map.getCenter();
      return [c.lng, c.lat];
    })) as [number, number];
    await page.locator('[data-tool="polygon"]').tap();
    const pixels = await pixelsOf(page, square(centre, 0.001).slice(0, 4));
    for (const p of [...pixels, pixels[0]]) {
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForTimeout(150);
    }
    await page.waitForSelector('[data-tool="select"][aria-pressed="true"]', { timeout: 15_000 });
    const verdict = await settledVerdict(page);
    expect(['prohibited', 'conditional', 'notice', 'clear', 'outside_coverage']).toContain(verdict);
    await context.close();
  });
});
