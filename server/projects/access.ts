import type { AuthUser } from '../auth/sessions.ts';
import { AppError } from '../http/errors.ts';

/**
 * Who sees what: reviewers and admins see every project; an applicant sees (and acts on) only the
 * projects they own. Ownership is checked after existence, so a wrong id is still a 404.
 */
export const seesAllProjects = (user: AuthUser) => user.role === 'reviewer' || user.role === 'admin';

export function assertCanView(user: AuthUser, project: { ownerId: number } | { owner: { id: number } }): void {
  const ownerId = 'ownerId' in project ? project.ownerId : project.owner.id;
  if (!seesAllProjects(user) && ownerId !== user.id) throw notOwner();
}

export function assertOwner(user: AuthUser, project: { ownerId: number }): void {
  if (project.ownerId !== user.id) throw notOwner();
}

const notOwner = () =>
  new AppError(403, 'NOT_PROJECT_OWNER', { zh: '只有项目的申请人本人可以这样做', en: 'Only the applicant who owns the project may do this' });
