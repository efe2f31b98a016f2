import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useCatalog } from '../layers/CatalogProvider.tsx';

/** A notice on the map whenever a visible layer is illustrative: these are not statutory data. */
export function IllustrativeNotice() {
  const { t } = useTranslation();
  const { catalog } = useCatalog();
  const { state } = useViewState();
  const shown = catalog.layers.some((l) => l.illustrative && state.visible.has(l.id));
  if (!shown) return null;
  return (
    <div className="map-notice" role="note" data-testid="illustrative-notice">
      <strong>{t('notice.illustrative')}</strong> {t('notice.illustrativeDetail')}
    </div>
  );
}
