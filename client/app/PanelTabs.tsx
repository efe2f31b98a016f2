import { useId, useRef, type KeyboardEvent } from 'react';
import { selectTab, useSelectedTab, type TabId } from './app-url.ts';
import { useTranslation } from 'react-i18next';
import type { PanelTab } from './panel-tabs.tsx';

/**
 * Tabs with the WAI-ARIA keyboard model: arrows move between tabs, Home/End jump. The selected tab
 * is the one the address names (app-url.ts), so Back and a shared link open the same tab.
 */
export function PanelTabs({ tabs }: { tabs: PanelTab[] }) {
  const { t } = useTranslation();
  const selected = useSelectedTab();
  const setSelected = (id: string) => selectTab(id as TabId);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const base = useId();
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === selected);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    setSelected(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <>
      <div className="panel-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => setSelected(tab.id)}
            data-testid={`tab-${tab.id}`}
          >
            {t(tab.labelKey)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          className="panel-body"
        >
          {tab.id === selected && tab.render()}
        </div>
      ))}
    </>
  );
}
