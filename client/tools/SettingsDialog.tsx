import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useAuth } from '../auth/auth-store.ts';
import { ServerTiandituKey } from './ServerTiandituKey.tsx';

/** Settings: the user's own 天地图 key (kept in this browser only); for administrators also the server's key. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { state, dispatch } = useViewState();
  const { user } = useAuth();
  const [key, setKey] = useState(state.tiandituKey);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const save = () => {
    dispatch({ type: 'set-tianditu-key', key });
    if (!key.trim() && state.basemap.startsWith('tianditu')) dispatch({ type: 'set-basemap', basemap: 'offline' });
    onClose();
  };
  return (
    <dialog ref={dialog} className="settings-dialog" onClose={onClose} aria-labelledby="settings-title">
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <h2 id="settings-title">{t('settings.title')}</h2>
        <label className="field">
          <span>{t('settings.tiandituKey')}</span>
          <input type="text" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} placeholder={t('settings.tiandituKeyPlaceholder')} />
        </label>
        <p className="muted">{t('settings.tiandituKeyHelp')}</p>
        {user?.role === 'admin' && <ServerTiandituKey />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary">{t('common.save')}</button>
        </div>
      </form>
    </dialog>
  );
}
