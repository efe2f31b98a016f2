import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { renderReportBody } from '../../common/report/report-html.ts';
import type { ReportInput, ReportLayerInfo } from '../../common/report/report-input.ts';
import type { ReportReview } from '../../common/report/review-section.ts';
import { buildReportModel } from '../../common/report/report-model.ts';
import { REPORT_CSS } from '../../common/report/report-styles.ts';
import { ApiError } from '../api/fetch-json.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { postForDownload } from '../draw/download.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { REPORT_NS } from './i18n.ts';
import { snapshotSite } from './map-snapshot.ts';
import { useFigureDecor } from './use-figure-decor.ts';
import { reportRequestBody } from './report-request.ts';
import type { CheckRequestBody } from '../../common/api/check.ts';
import { lookupTownship } from './township.ts';
import './report.css';

/**
 * The printable report over the whole app (the URL hash belongs to the map's permalink, so the
 * report is a view, not a route). The page shows the same HTML the server prints to PDF
 * (common/report/report-html.ts); 打印 uses the browser's print with A4 print CSS.
 */
export function ReportOverlay({
  map,
  result,
  project,
  siteName,
  layers,
  onClose,
  review,
  checkId,
  site,
}: {
  map: maplibregl.Map | null;
  result: CheckResult | null;
  project: ProjectInput;
  siteName: string;
  layers: ReportLayerInfo[];
  onClose: () => void;
  /** 审查意见 of a reviewed project, for the page shown here; absent for a plain check. */
  review?: ReportReview;
  /** The stored check run the report is of (project page): downloads name it instead of sending result and review. */
  checkId?: number;
  /** The check request behind `result` (site workspace): downloads send it, and the server checks it anew. */
  site?: CheckRequestBody | null;
}) {
  const { t, i18n } = useTranslation(REPORT_NS);
  const lang = bilingualSide(i18n.language);
  const [extras, setExtras] = useState<{ mapImage: string | null; township: ReportInput['township'] } | null>(null);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; text: string } | null>(null);

  const figureDecor = useFigureDecor(lang);

  // The snapshot and the township are taken once, for the result the report was opened with.
  useEffect(() => {
    if (!result) return;
    let live = true;
    void (async () => {
      const decor = await figureDecor();
      const [mapImage, township] = await Promise.all([map ? snapshotSite(map, result.site, decor) : null, lookupTownship(result.centroid)]);
      if (live) setExtras({ mapImage, township });
    })();
    return () => {
      live = false;
    };
  }, [map, result, figureDecor]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    document.body.classList.add('is-report-open');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('is-report-open');
    };
  }, [onClose]);

  const input = useMemo<ReportInput | null>(
    () =>
      result && extras
        ? { result, project, siteName: siteName || undefined, layers, lang, mapImage: extras.mapImage, township: extras.township, ...(review ? { review } : {}) }
        : null,
    [result, extras, project, siteName, layers, lang, review],
  );
  const html = useMemo(() => (input ? renderReportBody(buildReportModel(input)) : ''), [input]);

  const download = async (kind: 'pdf' | 'csv' | 'xlsx') => {
    const target = checkId !== undefined ? { checkId } : site ? { site } : null;
    if (!input || !target) return;
    setStatus({ kind: 'busy', text: t('busy') });
    try {
      await postForDownload(`/api/report/${kind}`, reportRequestBody(input, target), `report.${kind}`);
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed', { message: e instanceof ApiError ? e.messageIn(i18n.language) : String(e) }) });
    }
  };

  return createPortal(
    <div className="report-overlay" role="dialog" aria-modal="true" aria-label={t('title')} data-testid="report-overlay">
      <div className="report-toolbar">
        <strong>{t('title')}</strong>
        <button type="button" onClick={() => window.print()} disabled={!input}>
          {t('print')}
        </button>
        <button type="button" onClick={() => void download('pdf')} disabled={!input || status?.kind === 'busy'} data-action="report-pdf">
          {t('pdf')}
        </button>
        <button type="button" onClick={() => void download('csv')} disabled={!input || status?.kind === 'busy'} data-action="report-csv">
          {t('csv')}
        </button>
        <button type="button" onClick={() => void download('xlsx')} disabled={!input || status?.kind === 'busy'} data-action="report-xlsx">
          {t('xlsx')}
        </button>
        {status && <span className={`report-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</span>}
        <button type="button" className="report-close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <div className="report-page">
        {!result && <p>{t('noCheck')}</p>}
        {result && !input && <p className="muted">{t('preparing')}</p>}
        {input && (
          <>
            <style>{REPORT_CSS}</style>
            <div dangerouslySetInnerHTML={{ __html: html }} />
          </>
        )}
      </div>
    </div>,
    document.body,
  );
}
