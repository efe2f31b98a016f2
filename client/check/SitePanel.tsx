import { setPanelSlot } from './panel-slot.ts';

/**
 * The 绘制与核查 tab: draw tools, import/export and the check panel. Their state lives in
 * SiteWorkspace (always mounted beside the map), which renders into this element while the tab
 * is shown, so switching tabs keeps the site, its history and its check.
 */
export function SitePanel() {
  return <div ref={setPanelSlot} className="site-panel-slot" data-testid="site-panel-slot" />;
}
