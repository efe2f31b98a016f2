import { z } from 'zod';
import { checkRequestBody } from './check.ts';
import { domainChecked } from './domain-checked.ts';

/**
 * POST /api/report/pdf|csv|xlsx: either a site as POST /api/check takes it (checked anew) plus its
 * name, or the `checkId` of a project's stored check run; township, map snapshot and language in
 * both cases. Checked by server/reports/report-request.ts (code BAD_REPORT_INPUT naming the field).
 */
export const reportRequestBody = z.looseObject({
  checkId: domainChecked(z.number().int().min(1), '已保存核查记录的编号 / A stored check run').optional(),
  geometry: checkRequestBody.shape.geometry.optional(),
  project: checkRequestBody.shape.project.optional(),
  bufferM: checkRequestBody.shape.bufferM.optional(),
  repair: checkRequestBody.shape.repair,
  siteName: domainChecked(z.string().max(200), '项目名称 / Site name').optional(),
  township: domainChecked(z.object({ zh: z.string().max(100), en: z.string().max(200) }).nullable()).optional(),
  mapImage: domainChecked(z.string().nullable(), '地图截图（PNG/JPEG data URL，≤ 8 MB；null = 无） / Map snapshot (data URL; null = none)').optional(),
  lang: domainChecked(z.enum(['zh', 'en'])).optional(),
  layers: domainChecked(z.array(z.looseObject({ id: z.string() })).max(500)).optional(),
});
export type ReportRequestBody = z.infer<typeof reportRequestBody>;
