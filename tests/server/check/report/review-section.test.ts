import { describe, expect, it } from 'vitest';
import { parseReportInput } from '../../../../server/check/report/report-input.ts';
import { renderReportDocument } from '../../../../server/check/report/report-html.ts';
import { buildReportModel } from '../../../../server/check/report/report-model.ts';
import type { ReportReview } from '../../../../server/check/report/review-section.ts';
import { REPORT_INPUT } from './check-result-fixture.ts';

const REVIEW: ReportReview = {
  decision: 'revise',
  reviewer: 'wang_shen',
  comment: '选址位于饮用水水源一级保护区，请调整 <b>',
  at: '2026-05-01T06:03:22.000Z',
  projectId: 12,
  projectName: '某化工厂',
  checkId: 34,
};

describe('审查意见 in the report (review workflow)', () => {
  it('prints decision, comment, reviewer and time (Beijing) after the check, escaped', () => {
    const html = renderReportDocument(buildReportModel({ ...REPORT_INPUT, review: REVIEW }));
    const section = html.slice(html.indexOf('<section class="rr-review">'));
    expect(section).toContain('<h2>审查意见</h2>');
    expect(section).toContain('退回修改');
    expect(section).toContain('选址位于饮用水水源一级保护区，请调整 &lt;b&gt;');
    expect(section).toContain('wang_shen');
    expect(section).toContain('2026-05-01 14:03:22（北京时间）');
    expect(section).toContain('#12 某化工厂');
    expect(section).toContain('#34');
    expect(html.indexOf('<section class="rr-review">')).toBeLessThan(html.indexOf('<footer class="rr-footer">'));
  });

  it('in English, with the decision coloured like a verdict', () => {
    const html = renderReportDocument(buildReportModel({ ...REPORT_INPUT, lang: 'en', review: { ...REVIEW, decision: 'approve' } }));
    expect(html).toContain('<h2>Review decision</h2>');
    expect(html).toContain('<span class="rr-t-clear">Approved</span>');
  });

  it('is absent from a plain check report, and a malformed review is a 400', () => {
    expect(renderReportDocument(buildReportModel(REPORT_INPUT))).not.toContain('rr-review');
    expect(() => parseReportInput({ ...REPORT_INPUT, review: { ...REVIEW, decision: 'maybe' } })).toThrow(/review/);
    expect(() => parseReportInput({ ...REPORT_INPUT, review: { ...REVIEW, comment: ' ' } })).toThrow(/review/);
    expect(parseReportInput({ ...REPORT_INPUT, review: REVIEW }).review).toEqual(REVIEW);
  });
});
