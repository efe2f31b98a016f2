import { useTranslation } from 'react-i18next';
import { batchIsActive, useBatchWatch } from './batch-store.ts';
import { BATCH_NS } from './i18n.ts';
import './batch.css';

/** A small chip under the tabs while a batch runs, so that its progress stays in sight on every tab. */
export function BatchProgressChip() {
  const { t } = useTranslation(BATCH_NS);
  const watch = useBatchWatch();
  if (!watch.status || !batchIsActive(watch.status)) return null;
  return (
    <div className="batch-chip" role="status" data-testid="batch-chip">
      {t('progress.chip', { done: watch.status.done, total: watch.status.total })}
      {watch.rate !== null && ` · ${t('progress.rate', { rate: watch.rate.toFixed(1) })}`}
    </div>
  );
}
