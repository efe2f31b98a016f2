/** applicant proposes projects, reviewer (审查) decides on them, admin manages users and layers. */
export const ROLES = ['applicant', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
