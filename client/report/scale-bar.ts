/** The scale bar of the report's map figure: a round length (1, 2 or 5 × 10ⁿ m) no longer than `maxPixels`. */
export interface ScaleBar {
  metres: number;
  pixels: number;
  /** "500 m", "2 km": the units of the map's own scale control. */
  label: string;
}

export function scaleBar(metresPerPixel: number, maxPixels: number): ScaleBar | null {
  if (!(metresPerPixel > 0) || !(maxPixels > 0) || !Number.isFinite(metresPerPixel)) return null;
  const maxMetres = metresPerPixel * maxPixels;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((s) => s * power <= maxMetres) ?? 1;
  const metres = step * power;
  return { metres, pixels: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
