import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/fetch-json.ts';
import { postForDownload } from './download.ts';
import { DRAW_NS } from './i18n.ts';
import { isCompleteShape, type SiteFeature } from './site-features.ts';

const FORMATS = ['geojson', 'kml', 'shp', 'txt', 'csv'] as const;

/** Strips the client's bookkeeping (origin, terra-draw mode) so files carry only the parcel's own attributes. */
function exportable(features: SiteFeature[]) {
  return {
    type: 'FeatureCollection' as const,
    features: features
      .filter((f) => isCompleteShape(f.geometry))
      .map(({ geometry, properties }) => {
        const { origin: _origin, mode: _mode, ...own } = properties;
        return { type: 'Feature' as const, geometry, properties: own };
      }),
  };
}

/**
 * Download buttons for the site: GeoJSON, KML, Shapefile (zip), 国土 TXT (3° zone from the
 * longitude unless chosen) and CSV, through POST /api/export. A self-intersecting site is refused.
 */
export function ExportControls({ features, blocked, name }: { features: SiteFeature[]; blocked: string | null; name?: string }) {
  const { t, i18n } = useTranslation(DRAW_NS);
  const [zone, setZone] = useState('');
  const [encoding, setEncoding] = useState('utf-8');
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; text: string } | null>(null);
  const body = exportable(features);
  const empty = body.features.length === 0;

  const download = async (format: (typeof FORMATS)[number]) => {
    if (blocked) return setStatus({ kind: 'error', text: blocked });
    const params = new URLSearchParams({ format });
    if (format === 'txt' && zone) params.set('zone', zone);
    if (format === 'txt' || format === 'csv' || format === 'shp') params.set('encoding', encoding);
    setStatus({ kind: 'busy', text: t('export.exporting') });
    try {
      await postForDownload(`/api/export?${params}`, { features: body, name }, `site.${format === 'shp' ? 'zip' : format}`);
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', text: t('export.failed', { message: e instanceof ApiError ? e.messageIn(i18n.language) : String(e) }) });
    }
  };

  return (
    <section className="site-section export-controls" aria-labelledby="export-title">
      <h3 id="export-title">{t('export.title')}</h3>
      <div className="export-buttons">
        {FORMATS.map((format) => (
          <button key={format} type="button" data-export={format} disabled={empty || status?.kind === 'busy'} onClick={() => void download(format)}>
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
      <div className="form-grid">
        <label>
          {t('export.zone')}
          <select value={zone} onChange={(e) => setZone(e.target.value)}>
            <option value="">{t('export.zoneAuto')}</option>
            <option value="35">35（105°E）</option>
            <option value="36">36（108°E）</option>
          </select>
        </label>
        <label>
          {t('export.encoding')}
          <select value={encoding} onChange={(e) => setEncoding(e.target.value)}>
            <option value="utf-8">UTF-8</option>
            <option value="gbk">GBK</option>
          </select>
        </label>
      </div>
      {empty && <small className="muted">{t('export.nothing')}</small>}
      {status && (
        <p className={`site-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
