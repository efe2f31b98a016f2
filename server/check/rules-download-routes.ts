import { Router } from 'express';
import { setDownload } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { cachedAnswer, sendCached, type CachedAnswer } from '../http/cached-answer.ts';
import { listRules } from './rules.ts';
import { rulesCsv, rulesTable, rulesXlsx } from './rules-table.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** GET /api/rules.csv and /api/rules.xlsx: the whole 规则库 as open data, one row per rule. */
export function rulesDownloadRouter(): Router {
  const router = Router();
  // The rule base is code; only whether each instrument is in force changes, by the day: each file
  // is made once a day (ExcelJS takes a while) and sent with an ETag.
  const perDay = new Map<string, Promise<CachedAnswer>>();
  const once = (ext: string, make: (day: string) => Promise<CachedAnswer>) => {
    const day = new Date().toISOString().slice(0, 10);
    const key = `${ext}/${day}`;
    if (!perDay.has(key)) {
      for (const k of perDay.keys()) if (k.startsWith(`${ext}/`)) perDay.delete(k);
      perDay.set(key, make(day).catch((e: unknown) => (perDay.delete(key), Promise.reject(e))));
    }
    return perDay.get(key)!;
  };
  apiRoute(router, {
    method: 'get', path: '/api/rules.csv', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（CSV，UTF-8）', en: 'Download the rule base (CSV, UTF-8)' },
    responses: { 200: { mediaType: 'text/csv' } },
  }, async (req, res) => {
    setDownload(res, undefined, '规则库.csv', 'redline-rules.csv');
    await sendCached(req, res, await once('csv', async (day) => cachedAnswer(Buffer.from(rulesCsv(rulesTable(listRules(day)))), 'text/csv; charset=utf-8')));
  });
  apiRoute(router, {
    method: 'get', path: '/api/rules.xlsx', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（XLSX）', en: 'Download the rule base (XLSX)' },
    responses: { 200: { mediaType: XLSX_TYPE } },
  }, async (req, res) => {
    setDownload(res, undefined, '规则库.xlsx', 'redline-rules.xlsx');
    await sendCached(req, res, await once('xlsx', async (day) => cachedAnswer(Buffer.from(await rulesXlsx(rulesTable(listRules(day)))), XLSX_TYPE, { compress: false })));
  });
  return router;
}
