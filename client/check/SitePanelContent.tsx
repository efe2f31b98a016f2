import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import type { LayerNaming } from '../../common/report/names.ts';
import { CoordinateEntryDialog, zoneAt } from '../draw/CoordinateEntryDialog.tsx';
import { DrawToolbar } from '../draw/DrawToolbar.tsx';
import { ExportControls } from '../draw/ExportControls.tsx';
import { DRAW_NS } from '../draw/i18n.ts';
import { ImpactWidthField } from '../draw/ImpactWidthField.tsx';
import { EMPTY_IMPORT, ImportControls, type ImportState } from '../draw/ImportControls.tsx';
import type { SelfIntersection } from '../draw/self-intersections.ts';
import { SelfIntersectionWarning } from '../draw/SelfIntersectionWarning.tsx';
import { hasLinearOrPointParts } from '../draw/site-features.ts';
import { frameNewSite, SiteSummary } from '../draw/SiteSummary.tsx';
import type { SiteDrawing } from '../draw/useSiteDrawing.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { CheckPanel } from './CheckPanel.tsx';
import { CHECK_NS } from './i18n.ts';
import { ProjectForm } from './ProjectForm.tsx';
import type { ResultFocus } from './result-focus.ts';
import { SaveDraftButton } from './SaveDraftButton.tsx';
import type { LiveCheck } from './useLiveCheck.ts';
import './site-panel.css';

export interface SitePanelState {
  siteName: string;
  widthM: number | null;
  project: ProjectInput;
  bufferM: number;
  importState: ImportState;
}

/** The tab's content: name, draw tools, measurements, import/export, the check and its actions. */
export function SitePanelContent({
  map,
  drawing,
  state,
  update,
  kinks,
  blocked,
  live,
  layers,
  geometry,
  projectWithWidth,
  onRepair,
  onOpenReport,
  onOpenRules,
  focus,
  onFocus,
}: {
  map: maplibregl.Map | null;
  drawing: SiteDrawing;
  state: SitePanelState;
  update: (patch: Partial<SitePanelState> | ((s: SitePanelState) => Partial<SitePanelState>)) => void;
  kinks: SelfIntersection[];
  blocked: string | null;
  live: LiveCheck;
  layers: LayerNaming[];
  geometry: GeoJSON.Geometry | null;
  projectWithWidth: ProjectInput;
  onRepair: () => void;
  onOpenReport: () => void;
  onOpenRules: () => void;
  focus: ResultFocus;
  onFocus: (focus: ResultFocus) => void;
}) {
  const { t } = useTranslation(CHECK_NS);
  const { t: td } = useTranslation(DRAW_NS);
  const { points, lines } = hasLinearOrPointParts(drawing.features);
  const [typing, setTyping] = useState(false);
  return (
    <div className="site-panel" data-testid="site-panel">
      <label className="site-name">
        <span>{t('siteName')}</span>
        <input value={state.siteName} onChange={(e) => update({ siteName: e.target.value })} placeholder={t('siteNamePlaceholder')} data-testid="site-name" />
      </label>
      <DrawToolbar drawing={drawing} />
      <SelfIntersectionWarning map={map} kinks={kinks} />
      <SiteSummary map={map} features={drawing.features} onRemove={drawing.removeFeature} />
      {(points || lines || drawing.tool === 'point' || drawing.tool === 'linestring') && (
        <ImpactWidthField
          widthM={state.widthM}
          onChange={(widthM) => update({ widthM })}
          lines={lines || drawing.tool === 'linestring'}
          points={points || drawing.tool === 'point'}
        />
      )}
      <div className="site-entry">
        <button type="button" onClick={() => setTyping(true)} disabled={!drawing.ready} data-action="enter-coordinates">
          {td('typed.open')}
        </button>
      </div>
      {typing && (
        <CoordinateEntryDialog
          defaultZone={zoneAt(map?.getCenter().lng ?? 106.5)}
          siteName={state.siteName}
          onClose={() => setTyping(false)}
          onCreate={(part) => {
            drawing.setTool(null);
            drawing.replaceOrigin('imported', [part]);
            // A typed parcel replaces the previous import: its parcel list and warnings go with it.
            update((s) => ({ importState: EMPTY_IMPORT, siteName: s.siteName || (part.properties.name !== td('typed.defaultName') ? String(part.properties.name) : '') }));
            frameNewSite(map, [part]);
          }}
        />
      )}
      <details className="site-details" data-testid="import-section">
        <summary>{td('import.title')}</summary>
        <ImportControls
          map={map}
          drawing={drawing}
          state={state.importState}
          onState={(fn) => update((s) => ({ importState: fn(s.importState) }))}
          onNamed={(name) => update((s) => (s.siteName.trim() ? {} : { siteName: name }))}
        />
      </details>
      <details className="site-details" data-testid="export-section">
        <summary>{td('export.title')}</summary>
        <ExportControls features={drawing.features} blocked={blocked} name={state.siteName || undefined} />
      </details>

      <ProjectForm project={state.project} onProject={(project) => update({ project })} bufferM={state.bufferM} onBufferM={(bufferM) => update({ bufferM })} />
      <CheckPanel
        live={live}
        focus={focus}
        onFocus={onFocus}
        layers={layers}
        siteName={state.siteName}
        onAdoptAvoidance={drawing.replaceAll}
        onRepair={onRepair}
      />
      <div className="site-actions">
        <button type="button" className="primary" onClick={onOpenReport} disabled={!live.result || live.status === 'idle'} data-action="open-report">
          {t('actions.report')}
        </button>
        <button type="button" onClick={onOpenRules} data-action="open-rules">
          {t('actions.rules')}
        </button>
      </div>
      <SaveDraftButton name={state.siteName} project={projectWithWidth} geometry={geometry} blocked={blocked} />
    </div>
  );
}
