/**
 * Area and length units of Chinese planning (rules.md §13): 1 公顷 = 10 000 m² = 15 亩, so
 * 1 亩 = 10 000 / 15 m² ≈ 666.67 m²; 1 km² = 100 公顷 = 1 500 亩. Reported as m² with 2 decimals,
 * 公顷 with 4, 亩 with 2.
 */
export const M2_PER_HECTARE = 10_000;
export const M2_PER_MU = 10_000 / 15;
export const M2_PER_KM2 = 1_000_000;

export interface AreaParts {
  m2: number;
  hectares: number;
  mu: number;
  km2: number;
}

export function areaParts(m2: number): AreaParts {
  return { m2, hectares: m2 / M2_PER_HECTARE, mu: m2 / M2_PER_MU, km2: m2 / M2_PER_KM2 };
}

const grouped = (value: number, decimals: number, locale: string) =>
  value.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** "12 345.67 m²"-style strings in the UI locale. */
export function formatM2(m2: number, locale: string): string {
  return `${grouped(m2, 2, locale)} m²`;
}

export function formatHectares(m2: number, locale: string, unit: string): string {
  return `${grouped(m2 / M2_PER_HECTARE, 4, locale)} ${unit}`;
}

export function formatMu(m2: number, locale: string, unit: string): string {
  return `${grouped(m2 / M2_PER_MU, 2, locale)} ${unit}`;
}

/**
 * Lengths below 1 km in metres (2 decimals below 100 m), otherwise in km with 3 decimals; in
 * Chinese 米 / 千米, as the site panel and the report write them.
 */
export function formatLength(metres: number, locale: string): string {
  const [m, km] = locale.startsWith('zh') ? ['米', '千米'] : ['m', 'km'];
  if (metres < 100) return `${grouped(metres, 2, locale)} ${m}`;
  if (metres < 1000) return `${grouped(metres, 1, locale)} ${m}`;
  return `${grouped(metres / 1000, 3, locale)} ${km}`;
}
