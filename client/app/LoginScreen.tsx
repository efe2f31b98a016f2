import { useTranslation } from 'react-i18next';
import { AUTH_NS } from '../auth/i18n.ts';
import { LoginForm } from '../auth/LoginForm.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import '../auth/auth.css';

/** The whole page on a closed map (PUBLIC_MAP=false) before login: title, why, the login form. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation(AUTH_NS);
  return (
    <main className="login-screen" data-testid="login-screen">
      <section className="login-card" aria-labelledby="login-screen-title">
        <header className="login-card-head">
          <div>
            <h1 id="login-screen-title">{t('app.title')}</h1>
            <p className="subtitle">{t('app.subtitle')}</p>
          </div>
          <LanguageSwitch />
        </header>
        <p className="auth-hint muted">{ta('closedMapHint')}</p>
        <LoginForm autoFocus />
      </section>
    </main>
  );
}
