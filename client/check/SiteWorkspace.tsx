import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { useMap } from '../map/MapContext.tsx';
import { setInteractionMode, useInteractionMode } from '../map/interaction-mode.ts';
import { DRAW_NS } from '../draw/i18n.ts';
import { EMPTY_IMPORT } from '../draw/ImportControls.tsx';
import { findSelfIntersections } from '../draw/self-intersections.ts';
import { siteGeometry } from '../draw/site-features.ts';
import { keepSiteLayersOnTop } from '../draw/site-layer-order.ts';
import { SiteOverlays } from '../draw/SiteOverlays.tsx';
import { useDrawKeyboard } from '../draw/useDrawKeyboard.ts';
import { useSiteDrawing } from '../draw/useSiteDrawing.ts';
import { ProjectSiteLink } from '../projects/ProjectSiteLink.tsx';
import type { CheckRequestBody, ProjectInput } from '../../common/api/check.ts';
import { CheckOverlays } from './CheckOverlays.tsx';
import { focusedLayerId, NO_FOCUS, type ResultFocus } from './result-focus.ts';
import { ResultFocusOverlay } from './ResultFocusOverlay.tsx';
import { usePanelSlot } from './panel-slot.ts';
import { SitePanelContent, type SitePanelState } from './SitePanelContent.tsx';
import { layerNamings, useLayerCatalog } from './useCatalogs.ts';
import { useLiveCheck } from './useLiveCheck.ts';

// The report and the rule library load when first opened: the first load carries the map and the site workspace.
const ReportOverlay = lazy(() => import('../report/ReportOverlay.tsx').then((m) => ({ default: m.ReportOverlay })));
const RulesLibrary = lazy(() => import('./RulesLibrary.tsx').then((m) => ({ default: m.RulesLibrary })));

const INITIAL: SitePanelState = { siteName: '', widthM: null, project: { type: 'other' }, bufferM: 500, importState: EMPTY_IMPORT };

/**
 * The proposed site and its conflict check, mounted once beside the map: owns terra-draw, the
 * undo history, the project form, the live check, the map overlays, the report and the 规则库,
 * and renders the panel UI into the 绘制与核查 tab whenever that tab is shown (see panel-slot.ts).
 */
export function SiteWorkspace({ map: mapProp }: { map?: maplibregl.Map | null }) {
  const { t } = useTranslation(DRAW_NS);
  const contextMap = useMap();
  const map = mapProp ?? contextMap;
  const slot = usePanelSlot();
  const drawing = useSiteDrawing(map);
  useDrawKeyboard(map, drawing);

  const [state, setState] = useState<SitePanelState>(INITIAL);
  const update = useCallback(
    (patch: Partial<SitePanelState> | ((s: SitePanelState) => Partial<SitePanelState>)) =>
      setState((s) => ({ ...s, ...(typeof patch === 'function' ? patch(s) : patch) })),
    [],
  );
  const [repair, setRepair] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);

  // Map clicks belong to the drawing tools while one is active; another tool taking over (the
  // viewer's measuring), or the tab closing, puts the drawing tools down.
  const interaction = useInteractionMode();
  const { tool, setTool } = drawing;
  useEffect(() => {
    if (tool) setInteractionMode('draw');
    else if (interaction === 'draw') setInteractionMode('identify');
  }, [tool]);
  useEffect(() => {
    if (tool && interaction !== 'draw') setTool(null);
  }, [interaction]);
  useEffect(() => {
    if (!slot && tool) setTool(null);
  }, [slot]);

  // The site stays above the control layers, however late their data arrives.
  useEffect(() => {
    if (!map) return;
    const raise = () => {
      try {
        keepSiteLayersOnTop(map);
      } catch {
        // The style is being replaced; the next 'styledata' comes back here.
      }
    };
    raise();
    map.on('styledata', raise);
    return () => {
      map.off('styledata', raise);
    };
  }, [map]);

  const kinks = useMemo(() => findSelfIntersections(drawing.features), [drawing.features]);
  const geometry = useMemo(() => siteGeometry(drawing.features), [drawing.features]);
  const geometryKey = useMemo(() => JSON.stringify(geometry), [geometry]);
  // A repaired check is asked for the boundary as it is now; an edit asks again without repair.
  useEffect(() => setRepair(false), [geometryKey]);
  const projectWithWidth = useMemo<ProjectInput>(() => (state.widthM ? { ...state.project, widthM: state.widthM } : state.project), [state.project, state.widthM]);
  const request = useMemo<CheckRequestBody | null>(
    () => (geometry ? { geometry, project: projectWithWidth, bufferM: state.bufferM, ...(repair ? { repair: true } : {}) } : null),
    [geometry, projectWithWidth, state.bufferM, repair],
  );
  const live = useLiveCheck(request);
  const { data: catalog } = useLayerCatalog();
  const layers = useMemo(() => layerNamings(catalog), [catalog]);
  const blocked = kinks.length > 0 ? t('kinks.refused') : null;
  const warningLocations = useMemo(() => state.importState.warnings.flatMap((w) => (w.location ? [w.location] : [])), [state.importState.warnings]);
  const closeReport = useCallback(() => setReportOpen(false), []);
  const shownResult = live.status === 'idle' ? null : live.result;
  // A new check starts with nothing in focus: its rows may be other layers.
  const [focus, setFocus] = useState<ResultFocus>(NO_FOCUS);
  useEffect(() => setFocus(NO_FOCUS), [shownResult]);

  return (
    <>
      <SiteOverlays map={map} features={drawing.features} widthM={state.widthM} kinks={kinks} warningLocations={warningLocations} />
      <CheckOverlays map={map} result={shownResult} focusLayerId={focusedLayerId(focus)} />
      <ResultFocusOverlay map={map} result={shownResult} focus={focus} />
      <ProjectSiteLink map={map} drawing={drawing} geometry={geometry} project={projectWithWidth} update={update} />
      {slot &&
        createPortal(
          <SitePanelContent
            map={map}
            drawing={drawing}
            state={state}
            update={update}
            kinks={kinks}
            blocked={blocked}
            live={live}
            layers={layers}
            geometry={geometry}
            projectWithWidth={projectWithWidth}
            onRepair={() => setRepair(true)}
            onOpenReport={() => {
              // The report's map snapshot shows the site, not the editing handles.
              setTool(null);
              setReportOpen(true);
            }}
            onOpenRules={() => setRulesOpen(true)}
            focus={focus}
            onFocus={setFocus}
          />,
          slot,
        )}
      {rulesOpen && (
        <Suspense fallback={null}>
          <RulesLibrary open={rulesOpen} onClose={() => setRulesOpen(false)} />
        </Suspense>
      )}
      {reportOpen && (
        <Suspense fallback={null}>
          <ReportOverlay
            map={map}
            result={shownResult}
            project={live.request?.project ?? projectWithWidth}
            site={live.request}
            siteName={state.siteName}
            layers={layers}
            onClose={closeReport}
          />
        </Suspense>
      )}
    </>
  );
}
