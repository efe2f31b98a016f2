import { useTranslation } from 'react-i18next';

/** Stands in for a panel another feature will provide. */
export function PlaceholderPanel({ textKey }: { textKey: string }) {
  const { t } = useTranslation();
  return <p className="panel-state">{t(textKey)}</p>;
}
