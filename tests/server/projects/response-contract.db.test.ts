import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkRunResponse, commentResponse, projectViewResponse } from '../../../common/api/projects.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { INSIDE_ZONE, loadReviewLayer, POLLUTING_PLANT, removeReviewLayer } from './fixtures.ts';

/**
 * A project, a stored check run and a comment as the API answers them parse with their schemas, strictly
 * (issue 17 review, q): the schemas are the contract the client's types and the OpenAPI document come from.
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
let applicant: Session;
let reviewer: Session;
const P = `rc${Date.now().toString(36)}`;
beforeAll(async () => {
  t = await openTestApp();
  await loadReviewLayer(t.db.pool);
  await makeUser(t.db.pool, `${P}_a`, 'applicant');
  await makeUser(t.db.pool, `${P}_r`, 'reviewer');
  applicant = await login(t.app, `${P}_a`);
  reviewer = await login(t.app, `${P}_r`);
});
afterAll(async () => {
  await removeReviewLayer(t.db.pool);
  await t.close();
});

const issues = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('project answers match their schemas', () => {
  it('projects, check runs (a save, a submission with its decision) and comments (a reply, a decision comment)', async () => {
    const created = await applicant.post('/api/projects', { name: `${P} 化工厂`, geometry: INSIDE_ZONE, project: POLLUTING_PLANT });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(issues(projectViewResponse, created.body)).toEqual([]);
    expect((await applicant.post(`/api/projects/${id}/submit`, { version: 1 })).status).toBe(200);
    expect((await reviewer.post(`/api/projects/${id}/decision`, { decision: 'revise', comment: '请调整选址', version: 2 })).status).toBe(200);
    const thread = await applicant.get(`/api/projects/${id}/comments`);
    const reply = await applicant.post(`/api/projects/${id}/comments`, { body: '已调整', parentId: thread.body[0].id });
    expect(reply.status).toBe(201);
    expect(issues(commentResponse, reply.body)).toEqual([]);
    const comments = (await applicant.get(`/api/projects/${id}/comments`)).body as unknown[];
    expect(comments).toHaveLength(2);
    for (const c of comments) expect(issues(commentResponse, c)).toEqual([]);
    const runs = (await applicant.get(`/api/projects/${id}/checks`)).body as { decision: unknown }[];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.some((r) => r.decision !== null)).toBe(true);
    for (const r of runs) expect(issues(checkRunResponse, r)).toEqual([]);
    // The project, alone (with its site and review clock) and in the register, after a decision.
    const one = await applicant.get(`/api/projects/${id}`);
    expect(one.body.geometry.type).toBe('Polygon');
    expect(one.body.lastDecision).not.toBeNull();
    expect(issues(projectViewResponse, one.body)).toEqual([]);
    const register = (await reviewer.get('/api/projects')).body as { id: number }[];
    expect(register.some((p) => p.id === id)).toBe(true);
    for (const p of register) expect(issues(projectViewResponse, p)).toEqual([]);
  });
});
