import { escapeHtml } from '../../common/report/report-html.ts';
import fs from 'node:fs';
import { AppError, serviceUnavailable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';

/** Debian's Chromium (installed in CI); CHROMIUM_PATH overrides, as in the browser tests. */
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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

/**
 * PDF jobs: PDF_CONCURRENCY Chromiums at a time (the server shares the machine with the embedded
 * database) and at most PDF_QUEUE_MAX waiting; past that a report answers 503 with Retry-After
 * instead of queueing without bound (a 1,216-page report ran 54 s while a small one waited 60 s).
 */
let running = 0;
const waiting: (() => void)[] = [];

const busy = () =>
  serviceUnavailable(
    'PDF_BUSY',
    '服务器正在生成其他 PDF 报告，请稍后重试（或先下载 CSV / XLSX）。',
    'The server is busy making other PDF reports: try again shortly (or download CSV / XLSX meanwhile).',
    15,
  );

async function inQueue<T>(job: () => Promise<T>): Promise<T> {
  if (running >= LIMITS.pdfConcurrency) {
    if (waiting.length >= LIMITS.pdfQueueMax) throw busy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes to the next job
    else running--;
  }
}

/**
 * Prints an HTML document to an A4 PDF with headless Chromium through playwright-core. The page
 * runs without JavaScript and every network request is refused: the report embeds everything it
 * shows (styles inline, the map as a data URL), so nothing outside the document can be reached.
 * Throws a 503 AppError when Chromium or playwright-core is missing, or when the queue is full.
 */
/** `footerText` (the report number) is printed on every page beside the page number. */
export function renderPdf(html: string, footerText = ''): Promise<Buffer> {
  return inQueue(() => printWithChromium(html, footerText));
}

async function printWithChromium(html: string, footerText: string): Promise<Buffer> {
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
        `<div style="font-size:8px;width:100%;text-align:center;color:#666">${escapeHtml(footerText)}　<span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
