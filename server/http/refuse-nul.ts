import type { RequestHandler } from 'express';
import { badRequest } from './errors.ts';

/** A NUL character in the URL cannot be stored or compared as PostgreSQL text (it was a 500): refused at the door. */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  if (/%00|\u0000/i.test(req.url)) return next(badRequest('NUL_IN_URL', '地址中不能含有空字符（%00）', 'The URL must not contain a NUL character (%00)'));
  next();
};
