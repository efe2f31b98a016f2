import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_KINDS, type LayerDiff, type LayerVersion, type LedgerLayer, type RecheckJob } from '../../common/api/ledger.ts';
import { apiFetch, errorText } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { layerName } from '../layers/layer-info.ts';
import { levelLabel } from '../layers/level-label.ts';
import { useMap } from '../map/MapContext.tsx';
import { clearDiffFromMap, DIFF_PARTS, DIFF_STYLES, showDiffOnMap } from './diff-map.ts';
import { LedgerChart } from './LedgerChart.tsx';
import { LEDGER_NS } from './i18n.ts';
import './ledger.css';

const ha = (m2: number) => (m2 / 10_000).toFixed(4);

/**
 * 变更监管: the versions of a layer (download; an administrator makes an earlier one current
 * again), the diff of two versions on the map (调入 / 调出 / 性质变化 with a legend) and as tables,
 * and the area ledger of the protected layers with its chart. Every figure comes from the server.
 */
export function ChangesPanel() {
  const { t, i18n } = useTranslation(LEDGER_NS);
  const { t: tl } = useTranslation();
  const lang = i18n.language;
  const { catalog, byId, reload } = useCatalog();
  const map = useMap();
  const auth = useAuth();
  const isAdmin = auth.user?.role === 'admin';
  const polygonLayers = useMemo(
    () => catalog.layers.filter((l) => /Polygon/.test(l.geometryType) && l.version !== null)
      .sort((a, b) => Number(!(LEDGER_KINDS as readonly string[]).includes(a.kind)) - Number(!(LEDGER_KINDS as readonly string[]).includes(b.kind))),
    [catalog.layers],
  );
  const [layerId, setLayerId] = useState('');
  const [versions, setVersions] = useState<LayerVersion[]>([]);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<LayerDiff | null>(null);
  const [ledger, setLedger] = useState<LedgerLayer[]>([]);
  const [rechecks, setRechecks] = useState<RecheckJob[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const layer = byId.get(layerId);

  useEffect(() => {
    if (!layerId && polygonLayers[0]) setLayerId(polygonLayers[0].id);
  }, [layerId, polygonLayers]);

  const loadVersions = async (id: string) => {
    const list = await apiFetch<LayerVersion[]>(`/api/layers/${encodeURIComponent(id)}/versions`);
    setVersions(list);
    setTo(list[0]?.version ?? 0);
    setFrom(list[1]?.version ?? list[0]?.version ?? 0);
  };
  const loadLedger = () => apiFetch<LedgerLayer[]>('/api/ledger').then(setLedger);
  const loadRechecks = () => (isAdmin ? apiFetch<RecheckJob[]>('/api/admin/rechecks').then(setRechecks) : Promise.resolve());

  useEffect(() => {
    if (!layerId) return;
    setDiff(null);
    setError(null);
    loadVersions(layerId).catch((e: unknown) => setError(errorText(e, lang)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layerId]);
  useEffect(() => {
    loadLedger().catch((e: unknown) => setError(errorText(e, lang)));
    loadRechecks().catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isAdmin]);
  // The diff leaves the map with the panel.
  useEffect(() => () => {
    if (map) clearDiffFromMap(map);
  }, [map]);

  const compare = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await apiFetch<LayerDiff>(`/api/layers/${encodeURIComponent(layerId)}/diff?from=${from}&to=${to}`);
      setDiff(d);
      if (map) showDiffOnMap(map, d);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: number) => {
    if (!window.confirm(t('restoreConfirm', { version }))) return;
    setError(null);
    try {
      const out = await apiFetch<{ version: number }>(`/api/admin/layers/${encodeURIComponent(layerId)}/restore`, { method: 'POST', body: { version } });
      setMessage(t('restored', { from: version, version: out.version }));
      await Promise.all([loadVersions(layerId), loadLedger(), loadRechecks(), reload()]);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const level = (l: string | null) => (layer ? levelLabel(tl, layer, l === 'none' ? null : l, lang) : (l ?? '—'));
  const mine = ledger.find((l) => l.layerId === layerId);
  const diffUrl = (format: string) => `/api/layers/${encodeURIComponent(layerId)}/diff?from=${from}&to=${to}&format=${format}`;

  return (
    <div className="ledger-panel" data-testid="changes-panel">
      <p className="muted">{t('intro')}</p>
      <label className="ledger-field">
        {t('layer')}
        <select value={layerId} onChange={(e) => setLayerId(e.target.value)} data-testid="ledger-layer">
          {polygonLayers.map((l) => <option key={l.id} value={l.id}>{layerName(l, lang)}</option>)}
        </select>
      </label>
      {error && <p className="ledger-error" role="alert">{error}</p>}
      {message && <p className="ledger-message" role="status">{message}</p>}

      <h3>{t('versions')}</h3>
      {versions.length === 0 ? <p className="muted">{t('noVersions')}</p> : (
        <table className="ledger-table" data-testid="ledger-versions">
          <thead>
            <tr><th>{t('cols.version')}</th><th>{t('cols.when')}</th><th>{t('cols.count')}</th><th>{t('cols.area')}</th><th>{t('cols.approval')}</th><th /></tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-version={v.version} className={v.current ? 'is-current' : undefined}>
                <td>
                  v{v.version}{v.current && <span className="ledger-badge">{t('current')}</span>}
                  {v.restoredFrom !== null && <div className="muted">{t('restoredFrom', { version: v.restoredFrom })}</div>}
                </td>
                <td title={v.source.sha256 ? `SHA-256 ${v.source.sha256}` : undefined}>
                  {v.createdAt.slice(0, 16).replace('T', ' ')}<div className="muted">{v.createdBy ?? ''} {v.source.fileName ?? ''}</div>
                </td>
                <td>{v.featureCount}</td>
                <td>{ha(v.areaM2)}</td>
                <td>{v.approvalDocument ?? ''}{v.note && <div className="muted">{v.note}</div>}</td>
                <td>
                  <a href={v.downloadUrl} download={`${layerId}-v${v.version}.geojson`}>{t('download')}</a>
                  {isAdmin && !v.current && <button type="button" className="link" onClick={() => void restore(v.version)} data-testid={`restore-${v.version}`}>{t('restore')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {versions.length > 1 && (
        <section className="ledger-diff">
          <h3>{t('diff')}</h3>
          <div className="ledger-row">
            <label>{t('from')} <select value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from">{versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}</select></label>
            <label>{t('to')} <select value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to">{versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}</select></label>
            <button type="button" onClick={() => void compare()} disabled={busy || from === to} data-testid="diff-compare">{busy ? t('comparing') : t('compare')}</button>
          </div>
          {diff && (
            <div data-testid="diff-result">
              <div className="ledger-legend" aria-label={t('legend')} data-testid="diff-legend">
                {DIFF_PARTS.map((part) => (
                  <span key={part} className="ledger-legend-item" data-part={part}>
                    <svg width="18" height="12" aria-hidden="true">
                      <rect x="1" y="1" width="16" height="10" fill={DIFF_STYLES[part].fill} fillOpacity={DIFF_STYLES[part].opacity + 0.2}
                        stroke={DIFF_STYLES[part].line} strokeWidth="2" strokeDasharray={DIFF_STYLES[part].dash ? '3 2' : undefined} />
                    </svg>
                    {t(part)}
                  </span>
                ))}
                <button type="button" className="link" onClick={() => { if (map) clearDiffFromMap(map); setDiff(null); }}>{t('clear')}</button>
              </div>
              <table className="ledger-table" data-testid="diff-summary">
                <tbody>
                  <tr><th>{t('gained')}</th><td data-testid="diff-gained">{t('ha', { value: ha(diff.gainedM2) })}</td></tr>
                  <tr><th>{t('lost')}</th><td data-testid="diff-lost">{t('ha', { value: ha(diff.lostM2) })}</td></tr>
                  <tr><th>{t('net')}</th><td>{t('ha', { value: ha(diff.netM2) })}</td></tr>
                </tbody>
              </table>
              {Object.keys(diff.byLevel).length > 0 && (
                <table className="ledger-table">
                  <thead><tr><th>{t('level')}</th><th>{t('gained')}</th><th>{t('lost')}</th></tr></thead>
                  <tbody>
                    {Object.entries(diff.byLevel).map(([l, v]) => <tr key={l}><td>{level(l)}</td><td>{ha(v.gainedM2)}</td><td>{ha(v.lostM2)}</td></tr>)}
                  </tbody>
                </table>
              )}
              {diff.added.length + diff.removed.length + diff.changed.length === 0 && <p className="muted">{t('noChange', { tol: diff.toleranceM })}</p>}
              {diff.added.length > 0 && <p><strong>{t('added')}</strong>：{diff.added.join('、')}</p>}
              {diff.removed.length > 0 && <p><strong>{t('removed')}</strong>：{diff.removed.join('、')}</p>}
              {diff.changed.length > 0 && (
                <ul className="ledger-changed" data-testid="diff-changed">
                  <strong>{t('changed')}</strong>
                  {diff.changed.map((c) => (
                    <li key={c.id} data-id={c.id}>
                      {c.id}：+{ha(c.gainedM2)} / −{ha(c.lostM2)} {t('ha', { value: '' }).trim()}
                      {c.levelFrom !== c.levelTo && <> · {t('levelChange', { from: level(c.levelFrom), to: level(c.levelTo) })}</>}
                    </li>
                  ))}
                </ul>
              )}
              <p>{t('onMap')} · <a href={diffUrl('xlsx')}>{t('xlsx')}</a> · <a href={diffUrl('gpkg')}>{t('gpkg')}</a></p>
            </div>
          )}
        </section>
      )}

      <section className="ledger-ledger" data-testid="ledger-section">
        <h3>{t('ledger')}</h3>
        <p className="muted">{t('ledgerIntro')} <a href="/api/ledger?format=xlsx">{t('xlsx')}</a></p>
        {ledger.length === 0 && <p className="muted">{t('noLedger')}</p>}
        {(mine ? [mine] : ledger.slice(0, 1)).map((l) => (
          <div key={l.layerId}>
            <LedgerChart versions={l.versions} title={t('chart', { layer: layerName(l, lang) })} />
            <table className="ledger-table" data-testid="ledger-table">
              <thead><tr><th>{t('cols.version')}</th><th>{t('cols.area')}</th><th>{t('net')}</th><th>{t('cols.approval')}</th></tr></thead>
              <tbody>
                {l.versions.map((v) => (
                  <tr key={v.version} className={v.decreased ? 'is-decrease' : undefined} data-decreased={v.decreased}>
                    <td>v{v.version}</td>
                    <td>{ha(v.areaM2)}</td>
                    <td>{v.netChangeM2 > 0 ? '+' : ''}{ha(v.netChangeM2)}{v.decreased && <span className="ledger-badge is-decrease">{t('decreased')}</span>}
                      {v.levelChanges > 0 && <div className="muted">{t('levelChanges', { count: v.levelChanges })}</div>}</td>
                    <td>{v.approvalDocument ?? ''}{v.note && <div className="muted">{v.note}</div>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      {isAdmin && rechecks.length > 0 && (
        <section data-testid="rechecks">
          <h3>{t('rechecks')}</h3>
          <ul>
            {rechecks.slice(0, 5).map((j) => (
              <li key={j.id}>{t('recheckRow', { layer: byId.get(j.layerId) ? layerName(byId.get(j.layerId)!, lang) : j.layerId, version: j.version, done: j.done, total: j.total, changed: j.verdictChanged, status: t(`status.${j.status}`) })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
