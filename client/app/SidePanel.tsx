import { useTranslation } from 'react-i18next';
import { AuthMenu } from '../auth/AuthMenu.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PanelTabs } from './PanelTabs.tsx';
import { PANEL_TABS } from './panel-tabs.tsx';
import { BatchProgressChip } from '../batch/BatchProgressChip.tsx';

/** The left panel: title, search (always at hand), and the feature tabs. */
export function SidePanel() {
  const { t } = useTranslation();
  return (
    <aside className="side-panel" aria-label={t('app.panel')}>
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
    </aside>
  );
}
