import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminLayer, PublishBody, PublishResponse, PublishSummary, UploadResponse, ValidationIssue } from '../../common/api/admin.ts';
import { ApiError } from '../api/fetch-json.ts';
import { apiFetch, apiHeaders, errorText } from '../auth/api-fetch.ts';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { levelLabel } from '../layers/level-label.ts';
import { DATA_NS } from './data-i18n.ts';
import { LayerAdminList } from './LayerAdminList.tsx';
import './admin.css';

const NEW = '__new__';

/** multipart upload with the session's CSRF token (apiFetch sends JSON only). */
async function uploadFile(file: File): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file);
  const headers = apiHeaders('POST', false);
  const res = await fetch('/api/admin/uploads', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'HTTP', body?.error?.message ?? { zh: `HTTP ${res.status}`, en: `HTTP ${res.status}` });
  return body as UploadResponse;
}

function IssueList({ title, issues, lang, kind }: { title: string; issues: ValidationIssue[]; lang: string; kind: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  return (
    <div className={`data-issues is-${kind}`} data-testid={`data-${kind}s`}>
      <h4>{title}（{issues.length}）</h4>
      <ul>
        {issues.map((i, n) => (
          <li key={n} data-code={i.code} data-id={i.id}>
            <code>{i.code}</code> {lang.startsWith('zh') ? i.message.zh : i.message.en}
            {i.location && <span className="muted"> @ {i.location[0].toFixed(6)}, {i.location[1].toFixed(6)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * 数据管理 for administrators: upload → what is in the file → target layer → field mapping with the
 * level table → validation report (a dry run, in PostGIS) → publish with a note and 批准文号.
 */
export function DataDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation(DATA_NS);
  const { t: tl } = useTranslation();
  const lang = i18n.language;
  const dialog = useRef<HTMLDialogElement>(null);
  const { reload: reloadCatalog } = useCatalog();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadResponse | null>(null);
  const [sourceLayer, setSourceLayer] = useState('');
  const [crs, setCrs] = useState('');
  const [layers, setLayers] = useState<AdminLayer[]>([]);
  const [target, setTarget] = useState('');
  const [created, setCreated] = useState({ id: '', kind: 'eco_redline', nameZh: '', nameEn: '' });
  const [fields, setFields] = useState({ id: '', name: '', nameEn: '', level: '' });
  const [levelValues, setLevelValues] = useState<Record<string, string>>({});
  const [repair, setRepair] = useState(false);
  const [report, setReport] = useState<PublishSummary | null>(null);
  const [meta, setMeta] = useState({ note: '', approvalDocument: '' });
  const [done, setDone] = useState<PublishResponse | null>(null);

  const loadLayers = () => apiFetch<{ layers: AdminLayer[] }>('/api/admin/layers').then((r) => setLayers(r.layers));
  useEffect(() => {
    dialog.current?.showModal();
    loadLayers().catch((e: unknown) => setError(errorText(e, lang)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(errorText(e, lang));
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const info = upload?.layers.find((l) => l.name === sourceLayer) ?? upload?.layers[0];
  const targetLayer = layers.find((l) => l.id === target);
  const kinds = useMemo(() => [...new Set(layers.map((l) => l.kind))].sort(), [layers]);
  const levelSamples = (info?.fields.find((f) => f.name === fields.level)?.samples ?? []).map(String);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUpload(null);
    setReport(null);
    setDone(null);
    const result = await run(t('uploading'), () => uploadFile(file));
    if (!result) return;
    setUpload(result);
    const first = result.layers[0];
    setSourceLayer(first?.name ?? '');
    setCrs(first?.crs ? '' : String(first?.suggestedCrs?.epsg ?? ''));
  };

  const createLayer = () =>
    run(t('uploading'), async () => {
      const layer = await apiFetch<AdminLayer>('/api/admin/layers', { method: 'POST', body: created });
      await loadLayers();
      setTarget(layer.id);
    });

  const body = (): PublishBody => ({
    uploadId: upload!.uploadId,
    sourceLayer: info?.name,
    ...(crs ? { crs: Number(crs) } : {}),
    mapping: {
      ...(fields.id ? { id: fields.id } : {}),
      name: fields.name,
      ...(fields.nameEn ? { nameEn: fields.nameEn } : {}),
      ...(fields.level
        ? { level: { field: fields.level, values: Object.fromEntries(levelSamples.map((v) => [v, levelValues[v] && levelValues[v] !== 'none' ? levelValues[v] : null])) } }
        : {}),
    },
    repair,
  });

  const validate = () =>
    run(t('validating'), async () => {
      setReport(await apiFetch<PublishSummary>(`/api/admin/layers/${target}/versions`, { method: 'POST', body: { ...body(), dryRun: true } }));
    });

  const publish = () =>
    run(t('publishing'), async () => {
      const result = await apiFetch<PublishResponse>(`/api/admin/layers/${target}/versions`, {
        method: 'POST',
        body: { ...body(), ...(meta.note ? { note: meta.note } : {}), ...(meta.approvalDocument ? { approvalDocument: meta.approvalDocument } : {}) },
      });
      setDone(result);
      reloadCatalog();
    });

  const ha = (m2: number) => (m2 / 10_000).toLocaleString(lang, { maximumFractionDigits: 4 });
  const select = (key: keyof typeof fields, label: string, required = false) => (
    <label className="data-field">
      <span>{label}</span>
      <select value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} data-testid={`map-${key}`}>
        {!required && <option value="">{t('none')}</option>}
        {required && <option value="" disabled>—</option>}
        {info?.fields.map((f) => (
          <option key={f.name} value={f.name}>{f.name}</option>
        ))}
      </select>
    </label>
  );

  return (
    <dialog ref={dialog} className="settings-dialog data-dialog" onClose={onClose} aria-labelledby="data-title" data-testid="data-dialog">
      <h2 id="data-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>

      <section>
        <h3>{t('steps.upload')}</h3>
        <input type="file" accept=".zip,.gpkg,.geojson,.json,.kml,.kmz,.txt" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="data-file" aria-label={t('file')} />
      </section>

      {busy && <p className="data-progress" role="status" data-testid="data-progress"><progress /> {busy}</p>}
      {error && <p className="form-error" role="alert" data-testid="data-error">{error}</p>}

      {upload && info && (
        <section data-testid="data-inspect">
          <h3>{t('steps.inspect')} · {upload.fileName}</h3>
          <table className="users-table">
            <thead><tr><th>{t('columns.name')}</th><th>{t('columns.count')}</th><th>{t('columns.geometry')}</th><th>{t('columns.crs')}</th><th>{t('columns.extent')}</th></tr></thead>
            <tbody>
              {upload.layers.map((l) => (
                <tr key={l.name} className={l.name === info.name ? 'is-selected' : undefined} onClick={() => setSourceLayer(l.name)}>
                  <td>{l.name}</td>
                  <td>{l.featureCount}</td>
                  <td>{l.geometryType}</td>
                  <td data-testid="data-crs">{l.crs ? `EPSG:${l.crs.epsg} ${lang.startsWith('zh') ? l.crs.nameZh : l.crs.nameEn}` : `${t('noCrs')}${l.suggestedCrs ? ` · ${t('suggested', { epsg: l.suggestedCrs.epsg })}` : ''}`}</td>
                  <td>{l.extent ? l.extent.map((v) => v.toFixed(4)).join(', ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!info.crs && (
            <label className="data-field"><span>{t('useCrs')}</span><input value={crs} onChange={(e) => setCrs(e.target.value.replace(/\D/g, ''))} inputMode="numeric" /></label>
          )}
          <h4>{t('fields')}</h4>
          <ul className="data-fields" data-testid="data-fields">
            {info.fields.map((f) => (
              <li key={f.name}><code>{f.name}</code> <span className="muted">{f.type}</span> {f.samples.slice(0, 6).map(String).join(' · ')}</li>
            ))}
          </ul>

          <h3>{t('steps.target')}</h3>
          <label className="data-field">
            <span>{t('target')}</span>
            <select value={target} onChange={(e) => { setTarget(e.target.value); setReport(null); }} data-testid="data-target">
              <option value="" disabled>—</option>
              {layers.filter((l) => !l.retired).map((l) => (
                <option key={l.id} value={l.id}>{lang.startsWith('zh') ? l.nameZh : l.nameEn} ({l.id})</option>
              ))}
              <option value={NEW}>{t('newLayer')}</option>
            </select>
          </label>
          {target === NEW && (
            <div className="data-new-layer">
              <label className="data-field"><span>{t('newId')}</span><input value={created.id} onChange={(e) => setCreated({ ...created, id: e.target.value })} data-testid="new-id" /></label>
              <label className="data-field">
                <span>{t('newKind')}</span>
                <select value={created.kind} onChange={(e) => setCreated({ ...created, kind: e.target.value })} data-testid="new-kind">
                  {kinds.filter((k) => k !== 'reference' && k !== 'admin_boundary' && layers.some((l) => l.kind === k && l.checked)).map((k) => (
                    <option key={k} value={k}>{k}</option>
                  ))}
                  <option value="reference">{t('reference')}</option>
                </select>
              </label>
              <label className="data-field"><span>{t('newNameZh')}</span><input value={created.nameZh} onChange={(e) => setCreated({ ...created, nameZh: e.target.value })} data-testid="new-name-zh" /></label>
              <label className="data-field"><span>{t('newNameEn')}</span><input value={created.nameEn} onChange={(e) => setCreated({ ...created, nameEn: e.target.value })} data-testid="new-name-en" /></label>
              <button type="button" onClick={() => void createLayer()} disabled={!!busy} data-testid="new-create">{t('createLayer')}</button>
            </div>
          )}

          {targetLayer && (
            <>
              <h3>{t('steps.mapping')}</h3>
              <div className="data-mapping">
                {select('id', t('fieldId'))}
                {select('name', t('fieldName'), true)}
                {select('nameEn', t('fieldNameEn'))}
                {targetLayer.levels.length > 0 && select('level', t('fieldLevel'))}
              </div>
              {fields.level && (
                <table className="users-table data-levels" data-testid="data-levels">
                  <thead><tr><th>{t('fileValue')}</th><th>{t('layerLevel')}</th></tr></thead>
                  <tbody>
                    {levelSamples.map((v) => (
                      <tr key={v}>
                        <td>{v}</td>
                        <td>
                          <select value={levelValues[v] ?? ''} onChange={(e) => setLevelValues({ ...levelValues, [v]: e.target.value })} data-testid={`level-${v}`}>
                            <option value="" disabled>—</option>
                            {targetLayer.levels.map((l) => (
                              <option key={l} value={l}>{levelLabel(tl, targetLayer, l, lang)}</option>
                            ))}
                            <option value="none">{t('noLevel')}</option>
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <label className="data-check"><input type="checkbox" checked={repair} onChange={(e) => setRepair(e.target.checked)} data-testid="data-repair" /> {t('repair')}</label>
              <button type="button" onClick={() => void validate()} disabled={!!busy || !fields.name} data-testid="data-validate">{t('validate')}</button>
            </>
          )}
        </section>
      )}

      {report && (
        <section data-testid="data-report">
          <h3>{t('steps.report')} · {t('report')}</h3>
          <p data-testid="data-summary">{t('summary', { count: report.featureCount, ha: ha(report.areaM2) })}{' '}
            {Object.entries(report.areaByLevel).map(([level, m2]) => `${level === 'none' ? t('noLevel') : targetLayer ? levelLabel(tl, targetLayer, level, lang) : level}: ${ha(m2)}`).join(' · ')}
          </p>
          {report.validation.errors.length === 0 && report.validation.warnings.length === 0 && <p className="muted">{t('noIssues')}</p>}
          <IssueList title={t('errors')} issues={report.validation.errors} lang={lang} kind="error" />
          <IssueList title={t('warnings')} issues={report.validation.warnings} lang={lang} kind="warning" />

          <h3>{t('steps.publish')}</h3>
          <label className="data-field"><span>{t('note')}</span><input value={meta.note} onChange={(e) => setMeta({ ...meta, note: e.target.value })} data-testid="data-note" /></label>
          <label className="data-field"><span>{t('approval')}</span><input value={meta.approvalDocument} onChange={(e) => setMeta({ ...meta, approvalDocument: e.target.value })} data-testid="data-approval" /></label>
          <button type="button" className="primary" onClick={() => void publish()} disabled={!!busy || report.validation.errors.length > 0} data-testid="data-publish">{t('publish')}</button>
        </section>
      )}

      {done && (
        <p className="form-done" role="status" data-testid="data-done">
          {t('published', { layer: done.layerId, version: done.version, count: done.featureCount })}
        </p>
      )}

      <LayerAdminList layers={layers} onChanged={() => { void loadLayers().catch((e: unknown) => setError(errorText(e, lang))); reloadCatalog(); }} />

      <form method="dialog" className="dialog-actions">
        <button type="submit">{t('close')}</button>
      </form>
    </dialog>
  );
}
