import { Router } from 'express';
import { setDownload } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { cachedAnswer, sendCached } from '../http/cached-answer.ts';
import { oncePerDay } from './once-per-day.ts';
import { listRules } from './rules.ts';
import { rulesCsv, rulesTable, rulesXlsx } from './rules-table.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** GET /api/rules.csv and /api/rules.xlsx: the whole 规则库 as open data, one row per rule. */
export function rulesDownloadRouter(): Router {
  const router = Router();
  // Each file is made once a day (ExcelJS takes a while) and sent with an ETag.
  const csv = oncePerDay(async (day) => cachedAnswer(Buffer.from(rulesCsv(rulesTable(listRules(day)))), 'text/csv; charset=utf-8'));
  const xlsx = oncePerDay(async (day) => cachedAnswer(Buffer.from(await rulesXlsx(rulesTable(listRules(day)))), XLSX_TYPE, { compress: false }));
  apiRoute(router, {
    method: 'get', path: '/api/rules.csv', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（CSV，UTF-8）', en: 'Download the rule base (CSV, UTF-8)' },
    responses: { 200: { mediaType: 'text/csv' } },
  }, async (req, res) => {
    setDownload(res, undefined, '规则库.csv', 'redline-rules.csv');
    await sendCached(req, res, await csv());
  });
  apiRoute(router, {
    method: 'get', path: '/api/rules.xlsx', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（XLSX）', en: 'Download the rule base (XLSX)' },
    responses: { 200: { mediaType: XLSX_TYPE } },
  }, async (req, res) => {
    setDownload(res, undefined, '规则库.xlsx', 'redline-rules.xlsx');
    await sendCached(req, res, await xlsx());
  });
  return router;
}
