import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { AuthUser } from '../../../server/auth/sessions.ts';
import { createProject } from '../../../server/projects/drafts.ts';
import { submitProject } from '../../../server/projects/submission.ts';
import { parseNewProject } from '../../../server/projects/project-input.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, PASSWORD, square, type Session } from '../auth/accounts.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
type Who = 'applicant' | 'otherApplicant' | 'reviewer' | 'admin';
let t: TestApp;
const P = `rm${Date.now().toString(36)}`;
const sessions = {} as Record<Who, Session>;

const draftInput = (name: string) => parseNewProject({ name, geometry: square(101.3, 31.3), project: { type: 'commercial' } });
const newDraft = async (name = `${P} draft`) => (await createProject(t.db.pool, sessions.applicant.user as AuthUser, draftInput(name))).id;
const newSubmitted = async () => {
  const id = await newDraft();
  await submitProject(t.db.pool, sessions.applicant.user as AuthUser, id, { version: 1 });
  return id;
};

/**
 * Every mutating endpoint: who may call it, a fresh target, the body, and the success status.
 * `denied` lists the logged-in callers that must get 403 (wrong role, or not the owner).
 */
interface Case {
  name: string;
  method: 'post' | 'patch';
  allowed: Who;
  denied: Who[];
  success: number;
  /** Prepares the target and returns the path and body. */
  setup: () => Promise<{ path: string; body: object; verify?: () => Promise<void> }>;
  /** Acts on the caller's own session or password: use a throwaway account, not the shared one. */
  ownAccount?: boolean;
}

const projectState = async (id: number) =>
  (await t.db.pool.query('SELECT status, version, name FROM projects WHERE id = $1', [id])).rows[0];

const CASES: Case[] = [
  {
    name: 'POST /api/users',
    method: 'post',
    allowed: 'admin',
    denied: ['applicant', 'reviewer'],
    success: 201,
    setup: async () => {
      const username = `${P}_new${Math.random().toString(36).slice(2, 8)}`;
      return {
        path: '/api/users',
        body: { username, password: PASSWORD, role: 'reviewer' },
        verify: async () => {
          const { rows } = await t.db.pool.query('SELECT role FROM users WHERE username = $1', [username]);
          expect(rows).toEqual([{ role: 'reviewer' }]);
        },
      };
    },
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'patch',
    allowed: 'admin',
    denied: ['applicant', 'reviewer'],
    success: 200,
    setup: async () => {
      const user = await makeUser(t.db.pool, `${P}_p${Math.random().toString(36).slice(2, 8)}`, 'applicant');
      return {
        path: `/api/users/${user.id}`,
        body: { role: 'reviewer' },
        verify: async () => expect((await t.db.pool.query('SELECT role FROM users WHERE id = $1', [user.id])).rows[0].role).toBe('reviewer'),
      };
    },
  },
  {
    name: 'POST /api/projects',
    method: 'post',
    allowed: 'applicant',
    denied: ['reviewer', 'admin'],
    success: 201,
    setup: async () => ({ path: '/api/projects', body: { name: `${P} created`, geometry: square(101.3, 31.3), project: { type: 'commercial' } } }),
  },
  {
    name: 'PATCH /api/projects/:id',
    method: 'patch',
    allowed: 'applicant',
    denied: ['otherApplicant', 'reviewer', 'admin'],
    success: 200,
    setup: async () => {
      const id = await newDraft();
      return {
        path: `/api/projects/${id}`,
        body: { version: 1, name: `${P} renamed` },
        verify: async () => expect(await projectState(id)).toEqual({ status: 'draft', version: 2, name: `${P} renamed` }),
      };
    },
  },
  {
    name: 'POST /api/projects/:id/submit',
    method: 'post',
    allowed: 'applicant',
    denied: ['otherApplicant', 'reviewer', 'admin'],
    success: 200,
    setup: async () => {
      const id = await newDraft();
      return { path: `/api/projects/${id}/submit`, body: { version: 1 }, verify: async () => expect((await projectState(id)).status).toBe('submitted') };
    },
  },
  {
    name: 'POST /api/projects/:id/archive',
    method: 'post',
    allowed: 'admin',
    denied: ['applicant', 'otherApplicant', 'reviewer'],
    success: 200,
    setup: async () => {
      const id = await newDraft();
      return {
        path: `/api/projects/${id}/archive`,
        body: {},
        verify: async () => expect((await t.db.pool.query('SELECT archived_at IS NOT NULL AS a FROM projects WHERE id = $1', [id])).rows[0].a).toBe(true),
      };
    },
  },
  {
    name: 'POST /api/projects/:id/unarchive',
    method: 'post',
    allowed: 'admin',
    denied: ['applicant', 'otherApplicant', 'reviewer'],
    success: 200,
    setup: async () => {
      const id = await newDraft();
      await t.db.pool.query('UPDATE projects SET archived_at = now() WHERE id = $1', [id]);
      return {
        path: `/api/projects/${id}/unarchive`,
        body: {},
        verify: async () => expect((await t.db.pool.query('SELECT archived_at IS NULL AS a FROM projects WHERE id = $1', [id])).rows[0].a).toBe(true),
      };
    },
  },
  {
    name: 'POST /api/projects/:id/decision',
    method: 'post',
    allowed: 'reviewer',
    denied: ['applicant', 'otherApplicant', 'admin'],
    success: 200,
    setup: async () => {
      const id = await newSubmitted();
      return {
        path: `/api/projects/${id}/decision`,
        body: { decision: 'approve', comment: '同意选址', version: 2 },
        verify: async () => expect((await projectState(id)).status).toBe('approved'),
      };
    },
  },
  {
    name: 'POST /api/projects/:id/comments',
    method: 'post',
    allowed: 'reviewer',
    denied: ['otherApplicant'],
    success: 201,
    setup: async () => {
      const id = await newSubmitted();
      return { path: `/api/projects/${id}/comments`, body: { body: '请补充用地红线图' } };
    },
  },
  {
    name: 'POST /api/auth/logout',
    method: 'post',
    allowed: 'admin',
    denied: [],
    success: 204,
    setup: async () => ({ path: '/api/auth/logout', body: {} }),
    ownAccount: true,
  },
  {
    name: 'POST /api/auth/password',
    method: 'post',
    allowed: 'applicant',
    denied: [],
    success: 200,
    setup: async () => ({ path: '/api/auth/password', body: { currentPassword: PASSWORD, newPassword: 'another long password' } }),
    ownAccount: true,
  },
];

beforeAll(async () => {
  t = await openTestApp();
  const roles: Record<Who, 'applicant' | 'reviewer' | 'admin'> = { applicant: 'applicant', otherApplicant: 'applicant', reviewer: 'reviewer', admin: 'admin' };
  for (const [who, role] of Object.entries(roles) as [Who, typeof roles[Who]][]) {
    await makeUser(t.db.pool, `${P}_${who}`, role);
    sessions[who] = await login(t.app, `${P}_${who}`);
  }
});
afterAll(() => t.close());

describe('role × endpoint matrix of every mutating endpoint', () => {
  for (const c of CASES) {
    it(`${c.name}: anonymous 401, wrong role 403, no CSRF 403, ${c.allowed} ${c.success}`, async () => {
      const { path, body, verify } = await c.setup();
      let allowed = sessions[c.allowed];
      if (c.ownAccount) {
        const username = `${P}_own${Math.random().toString(36).slice(2, 8)}`;
        await makeUser(t.db.pool, username, c.allowed === 'otherApplicant' ? 'applicant' : c.allowed);
        allowed = await login(t.app, username);
      }
      const snapshot = async () => (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
      const auditBefore = await snapshot();

      const anonymous = await request(t.app)[c.method](path).send(body);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('NOT_AUTHENTICATED');

      for (const who of c.denied) {
        const res = await (c.method === 'post' ? sessions[who].post(path, body) : sessions[who].patch(path, body));
        expect({ who, status: res.status }).toEqual({ who, status: 403 });
        expect(['FORBIDDEN_ROLE', 'NOT_PROJECT_OWNER']).toContain(res.body.error.code);
        expect(res.body.error.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
      }

      const noCsrf = await allowed.agent[c.method](path).send(body);
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.error.code).toBe('CSRF_TOKEN_INVALID');
      // Nothing above changed anything: no audit row was written.
      expect(await snapshot()).toBe(auditBefore);

      const ok = await (c.method === 'post' ? allowed.post(path, body) : allowed.patch(path, body));
      expect(ok.status).toBe(c.success);
      expect(await snapshot()).toBe(auditBefore + 1);
      await verify?.();
    });
  }

  it('lets every role comment on a project it can see, but not an applicant on someone else’s', async () => {
    const id = await newSubmitted();
    for (const who of ['applicant', 'reviewer', 'admin'] as const) {
      expect((await sessions[who].post(`/api/projects/${id}/comments`, { body: `${who} 意见` })).status).toBe(201);
    }
    expect((await sessions.otherApplicant.get(`/api/projects/${id}`)).status).toBe(403);
    expect((await sessions.otherApplicant.get(`/api/projects/${id}/comments`)).status).toBe(403);
  });
});
