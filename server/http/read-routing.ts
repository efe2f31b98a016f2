import type { Request, RequestHandler, Response } from 'express';
import type pg from 'pg';
import { readPool, REPLICA_MAX_LAG_MS, type Database } from '../db/database.ts';

/**
 * Read-your-writes with a replica, kept by the client rather than by any instance (which may be
 * another one next time): a request that may write (any method but GET/HEAD/OPTIONS) gets a cookie
 * that lives as long as a replica may lag (REPLICA_MAX_LAG_MS; a replica lagging more serves nobody,
 * see replica.ts). While it lives, that client's reads go to the primary, so a planner who just
 * published a layer or saved a project sees it; everyone else reads the replica.
 */
const WROTE_COOKIE = 'redline_wrote';

export function markWriters(db: Pick<Database, 'replica'>): RequestHandler {
  return (req, res, next) => {
    if (db.replica && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      res.cookie(WROTE_COOKIE, '1', { maxAge: REPLICA_MAX_LAG_MS, httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    }
    next();
  };
}

/**
 * The pool for a read a replica may serve (checks, tiles, layer reads), naming the one chosen in
 * `X-Redline-Read` (operators and the replica test see where a request went).
 */
export function readerFor(db: Pick<Database, 'pool' | 'replica'>, req: Request, res: Response): pg.Pool {
  const wroteRecently = (req.cookies as Record<string, string> | undefined)?.[WROTE_COOKIE] !== undefined;
  const { pool, replica } = readPool(db, wroteRecently);
  if (db.replica) res.setHeader('X-Redline-Read', replica ? 'replica' : 'primary');
  return pool;
}
