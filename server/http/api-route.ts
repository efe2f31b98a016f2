import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { parseInput } from './validate.ts';

/**
 * One API operation declared as data: method, path, schemas of its input and output, and a
 * bilingual summary. `apiRoute` validates the input by these schemas before the handler runs (the
 * handler receives typed values) and records the operation in a registry from which the OpenAPI
 * document is generated. Routes that take multipart files declare `body` as the form fields only.
 */
export interface ApiRouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. "/api/projects/:id". */
  path: string;
  /** OpenAPI tag (module name), e.g. "projects". */
  tag: string;
  summary: { zh: string; en: string };
  params?: P;
  query?: Q;
  body?: B;
  /** Successful responses by status: a schema of the JSON body, or a media type for files. */
  responses: Record<number, z.ZodType | { mediaType: string; description?: string }>;
  /** Who may call it, for the document: 'public' (map read rules apply), 'user', or a role. */
  access?: 'public' | 'user' | 'applicant' | 'reviewer' | 'admin';
  /** multipart/form-data upload with a `file` part. */
  upload?: boolean;
}

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

const registry = new Map<string, ApiRouteSpec>();

/** Every operation declared so far (OpenAPI generation, route-coverage tests). */
export function registeredApiRoutes(): ApiRouteSpec[] {
  return [...registry.values()];
}

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  router: Router,
  spec: ApiRouteSpec<P, Q, B>,
  ...handlers: [
    ...RequestHandler[],
    (req: Request, res: Response, input: ApiInput<Out<P>, Out<Q>, Out<B>>, next: NextFunction) => unknown,
  ]
): void {
  registry.set(`${spec.method.toUpperCase()} ${spec.path}`, spec as unknown as ApiRouteSpec);
  const guards = handlers.slice(0, -1) as RequestHandler[];
  const handler = handlers[handlers.length - 1] as (req: Request, res: Response, input: ApiInput<Out<P>, Out<Q>, Out<B>>, next: NextFunction) => unknown;
  // `next` lets a handler pass a request it does not serve to the next route (e.g. /tiles/:file not ending in .json).
  const run: RequestHandler = async (req, res, next) => {
    const input = {
      params: (spec.params ? parseInput(spec.params, req.params, 'params') : undefined) as Out<P>,
      query: (spec.query ? parseInput(spec.query, req.query, 'query') : undefined) as Out<Q>,
      body: (spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined) as Out<B>,
    };
    await handler(req, res, input, next);
  };
  router[spec.method](spec.path, ...guards, run);
}
