import type { Page } from 'playwright-core';

/** Helpers for the review workflow in the browser: accounts through the API, login and logout through the UI. */

/** A minimal API client over fetch: one session cookie and its CSRF token (for setting up accounts). */
export async function apiSession(appUrl: string, username: string, password: string) {
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username} → ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('redline_session='))!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async post(path: string, body: unknown) {
      const res = await fetch(`${appUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', cookie, 'X-CSRF-Token': csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
    },
  };
}

export async function logInThroughUi(page: Page, username: string, password: string): Promise<void> {
  await page.click('[data-testid="login-open"]');
  await page.fill('[data-testid="login-username"]', username);
  await page.fill('[data-testid="login-password"]', password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector(`[data-testid="auth-user"]:has-text("${username}")`);
}

export async function logOutThroughUi(page: Page): Promise<void> {
  await page.click('[data-testid="auth-user"]');
  await page.click('[data-testid="logout"]');
  await page.waitForSelector('[data-testid="login-open"]');
}

/** Opens the 项目 tab's register, finds a project by name (the register's search) and opens its page. */
export async function openProjectByName(page: Page, name: string): Promise<void> {
  await page.click('[data-testid="tab-projects"]');
  const back = page.locator('[data-action="back-to-register"]');
  if (await back.isVisible().catch(() => false)) await back.click();
  await page.click('[data-testid="nav-register"]');
  const reset = page.locator('.register-reset');
  if (await reset.isVisible().catch(() => false)) await reset.click();
  await page.fill('[data-filter="q"]', name);
  const item = page.locator('.register-item', { hasText: name });
  await item.first().waitFor({ timeout: 15_000 });
  await item.first().locator('[data-testid="open-project"]').click();
  await page.waitForSelector(`[data-testid="project-page"]`);
}

/** Waits until the open project page shows the status (after an action reloaded it). */
export async function waitForProjectStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`[data-testid="project-page"][data-status="${status}"]`, { timeout });
}

/** The settled verdict of the site panel's live check. */
export async function settledVerdict(page: Page, not?: string): Promise<string> {
  const handle = await page.waitForFunction(
    (unwanted) => {
      const badge = document.querySelector('[data-testid="site-panel"] [data-testid="verdict-badge"]');
      const v = badge?.getAttribute('data-verdict');
      return badge && !badge.classList.contains('is-pending') && v !== 'none' && v !== unwanted ? v : null;
    },
    not ?? null,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as string;
}
