import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bbox, booleanWithin, length, pointOnFeature, polygon } from '@turf/turf';
import type { CheckResult } from '../../common/api/check-result.ts';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';
import { apiSession, logInThroughUi, logOutThroughUi, openProjectByName, settledVerdict, waitForProjectStatus } from './support/review.ts';
import { drawPolygonAtPixels, jumpTo, openSitePanel, pixelsOf } from './support/site-panel.ts';

/**
 * Issue 7, "Done when": applicant draws and submits → reviewer asks for revision with a comment →
 * applicant moves the site out of the conflict and resubmits → reviewer approves; the audit lists
 * every step; the report with the decision downloads. All through the UI with real mouse clicks.
 * Screenshots (1366×768) of the register, the project page and the dashboard go to docs/ with
 * UPDATE_SCREENSHOTS=1, else to a temporary directory (printed).
 */
const outDir = process.env.UPDATE_SCREENSHOTS ? path.resolve('docs') : fs.mkdtempSync(path.join(os.tmpdir(), 'redline-review-shots-'));
const PASSWORD = 'review-e2e-password';
const APPLICANT = 'e2e_zhang';
const REVIEWER = 'e2e_wang';
const PROJECT = { type: 'industrial', dischargesPollutants: true };
const NAME = `花溪区某精细化工厂（e2e ${Date.now().toString(36)}）`;
const REVISE_COMMENT = '选址位于饮用水水源一级保护区，依据《水污染防治法》第六十五条不予同意，请调整选址后重新提交。';
const REPLY = '收到，拟将厂址调整至燕楼产业园区内。';
const APPROVE_COMMENT = '调整后选址已避让饮用水水源保护区，同意选址，按有关条件办理。';
const SUBMIT_REASON = '拟申请列入省级重大项目，先行提交审查以听取意见。';

type Ring = [number, number][];
const square = ([lon, lat]: [number, number], d: number): Ring => [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function check(appUrl: string, ring: Ring): Promise<CheckResult> {
  const res = await fetch(`${appUrl}/api/check`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ geometry: { type: 'Polygon', coordinates: [ring] }, project: PROJECT }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as CheckResult;
}

/** A square inside a 一级 water-source zone of the reference data where the plant is 禁止 by the water-source rules. */
async function conflictSite(appUrl: string): Promise<Ring> {
  const zones = (await (await fetch(`${appUrl}/api/layers/water_source/features`)).json()) as GeoJSON.FeatureCollection;
  for (const zone of zones.features.filter((f) => f.properties?.level === 'grade1') as GeoJSON.Feature<GeoJSON.Polygon>[]) {
    const [w, s, e, n] = bbox(zone);
    for (let i = 1; i < 5; i++) {
      const ring = square([w + ((e - w) * i) / 5, s + ((n - s) * i) / 5], 0.0004);
      if (!booleanWithin(polygon([ring]), zone)) continue;
      const result = await check(appUrl, ring);
      if (result.results.find((r) => r.layerId === 'water_source')?.verdict === 'prohibited') return ring;
    }
  }
  throw new Error('no site inside a 一级 water-source zone');
}

/** A square near the demo sites inside the urban area where the plant touches no water-source zone and is not 禁止. */
async function siteOutOfConflict(appUrl: string): Promise<Ring> {
  const demo = JSON.parse(fs.readFileSync('geodata/demo-projects.geojson', 'utf8')) as GeoJSON.FeatureCollection;
  for (const name of ['燕楼工业园三期', '溪北社区综合服务中心']) {
    const f = demo.features.find((x) => x.properties?.name === name)!;
    const [lon, lat] = pointOnFeature(f as never).geometry.coordinates as [number, number];
    for (const [dx, dy] of [[0, 0], [0.004, 0], [-0.004, 0], [0, 0.004], [0, -0.004]]) {
      const ring = square([lon + dx, lat + dy], 0.0004);
      const result = await check(appUrl, ring);
      if (result.verdict !== 'prohibited' && !result.results.some((r) => r.layerId === 'water_source')) return ring;
    }
  }
  throw new Error('no site out of the water-source zones near the demo sites');
}

const centre = (ring: Ring): [number, number] => [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2];

async function drawSite(page: Page, ring: Ring): Promise<void> {
  await jumpTo(page, centre(ring), 16);
  await drawPolygonAtPixels(page, await pixelsOf(page, ring.slice(0, 4)));
}

async function shoot(page: Page, name: string): Promise<void> {
  await waitForMapReady(page, 20_000).catch(() => undefined);
  const file = path.join(outDir, `screenshot-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}

const auditActions = (page: Page) => page.locator('[data-testid="audit-trail"] .audit-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

describe('review workflow in the browser (issue 7)', () => {
  it('draw and submit → revise with a comment → move out of the conflict and resubmit → approve; audit; report with the decision', async () => {
    const appUrl = inject('appUrl');
    const admin = await apiSession(appUrl, inject('admin').username, inject('admin').password);
    for (const [username, role] of [[APPLICANT, 'applicant'], [REVIEWER, 'reviewer']]) {
      const created = await admin.post('/api/users', { username, password: PASSWORD, role });
      expect([201, 409]).toContain(created.status);
    }
    const conflict = await conflictSite(appUrl);
    const elsewhere = await siteOutOfConflict(appUrl);

    const { page, consoleErrors } = await openWatchedPage(browser, appUrl);
    await waitForMapIdle(page);

    // 1. The applicant logs in, draws a site across the 一级 zone, sees 禁止 and saves it as a draft.
    await logInThroughUi(page, APPLICANT, PASSWORD);
    // The session (user, role, CSRF token) survives a reload: it is restored from GET /api/auth/me.
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForSelector(`[data-testid="auth-user"][data-role="applicant"]:has-text("${APPLICANT}")`);
    await openSitePanel(page);
    await page.fill('[data-testid="site-name"]', NAME);
    await page.selectOption('[data-testid="project-type"]', 'industrial');
    await page.check('[data-flag="dischargesPollutants"]');
    await drawSite(page, conflict);
    expect(await settledVerdict(page)).toBe('prohibited');
    await page.click('[data-action="save-draft"]');
    await page.waitForSelector('[data-testid="save-status"].is-done', { timeout: 30_000 });
    // The save stored the check (issue 18): the panel says so, the register lists the draft as 禁止.
    await expect(page.locator('[data-testid="save-status"]').textContent()).resolves.toContain('禁止');
    await page.click('[data-testid="tab-projects"]');
    await page.fill('[data-filter="q"]', NAME);
    const draftRow = page.locator('.register-item', { hasText: NAME }).first();
    await draftRow.waitFor({ timeout: 15_000 });
    expect(await draftRow.getAttribute('data-verdict')).toBe('prohibited');
    expect(await draftRow.locator('.verdict-badge').getAttribute('data-verdict')).toBe('prohibited');

    // … opens it and submits it: a 禁止 site asks for the reason first (refused without one).
    await openProjectByName(page, NAME);
    await waitForProjectStatus(page, 'draft');
    await expect(page.locator('[data-testid="project-page"] .project-state [data-testid="verdict-badge"]').getAttribute('data-verdict')).resolves.toBe('prohibited');
    await shoot(page, 'review-register-applicant-draft');
    await page.click('[data-action="submit-project"]');
    await page.waitForSelector('[data-testid="submit-confirm"]');
    await page.click('[data-action="confirm-submit"]');
    await expect(page.locator('[data-testid="submit-status"]').textContent()).resolves.toContain('理由');
    await expect(page.getAttribute('[data-testid="project-page"]', 'data-status')).resolves.toBe('draft');
    await page.fill('[data-testid="submit-reason"]', SUBMIT_REASON);
    await page.click('[data-action="confirm-submit"]');
    await waitForProjectStatus(page, 'submitted');
    // The reason is with the submission's check, for the reviewer to read.
    await expect(page.locator('[data-testid="comments"]').textContent()).resolves.toContain(SUBMIT_REASON);
    await expect(page.locator('[data-testid="project-page"] .project-state [data-testid="verdict-badge"]').getAttribute('data-verdict')).resolves.toBe('prohibited');
    await logOutThroughUi(page);

    // 2. The reviewer finds it among the projects awaiting review and sends it back with a comment.
    await logInThroughUi(page, REVIEWER, PASSWORD);
    await page.click('[data-testid="tab-projects"]');
    await page.click('[data-testid="nav-register"]').catch(() => undefined);
    const back = page.locator('[data-action="back-to-register"]');
    if (await back.isVisible().catch(() => false)) await back.click();
    await page.selectOption('[data-filter="status"]', 'submitted');
    await page.waitForSelector(`.register-item:has-text("${NAME}")`);
    expect(await page.locator('.register-item').evaluateAll((els) => els.every((e) => e.getAttribute('data-status') === 'submitted'))).toBe(true);
    await shoot(page, 'review-register');
    await openProjectByName(page, NAME);
    await waitForProjectStatus(page, 'submitted');
    // The comment is required: without it the decision is refused in place.
    await page.click('[data-decision="revise"]');
    await expect(page.locator('[data-testid="decision-status"]').textContent()).resolves.toContain('审查意见');
    await page.fill('[data-testid="decision-comment"]', REVISE_COMMENT);
    await shoot(page, 'review-project-page');
    await page.click('[data-decision="revise"]');
    await waitForProjectStatus(page, 'revision_requested');
    await expect(page.locator('[data-testid="last-decision"]').textContent()).resolves.toContain(REVISE_COMMENT);
    await logOutThroughUi(page);

    // 3. The applicant reads the comment, moves the site out of the zone in 绘制与核查 and resubmits.
    await logInThroughUi(page, APPLICANT, PASSWORD);
    await openProjectByName(page, NAME);
    await waitForProjectStatus(page, 'revision_requested');
    await expect(page.locator('[data-testid="comments"]').textContent()).resolves.toContain(REVISE_COMMENT);
    // … answers it in the thread: the reply refers to the same check run as the comment it answers.
    const decisionComment = page.locator('[data-testid="comments"] .comment.is-decision').first();
    const onCheck = (await decisionComment.locator('.comment-check').first().textContent()) ?? '';
    await decisionComment.locator('[data-action="reply"]').first().click();
    await page.fill('[data-testid="comment-body"]', REPLY);
    await page.click('[data-action="post-comment"]');
    const reply = page.locator('[data-testid="comments"] .comment-replies .comment', { hasText: REPLY });
    await reply.waitFor();
    await expect(reply.locator('.comment-check').textContent()).resolves.toBe(onCheck);
    await expect(reply.locator('.comment-head strong').textContent()).resolves.toBe(APPLICANT);
    const versionBefore = Number(await page.getAttribute('[data-testid="project-page"]', 'data-version'));
    await page.click('[data-action="edit-site"]');
    await page.waitForSelector('[data-testid="project-site-banner"]');
    await page.waitForSelector('[data-tool="polygon"]:not([disabled])');
    expect(await page.inputValue('[data-testid="site-name"]')).toBe(NAME);
    expect(await settledVerdict(page)).toBe('prohibited'); // the stored site, loaded for editing
    page.once('dialog', (d) => void d.accept()); // 清空 asks first
    await page.click('[data-action="clear"]');
    await drawSite(page, elsewhere);
    expect(await settledVerdict(page, 'prohibited')).not.toBe('prohibited');
    await page.click('[data-action="save-site-to-project"]');
    await page.waitForSelector(`[data-testid="project-page"][data-version="${versionBefore + 1}"]`, { timeout: 30_000 });
    await page.click('[data-action="submit-project"]');
    await waitForProjectStatus(page, 'submitted');
    const resubmitted = await page.locator('[data-testid="project-page"] .project-state [data-testid="verdict-badge"]').getAttribute('data-verdict');
    expect(resubmitted).not.toBe('prohibited');
    // The history shows the runs of both saves and both submissions, and what changed: the
    // water-source zone is no longer involved.
    await expect(page.locator('[data-testid="check-history"] .check-run-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')))).resolves.toEqual([
      'submission',
      'save',
      'submission',
      'save',
    ]);
    await expect(page.locator('[data-testid="verdict-diff"] li[data-layer="water_source"]').getAttribute('data-to')).resolves.toBe('none');
    await logOutThroughUi(page);

    // 4. The reviewer approves.
    await logInThroughUi(page, REVIEWER, PASSWORD);
    await openProjectByName(page, NAME);
    await waitForProjectStatus(page, 'submitted');
    await page.fill('[data-testid="decision-comment"]', APPROVE_COMMENT);
    await page.click('[data-decision="approve"]');
    await waitForProjectStatus(page, 'approved');

    // The audit lists every step, in order, with who did it.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-trail"] .audit-entry').length >= 8);
    expect(await auditActions(page)).toEqual([
      'project.created',
      'project.submitted',
      'comment.added',
      'project.revision_requested',
      'comment.added',
      'project.updated',
      'project.submitted',
      'project.approved',
    ]);
    const actors = await page.locator('[data-testid="audit-trail"] .audit-head > span:first-of-type').allTextContents();
    expect(actors).toEqual([APPLICANT, APPLICANT, APPLICANT, REVIEWER, APPLICANT, APPLICANT, APPLICANT, REVIEWER]);
    const audit = (await page.locator('[data-testid="audit-trail"]').textContent()) ?? '';
    for (const text of [APPLICANT, REVIEWER, REVISE_COMMENT, APPROVE_COMMENT, '核查结论：禁止', '选址范围']) expect(audit).toContain(text);
    await page.locator('[data-testid="audit-trail"]').scrollIntoViewIfNeeded();
    await shoot(page, 'review-project-audit');

    // 5. The report carries the 审查意见 and downloads as a PDF.
    await page.locator('[data-action="project-report"]').scrollIntoViewIfNeeded();
    await page.click('[data-action="project-report"]');
    await page.waitForSelector('.redline-report .rr-review', { timeout: 30_000 });
    const review = (await page.locator('.redline-report .rr-review').textContent()) ?? '';
    for (const text of ['审查意见', '通过', APPROVE_COMMENT, REVIEWER]) expect(review).toContain(text);
    await page.locator('.redline-report .rr-review').scrollIntoViewIfNeeded();
    await shoot(page, 'review-report');
    const [download, pdfRequest] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.waitForRequest('**/api/report/pdf'),
      page.click('[data-action="report-pdf"]'),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(20_000);
    // The page names the stored check run; the server prints the decision from the register.
    const sent = pdfRequest.postDataJSON() as Record<string, unknown>;
    expect(sent.checkId).toEqual(expect.any(Number));
    expect(sent).not.toHaveProperty('review');
    const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-action="report-csv"]')]);
    const csv = fs.readFileSync((await csvDownload.path())!, 'utf8');
    for (const text of ['审查意见', APPROVE_COMMENT, REVIEWER, `#${sent.checkId}`]) expect(csv).toContain(text);
    await page.keyboard.press('Escape');

    // 6. The dashboard counts the approval; the projects are on the map, coloured by verdict.
    await page.click('[data-action="back-to-register"]');
    await page.click('[data-testid="nav-dashboard"]');
    await page.waitForSelector('[data-testid="dashboard"]');
    expect(Number(await page.getAttribute('[data-testid="count-status-approved"]', 'data-count'))).toBeGreaterThanOrEqual(1);
    // The map frames every project: the demo projects and ours, each dot in its verdict's colour.
    const colours = await page.waitForFunction(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      if (!map.getSource('projects-register-markers') || map.isMoving()) return null;
      const verdicts = new Set(map.queryRenderedFeatures({ layers: ['projects-register-marker'] }).map((f) => String(f.properties?.verdict)));
      return verdicts.size >= 3 ? [...verdicts].sort() : null;
    }, undefined, { timeout: 30_000, polling: 250 });
    expect(await colours.jsonValue()).toEqual(expect.arrayContaining(['conditional', 'prohibited']));
    await shoot(page, 'review-dashboard');

    // 7. A pipeline (a demo project) is filed by its length, not an empty 用地面积.
    const demo = JSON.parse(fs.readFileSync('geodata/demo-projects.geojson', 'utf8')) as GeoJSON.FeatureCollection;
    const pipeline = demo.features.find((f) => f.geometry.type === 'LineString')!;
    await openProjectByName(page, String(pipeline.properties!.name));
    const lengthRow = page.locator('.project-facts tr', { hasText: '线路长度' });
    const km = Number(/([\d.]+) 千米/.exec((await lengthRow.textContent()) ?? '')?.[1]);
    expect(Math.abs(km - length(pipeline as GeoJSON.Feature<GeoJSON.LineString>, { units: 'kilometers' })) / km).toBeLessThan(0.005);
    // The site is framed clear of the map's bottom bar (示意数据 notice, coordinates): its name,
    // written under its southern end in two lines, ends above the notice.
    await waitForMapReady(page, 20_000);
    const [w, s, e] = bbox(pipeline);
    const labelTop = (await pixelsOf(page, [[(w + e) / 2, s]]))[0].y;
    const notice = (await page.locator('[data-testid="illustrative-notice"]').boundingBox())!;
    expect(labelTop + 2 * 13 * 1.2 + 7).toBeLessThan(notice.y);

    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  }, 420_000);
});
