import { useTranslation } from 'react-i18next';
import { DRAW_NS } from './i18n.ts';

/** Impact width (m) of point and line parts (pipeline corridor, road width); empty = the check's default. */
export function ImpactWidthField({
  widthM,
  onChange,
  lines,
  points,
}: {
  widthM: number | null;
  onChange: (widthM: number | null) => void;
  /** What the site has (or is being drawn): the placeholder names the default that applies. */
  lines: boolean;
  points: boolean;
}) {
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
        placeholder={t(lines && !points ? 'width.defaultLine' : points && !lines ? 'width.defaultPoint' : 'width.defaultBoth')}
        onChange={(e) => {
          const value = e.target.valueAsNumber;
          onChange(Number.isFinite(value) && value > 0 ? value : null);
        }}
      />
      <small className="muted">{t('width.hint')}</small>
    </label>
  );
}
