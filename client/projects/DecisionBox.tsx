import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { PROJECTS_NS } from './i18n.ts';
import { decideProject } from './projects-api.ts';
import type { Decision } from '../../common/domain/review.ts';
import type { Project } from './types.ts';

const DECISIONS: Decision[] = ['approve', 'revise', 'reject'];

/**
 * The reviewer's 通过 / 退回修改 / 不予通过 with the 审查意见 the server requires. 不予通过 is final,
 * so it asks once more in place. The decision is tied (server-side) to the check it was based on.
 */
export function DecisionBox({ project, onDecided }: { project: Project; onDecided(): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const [comment, setComment] = useState('');
  const [confirmReject, setConfirmReject] = useState(false);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  const decide = async (decision: Decision) => {
    if (!comment.trim()) return setStatus({ kind: 'error', text: t('review.required') });
    if (decision === 'reject' && !confirmReject) return setConfirmReject(true);
    setStatus({ kind: 'busy', text: t('review.deciding') });
    try {
      await decideProject(project.id, project.version, decision, comment.trim());
      setComment('');
      setConfirmReject(false);
      setStatus({ kind: 'done', text: t('review.done', { decision: t(`decision.${decision}`) }) });
      onDecided();
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };
  return (
    <section className="project-section decision-box" data-testid="decision-box">
      <h3>{t('review.title')}</h3>
      <label className="decision-comment">
        <span>{t('review.comment')}</span>
        <textarea
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (status?.kind === 'error') setStatus(null);
          }}
          rows={3}
          placeholder={t('review.placeholder')}
          required
          data-testid="decision-comment"
        />
      </label>
      <div className="decision-buttons">
        {DECISIONS.map((d) => (
          <button
            key={d}
            type="button"
            className={`decision-${d}`}
            onClick={() => void decide(d)}
            disabled={status?.kind === 'busy'}
            data-decision={d}
          >
            {t(`decision.${d}`)}
          </button>
        ))}
      </div>
      {confirmReject && (
        <p className="decision-confirm" role="alert">
          {t('review.confirmReject')}{' '}
          <button type="button" className="decision-reject" onClick={() => void decide('reject')} data-decision="reject-confirm">
            {t('decision.reject')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setConfirmReject(false)}>
            {t('review.cancel')}
          </button>
        </p>
      )}
      {status && (
        <p className={`project-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="decision-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
