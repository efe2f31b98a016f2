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
  /** The stored check run the report is of (its id makes the report number); set by the server only. */
  checkId?: number;
}

/** What a report still takes from the request: the result, its time and the 审查意见 come from the server. */
export type ReportExtras = Pick<ReportInput, 'township' | 'mapImage' | 'lang' | 'layers'>;

/** The site a report re-checks on the server: the body of POST /api/check. */
interface ReportSite {
  geometry: unknown;
  project: unknown;
  bufferM?: unknown;
  repair?: unknown;
}

/**
 * A report request: either a site (geometry, project, buffer — the workspace), which the server
 * checks anew and prints, or a stored check run of a project named by `checkId` (the project page),
 * whose result, project and 审查意见 the server loads from the register. A result sent in the body
 * is never printed (a made-up 无冲突 came back as a finished PDF): it is refused.
 */
export type ReportRequest =
  | { checkId: null; site: ReportSite; siteName?: string; extras: ReportExtras }
  | { checkId: number; extras: ReportExtras };
