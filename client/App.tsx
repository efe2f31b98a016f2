import { CatalogProvider } from './layers/CatalogProvider.tsx';
import { Popup } from './layers/Popup.tsx';
import { LoginGate } from './app/LoginGate.tsx';
import { SidePanel } from './app/SidePanel.tsx';
import { SkipLink } from './app/SkipLink.tsx';
import { SessionSiteWorkspace } from './check/SessionSiteWorkspace.tsx';
import { ViewStateProvider } from './app/ViewStateProvider.tsx';
import { BasemapLayers } from './map/BasemapLayers.tsx';
import { BasemapNote } from './map/BasemapNote.tsx';
import { HoverHighlight } from './map/HoverHighlight.tsx';
import { IllustrativeNotice } from './map/IllustrativeNotice.tsx';
import { MapProvider } from './map/MapContext.tsx';
import { MapLoading } from './map/MapLoading.tsx';
import { MapView } from './map/MapView.tsx';
import { OperationalLayers } from './map/OperationalLayers.tsx';
import { PermalinkSync } from './map/PermalinkSync.tsx';
import { CoordinateReadout } from './tools/CoordinateReadout.tsx';
import { MapToolbar } from './tools/MapToolbar.tsx';

/**
 * The layout: the side panel (search and the feature tabs, see app/panel-tabs.tsx) on the left,
 * the map on the right with its overlays — or, on a closed map before login, the login screen
 * (LoginGate). A feature that draws on the map (site drawing, check results) adds a component
 * next to the others below and reaches the map with useMap().
 */
export function App() {
  return (
    <ViewStateProvider>
      <CatalogProvider>
        <LoginGate>
          <MapProvider>
            <SkipLink />
            <div className="app">
              <SidePanel />
              <main className="map-area" id="map-area" tabIndex={-1}>
                <MapView />
                {/* Map behaviour (renders nothing). */}
                <BasemapLayers />
                <OperationalLayers />
                <PermalinkSync />
                <HoverHighlight />
                <Popup />
                <SessionSiteWorkspace />
                {/* Overlays on the map. */}
                <MapToolbar />
                <IllustrativeNotice />
                <BasemapNote />
                <MapLoading />
                <CoordinateReadout />
              </main>
            </div>
          </MapProvider>
        </LoginGate>
      </CatalogProvider>
    </ViewStateProvider>
  );
}
