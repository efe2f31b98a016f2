import { useTranslation } from 'react-i18next';
import { DRAW_NS } from './i18n.ts';

/** Impact width (m) of point and line parts (pipeline corridor, road width); empty = the check's default. */
export function ImpactWidthField({ widthM, onChange }: { widthM: number | null; onChange: (widthM: number | null) => void }) {
  const { t } = useTranslation(DRAW_NS);
  return (
    <label className="impact-width" title={t('width.hint')}>
      <span>{t('width.label')}</span>
      <input
        type="number"
        min={0.1}
        step={1}
        inputMode="decimal"
        value={widthM ?? ''}
        placeholder="10 / 20"
        onChange={(e) => {
          const value = e.target.valueAsNumber;
          onChange(Number.isFinite(value) && value > 0 ? value : null);
        }}
      />
      <small className="muted">{t('width.hint')}</small>
    </label>
  );
}
