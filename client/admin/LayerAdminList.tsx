import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminLayer } from '../../common/api/admin.ts';
import { isLayerKind, KIND_LABELS } from '../../common/domain/layer-kinds.ts';
import { pick } from '../../common/report/names.ts';
import { apiFetch, errorText } from '../auth/api-fetch.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import { layerName } from '../layers/layer-info.ts';
import { DATA_NS } from './data-i18n.ts';

/**
 * 图层停用与恢复: every layer with its state; retiring asks once more (a retired layer leaves the map
 * and every check at once), restoring does not. The server records both in the audit log.
 */
export function LayerAdminList({ layers, onChanged }: { layers: AdminLayer[]; onChanged(): void }) {
  const { t, i18n } = useTranslation(DATA_NS);
  const lang = i18n.language;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const setRetired = async (layer: AdminLayer, retired: boolean) => {
    setBusy(layer.id);
    setError(null);
    try {
      await apiFetch<AdminLayer>(`/api/admin/layers/${encodeURIComponent(layer.id)}/retire`, { method: 'POST', body: { retired } });
      setConfirming(null);
      onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const state = (l: AdminLayer) =>
    l.retired ? t('layerState.retired') : [l.checked ? t('layerState.checked') : t('layerState.shown'), l.illustrative ? t('layerState.illustrative') : t('layerState.official')].join(' · ');

  return (
    <section data-testid="layer-admin">
      <h3>{t('layerAdmin.title')}</h3>
      <p className="muted">{t('layerAdmin.intro')}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <table className="users-table">
        <thead><tr><th>{t('columns.name')}</th><th>{t('layerAdmin.kind')}</th><th>{t('layerAdmin.state')}</th><th /></tr></thead>
        <tbody>
          {layers.map((l) => (
            <tr key={l.id} data-layer={l.id} className={l.retired ? 'is-retired' : undefined}>
              <td>{layerName(l, lang)} <span className="muted">({l.id})</span></td>
              <td>{isLayerKind(l.kind) ? pick(KIND_LABELS[l.kind], bilingualSide(lang)) : l.kind}</td>
              <td data-testid="layer-state">{state(l)}</td>
              <td>
                {l.retired ? (
                  <button type="button" disabled={busy === l.id} onClick={() => void setRetired(l, false)} data-testid="layer-restore">{t('layerAdmin.restore')}</button>
                ) : confirming === l.id ? (
                  <>
                    <button type="button" className="danger" disabled={busy === l.id} onClick={() => void setRetired(l, true)} data-testid="layer-retire-confirm">{t('layerAdmin.confirmRetire')}</button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>{t('layerAdmin.cancel')}</button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirming(l.id)} data-testid="layer-retire">{t('layerAdmin.retire')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
