import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api-fetch.ts';
import { AUTH_NS } from './i18n.ts';
import { logIn } from './session-api.ts';

/** The login form as a modal dialog; closes itself once logged in. */
export function LoginDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation(AUTH_NS);
  const dialog = useRef<HTMLDialogElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await logIn(username.trim(), password);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} className="settings-dialog auth-dialog" onClose={onClose} aria-labelledby="login-title" data-testid="login-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="login-title">{t('loginTitle')}</h2>
        <p className="muted auth-hint">{t('loginHint')}</p>
        <label className="field">
          <span>{t('username')}</span>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required data-testid="login-username" />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="login-password" />
        </label>
        {error !== null && (
          <p className="auth-error" role="alert" data-testid="login-error">
            {errorText(error, i18n.language)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !username.trim() || !password} data-testid="login-submit">
            {busy ? t('loggingIn') : t('submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
