import { Router } from 'express';
import { setDownload } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { listRules } from './rules.ts';
import { rulesCsv, rulesTable, rulesXlsx } from './rules-table.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** GET /api/rules.csv and /api/rules.xlsx: the whole 规则库 as open data, one row per rule. */
export function rulesDownloadRouter(): Router {
  const router = Router();
  apiRoute(router, {
    method: 'get', path: '/api/rules.csv', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（CSV，UTF-8）', en: 'Download the rule base (CSV, UTF-8)' },
    responses: { 200: { mediaType: 'text/csv' } },
  }, (_req, res) => {
    setDownload(res, undefined, '规则库.csv', 'redline-rules.csv');
    res.type('text/csv; charset=utf-8').send(rulesCsv(rulesTable(listRules())));
  });
  apiRoute(router, {
    method: 'get', path: '/api/rules.xlsx', tag: 'rules', access: 'public',
    summary: { zh: '下载规则库（XLSX）', en: 'Download the rule base (XLSX)' },
    responses: { 200: { mediaType: XLSX_TYPE } },
  }, async (_req, res) => {
    setDownload(res, undefined, '规则库.xlsx', 'redline-rules.xlsx');
    res.type(XLSX_TYPE).send(await rulesXlsx(rulesTable(listRules())));
  });
  return router;
}
