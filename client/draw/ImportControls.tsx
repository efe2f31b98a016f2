import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type maplibregl from 'maplibre-gl';
import { ApiError } from '../api/fetch-json.ts';
import { newFeatureId } from './feature-id.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { DRAW_NS } from './i18n.ts';
import { importSiteFile, type ImportChoices } from './import-api.ts';
import type { ImportNote, ImportResponse } from '../../common/api/exchange.ts';
import type { SiteFeature } from './site-features.ts';
import { frameNewSite } from './SiteSummary.tsx';
import type { SiteDrawing } from './useSiteDrawing.ts';

const FORMATS = ['geojson', 'kml', 'shp', 'csv', 'txt'];
const CRS_CHOICES = ['4490', '4326', '4524', '4523', '4545', '4544', 'gcj02'];

/** The name a file gives a parcel: GeoJSON/KML `name` (any case), 名称, the 国土 TXT 地块名称. */
const NAME_KEYS = ['name', 'Name', 'NAME', '名称', '地块名称', '项目名称'];
function fileName(properties: Record<string, unknown> | null | undefined): string {
  for (const key of NAME_KEYS) {
    const value = properties?.[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '';
}

function toSiteParts(response: ImportResponse, unnamed: (n: number) => string): SiteFeature[] {
  return response.features.features
    .filter((f) => f.geometry)
    .map((f, i) => ({
      type: 'Feature',
      id: newFeatureId(),
      geometry: f.geometry,
      properties: { ...(f.properties ?? {}), name: fileName(f.properties) || unnamed(i + 1), origin: 'imported' },
    }));
}

/** What an import left behind: kept by the owner so a tab switch does not lose it. */
export interface ImportState {
  status: { kind: 'idle' | 'busy' | 'done' | 'error'; text?: string };
  warnings: ImportNote[];
  parcels: SiteFeature[];
  chosen: string;
}

export const EMPTY_IMPORT: ImportState = { status: { kind: 'idle' }, warnings: [], parcels: [], chosen: 'all' };

/**
 * Import of a site file through POST /api/import: format, CRS and encoding (default: detect),
 * the importer's warnings (with their places marked on the map), and a parcel selector when the
 * file holds several parcels. The imported parcels replace the previous import (one undo step).
 */
export function ImportControls({
  map,
  drawing,
  state,
  onState,
  onNamed,
}: {
  map: maplibregl.Map | null;
  drawing: SiteDrawing;
  state: ImportState;
  onState: (update: (state: ImportState) => ImportState) => void;
  /** The one name the file gives its parcels (for the project name, when it has none yet). */
  onNamed?: (name: string) => void;
}) {
  const { t, i18n } = useTranslation(DRAW_NS);
  const lang = bilingualSide(i18n.language);
  const [choices, setChoices] = useState<ImportChoices>({ format: '', crs: '', encoding: '', geometry: '' });
  const { status, warnings, parcels, chosen } = state;
  const setStatus = (next: ImportState['status']) => onState((s) => ({ ...s, status: next }));
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (key: keyof ImportChoices) => (e: React.ChangeEvent<HTMLSelectElement>) => setChoices((c) => ({ ...c, [key]: e.target.value }));

  const showParcels = (parts: SiteFeature[]) => {
    drawing.replaceOrigin('imported', parts);
    frameNewSite(map, parts);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'busy', text: t('import.importing') });
    try {
      const response = await importSiteFile(file, choices);
      const parts = toSiteParts(response, (n) => t('import.unnamed', { n }));
      showParcels(parts);
      const names = [...new Set(response.features.features.map((f) => fileName(f.properties)).filter(Boolean))];
      if (names.length === 1) onNamed?.(names[0]);
      onState(() => ({ ...EMPTY_IMPORT, warnings: response.warnings, parcels: parts }));
      // The CRS in the interface language only (older servers send just the combined name).
      const crsName = (lang === 'zh' ? response.crs.nameZh : response.crs.nameEn) ?? response.crs.name;
      setStatus({ kind: 'done', text: t('import.done', { count: parts.length, crs: crsName, epsg: response.crs.epsg }) });
    } catch (e) {
      const message = e instanceof ApiError ? e.messageIn(i18n.language) : String(e);
      // Nothing of the previous import's parcel list or warnings stays under the error.
      onState(() => ({ ...EMPTY_IMPORT, status: { kind: 'error', text: t('import.failed', { message }) } }));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  // Files dropped on the map are imported as if chosen here (while this tab is open).
  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const target = map?.getContainer().parentElement;
    if (!target) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // else the browser opens the file instead of the app
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!target.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void onFileRef.current(e.dataTransfer?.files?.[0]);
    };
    target.addEventListener('dragover', over);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragover', over);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
      setDragging(false);
    };
  }, [map]);
  useEffect(() => {
    const target = map?.getContainer().parentElement;
    target?.classList.toggle('is-file-over', dragging);
    if (target) target.dataset.dropHint = t('import.dropHint');
  }, [map, dragging, t]);

  const choose = (value: string) => {
    onState((s) => ({ ...s, chosen: value }));
    showParcels(value === 'all' ? parcels : parcels.filter((p) => p.id === value));
  };

  return (
    <section className="site-section import-controls" aria-labelledby="import-title">
      <h3 id="import-title">{t('import.title')}</h3>
      <div className="form-grid">
        <label>
          {t('import.format')}
          <select value={choices.format} onChange={set('format')} data-testid="import-format">
            <option value="">{t('import.auto')}</option>
            {FORMATS.map((f) => <option key={f} value={f}>{t(`import.formats.${f}`)}</option>)}
          </select>
        </label>
        <label>
          {t('import.encoding')}
          <select value={choices.encoding} onChange={set('encoding')}>
            <option value="">{t('import.auto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="gbk">GBK</option>
          </select>
        </label>
        <label className="span-2">
          {t('import.crs')}
          <select value={choices.crs} onChange={set('crs')} data-testid="import-crs">
            <option value="">{t('import.auto')}</option>
            {CRS_CHOICES.map((c) => <option key={c} value={c}>{t(`import.crsOptions.${c}`)}</option>)}
          </select>
        </label>
      </div>
      <label className="file-button">
        <input ref={fileInput} type="file" data-testid="import-file" accept=".geojson,.json,.kml,.kmz,.zip,.csv,.txt" onChange={(e) => void onFile(e.target.files?.[0])} />
        <span>{t('import.choose')}</span>
      </label>
      <small className="muted">{t('import.accept')}</small>
      {status.text && (
        <p className={`site-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="import-status">
          {status.text}
        </p>
      )}
      {parcels.length > 1 && (
        <label className="parcel-select">
          {t('import.parcel')}
          <select value={chosen} onChange={(e) => choose(e.target.value)} data-testid="import-parcel">
            <option value="all">{t('import.allParcels', { count: parcels.length })}</option>
            {parcels.map((p) => <option key={p.id} value={p.id}>{p.properties.name}</option>)}
          </select>
        </label>
      )}
      {warnings.length > 0 && (
        <div className="site-alert site-alert-warn">
          <strong>{t('import.warnings')}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                {lang === 'zh' ? w.zh : w.en}
                {w.location && (
                  <button type="button" className="link-button" onClick={() => map?.flyTo({ center: w.location!, zoom: Math.max(map.getZoom(), 16) })}>
                    {t('parts.zoom')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
