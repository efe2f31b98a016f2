import type { ReportReview } from '../../server/check/report/review-section.ts';
import type { CheckRun, Project } from './types.ts';

/**
 * The decision taken on a check run as its report prints it (审查意见) — in the page, the PDF, the
 * CSV and the XLSX alike, since all four are made from the same report input — or none.
 */
export function reviewOf(project: Pick<Project, 'id' | 'name'>, run: Pick<CheckRun, 'id' | 'decision'>): ReportReview | undefined {
  const d = run.decision;
  return d ? { decision: d.decision, reviewer: d.reviewer, comment: d.comment, at: d.at, projectId: project.id, projectName: project.name, checkId: run.id } : undefined;
}
