import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A proxy's request id is kept only when it is a short plain token; anything else is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of a request in the log and in a 500's message: the caller's X-Request-Id when it is a
 * short safe token (so a proxy's id ties the logs together), else a fresh UUID — an id is echoed
 * into logs and error messages, so markup, control characters or a megabyte of text must not be.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
