import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/fetch-json.ts';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useAuth } from '../auth/auth-store.ts';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { levelLabel } from '../layers/level-label.ts';
import { useMap } from '../map/MapContext.tsx';
import { openProjectPage } from '../projects/project-nav.ts';
import { flyToHit } from './fly-to-hit.ts';
import { hitAction } from './hit-action.ts';
import { MAX_QUERY_LENGTH, searchNames, type SearchHit } from './search-api.ts';
import { SearchHighlight } from './SearchHighlight.tsx';

type Results = { state: 'idle' } | { state: 'loading' } | { state: 'done'; hits: SearchHit[] } | { state: 'error'; error: ApiError };

const DEBOUNCE_MS = 250;

/** Search box for places and feature names (乡镇, 水源地, 廊道, 保护区) — fly to and highlight — and the user's projects (open the project's page). */
export function SearchBox() {
  const { t, i18n } = useTranslation();
  const map = useMap();
  const { byId } = useCatalog();
  const { dispatch } = useViewState();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<SearchHit | null>(null);
  const listId = useId();
  // Project hits depend on who asks: another account (or none) must not see the last one's.
  const userId = useAuth().user?.id ?? null;

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    setResults({ state: 'loading' });
    const timer = setTimeout(() => {
      searchNames(q, abort.signal)
        .then((hits) => {
          setResults({ state: 'done', hits });
          setActive(0);
        })
        .catch((e: unknown) => {
          if (abort.signal.aborted) return;
          setResults({ state: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', { zh: String(e), en: String(e) }) });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, userId]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    const action = hitAction(hit);
    if (action.kind === 'open-project') {
      // The project page outlines and frames the site itself.
      setChosen(null);
      openProjectPage(action.projectId);
      return;
    }
    setChosen(hit);
    // The hit's layer is switched on so what was found is also drawn.
    if (action.kind === 'frame-feature') dispatch({ type: 'toggle-layer', layerId: action.layerId, visible: true });
    if (map) flyToHit(map, hit);
  };

  const hits = results.state === 'done' ? results.hits : [];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits[active]) choose(hits[active]);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else clear();
    }
  };
  const clear = () => {
    setQuery('');
    setChosen(null);
    setOpen(false);
  };

  const showList = open && results.state !== 'idle';
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="search">
      <div className="search-field">
        <input
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && hits[active] ? optionId(active) : undefined}
          placeholder={t('search.placeholder')}
          maxLength={MAX_QUERY_LENGTH}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        {(query || chosen) && (
          <button type="button" className="icon-button" onClick={clear} aria-label={t('search.clear')} title={t('search.clear')}>
            ×
          </button>
        )}
      </div>
      {showList && (
        <div className="search-results" id={listId} role="listbox" aria-label={t('search.results')}>
          {results.state === 'loading' && <p className="panel-state" role="status"><span className="spinner" /> {t('search.searching')}</p>}
          {results.state === 'error' && <p className="panel-state" role="alert">{results.error.messageIn(i18n.language)}</p>}
          {results.state === 'done' && hits.length === 0 && <p className="panel-state">{t('search.noResults', { query: query.trim() })}</p>}
          {hits.map((hit, i) => {
            const layer = hit.type === 'coordinate' ? undefined : byId.get(hit.layerId);
            return (
              <div
                key={hit.type === 'coordinate' ? `coordinate/${hit.name}` : `${hit.layerId}/${hit.featureKey}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`search-hit${i === active ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(hit)}
                data-testid="search-hit"
              >
                <span className="hit-name">{hit.name}</span>
                <span className="hit-layer">
                  {hit.type === 'coordinate'
                    ? `${hit.crs}${hit.township ? ` · ${hit.township}` : ''}`
                    : `${i18n.language.startsWith('zh') ? hit.layerNameZh : hit.layerNameEn}${hit.level && layer ? ` · ${levelLabel(t, layer, hit.level, i18n.language)}` : ''}`}
                </span>
              </div>
            );
          })}
        </div>
      )}
      <SearchHighlight hit={chosen} />
    </div>
  );
}
