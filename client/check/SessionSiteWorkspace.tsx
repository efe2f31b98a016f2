import { SiteWorkspace } from './SiteWorkspace.tsx';
import { useWorkspaceGeneration } from './workspace-owner.ts';

/**
 * The site workspace of the current user: a new one (nothing drawn, no check, no undo history to
 * bring the old site back) after 退出登录 or when another account logs in — see workspace-owner.ts.
 */
export function SessionSiteWorkspace() {
  return <SiteWorkspace key={useWorkspaceGeneration()} />;
}
