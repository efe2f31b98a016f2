import { describe, expect, it } from 'vitest';
import { nextWorkspaceOwner } from '../../../client/check/workspace-owner.ts';

const A = 7;
const B = 9;

describe('whose site the workspace holds', () => {
  it('empties the workspace on 退出登录', () => {
    expect(nextWorkspaceOwner(A, { userId: null, loggedOut: true })).toEqual({ owner: null, clear: true });
  });

  it('empties it when another account logs in, even after the first one’s session expired', () => {
    expect(nextWorkspaceOwner(A, { userId: B, loggedOut: false })).toEqual({ owner: B, clear: true });
    const expired = nextWorkspaceOwner(A, { userId: null, loggedOut: false });
    expect(expired).toEqual({ owner: A, clear: false });
    expect(nextWorkspaceOwner(expired.owner, { userId: B, loggedOut: false })).toEqual({ owner: B, clear: true });
  });

  it('keeps it for the same user logging in again after the session expired', () => {
    expect(nextWorkspaceOwner(A, { userId: A, loggedOut: false })).toEqual({ owner: A, clear: false });
  });

  it('keeps an anonymous visitor’s site when they log in (to save it as a project)', () => {
    expect(nextWorkspaceOwner(null, { userId: A, loggedOut: false })).toEqual({ owner: A, clear: false });
  });

  it('clears once: the same logged-out state seen again (another auth update) changes nothing', () => {
    const first = nextWorkspaceOwner(A, { userId: null, loggedOut: true });
    expect(nextWorkspaceOwner(first.owner, { userId: null, loggedOut: true })).toEqual({ owner: null, clear: false });
  });
});
