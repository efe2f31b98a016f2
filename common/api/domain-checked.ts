import { z } from 'zod';

/**
 * A field whose value a domain parser checks after the schema, because that parser's error codes
 * are what planners see (BAD_COORDINATE, UNKNOWN_PROJECT_TYPE, INVALID_WIDTH …) and a generic
 * INVALID_INPUT would hide them. The schema lets the value through; its type on both sides and its
 * description in the OpenAPI document come from `shape`, so the contract is still written once.
 */
export function domainChecked<S extends z.ZodType, T = z.input<S>>(shape: S, description?: string) {
  const json = z.toJSONSchema(shape, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  // z.unknown lets anything through, a missing key included (the parser reports that too, with its code).
  return z.unknown().optional().meta({ ...json, ...(description ? { description } : {}) }) as unknown as z.ZodType<T, T>;
}
