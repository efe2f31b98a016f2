/** Types for the part of geojson-validation (CommonJS, untyped) that the app uses, as default or named import. */
declare module 'geojson-validation' {
  /** With trace = true: the list of problems, empty when valid. */
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace?: false): boolean;
  const gjv: { valid: typeof valid };
  export default gjv;
}
