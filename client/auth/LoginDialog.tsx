import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_NS } from './i18n.ts';
import { LoginForm } from './LoginForm.tsx';

/** The login form as a modal dialog; closes itself once logged in. */
export function LoginDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(AUTH_NS);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="settings-dialog auth-dialog" onClose={onClose} aria-labelledby="login-title" data-testid="login-dialog">
      <h2 id="login-title">{t('loginTitle')}</h2>
      <p className="muted auth-hint">{t('loginHint')}</p>
      <LoginForm
        onLoggedIn={onClose}
        actions={
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        }
      />
    </dialog>
  );
}
