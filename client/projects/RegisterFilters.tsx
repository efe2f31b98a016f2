import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_NS } from '../check/i18n.ts';
import { PROJECTS_NS } from './i18n.ts';
import { EMPTY_FILTER, STATUSES, VERDICT_ORDER, type RegisterFilter } from './types.ts';
import { useTypeLabel } from './useTypeLabel.ts';

const SEARCH_DELAY_MS = 300;

/** The register's filters: status, verdict, type, township and a text search (debounced). */
export function RegisterFilters({
  filter,
  onFilter,
  townships,
}: {
  filter: RegisterFilter;
  onFilter(filter: RegisterFilter): void;
  townships: string[];
}) {
  const { t } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const { types } = useTypeLabel();
  const [q, setQ] = useState(filter.q);
  useEffect(() => setQ(filter.q), [filter.q]);
  useEffect(() => {
    if (q === filter.q) return;
    const timer = setTimeout(() => onFilter({ ...filter, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filter, onFilter]);
  const select = (key: keyof RegisterFilter, options: { value: string; label: string }[]) => (
    <label>
      <span>{t(`filter.${key}`)}</span>
      <select value={filter[key]} onChange={(e) => onFilter({ ...filter, [key]: e.target.value })} data-filter={key}>
        <option value="">{t('filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const active = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);
  // 'all' of the archive select means "not archived" (the default register).
  return (
    <div className="register-filters" role="search" aria-label={t('filter.label')}>
      <input
        type="search"
        className="register-search"
        value={q}
        placeholder={t('filter.q')}
        aria-label={t('filter.q')}
        onChange={(e) => setQ(e.target.value)}
        data-filter="q"
      />
      <div className="register-selects">
        {select('status', STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
        {select('verdict', [...VERDICT_ORDER.map((v) => ({ value: v, label: tc(`verdict.${v}`) })), { value: 'none', label: t('filter.none') }])}
        {select('type', types.map((x) => ({ value: x.key, label: x.label })))}
        {select('township', townships.map((name) => ({ value: name, label: name })))}
        {select('layerUpdate', [{ value: 'changed', label: t('filter.layerUpdateChanged') }])}
        {select('archived', [
          { value: 'true', label: t('filter.archivedToo') },
          { value: 'only', label: t('filter.archivedOnly') },
        ])}
      </div>
      {active && (
        <button type="button" className="link-button register-reset" onClick={() => onFilter(EMPTY_FILTER)}>
          {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
