import { lazy, Suspense, type ReactNode } from 'react';
import { SitePanel } from '../check/SitePanel.tsx';
import { LayersPanel } from '../layers/LayersPanel.tsx';
import { ProjectsPanel } from '../projects/ProjectsPanel.tsx';
import '../batch/i18n.ts';

/** 项目库 (batch check) is loaded when its tab is first opened. */
const BatchPanel = lazy(() => import('../batch/BatchPanel.tsx'));

/**
 * The side panel's tabs. Each feature owns one: replace a placeholder with the real panel
 * (绘制与核查: drawing/importing a site and its conflict check; 项目: the project register).
 */
export interface PanelTab {
  id: string;
  /** i18n key of the tab label. */
  labelKey: string;
  render(): ReactNode;
}

export const PANEL_TABS: PanelTab[] = [
  { id: 'layers', labelKey: 'tabs.layers', render: () => <LayersPanel /> },
  { id: 'check', labelKey: 'tabs.check', render: () => <SitePanel /> },
  { id: 'projects', labelKey: 'tabs.projects', render: () => <ProjectsPanel /> },
  {
    id: 'batch',
    labelKey: 'tabs.batch',
    render: () => (
      <Suspense fallback={null}>
        <BatchPanel />
      </Suspense>
    ),
  },
];
