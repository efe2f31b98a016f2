import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, errorText } from '../auth/api-fetch.ts';
import { refreshServerBasemaps, useServerBasemaps } from '../map/server-basemaps.ts';

/**
 * For administrators: the server's 天地图 key, used by every user through the server's tile proxy
 * (PUT /api/admin/basemaps/tianditu-key). The key is written, never read back: the browser only
 * learns whether the server has one.
 */
export function ServerTiandituKey() {
  const { t, i18n } = useTranslation();
  const { tiandituTiles } = useServerBasemaps();
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (value: string | null) => {
    setStatus(null);
    try {
      await apiFetch('/api/admin/basemaps/tianditu-key', { method: 'PUT', body: { key: value } });
      setKey('');
      refreshServerBasemaps();
      setStatus({ ok: true, text: t(value ? 'settings.serverKeySaved' : 'settings.serverKeyCleared') });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e, i18n.language) });
    }
  };
  return (
    <fieldset className="settings-server-key" data-testid="server-tianditu-key">
      <legend>{t('settings.serverKey')}</legend>
      <p className="muted">{t(tiandituTiles ? 'settings.serverKeyIsSet' : 'settings.serverKeyNotSet')}</p>
      <label className="field">
        <span>{t('settings.serverKeyNew')}</span>
        <input type="password" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} data-testid="server-tianditu-key-input" />
      </label>
      <div className="dialog-actions">
        {tiandituTiles && (
          <button type="button" onClick={() => void send(null)}>
            {t('settings.serverKeyClear')}
          </button>
        )}
        <button type="button" disabled={!key.trim()} onClick={() => void send(key.trim())} data-testid="server-tianditu-key-save">
          {t('settings.serverKeySave')}
        </button>
      </div>
      {status && (
        <p role="status" className={status.ok ? 'muted' : 'form-error'}>
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
