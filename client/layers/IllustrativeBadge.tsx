import { useTranslation } from 'react-i18next';

/** 示意 badge on illustrative layers: generated placeholders, not statutory data. */
export function IllustrativeBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge-illustrative" title={t('layers.illustrativeTitle')}>
      {t('layers.illustrative')}
    </span>
  );
}
