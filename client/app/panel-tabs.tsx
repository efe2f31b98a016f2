import { lazy, Suspense, type ReactNode } from 'react';
import { SitePanel } from '../check/SitePanel.tsx';
import { LayersPanel } from '../layers/LayersPanel.tsx';
import '../batch/i18n.ts';

/** The register (and the report it opens) loads with its tab: the first load carries the map and the site workspace. */
const ProjectsPanel = lazy(() => import('../projects/ProjectsPanel.tsx').then((m) => ({ default: m.ProjectsPanel })));
/** 项目库 (batch check) is loaded when its tab is first opened. */
const BatchPanel = lazy(() => import('../batch/BatchPanel.tsx'));
/** 变更监管 (versions, diff, area ledger) is loaded when its tab is first opened. */
const ChangesPanel = lazy(() => import('../ledger/ChangesPanel.tsx').then((m) => ({ default: m.ChangesPanel })));

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
  {
    id: 'projects',
    labelKey: 'tabs.projects',
    render: () => (
      <Suspense fallback={null}>
        <ProjectsPanel />
      </Suspense>
    ),
  },
  {
    id: 'batch',
    labelKey: 'tabs.batch',
    render: () => (
      <Suspense fallback={null}>
        <BatchPanel />
      </Suspense>
    ),
  },
  {
    id: 'changes',
    labelKey: 'tabs.changes',
    render: () => (
      <Suspense fallback={null}>
        <ChangesPanel />
      </Suspense>
    ),
  },
];
