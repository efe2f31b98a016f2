import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { CHECK_NS } from '../check/i18n.ts';
import { PROJECTS_NS } from './i18n.ts';
import { showPanelTab } from './project-nav.ts';
import { addComment, submitProject } from './projects-api.ts';
import { requestSiteEdit } from './site-handoff.ts';
import type { Project } from './types.ts';

/**
 * The applicant's actions on their own draft or returned project: 修改选址 (in the site workspace)
 * and 提交审查 (the server checks the stored site afresh and stores that check). A site whose stored
 * check says 禁止 is submitted only after the applicant states why; the reason goes with the
 * submission's check as a comment, where the reviewer reads it.
 */
export function OwnerActions({ project, onChanged }: { project: Project; onChanged(): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const editSite = () => {
    if (!project.geometry) return;
    requestSiteEdit({ projectId: project.id, version: project.version, name: project.name, geometry: project.geometry, project: project.project });
    showPanelTab('check');
  };
  const submit = async (withReason?: string) => {
    setStatus({ kind: 'busy', text: t('owner.submitting') });
    try {
      const res = await submitProject(project.id, project.version);
      const verdict = (res as { check?: { verdict?: string } }).check?.verdict;
      if (withReason) await addComment(project.id, t('owner.reasonComment', { reason: withReason }), { checkId: res.checkId });
      setConfirming(false);
      setStatus({ kind: 'done', text: t('owner.submitted', { verdict: verdict ? tc(`verdict.${verdict}`) : '—' }) });
      onChanged();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };
  const start = () => {
    if (project.verdict === 'prohibited') {
      setStatus(null);
      setConfirming(true);
    } else void submit();
  };
  const confirm = () => {
    const text = reason.trim();
    if (!text) return setStatus({ kind: 'error', text: t('owner.reasonRequired') });
    void submit(text);
  };
  return (
    <section className="project-section owner-actions" data-testid="owner-actions">
      <div className="owner-buttons">
        <button type="button" onClick={editSite} disabled={!project.geometry} data-action="edit-site">
          {t('owner.editSite')}
        </button>
        <button type="button" className="primary" onClick={start} disabled={status?.kind === 'busy' || confirming} data-action="submit-project">
          {project.status === 'revision_requested' ? t('owner.resubmit') : t('owner.submit')}
        </button>
      </div>
      <p className="muted owner-hint">{t('owner.editHint')}</p>
      {confirming && (
        <div className="submit-confirm" role="alertdialog" aria-labelledby="submit-confirm-title" data-testid="submit-confirm">
          <h4 id="submit-confirm-title">{t('owner.confirmTitle')}</h4>
          <p>{t('owner.confirmText')}</p>
          <label>
            <span>{t('owner.reasonLabel')}</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('owner.reasonPlaceholder')}
              maxLength={2000}
              autoFocus
              data-testid="submit-reason"
            />
          </label>
          <div className="owner-buttons">
            <button type="button" className="primary" onClick={confirm} disabled={status?.kind === 'busy'} data-action="confirm-submit">
              {t('owner.confirmSubmit')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} data-action="cancel-submit">
              {t('owner.cancel')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <p className={`project-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="submit-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
