import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInput } from '../../common/api/check.ts';
import { CheckApiError, postProjectDraft } from './check-api.ts';
import { CHECK_NS } from './i18n.ts';
import { requestLogin } from '../auth/login-request.ts';
import { AUTH_NS } from '../auth/i18n.ts';

/**
 * 保存为项目草稿 through POST /api/projects (needs login). Refuses a site whose boundary crosses
 * itself, says clearly when the user is not logged in (401), and when the endpoint is not there yet.
 */
export function SaveDraftButton({
  name,
  project,
  geometry,
  blocked,
}: {
  name: string;
  project: ProjectInput;
  geometry: GeoJSON.Geometry | null;
  blocked: string | null;
}) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const { t: ta } = useTranslation(AUTH_NS);
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; text: string; login?: boolean } | null>(null);
  const save = async () => {
    if (blocked) return setStatus({ kind: 'error', text: blocked });
    if (!geometry) return setStatus({ kind: 'error', text: t('save.noSite') });
    if (!name.trim()) return setStatus({ kind: 'error', text: t('save.noName') });
    setStatus({ kind: 'busy', text: t('save.saving') });
    try {
      // The impact width travels inside `project`, as POST /api/projects (issue 7) expects it.
      const { widthM, ...rest } = project;
      // The server checks the saved site and stores that check with the draft: say what it found.
      const saved = await postProjectDraft({ name: name.trim(), project: widthM ? { ...rest, widthM } : rest, geometry });
      setStatus({
        kind: 'done',
        text: saved.verdict ? t('save.savedChecked', { id: saved.id, verdict: t(`verdict.${saved.verdict}`) }) : t('save.saved'),
      });
    } catch (e) {
      const error = e instanceof CheckApiError ? e : null;
      if (error?.status === 401) setStatus({ kind: 'error', text: t('save.unauthorized'), login: true });
      else if (error?.status === 404 && error.code === 'NOT_FOUND') setStatus({ kind: 'error', text: t('save.unavailable') });
      else setStatus({ kind: 'error', text: t('save.failed', { message: error ? error.messageIn(i18n.language) : String(e) }) });
    }
  };
  return (
    <div className="save-draft">
      <button type="button" onClick={() => void save()} disabled={status?.kind === 'busy'} data-action="save-draft">
        {t('actions.save')}
      </button>
      {status && (
        <p className={`site-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="save-status">
          {status.text}
          {status.login && (
            // Logged in, the drawn site is still here: 保存 again.
            <button type="button" className="link-button save-login" onClick={requestLogin} data-action="save-login">
              {ta('login')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
