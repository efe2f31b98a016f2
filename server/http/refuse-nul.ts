import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { badRequest } from './errors.ts';
import { LONE_SURROGATE } from './lone-surrogates.ts';

/** A NUL character in the URL cannot be stored or compared as PostgreSQL text (it was a 500): refused at the door. */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  if (/%00|\u0000/i.test(req.url)) return next(badRequest('NUL_IN_URL', '地址中不能含有空字符（%00）', 'The URL must not contain a NUL character (%00)'));
  next();
};

/** NUL, or half of a UTF-16 surrogate pair: text PostgreSQL cannot store (nor its json type parse). */
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`);

/**
 * express.json's `verify`: such characters reach a parsed body only through a \u escape (raw NUL
 * is not valid JSON, and invalid UTF-8 decodes to U+FFFD), so only a body with one is walked.
 */
export function markUnicodeEscapes(req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (body.includes('\\u')) (req as { unicodeEscapes?: boolean }).unicodeEscapes = true;
}

/**
 * A JSON body with NUL or a lone surrogate in any string or key is refused (400): stored, it was a
 * 500 (a login name, a project's name, a comment, a report's file name). Walked without recursion:
 * the body may nest as deep as the parser allowed.
 */
export const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  if (!(req as { unicodeEscapes?: boolean }).unicodeEscapes) return next();
  const stack: unknown[] = [req.body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return next(badRequest('BAD_TEXT', '文本中含有无法保存的字符（空字符或不成对的代理项）', 'The text contains characters that cannot be stored (NUL or an unpaired surrogate)'));
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item); // not push(...value): a 300,000-element array overflows the argument stack
    }
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push(k, v);
  }
  next();
};
