import { useTranslation } from 'react-i18next';

/**
 * The first tab stop: skips the panel (search, tabs, the register — dozens of stops) to the map,
 * whose canvas takes the arrow and +/- keys; the map's tools follow it in the tab order.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#map-area"
      onClick={(e) => {
        const canvas = document.querySelector<HTMLElement>('#map-area .maplibregl-canvas');
        if (!canvas) return;
        e.preventDefault();
        canvas.focus();
      }}
      data-testid="skip-link"
    >
      {t('app.skipToMap')}
    </a>
  );
}
