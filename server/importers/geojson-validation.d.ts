/** The part of geojson-validation (CommonJS, untyped) that the GeoJSON importer uses. */
declare module 'geojson-validation' {
  const gjv: {
    /** With trace = true: the list of problems, empty when valid. */
    valid(object: unknown, trace: true): string[];
    valid(object: unknown, trace?: false): boolean;
  };
  export default gjv;
}
