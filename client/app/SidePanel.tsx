import { useTranslation } from 'react-i18next';
import { AuthMenu } from '../auth/AuthMenu.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { usePanelSize } from './panel-size.ts';
import { PanelTabs } from './PanelTabs.tsx';
import { PANEL_TABS } from './panel-tabs.tsx';
import { BatchProgressChip } from '../batch/BatchProgressChip.tsx';

/**
 * The left panel: title, search (always at hand), and the feature tabs. It widens for long
 * results and collapses to a strip to give the map the screen; the content stays mounted while
 * collapsed (the site workspace renders into it), only hidden.
 */
export function SidePanel() {
  const { t } = useTranslation();
  const [size, setSize] = usePanelSize();
  const collapsed = size === 'collapsed';
  return (
    <aside className={`side-panel is-${size}`} aria-label={t('app.panel')} data-testid="side-panel" data-size={size}>
      <div className="panel-size-controls">
        <button
          type="button"
          className="panel-size-button"
          onClick={() => setSize(collapsed ? 'normal' : 'collapsed')}
          aria-expanded={!collapsed}
          title={collapsed ? t('panel.expand') : t('panel.collapse')}
          aria-label={collapsed ? t('panel.expand') : t('panel.collapse')}
          data-action="toggle-panel"
        >
          {collapsed ? '»' : '«'}
        </button>
        {!collapsed && (
          <button
            type="button"
            className="panel-size-button panel-widen"
            onClick={() => setSize(size === 'wide' ? 'normal' : 'wide')}
            aria-pressed={size === 'wide'}
            title={size === 'wide' ? t('panel.narrow') : t('panel.widen')}
            aria-label={size === 'wide' ? t('panel.narrow') : t('panel.widen')}
            data-action="widen-panel"
          >
            {size === 'wide' ? '⇤' : '⇥'}
          </button>
        )}
      </div>
      <div className="side-panel-content" hidden={collapsed}>
        <header className="brand">
          <div>
            <h1>{t('app.title')}</h1>
            <p className="subtitle">{t('app.subtitle')}</p>
          </div>
          <div className="brand-actions">
            <LanguageSwitch />
            <AuthMenu />
          </div>
        </header>
        <SearchBox />
        <BatchProgressChip />
        <PanelTabs tabs={PANEL_TABS} />
      </div>
    </aside>
  );
}
