import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { BASEMAPS, basemapBlocked } from '../map/basemaps.ts';
import { useServerBasemaps } from '../map/server-basemaps.ts';
import { Icon } from './icons.tsx';

/** Basemap choice: offline (default) or, on request, 天地图 vector / imagery (key needed) and OSM. */
export function BasemapSwitcher({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation();
  const { state, dispatch } = useViewState();
  const [open, setOpen] = useState(false);
  const { tiandituTiles, online: allowed } = useServerBasemaps();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // Esc closes the menu wherever the focus is (the button that opened it, the map), and gives the focus back.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="toolbar-menu">
      <button
        ref={button}
        type="button"
        className="tool-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        title={t('basemap.title')}
        aria-label={t('basemap.title')}
        data-testid="basemap-button"
      >
        <Icon name="layers" />
      </button>
      {open && (
        <fieldset className="menu-popover" id={menuId} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <legend>{t('basemap.title')}</legend>
          {BASEMAPS.map((b) => {
            const why = basemapBlocked(b, state.tiandituKey, tiandituTiles, allowed);
            const blocked = why !== null;
            const viaServer = b.needsTiandituKey && !state.tiandituKey && Boolean(tiandituTiles);
            return (
              <label key={b.id} className={blocked ? 'is-disabled' : ''}>
                <input
                  type="radio"
                  name="basemap"
                  value={b.id}
                  checked={state.basemap === b.id}
                  disabled={blocked}
                  onChange={() => dispatch({ type: 'set-basemap', basemap: b.id })}
                />
                <span>
                  {t(b.labelKey)}
                  {b.online && (
                    <small className="muted">
                      {t('basemap.online')}
                      {why && ` · ${t(why)}`}
                      {viaServer && ` · ${t('basemap.serverKey')}`}
                    </small>
                  )}
                </span>
              </label>
            );
          })}
          <p className="menu-note">{t('basemap.offlineNote')}</p>
          <button type="button" className="link-button" onClick={() => { setOpen(false); onOpenSettings(); }}>
            {t('settings.tiandituKey')}…
          </button>
        </fieldset>
      )}
    </div>
  );
}
