import type { ReportLang } from './report-labels.ts';

/**
 * 审查意见: the reviewer's decision on a project, printed with the check it was based on. Optional
 * in a report (a plain site check has none); a report of a reviewed project carries it, loaded
 * from the register (server/reports/stored-check-report.ts) — never taken from a request.
 */
export interface ReportReview {
  decision: 'approve' | 'reject' | 'revise';
  reviewer: string;
  comment: string;
  /** When the decision was taken (ISO 8601). */
  at: string;
  projectName?: string;
  projectId?: number;
  /** The stored check run the decision refers to. */
  checkId?: number | null;
}

/** The section in words, in the report's language. */
export interface ReviewSectionModel {
  title: string;
  /** `tone` colours the decision like a verdict: 通过 green, 不予通过 red, 退回修改 orange. */
  rows: { label: string; value: string; tone?: 'clear' | 'prohibited' | 'conditional' }[];
}

const WORDS = {
  title: { zh: '审查意见', en: 'Review decision' },
  decision: { zh: '审查决定', en: 'Decision' },
  reviewer: { zh: '审查人', en: 'Reviewer' },
  comment: { zh: '审查意见', en: 'Comment' },
  at: { zh: '决定时间', en: 'Decided at' },
  project: { zh: '项目台账编号', en: 'Register number' },
  check: { zh: '所依据的核查记录', en: 'Based on check run' },
  approve: { zh: '通过', en: 'Approved' },
  reject: { zh: '不予通过', en: 'Rejected' },
  revise: { zh: '退回修改', en: 'Revision requested' },
} as const;

const TONE = { approve: 'clear', reject: 'prohibited', revise: 'conditional' } as const;

export function buildReviewSection(review: ReportReview, lang: ReportLang, formatTime: (iso: string, lang: ReportLang) => string): ReviewSectionModel {
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  return {
    title: w('title'),
    rows: [
      ...(review.projectId ? [{ label: w('project'), value: `#${review.projectId}${review.projectName ? ` ${review.projectName}` : ''}` }] : []),
      { label: w('decision'), value: w(review.decision), tone: TONE[review.decision] },
      { label: w('comment'), value: review.comment },
      { label: w('reviewer'), value: review.reviewer },
      { label: w('at'), value: formatTime(review.at, lang) },
      ...(review.checkId ? [{ label: w('check'), value: `#${review.checkId}` }] : []),
    ],
  };
}

/** The section as HTML; `escape` is the report's own escaper (every value passes through it). */
export function reviewSectionHtml(model: ReviewSectionModel, escape: (text: unknown) => string): string {
  const cell = (r: ReviewSectionModel['rows'][number]) =>
    r.tone ? `<span class="rr-t-${r.tone}">${escape(r.value)}</span>` : escape(r.value).replace(/\n/g, '<br>');
  const rows = model.rows.map((r) => `<tr><th>${escape(r.label)}</th><td>${cell(r)}</td></tr>`).join('');
  return `<section class="rr-review"><h2>${escape(model.title)}</h2><table class="rr-facts"><tbody>${rows}</tbody></table></section>`;
}
