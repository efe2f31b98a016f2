import { describe, expect, it } from 'vitest';
import { reportRequestBody } from '../../../client/report/report-request.ts';
import { REPORT_INPUT } from '../../common/report/check-result-fixture.ts';

const REVIEW = { decision: 'approve', reviewer: 'wang_shen', comment: '同意', at: '2026-05-01T06:03:22.000Z', projectId: 12, checkId: 34 } as const;
const AT = '2026-05-02T01:00:00.000Z';

describe('the body of a report download', () => {
  it('a stored check run goes by its checkId: no review, result or project in the body', () => {
    const body = reportRequestBody({ ...REPORT_INPUT, review: REVIEW, mapImage: 'data:image/png;base64,AAAA' }, 34, AT);
    expect(body).toEqual({ checkId: 34, lang: 'zh', mapImage: 'data:image/png;base64,AAAA', township: REPORT_INPUT.township, generatedAt: AT });
  });

  it('a site check from the workspace goes whole, never with a review', () => {
    expect(reportRequestBody(REPORT_INPUT, undefined, AT)).toEqual({ ...REPORT_INPUT, generatedAt: AT });
    expect(reportRequestBody({ ...REPORT_INPUT, review: REVIEW }, undefined, AT)).not.toHaveProperty('review');
  });
});
