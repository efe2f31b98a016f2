import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api-fetch.ts';
import { AUTH_NS } from './i18n.ts';
import { logIn } from './session-api.ts';

/**
 * Username, password and 登录, with the server's bilingual error under them. Shared by the header's
 * login dialog and the login screen of a closed map; `actions` adds buttons beside 登录 (取消).
 */
export function LoginForm({ onLoggedIn, actions, autoFocus = false }: { onLoggedIn?(): void; actions?: ReactNode; autoFocus?: boolean }) {
  const { t, i18n } = useTranslation(AUTH_NS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await logIn(username.trim(), password);
      onLoggedIn?.();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form
      method="dialog"
      className="login-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t('username')}</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus={autoFocus} data-testid="login-username" />
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
        {actions}
        <button type="submit" className="primary" disabled={busy || !username.trim() || !password} data-testid="login-submit">
          {busy ? t('loggingIn') : t('submit')}
        </button>
      </div>
    </form>
  );
}
