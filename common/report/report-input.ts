import type { CheckResult } from '../api/check-result.ts';
import type { ReportLang } from './report-labels.ts';
import type { ReportReview } from './review-section.ts';

/** A layer of the catalog as the report names it. */
export interface ReportLayerInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  illustrative: boolean;
}

/**
 * What a report is made of: the check result as POST /api/check returned it, plus what the check
 * does not know — the project as entered, a name, the township, a map snapshot.
 */
export interface ReportInput {
  result: CheckResult;
  project?: { type: string; widthM?: number } & Record<string, unknown>;
  siteName?: string;
  township?: { zh: string; en: string; illustrative?: boolean } | null;
  /** Layer names and the 示意 flag; the server's catalog overrides these when it has them. */
  layers?: ReportLayerInfo[];
  /** data:image/png or data:image/jpeg, base64. */
  mapImage?: string | null;
  lang?: ReportLang;
  /** When the report was made (ISO 8601); default now. */
  generatedAt?: string;
  /** 审查意见 of a reviewed project: only ever loaded from the register (server/projects), never parsed from a request. */
  review?: ReportReview;
}

/** What a report of a stored check run still takes from the request: the rest comes from the register. */
export type ReportExtras = Pick<ReportInput, 'township' | 'mapImage' | 'lang' | 'generatedAt' | 'layers'>;

/**
 * A report request: either a site check sent whole (the site workspace; no 审查意见), or a stored
 * check run of a project named by `checkId` (the project page), whose result, project and
 * 审查意见 the server loads from the register — whatever else the body says about them.
 */
export type ReportRequest = { checkId: null; input: ReportInput } | { checkId: number; extras: ReportExtras };
