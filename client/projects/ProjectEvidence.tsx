import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { CheckOverlays } from '../check/CheckOverlays.tsx';
import { CHECK_NS } from '../check/i18n.ts';
import { NO_FOCUS, focusedLayerId, type ResultFocus } from '../check/result-focus.ts';
import { ResultFocusOverlay } from '../check/ResultFocusOverlay.tsx';
import { ResultTable } from '../check/ResultTable.tsx';
import type { LayerNaming } from '../../common/report/names.ts';
import { useMap } from '../map/MapContext.tsx';
import { PROJECTS_NS } from './i18n.ts';
import type { CheckRun } from './types.ts';

const SEVERITY = { prohibited: 3, conditional: 2, notice: 1, clear: 0, outside_coverage: -1 } as const;

/**
 * The evidence a reviewer decides on, first on the page: the latest stored check as the compact
 * verdict table (one row per layer, most severe first), and on the map the site with its overlaps
 * marked and the conflicting layers switched on. It shows what the server stored; it decides nothing.
 */
export function ProjectEvidence({ run, layers }: { run: CheckRun; layers: LayerNaming[] }) {
  const { t } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const map = useMap();
  const { dispatch } = useViewState();
  const [focus, setFocus] = useState<ResultFocus>(NO_FOCUS);
  const results = useMemo(
    () => [...run.result.results].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict] || b.overlapAreaM2 - a.overlapAreaM2),
    [run],
  );
  const conflicting = useMemo(() => results.filter((r) => r.verdict === 'prohibited' || r.verdict === 'conditional').map((r) => r.layerId), [results]);
  useEffect(() => {
    // The layers in conflict are on the map with the site: the reviewer sees what it overlaps.
    if (conflicting.length > 0) dispatch({ type: 'set-layers-visible', layerIds: conflicting, visible: true });
  }, [conflicting, dispatch]);
  return (
    <section className="project-section project-evidence" data-testid="project-evidence" data-check-id={run.id}>
      <h3>{t('page.evidence', { id: run.id })}</h3>
      <CheckOverlays map={map} result={run.result} focusLayerId={focusedLayerId(focus)} />
      <ResultFocusOverlay map={map} result={run.result} focus={focus} />
      {results.length === 0 ? (
        <p className="muted">{tc('results.none')}</p>
      ) : (
        <>
          <ResultTable results={results} layers={layers} bufferM={run.result.bufferM} focus={focus} onFocus={setFocus} />
          <p className="muted result-map-key">
            <span className="conflict-swatch" aria-hidden="true" /> {tc('table.mapKey')}
          </p>
        </>
      )}
    </section>
  );
}
