import { Router } from 'express';
import { z } from 'zod';
import { withTransaction, type Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { account, createUserBody, updateUserBody, userParams } from '../../common/api/auth.ts';
import { recordAudit } from '../audit/audit.ts';
import { currentUser, requireUser } from './roles.ts';
import { deleteUserSessions } from './sessions.ts';
import { assertNotLastAdmin, createUser, listUsers, parseRole, updateUser } from './users.ts';

function parseUserId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw notFound('UNKNOWN_USER', `用户不存在：${raw}`, `No such user: ${raw}`);
  return id;
}

/** Account management, administrators only: POST /api/users, GET /api/users, PATCH /api/users/:id. */
export function usersRouter(db: Database): Router {
  const router = Router();
  const admin = requireUser('admin');

  apiRoute(router, { method: 'post', path: '/api/users', tag: 'users', access: 'admin', summary: { zh: '新建账号', en: 'Create an account' }, body: createUserBody, responses: { 201: account } }, admin, async (req, res) => {
    const { username, password, role } = (req.body ?? {}) as Record<string, unknown>;
    const parsedRole = parseRole(role);
    const user = await withTransaction(db.pool, async (client) => {
      const created = await createUser(client, { username: username as string, password: password as string, role: parsedRole });
      await recordAudit(client, {
        action: 'user.created',
        actor: currentUser(req),
        detail: { userId: created.id, username: created.username, role: created.role },
        ip: req.ip,
      });
      return created;
    });
    res.status(201).json(user);
  });

  apiRoute(router, { method: 'get', path: '/api/users', tag: 'users', access: 'admin', summary: { zh: '账号列表', en: 'Accounts' }, responses: { 200: z.array(account) } }, admin, async (_req, res) => {
    res.json(await listUsers(db.pool));
  });

  // { role?, password?, disabled? }: a changed account loses its sessions (log in again).
  apiRoute(router, { method: 'patch', path: '/api/users/:id', tag: 'users', access: 'admin', summary: { zh: '修改账号：角色、密码、停用', en: 'Change an account: role, password, disabled' }, params: userParams, body: updateUserBody, responses: { 200: account } }, admin, async (req, res) => {
    const id = parseUserId(req.params.id as string);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const role = body.role === undefined ? undefined : parseRole(body.role);
    if (body.disabled !== undefined && typeof body.disabled !== 'boolean') {
      throw badRequest('INVALID_DISABLED', 'disabled 应为 true 或 false', 'disabled must be true or false');
    }
    const disabled = body.disabled as boolean | undefined;
    const password = body.password === undefined ? undefined : (body.password as string);
    const user = await withTransaction(db.pool, async (client) => {
      if ((role !== undefined && role !== 'admin') || disabled === true) await assertNotLastAdmin(client, id);
      const updated = await updateUser(client, id, { role, password, disabled });
      await deleteUserSessions(client, id);
      await recordAudit(client, {
        action: 'user.updated',
        actor: currentUser(req),
        detail: { userId: id, username: updated.username, role, disabled, passwordChanged: password !== undefined },
        ip: req.ip,
      });
      return updated;
    });
    res.json(user);
  });
  return router;
}
