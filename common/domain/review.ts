import type { Bilingual } from '../bilingual.ts';

/** The statuses of a project in the review workflow (server/projects/workflow.ts has the transitions). */
export const STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'revision_requested'] as const;
export type ProjectStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ProjectStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审查', en: 'Submitted' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '不予通过', en: 'Rejected' },
  revision_requested: { zh: '退回修改', en: 'Revision requested' },
};

export const DECISIONS = ['approve', 'reject', 'revise'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, Bilingual> = {
  approve: { zh: '同意', en: 'Approve' },
  reject: { zh: '不同意', en: 'Reject' },
  revise: { zh: '退回修改', en: 'Request revision' },
};
