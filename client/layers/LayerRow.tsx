import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from '../map/MapContext.tsx';
import { Icon } from '../tools/icons.tsx';
import { LegendSwatch } from './LegendSwatch.tsx';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';
import { layerName } from './layer-info.ts';
import { levelLabel } from './level-label.ts';
import type { LayerEntry } from './useLayers.ts';

interface Props {
  entry: LayerEntry;
  onToggle(visible: boolean): void;
  onOpacity(opacity: number): void;
}

/** One layer in the tree: visibility, swatch, name, 示意 badge, count, zoom-to, opacity, its classes. */
export function LayerRow({ entry, onToggle, onOpacity }: Props) {
  const { t, i18n } = useTranslation();
  const map = useMap();
  const [showSettings, setShowSettings] = useState(false);
  const [showClasses, setShowClasses] = useState(false);
  const { info, style, visible, opacity, load } = entry;
  const name = layerName(info, i18n.language);
  const classes = style.classes.filter((c) => c.level === null || info.levels.length === 0 || info.levels.includes(c.level));
  const zoomTo = () => {
    if (map && info.bbox) map.fitBounds([[info.bbox[0], info.bbox[1]], [info.bbox[2], info.bbox[3]]], { padding: 40, maxZoom: 15 });
  };
  const settingsId = `layer-settings-${info.id}`;
  const classesId = `layer-classes-${info.id}`;
  const hasClasses = classes.length > 1;
  return (
    <li className={`layer-row${visible ? ' is-visible' : ''}`} data-layer-id={info.id}>
      <div className="layer-main">
        {hasClasses ? (
          <button
            type="button"
            className="class-toggle"
            aria-expanded={showClasses}
            aria-controls={classesId}
            onClick={() => setShowClasses((v) => !v)}
            title={t('layers.classesOf', { name })}
            aria-label={t('layers.classesOf', { name })}
          >
            {showClasses ? '▾' : '▸'}
          </button>
        ) : (
          <span className="class-toggle" aria-hidden="true" />
        )}
        <label className="layer-toggle">
          <input type="checkbox" checked={visible} onChange={(e) => onToggle(e.target.checked)} data-testid={`toggle-${info.id}`} />
          <LegendSwatch symbol={classes[0]?.symbol ?? {}} geometry={style.geometry} />
          <span className="layer-name" title={name}>{name}</span>
        </label>
        {info.illustrative && <IllustrativeBadge />}
        <span className="layer-count" title={t('layers.featureCountTitle', { count: info.featureCount })}>
          {info.featureCount}
        </span>
        {visible && load?.state === 'loading' && <span className="spinner" role="status" aria-label={t('layers.loading')} />}
        {load?.state === 'error' && (
          <span className="layer-error" role="alert" title={load.message}>
            {t('layers.loadFailed')}
          </span>
        )}
        <button type="button" className="icon-button" onClick={zoomTo} disabled={!info.bbox || !map} title={t('layers.zoomTo')} aria-label={`${t('layers.zoomTo')}：${name}`}>
          <Icon name="target" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-expanded={showSettings}
          aria-controls={settingsId}
          onClick={() => setShowSettings((s) => !s)}
          title={t('layers.settings')}
          aria-label={`${t('layers.settings')}：${name}`}
        >
          <Icon name="more" />
        </button>
      </div>
      {showSettings && (
        <div className="layer-settings" id={settingsId}>
          <label>
            {t('layers.opacity')}
            <input type="range" min={0} max={100} step={5} value={Math.round(opacity * 100)} onChange={(e) => onOpacity(Number(e.target.value) / 100)} />
            <output>{Math.round(opacity * 100)}%</output>
          </label>
          <p className="layer-meta">
            {t('layers.version', { version: info.version ?? '—' })}
            {load?.state === 'loaded' && ` · ${t(load.kind === 'tiles' ? 'layers.servedAsTiles' : 'layers.servedAsGeojson')}`}
          </p>
          <p className="layer-meta">{i18n.language.startsWith('zh') ? info.source.zh : info.source.en}</p>
        </div>
      )}
      {hasClasses && showClasses && (
        <ul className="layer-classes" id={classesId} aria-label={t('layers.classesOf', { name })}>
          {classes.map((c) => (
            <li key={c.level ?? '_'}>
              <LegendSwatch symbol={c.symbol} geometry={style.geometry} />
              <span>{levelLabel(t, info, c.level, i18n.language)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
