import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-store.ts';
import { AUTH_NS } from '../auth/i18n.ts';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { gateView } from './login-gate.ts';
import { LoginScreen } from './LoginScreen.tsx';

/**
 * The map and panels once the session is known, or the login screen in their place on a closed map
 * (see login-gate.ts). Logging out of a closed map unmounts the app: nothing of the last user stays.
 */
export function LoginGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation(AUTH_NS);
  const auth = useAuth();
  const { catalog } = useCatalog();
  const view = gateView(auth, catalog.status === 'error' ? catalog.error.status : null);
  if (view === 'checking') {
    return (
      <p className="app-checking muted" role="status" aria-busy="true">
        {t('checking')}
      </p>
    );
  }
  return view === 'login' ? <LoginScreen /> : children;
}
