import fs from 'node:fs';
import { AppError } from '../http/errors.ts';

/** Debian's Chromium (installed in CI); CHROMIUM_PATH overrides, as in the browser tests. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const unavailable = (reason: string) =>
  new AppError(
    503,
    'PDF_UNAVAILABLE',
    {
      zh: '服务器暂无法生成 PDF（未安装 Chromium）。请在报告页使用“打印 / 另存为 PDF”。',
      en: 'The server cannot make PDFs right now (Chromium is not installed). Use “Print / Save as PDF” on the report page.',
    },
    { reason },
  );

/** One Chromium at a time: the server shares the machine with the embedded database. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints an HTML document to an A4 PDF with headless Chromium through playwright-core. The page
 * runs without JavaScript and every network request is refused: the report embeds everything it
 * shows (styles inline, the map as a data URL), so nothing outside the document can be reached.
 * Throws a 503 AppError when Chromium or playwright-core is missing.
 */
export function renderPdf(html: string): Promise<Buffer> {
  const job = queue.then(() => printWithChromium(html));
  queue = job.catch(() => undefined);
  return job;
}

async function printWithChromium(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw unavailable(`no Chromium at ${executablePath}`);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw unavailable('playwright-core is not installed');
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (e) {
    throw unavailable(`Chromium did not start: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
