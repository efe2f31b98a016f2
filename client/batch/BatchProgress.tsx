import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { cancelOrDeleteBatch } from './batch-api.ts';
import { batchIsActive, refreshBatch, type BatchWatch } from './batch-store.ts';
import { BATCH_NS } from './i18n.ts';

function useDurationText() {
  const { t } = useTranslation(BATCH_NS);
  return (seconds: number) => (seconds < 90 ? t('time.s', { n: Math.ceil(seconds) }) : t('time.m', { n: Math.ceil(seconds / 60) }));
}

/** done / total, checks per second and time left while the batch runs; cancel. */
export function BatchProgress({ watch }: { watch: BatchWatch }) {
  const { t, i18n } = useTranslation(BATCH_NS);
  const duration = useDurationText();
  const s = watch.status;
  if (!s) return null;
  const pct = s.total > 0 ? (100 * s.done) / s.total : 0;
  const cancel = async () => {
    try {
      await cancelOrDeleteBatch(s.id);
    } catch (e) {
      alert(errorText(e, i18n.language));
    }
    refreshBatch();
  };
  return (
    <section className="batch-progress" data-testid="batch-progress" data-status={s.status}>
      <h3>
        {t('progress.title')} · <span data-testid="batch-status">{t(`status.${s.status}`)}</span>
      </h3>
      <progress max={s.total} value={s.done} aria-label={t('progress.title')} />
      <p>
        <span data-testid="batch-count">{t('progress.count', { done: s.done, total: s.total })}</span>
        {s.failed > 0 && <> · {t('progress.failed', { failed: s.failed })}</>}
        {batchIsActive(s) && watch.rate !== null && <> · {t('progress.rate', { rate: watch.rate.toFixed(1) })}</>}
        {batchIsActive(s) && watch.secondsLeft !== null && <> · {t('progress.left', { time: duration(watch.secondsLeft) })}</>}
        <span className="batch-pct"> ({pct.toFixed(0)}%)</span>
      </p>
      {batchIsActive(s) && (
        <button type="button" onClick={() => void cancel()} data-testid="batch-cancel">
          {t('progress.cancel')}
        </button>
      )}
    </section>
  );
}
