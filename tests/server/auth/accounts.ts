import type { Express } from 'express';
import type pg from 'pg';
import request from 'supertest';
import { createUser } from '../../../server/auth/users.ts';
import type { Role } from '../../../common/domain/roles.ts';

/** Test accounts are prefixed per file: all database test files share one database. */
export const PASSWORD = 'correct horse battery';

export async function makeUser(pool: pg.Pool, username: string, role: Role) {
  return createUser(pool, { username, password: PASSWORD, role });
}

/** A logged-in browser: keeps the session cookie and sends the CSRF token on writes. */
export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrfToken: string;
  user: { id: number; username: string; role: Role };
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

export async function login(app: Express, username: string, password = PASSWORD): Promise<Session> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
  const { csrfToken, user } = res.body;
  return {
    agent,
    csrfToken,
    user,
    get: (path) => agent.get(path),
    post: (path, body = {}) => agent.post(path).set('X-CSRF-Token', csrfToken).send(body),
    patch: (path, body = {}) => agent.patch(path).set('X-CSRF-Token', csrfToken).send(body),
  };
}

/** A small square site, side ≈ `sizeDeg`, with its south-west corner at (lon, lat). */
export function square(lon: number, lat: number, sizeDeg = 0.002): GeoJSON.Polygon {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + sizeDeg, lat], [lon + sizeDeg, lat + sizeDeg], [lon, lat + sizeDeg], [lon, lat]]],
  };
}
