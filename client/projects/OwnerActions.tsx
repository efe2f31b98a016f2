import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { CHECK_NS } from '../check/i18n.ts';
import { PROJECTS_NS } from './i18n.ts';
import { showPanelTab } from './project-nav.ts';
import { submitProject } from './projects-api.ts';
import { requestSiteEdit } from './site-handoff.ts';
import type { Project } from './types.ts';

/**
 * The applicant's actions on their own draft or returned project: 修改选址 (in the site workspace)
 * and 提交审查 (the server checks the stored site afresh and stores that check).
 */
export function OwnerActions({ project, onChanged }: { project: Project; onChanged(): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  const editSite = () => {
    if (!project.geometry) return;
    requestSiteEdit({ projectId: project.id, version: project.version, name: project.name, geometry: project.geometry, project: project.project });
    showPanelTab('check');
  };
  const submit = async () => {
    setStatus({ kind: 'busy', text: t('owner.submitting') });
    try {
      const res = await submitProject(project.id, project.version);
      const verdict = (res as { check?: { verdict?: string } }).check?.verdict;
      setStatus({ kind: 'done', text: t('owner.submitted', { verdict: verdict ? tc(`verdict.${verdict}`) : '—' }) });
      onChanged();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };
  return (
    <section className="project-section owner-actions" data-testid="owner-actions">
      <div className="owner-buttons">
        <button type="button" onClick={editSite} disabled={!project.geometry} data-action="edit-site">
          {t('owner.editSite')}
        </button>
        <button type="button" className="primary" onClick={() => void submit()} disabled={status?.kind === 'busy'} data-action="submit-project">
          {project.status === 'revision_requested' ? t('owner.resubmit') : t('owner.submit')}
        </button>
      </div>
      <p className="muted owner-hint">{t('owner.editHint')}</p>
      {status && (
        <p className={`project-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="submit-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
