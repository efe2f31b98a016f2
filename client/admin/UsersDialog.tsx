import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, errorText } from '../auth/api-fetch.ts';
import type { Account, CreateUserBody, UpdateUserBody } from '../../common/api/auth.ts';
import { ROLES, type Role } from '../../common/domain/roles.ts';
import { AUTH_NS } from '../auth/i18n.ts';
import { formatDate } from '../projects/format.ts';
import { ADMIN_NS } from './i18n.ts';
import './admin.css';


/** 用户管理 for administrators: the accounts, a form for a new one, and 停用 / 启用. */
export function UsersDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation(ADMIN_NS);
  const { t: ta } = useTranslation(AUTH_NS);
  const dialog = useRef<HTMLDialogElement>(null);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [form, setForm] = useState({ username: '', password: '', role: 'applicant' as Role });

  const load = useCallback(() => {
    apiFetch<Account[]>('/api/users').then(setAccounts, (e: unknown) => setMessage({ kind: 'error', text: errorText(e, i18n.language) }));
  }, [i18n.language]);
  useEffect(() => {
    dialog.current?.showModal();
    load();
  }, [load]);

  const run = async (action: () => Promise<string | null>) => {
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ kind: 'done', text: done });
      load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };
  const create = () =>
    run(async () => {
      const account = await apiFetch<Account>('/api/users', { method: 'POST', body: { ...form, username: form.username.trim() } satisfies CreateUserBody });
      setForm({ username: '', password: '', role: form.role });
      return t('created', { username: account.username });
    });
  const toggle = (a: Account) => run(async () => (await apiFetch<Account>(`/api/users/${a.id}`, { method: 'PATCH', body: { disabled: !a.disabled } satisfies UpdateUserBody }), null));

  return (
    <dialog ref={dialog} className="settings-dialog users-dialog" onClose={onClose} aria-labelledby="users-title" data-testid="users-dialog">
      <h2 id="users-title">{t('title')}</h2>
      {!accounts ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <div className="users-table-wrap">
          <table className="users-table">
            <thead>
              <tr>
                <th>{t('columns.username')}</th>
                <th>{t('columns.role')}</th>
                <th>{t('columns.state')}</th>
                <th>{t('columns.created')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className={a.disabled ? 'is-disabled' : undefined} data-username={a.username}>
                  <td>{a.username}</td>
                  <td>{ta(`role.${a.role}`)}</td>
                  <td>{a.disabled ? t('disabled') : t('enabled')}</td>
                  <td>{formatDate(a.createdAt)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void toggle(a)}>
                      {a.disabled ? t('enable') : t('disable')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="users-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3>{t('create')}</h3>
        <label className="field">
          <span>{t('username')}</span>
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required autoComplete="off" data-testid="new-username" />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required minLength={12} autoComplete="new-password" data-testid="new-password" />
        </label>
        <label className="field">
          <span>{t('role')}</span>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} data-testid="new-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ta(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {message && (
          <p className={`users-message is-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
          <button type="submit" className="primary" data-testid="create-user">
            {t('add')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
