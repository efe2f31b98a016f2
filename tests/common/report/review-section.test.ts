import { describe, expect, it } from 'vitest';
import { parseReportInput } from '../../../server/reports/report-request.ts';
import { renderReportDocument } from '../../../common/report/report-html.ts';
import { buildReportModel } from '../../../common/report/report-model.ts';
import type { ReportReview } from '../../../common/report/review-section.ts';
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

  it('is absent from a plain check report', () => {
    expect(renderReportDocument(buildReportModel(REPORT_INPUT))).not.toContain('rr-review');
  });

  it('is never parsed from a request: refused (422) beside a site check, ignored beside a checkId', () => {
    const refused = (body: object) => {
      try {
        parseReportInput(body);
      } catch (e) {
        return e;
      }
      return null;
    };
    for (const review of [REVIEW, { ...REVIEW, decision: 'maybe' }]) {
      expect(refused({ ...REPORT_INPUT, review })).toMatchObject({ status: 422, code: 'REVIEW_NOT_ACCEPTED' });
    }
    expect(parseReportInput({ ...REPORT_INPUT, review: null })).toMatchObject({ checkId: null, input: { result: REPORT_INPUT.result } });
    // With a checkId the register supplies result, project, name and review: the body's are dropped.
    const stored = parseReportInput({ ...REPORT_INPUT, review: REVIEW, checkId: 34, lang: 'en' });
    expect(stored).toEqual({ checkId: 34, extras: { lang: 'en', township: REPORT_INPUT.township, mapImage: REPORT_INPUT.mapImage, generatedAt: REPORT_INPUT.generatedAt, layers: REPORT_INPUT.layers } });
    expect(JSON.stringify(stored)).not.toContain('wang_shen');
    expect(refused({ checkId: 0 })).toMatchObject({ status: 400, code: 'BAD_REPORT_INPUT' });
    expect(refused({ checkId: '34' })).toMatchObject({ status: 400, code: 'BAD_REPORT_INPUT' });
  });
});
