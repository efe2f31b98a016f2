import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type ServerProcess } from '../support/server-process.ts';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { apiSession, logInThroughUi, logOutThroughUi, settledVerdict } from './support/review.ts';
import { drawPolygonAtPixels, jumpTo, openSitePanel, pixelsOf } from './support/site-panel.ts';

/**
 * What one user leaves behind for the next, and what an anonymous visitor may see: a project found
 * by the search opens as a project (no pseudo layer in the permalink), 退出登录 empties the site
 * workspace, and a closed map (PUBLIC_MAP=false) shows its login screen instead of a map.
 */
const PASSWORD = 'session-e2e-password';
const REVIEWER = 'e2e_sb_wang';
const APPLICANT = 'e2e_sb_zhang';
const NEXT_APPLICANT = 'e2e_sb_li';
/** A demo project (geodata/demo-projects.geojson): reviewers see every project. */
const DEMO_PROJECT = '溪北社区综合服务中心';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await apiSession(inject('appUrl'), inject('admin').username, inject('admin').password);
  for (const [username, role] of [[REVIEWER, 'reviewer'], [APPLICANT, 'applicant'], [NEXT_APPLICANT, 'applicant']]) {
    const created = await admin.post('/api/users', { username, password: PASSWORD, role });
    expect([201, 409]).toContain(created.status);
  }
});
afterAll(() => browser?.close());

const permalinkLayers = (page: Page) => page.evaluate(() => new URLSearchParams(window.location.hash.slice(1)).get('layers')?.split(',') ?? []);

/** Features drawn by the site workspace on the whole map: terra-draw's shapes and the check's overlaps. */
const siteFeaturesOnMap = (page: Page) =>
  page.evaluate(() => {
    const map = window.__redlineMap!;
    const ids = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('td-') || id.startsWith('site-'));
    return map.queryRenderedFeatures(undefined, { layers: ids }).length;
  });

/** The workspace as a new user must find it: nothing drawn, nothing checked, nothing to undo. */
async function expectEmptyWorkspace(page: Page): Promise<void> {
  await openSitePanel(page);
  expect(await page.inputValue('[data-testid="site-name"]')).toBe('');
  expect(await page.getAttribute('[data-testid="site-panel"] [data-testid="verdict-badge"]', 'data-verdict')).toBe('none');
  expect(await page.locator('[data-testid="check-results"]').count()).toBe(0);
  expect(await page.locator('[data-testid="site-area-m2"]').count()).toBe(0);
  expect(await page.isDisabled('[data-action="undo"]')).toBe(true);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await siteFeaturesOnMap(page)).toBe(0);
}

describe('session boundaries in the browser', () => {
  it('a project found by the search opens on its page in the 项目 tab; `projects` never reaches the permalink', async () => {
    const appUrl = inject('appUrl');
    const { page, consoleErrors } = await openWatchedPage(browser, appUrl);
    await waitForMapIdle(page);
    await logInThroughUi(page, REVIEWER, PASSWORD);
    const layersBefore = await permalinkLayers(page);

    const input = page.getByTestId('search-input');
    await input.fill(DEMO_PROJECT);
    const projectHit = page.locator('[data-testid="search-hit"]', { has: page.locator('.hit-layer', { hasText: /^项目$/ }) });
    await projectHit.first().waitFor({ timeout: 15_000 });
    const expectedId = await page.evaluate(async (q) => {
      const body = await (await fetch(`/api/search?q=${encodeURIComponent(q)}`)).json();
      return body.results.find((r: { type: string; name: string }) => r.type === 'project' && r.name === q).projectId as number;
    }, DEMO_PROJECT);
    await projectHit.first().click();

    await page.waitForSelector(`[data-testid="project-page"][data-project-id="${expectedId}"]`, { timeout: 15_000 });
    expect(await page.getAttribute('[data-testid="tab-projects"]', 'aria-selected')).toBe('true');
    await expect(page.locator('.project-title').textContent()).resolves.toContain(DEMO_PROJECT);
    // The view's layers are what they were: no `projects`, nothing else switched on.
    await waitForMapIdle(page);
    const layersAfter = await permalinkLayers(page);
    expect(layersAfter).not.toContain('projects');
    expect(layersAfter).toEqual(layersBefore);
    expect(consoleErrors).toEqual([]);
  });

  it('退出登录 empties the site workspace: the next user finds no site, no check and nothing to undo', async () => {
    const appUrl = inject('appUrl');
    const { page, consoleErrors } = await openWatchedPage(browser, appUrl);
    await waitForMapIdle(page);
    await logInThroughUi(page, APPLICANT, PASSWORD);
    await openSitePanel(page);
    await page.fill('[data-testid="site-name"]', '张某的拟建地块');
    const centre: [number, number] = [106.67, 26.41];
    await jumpTo(page, centre, 16);
    const d = 0.0006;
    await drawPolygonAtPixels(page, await pixelsOf(page, [[centre[0] - d, centre[1] - d], [centre[0] + d, centre[1] - d], [centre[0] + d, centre[1] + d], [centre[0] - d, centre[1] + d]]));
    expect(['prohibited', 'conditional', 'notice', 'clear']).toContain(await settledVerdict(page));
    await page.waitForSelector('[data-testid="check-results"]');
    expect(await page.locator('[data-testid="site-area-m2"]').count()).toBe(1);
    expect(await siteFeaturesOnMap(page)).toBeGreaterThan(0);

    await logOutThroughUi(page);
    await expectEmptyWorkspace(page);
    // Another account logging in on the same browser finds it empty too.
    await logInThroughUi(page, NEXT_APPLICANT, PASSWORD);
    await expectEmptyWorkspace(page);
    expect(consoleErrors).toEqual([]);
  });
});

describe('closed map (PUBLIC_MAP=false)', () => {
  let server: ServerProcess;
  let dataDir: string;
  const ADMIN = { username: 'closed_admin', password: 'closed-admin-password' };
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-closed-'));
    // No reference data: the login screen is the subject, and the empty catalog still answers 200 after login.
    server = await spawnServer({
      DATA_DIR: dataDir, DATABASE_URL: '', PUBLIC_MAP: 'false', LOAD_REFERENCE_DATA: 'false',
      ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the login screen instead of the map, with no refused request; after login the map, after 退出登录 the screen again', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser, server.url);
    const api: { path: string; status: number }[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/')) api.push({ path: url.pathname, status: res.status() });
    });
    // Loaded again with every API response watched from the start.
    await page.reload();
    await page.waitForSelector('[data-testid="login-screen"]');
    expect(api.map((r) => r.path)).toContain('/api/auth/me');
    await expect(page.locator('[data-testid="login-screen"] h1').textContent()).resolves.toBe('生态红线一张图');
    await expect(page.locator('[data-testid="login-screen"]').textContent()).resolves.toContain('仅对登录用户开放');
    expect(await page.locator('[data-testid="map"]').count()).toBe(0);
    // The layer catalog is not even asked for, so nothing is refused.
    expect(api.filter((r) => r.status === 401)).toEqual([]);
    expect(api.map((r) => r.path)).not.toContain('/api/layers');

    // A wrong password is refused in place, in Chinese.
    await page.fill('[data-testid="login-username"]', ADMIN.username);
    await page.fill('[data-testid="login-password"]', 'wrong-password');
    await page.click('[data-testid="login-submit"]');
    await expect(page.locator('[data-testid="login-error"]').textContent()).resolves.toBe('用户名或密码错误');

    await page.fill('[data-testid="login-password"]', ADMIN.password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector(`[data-testid="auth-user"]:has-text("${ADMIN.username}")`);
    await page.waitForSelector('[data-testid="map"]');
    await waitForMapIdle(page);
    expect(await page.locator('[data-testid="login-screen"]').count()).toBe(0);
    const catalogStatuses = api.filter((r) => r.path === '/api/layers').map((r) => r.status);
    expect(catalogStatuses.length).toBeGreaterThan(0);
    expect(catalogStatuses.every((s) => s === 200)).toBe(true);

    await page.click('[data-testid="auth-user"]');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login-screen"]');
    expect(await page.locator('[data-testid="map"]').count()).toBe(0);
    // Failed logins and the wrong password above are the only refusals.
    expect(api.filter((r) => r.status === 401).map((r) => r.path)).toEqual(['/api/auth/login']);
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
