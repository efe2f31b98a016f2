import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LayerTree } from './LayerTree.tsx';
import { Legend } from './Legend.tsx';

/** The 图层 tab: the layer tree, then the legend of what is shown. */
export function LayersPanel() {
  const { t } = useTranslation();
  const [legendOpen, setLegendOpen] = useState(true);
  return (
    <>
      <LayerTree />
      <section className="legend-section">
        <h2>
          <button type="button" aria-expanded={legendOpen} onClick={() => setLegendOpen((o) => !o)}>
            <span className="chevron" aria-hidden="true">{legendOpen ? '▾' : '▸'}</span> {t('legend.title')}
          </button>
        </h2>
        {legendOpen && <Legend />}
      </section>
    </>
  );
}
