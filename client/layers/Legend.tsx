import { useTranslation } from 'react-i18next';
import { drawRank } from '../map/draw-order.ts';
import { LegendSwatch } from './LegendSwatch.tsx';
import { layerName } from './layer-info.ts';
import { levelLabel } from './level-label.ts';
import { useLayers } from './useLayers.ts';

/** The legend of what is on the map, topmost layer first, with the same swatches as the tree. */
export function Legend() {
  const { t, i18n } = useTranslation();
  const { groups } = useLayers();
  const visible = groups
    .flatMap((g) => g.layers)
    .filter((l) => l.visible)
    .sort((a, b) => drawRank(b.info.id) - drawRank(a.info.id));
  if (visible.length === 0) return <p className="panel-state">{t('legend.empty')}</p>;
  return (
    <ul className="legend" aria-label={t('legend.title')}>
      {visible.map(({ info, style }) => {
        const classes = style.classes.filter((c) => c.level === null || info.levels.length === 0 || info.levels.includes(c.level));
        const single = classes.length === 1;
        return (
          <li key={info.id} className="legend-layer">
            {single ? (
              <div className="legend-item">
                <LegendSwatch symbol={classes[0].symbol} geometry={style.geometry} />
                <span>{layerName(info, i18n.language)}</span>
              </div>
            ) : (
              <>
                <div className="legend-layer-name">{layerName(info, i18n.language)}</div>
                {classes.map((c) => (
                  <div key={c.level ?? '_'} className="legend-item legend-sub">
                    <LegendSwatch symbol={c.symbol} geometry={style.geometry} />
                    <span>{levelLabel(t, info, c.level, i18n.language)}</span>
                  </div>
                ))}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
