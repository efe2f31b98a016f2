import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-store.ts';
import { AUTH_NS } from './i18n.ts';
import { LoginDialog } from './LoginDialog.tsx';
import { useLoginRequests } from './login-request.ts';
import { logOut } from './session-api.ts';
import './auth.css';

// Account management is for administrators only: loaded when first opened.
const UsersDialog = lazy(() => import('../admin/UsersDialog.tsx').then((m) => ({ default: m.UsersDialog })));
const DataDialog = lazy(() => import('../admin/DataDialog.tsx').then((m) => ({ default: m.DataDialog })));

/** The panel header's account control: 登录, or the user with role, 用户管理 (admins) and 退出登录. */
export function AuthMenu() {
  const { t } = useTranslation(AUTH_NS);
  const auth = useAuth();
  const [dialog, setDialog] = useState<'login' | 'users' | 'data' | null>(null);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  useLoginRequests(() => setDialog('login'));

  if (auth.status === 'loading') return <span className="auth-menu muted" aria-busy="true" />;
  const user = auth.user;
  return (
    <div className="auth-menu" ref={menu}>
      {!user ? (
        <button type="button" className="auth-login" onClick={() => setDialog('login')} data-testid="login-open">
          {t('login')}
        </button>
      ) : (
        <>
          <button
            type="button"
            className="auth-user"
            aria-haspopup="menu"
            aria-expanded={open}
            title={t('accountMenu', { username: user.username, role: t(`role.${user.role}`) })}
            onClick={() => setOpen((o) => !o)}
            data-testid="auth-user"
            data-role={user.role}
          >
            <span className={`auth-dot role-${user.role}`} aria-hidden="true" />
            <span className="auth-name">{user.username}</span>
          </button>
          {open && (
            <div className="auth-popover" role="menu">
              <div className="auth-popover-head">
                <strong>{user.username}</strong>
                <span className={`auth-role role-${user.role}`}>{t(`role.${user.role}`)}</span>
              </div>
              {user.role === 'admin' && (
                <button type="button" role="menuitem" onClick={() => { setOpen(false); setDialog('users'); }} data-testid="open-users">
                  {t('users')}
                </button>
              )}
              {user.role === 'admin' && (
                <button type="button" role="menuitem" onClick={() => { setOpen(false); setDialog('data'); }} data-testid="open-data">
                  {t('data')}
                </button>
              )}
              <button type="button" role="menuitem" onClick={() => { setOpen(false); void logOut(); }} data-testid="logout">
                {t('logout')}
              </button>
            </div>
          )}
        </>
      )}
      {dialog === 'login' && <LoginDialog onClose={() => setDialog(null)} />}
      {dialog === 'data' && (
        <Suspense fallback={null}>
          <DataDialog onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog === 'users' && (
        <Suspense fallback={null}>
          <UsersDialog onClose={() => setDialog(null)} />
        </Suspense>
      )}
    </div>
  );
}
