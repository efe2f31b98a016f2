import { describe, expect, it } from 'vitest';
import { reportRequestBody } from '../../../client/report/report-request.ts';
import { REPORT_INPUT } from '../../common/report/check-result-fixture.ts';

const REVIEW = { decision: 'approve', reviewer: 'wang_shen', comment: '同意', at: '2026-05-01T06:03:22.000Z', projectId: 12, checkId: 34 } as const;
const AT = '2026-05-02T01:00:00.000Z';

const SITE = { geometry: { type: 'Point', coordinates: [106.66, 26.41] }, project: { type: 'road' }, bufferM: 500 } as const;

describe('the body of a report download', () => {
  it('a stored check run goes by its checkId: no review, result, project or time stamp in the body', () => {
    const body = reportRequestBody({ ...REPORT_INPUT, review: REVIEW, mapImage: 'data:image/png;base64,AAAA', generatedAt: AT }, { checkId: 34 });
    expect(body).toEqual({ checkId: 34, lang: 'zh', mapImage: 'data:image/png;base64,AAAA', township: REPORT_INPUT.township });
  });

  it('a site from the workspace goes as its check request, never with the result, a review or a time stamp', () => {
    const body = reportRequestBody({ ...REPORT_INPUT, review: REVIEW, generatedAt: AT }, { site: SITE as never });
    expect(body).toEqual({ ...SITE, siteName: REPORT_INPUT.siteName, lang: 'zh', mapImage: REPORT_INPUT.mapImage, township: REPORT_INPUT.township });
    expect(body).not.toHaveProperty('result');
    expect(body).not.toHaveProperty('review');
  });
});
