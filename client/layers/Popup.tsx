import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { sourceId } from '../map/add-layer.ts';
import { getInteractionMode } from '../map/interaction-mode.ts';
import { useMap } from '../map/MapContext.tsx';
import { useCatalog } from './CatalogProvider.tsx';
import { featureAttributes } from './feature-attributes.ts';
import { identifyAt, type IdentifiedFeature } from './identify.ts';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';
import { layerName } from './layer-info.ts';
import { levelLabel } from './level-label.ts';

/** Layers that cover every click (administrative divisions): left out of a list with real findings. */
const CONTEXT_LAYERS = new Set(['admin_boundary']);

interface Shown {
  lngLat: maplibregl.LngLat;
  features: IdentifiedFeature[];
}

/** The feature-state address of a feature: its source, and its source-layer when tiled. */
function featureTarget(map: maplibregl.Map, f: IdentifiedFeature) {
  const source = sourceId(f.layer.id);
  const src = map.getSource(source);
  if (!src) return null;
  return src.type === 'vector' ? { source, sourceLayer: f.layer.id, id: f.key } : { source, id: f.key };
}

/**
 * Click → the features under the cursor: one shows its attributes; several show a list (the top
 * one opened), as overlapping zones (一级保护区 inside a red line inside a 绿核) are the rule here.
 */
export function Popup() {
  const map = useMap();
  const { byId } = useCatalog();
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const [open, setOpen] = useState(0);
  const container = useMemo(() => document.createElement('div'), []);

  useEffect(() => {
    if (!map) return;
    let abort = new AbortController();
    const onClick = (e: maplibregl.MapMouseEvent) => {
      if (getInteractionMode() !== 'identify') return;
      abort.abort();
      abort = new AbortController();
      const signal = abort.signal;
      identifyAt(map, e.point, e.lngLat, byId, signal)
        .then((features) => {
          if (signal.aborted) return;
          setOpen(0);
          // The district and township around every click are context, not findings: listed only when alone.
          const findings = features.filter((f) => !CONTEXT_LAYERS.has(f.layer.id));
          const list = findings.length > 0 ? findings : features;
          setShown(list.length > 0 ? { lngLat: e.lngLat, features: list } : null);
        })
        .catch(() => undefined);
    };
    map.on('click', onClick);
    return () => {
      abort.abort();
      map.off('click', onClick);
    };
  }, [map, byId]);

  // The MapLibre popup follows `shown`; its content is this component's portal.
  useEffect(() => {
    if (!map || !shown) return;
    const p = new maplibregl.Popup({ maxWidth: '340px', closeButton: true, focusAfterOpen: false, className: 'feature-popup' })
      .setLngLat(shown.lngLat)
      .setDOMContent(container)
      .addTo(map);
    p.on('close', () => setShown((s) => (s === shown ? null : s)));
    return () => {
      p.remove();
    };
  }, [map, shown, container]);

  // Selection outline on the opened feature.
  useEffect(() => {
    const f = shown?.features[open];
    const target = map && f ? featureTarget(map, f) : null;
    if (!map || !target) return;
    map.setFeatureState(target, { selected: true });
    return () => {
      if (map.getSource(target.source)) map.setFeatureState(target, { selected: false });
    };
  }, [map, shown, open]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setShown(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!shown) return null;
  const many = shown.features.length > 1;
  return createPortal(
    <div className="popup-body" data-testid="feature-popup" role="dialog" aria-label={t('popup.title')}>
      {many && <p className="popup-count">{t('popup.count', { count: shown.features.length })}</p>}
      <ul className="popup-list">
        {shown.features.map((f, i) => {
          const expanded = i === open;
          // The official (Chinese) name stays in the table; in English the title is the English name.
          const englishName = typeof f.properties.nameEn === 'string' ? f.properties.nameEn : null;
          const title = (!i18n.language.startsWith('zh') && englishName) || f.name || layerName(f.layer, i18n.language);
          return (
            <li key={`${f.layer.id}/${f.key}`} className={expanded ? 'is-open' : ''}>
              <button type="button" className="popup-item-header" aria-expanded={expanded} onClick={() => setOpen(i)} disabled={!many}>
                <span className="popup-layer">{layerName(f.layer, i18n.language)}</span>
                <span className="popup-name">{title}</span>
                {f.level && <span className="popup-level">{levelLabel(t, f.layer, f.level, i18n.language)}</span>}
              </button>
              {expanded && (
                <>
                  {f.layer.illustrative && <IllustrativeBadge />}
                  <table className="popup-attributes">
                    <tbody>
                      {featureAttributes(t, f, i18n.language).map((row) => (
                        <tr key={row.key}>
                          <th scope="row">{row.label}</th>
                          <td>{row.value}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>,
    container,
  );
}
