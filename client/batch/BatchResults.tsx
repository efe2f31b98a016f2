import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchStatusView } from '../../common/api/batch.ts';
import { errorText } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
import { useLayerCatalog, useProjectTypes } from '../check/useCatalogs.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { useMap } from '../map/MapContext.tsx';
import { framePadding } from '../map/view.ts';
import { geometryBounds } from '../../common/geo/bbox.ts';
import { projectDataChanged, showPanelTab } from '../projects/project-nav.ts';
import { requestSiteLoad } from '../projects/site-handoff.ts';
import { getResults, getSites, resultsGpkgUrl, resultsXlsxUrl, rowsToProjects, type BatchResultRow } from './batch-api.ts';
import { BatchMapLayer } from './BatchMapLayer.tsx';
import { BATCH_NS } from './i18n.ts';

const VERDICT_ORDER = ['prohibited', 'conditional', 'notice', 'clear', 'outside_coverage'] as const;
const severity = (v: string | null) => (v === null ? 4 : VERDICT_ORDER.indexOf(v as (typeof VERDICT_ORDER)[number]));
type SortKey = 'index' | 'name' | 'type' | 'verdict' | 'layers';
const M2_PER_HECTARE = 10_000;

/**
 * A finished (or cancelled) batch: summary counts, the table sortable by its headers and
 * filterable by verdict and layer, all sites on the map, a row opens its site in 绘制与核查
 * (an ordinary check), exports, and selected rows → draft projects.
 */
export function BatchResults({ status }: { status: BatchStatusView }) {
  const { t, i18n } = useTranslation(BATCH_NS);
  const side = bilingualSide(i18n.language);
  const { user } = useAuth();
  const map = useMap();
  const layers = useLayerCatalog();
  const types = useProjectTypes();
  const [rows, setRows] = useState<BatchResultRow[] | null>(null);
  const [sites, setSites] = useState<GeoJSON.FeatureCollection | null>(null);
  const [verdict, setVerdict] = useState('');
  const [layer, setLayer] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'index', desc: false });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void getResults(status.id).then((r) => live && setRows(r));
    void getSites(status.id).then((s) => {
      if (!live) return;
      setSites(s);
      if (map && s.features.length > 0)
        map.fitBounds(geometryBounds({ type: 'GeometryCollection', geometries: s.features.map((f) => f.geometry) }), { padding: framePadding(40), maxZoom: 14, duration: 0 });
    });
    return () => {
      live = false;
    };
  }, [status.id, status.done, map]);

  const layerName = (id: string) => {
    const l = layers.data?.find((x) => x.id === id);
    return l ? (side === 'zh' ? l.nameZh : l.nameEn) : id;
  };
  const typeName = (key: unknown) => types.data?.types.find((x) => x.key === key)?.[side] ?? String(key ?? '—');
  const hits = (r: BatchResultRow) => r.results.filter((l) => l.verdict !== 'clear' || l.overlapAreaM2 > 0);

  const shown = useMemo(() => {
    const list = (rows ?? []).filter(
      (r) => (!verdict || (verdict === 'error' ? r.error !== null : r.verdict === verdict)) && (!layer || hits(r).some((l) => l.layerId === layer)),
    );
    const value = (r: BatchResultRow): string | number =>
      sort.key === 'index' ? r.index : sort.key === 'name' ? (r.name ?? '') : sort.key === 'type' ? typeName(r.project?.type) : sort.key === 'verdict' ? severity(r.verdict) : hits(r).length;
    return [...list].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return sort.desc ? -c : c;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, verdict, layer, sort, types.data]);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))} data-sort={key}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  const open = (r: BatchResultRow) => {
    const feature = sites?.features.find((f) => f.properties?.index === r.index);
    if (!feature?.geometry || !r.project) return;
    requestSiteLoad({ name: r.name ?? '', geometry: feature.geometry, project: r.project as unknown as ProjectInput });
    showPanelTab('check');
  };

  const toProjects = async () => {
    try {
      const res = await rowsToProjects(status.id, [...selected]);
      setMessage(t('results.created', { n: res.created.length }));
      setSelected(new Set());
      projectDataChanged();
    } catch (e) {
      setMessage(errorText(e, i18n.language));
    }
  };

  const v = status.summary.verdicts;
  return (
    <section className="batch-results" data-testid="batch-results">
      <BatchMapLayer sites={sites} />
      <h3>{t('results.summary')}</h3>
      <ul className="batch-summary" data-testid="batch-summary">
        {VERDICT_ORDER.map((k) => (
          <li key={k} className={`batch-v-${k}`} data-verdict={k}>
            {t(`verdict.${k}`)} <strong>{v[k]}</strong>
          </li>
        ))}
        <li data-verdict="error">
          {t('results.error')} <strong>{v.error}</strong>
        </li>
      </ul>
      <ul className="batch-layer-summary">
        {status.summary.layers
          .filter((l) => l.sites > 0)
          .map((l) => (
            <li key={l.layerId}>{t('results.layerCount', { name: side === 'zh' ? l.nameZh : l.nameEn, n: l.sites })}</li>
          ))}
      </ul>
      <div className="batch-filters">
        <label>
          {t('results.filterVerdict')}
          <select value={verdict} onChange={(e) => setVerdict(e.target.value)} data-testid="batch-filter-verdict">
            <option value="">{t('results.all')}</option>
            {VERDICT_ORDER.map((k) => (
              <option key={k} value={k}>
                {t(`verdict.${k}`)}
              </option>
            ))}
            <option value="error">{t('results.error')}</option>
          </select>
        </label>
        <label>
          {t('results.filterLayer')}
          <select value={layer} onChange={(e) => setLayer(e.target.value)} data-testid="batch-filter-layer">
            <option value="">{t('results.all')}</option>
            {status.summary.layers.map((l) => (
              <option key={l.layerId} value={l.layerId}>
                {side === 'zh' ? l.nameZh : l.nameEn}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="batch-actions">
        <a className="button" href={resultsXlsxUrl(status.id)} download data-testid="batch-export-xlsx">
          {t('results.exportXlsx')}
        </a>
        <a className="button" href={resultsGpkgUrl(status.id)} download data-testid="batch-export-gpkg">
          {t('results.exportGpkg')}
        </a>
        {user?.role === 'applicant' && (
          <button type="button" disabled={selected.size === 0} onClick={() => void toProjects()} data-testid="batch-to-projects">
            {t('results.toProjects', { n: selected.size })}
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
      <p className="batch-shown" data-testid="batch-shown">
        {t('results.shown', { shown: shown.length, total: rows?.length ?? 0 })}
      </p>
      <div className="batch-table-wrap">
        <table className="batch-table" data-testid="batch-table">
          <thead>
            <tr>
              <th />
              {header('index', '#')}
              {header('name', t('results.name'))}
              {header('type', t('results.type'))}
              {header('verdict', t('results.verdict'))}
              {header('layers', t('results.layers'))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.index} data-index={r.index} data-verdict={r.verdict ?? 'error'} className="batch-row" onClick={() => open(r)} title={t('results.open')}>
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    disabled={r.error !== null}
                    checked={selected.has(r.index)}
                    aria-label={r.name ?? String(r.index + 1)}
                    onChange={(e) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(r.index);
                        else next.delete(r.index);
                        return next;
                      })
                    }
                  />
                </td>
                <td>{r.index + 1}</td>
                <td>{r.name}</td>
                <td>{typeName(r.project?.type)}</td>
                <td className={r.verdict ? `batch-v-${r.verdict}` : 'batch-v-error'}>{r.verdict ? t(`verdict.${r.verdict}`) : r.error?.message[side]}</td>
                <td>
                  {hits(r).map((l) => (
                    <div key={l.layerId} className="batch-hit">
                      {layerName(l.layerId)}：{t(`verdict.${l.verdict}`)}
                      {l.overlapAreaM2 > 0
                        ? ` ${(l.overlapAreaM2 / M2_PER_HECTARE).toFixed(2)} 公顷 (${l.overlapPct.toFixed(1)}%)`
                        : l.minDistanceM !== null
                          ? ` · ${t('results.distance', { d: Math.round(l.minDistanceM) })}`
                          : ''}
                      {l.ruleIds.length > 0 && <span className="batch-rules"> [{l.ruleIds.join(', ')}]</span>}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
