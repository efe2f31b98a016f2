/**
 * The one error format of the API: { error: { code, message: { zh, en } } }.
 * Throw an AppError anywhere; the error middleware turns it into its HTTP status.
 * Anything that is not an AppError becomes a 500 with a request id (never a stack trace).
 */
import type { Bilingual } from '../../common/bilingual.ts';

export type { Bilingual };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.messages,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** 400: the request is malformed (bad JSON, wrong types, missing fields). */
export const badRequest = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(400, code, { zh, en }, details);

/** 422: well-formed but unusable content (invalid geometry, wrong CRS, unparseable file). */
export const unprocessable = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(422, code, { zh, en }, details);

export const notFound = (code: string, zh: string, en: string) => new AppError(404, code, { zh, en });

export const conflict = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(409, code, { zh, en }, details);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
