import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/fetch-json.ts';
import { errorText } from '../auth/api-fetch.ts';
import { useProjectTypes } from '../check/useCatalogs.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { uploadPool } from './batch-api.ts';
import { watchBatch } from './batch-store.ts';
import { BATCH_NS } from './i18n.ts';

const MAPPED_FIELDS = ['name', 'type', 'wkt', 'lon', 'lat', 'widthM'] as const;

/**
 * Upload of a pool: the file, a default project type and the screening distance. When the server
 * cannot find the geometry columns it names the file's columns, and a mapping step lets the
 * planner say which column is which before uploading again.
 */
export function BatchUpload() {
  const { t, i18n } = useTranslation(BATCH_NS);
  const types = useProjectTypes();
  const side = bilingualSide(i18n.language);
  const [file, setFile] = useState<File | null>(null);
  const [defaultType, setDefaultType] = useState('');
  const [bufferM, setBufferM] = useState('500');
  const [columns, setColumns] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'busy' | 'error'; text: string } | null>(null);

  const send = async () => {
    if (!file) return;
    setStatus({ kind: 'busy', text: t('uploading') });
    try {
      const buffer = Number(bufferM);
      const created = await uploadPool(file, { defaultType: defaultType || undefined, bufferM: Number.isFinite(buffer) ? buffer : undefined, mapping });
      setStatus(null);
      setColumns(null);
      watchBatch(created.id);
    } catch (e) {
      const details = (e as { details?: { columns?: string[] } }).details;
      if (e instanceof ApiError && e.code === 'MISSING_GEOMETRY_COLUMNS' && details?.columns) setColumns(details.columns);
      setStatus({ kind: 'error', text: errorText(e, i18n.language) });
    }
  };

  return (
    <form
      className="batch-upload"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="batch-intro">{t('intro')}</p>
      <label>
        {t('file')}
        <input
          type="file"
          accept=".geojson,.json,.kml,.kmz,.zip,.csv,.txt,.xlsx,.gpkg"
          data-testid="batch-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setColumns(null);
            setMapping({});
            setStatus(null);
          }}
        />
      </label>
      <label>
        {t('defaultType')}
        <select value={defaultType} onChange={(e) => setDefaultType(e.target.value)} data-testid="batch-default-type">
          <option value="">{t('noDefault')}</option>
          {types.data?.types.map((type) => (
            <option key={type.key} value={type.key}>
              {type[side]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('bufferM')}
        <input type="number" min={0} max={5000} value={bufferM} onChange={(e) => setBufferM(e.target.value)} />
      </label>
      {columns && (
        <fieldset className="batch-mapping" data-testid="batch-mapping">
          <legend>{t('mapping.title')}</legend>
          <p>{t('mapping.hint')}</p>
          {MAPPED_FIELDS.map((field) => (
            <label key={field}>
              {t(`mapping.fields.${field}`)}
              <select value={mapping[field] ?? ''} data-field={field} onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value }))}>
                <option value="">{t('mapping.none')}</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={!file || status?.kind === 'busy'} data-testid="batch-upload">
        {status?.kind === 'busy' ? t('uploading') : columns ? t('mapping.retry') : t('upload')}
      </button>
      {status?.kind === 'error' && (
        <p className="form-error" role="alert">
          {status.text}
        </p>
      )}
    </form>
  );
}
