import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
import { requestLogin } from '../auth/login-request.ts';
import { cancelOrDeleteBatch, listBatches } from './batch-api.ts';
import { batchIsActive, useBatchWatch, watchBatch } from './batch-store.ts';
import { BatchProgress } from './BatchProgress.tsx';
import { BatchResults } from './BatchResults.tsx';
import { BatchUpload } from './BatchUpload.tsx';
import { BATCH_NS } from './i18n.ts';
import './batch.css';

/** The 项目库 tab (lazy-loaded): upload a pool, follow its progress, read its results. */
export default function BatchPanel() {
  const { t, i18n } = useTranslation(BATCH_NS);
  const auth = useAuth();
  const watch = useBatchWatch();
  // Coming back to the tab (or after a reload): follow the user's latest batch.
  useEffect(() => {
    if (!auth.user || watch.id !== null) return;
    void listBatches().then((list) => {
      if (list[0]) watchBatch(list[0].id);
    }, () => undefined);
  }, [auth.user, watch.id]);

  if (auth.status === 'loading') return null;
  if (!auth.user)
    return (
      <div className="batch-panel">
        <p className="panel-state">{t('loginNeeded')}</p>
        <button type="button" className="primary" onClick={requestLogin}>
          {t('login')}
        </button>
      </div>
    );
  const status = watch.status;
  const remove = async () => {
    if (!status) return;
    try {
      await cancelOrDeleteBatch(status.id);
      watchBatch(null);
    } catch (e) {
      alert(errorText(e, i18n.language));
    }
  };
  return (
    <div className="batch-panel" data-testid="batch-panel">
      {(!status || !batchIsActive(status)) && <BatchUpload />}
      <BatchProgress watch={watch} />
      {status && !batchIsActive(status) && (
        <>
          <BatchResults status={status} />
          <button type="button" className="link" onClick={() => void remove()} data-testid="batch-delete">
            {t('results.newBatch')}
          </button>
        </>
      )}
    </div>
  );
}
