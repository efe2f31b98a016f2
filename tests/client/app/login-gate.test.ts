import { describe, expect, it } from 'vitest';
import { gateView } from '../../../client/app/login-gate.ts';

const user = { id: 3, username: 'wang', role: 'reviewer' as const };

describe('login screen or map', () => {
  it('waits for GET /api/auth/me before starting the map', () => {
    expect(gateView({ status: 'loading', user: null, publicMap: true }, null)).toBe('checking');
  });

  it('shows the login screen to an anonymous visitor of a closed map (PUBLIC_MAP=false)', () => {
    expect(gateView({ status: 'ready', user: null, publicMap: false }, null)).toBe('login');
  });

  it('shows the login screen when the catalog answered 401, whatever the client believed', () => {
    expect(gateView({ status: 'ready', user: null, publicMap: true }, 401)).toBe('login');
  });

  it('shows the map to any logged-in user, and to everyone on a public map', () => {
    expect(gateView({ status: 'ready', user, publicMap: false }, null)).toBe('app');
    expect(gateView({ status: 'ready', user: null, publicMap: true }, null)).toBe('app');
    // Another failure of the catalog is the layer tree's to show (with 重试), not a login matter.
    expect(gateView({ status: 'ready', user: null, publicMap: true }, 500)).toBe('app');
  });
});
