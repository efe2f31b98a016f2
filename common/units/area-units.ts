/**
 * Area units of Chinese land administration (rules.md §13): 1 公顷 = 10 000 m² = 15 亩, so
 * 1 亩 = 666.67 m². Reporting convention: m² 2 dp, 公顷 4 dp, 亩 2 dp. The one implementation of
 * these units: the client (measure tool, site summary, check panel, feature popup) and the server
 * (report, CSV, XLSX, 国土 TXT areas) both use it.
 */
const M2_PER_HECTARE = 10_000;
const MU_PER_HECTARE = 15;
export const M2_PER_MU = M2_PER_HECTARE / MU_PER_HECTARE;

export const hectaresFromM2 = (areaM2: number) => areaM2 / M2_PER_HECTARE;
export const muFromM2 = (areaM2: number) => areaM2 / M2_PER_MU;

/** Rounds half away from zero to `digits` decimals (for table cells that stay numbers). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.sign(value) * Math.round(Math.abs(value) * f) / f;
}

/** One formatter per number of decimals: toLocaleString with options builds a new one per call (≈ 30 µs, against 0.8 µs). */
const formatters = new Map<number, Intl.NumberFormat>();

/** 12345.678 → "12,345.68" (grouping as both zh-CN and en write it). */
export function formatNumber(value: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (!formatter) formatters.set(digits, (formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return formatter.format(value);
}

export const formatM2 = (areaM2: number) => formatNumber(areaM2, 2);
export const formatHectares = (areaM2: number) => formatNumber(hectaresFromM2(areaM2), 4);
export const formatMu = (areaM2: number) => formatNumber(muFromM2(areaM2), 2);

/** "7,600.00 m²（0.7600 公顷，11.40 亩）" or "7,600.00 m² (0.7600 ha, 11.40 mu)". */
export function formatAreaAllUnits(areaM2: number, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `${formatM2(areaM2)} m²（${formatHectares(areaM2)} 公顷，${formatMu(areaM2)} 亩）`
    : `${formatM2(areaM2)} m² (${formatHectares(areaM2)} ha, ${formatMu(areaM2)} mu)`;
}

/**
 * Lengths as every view writes them (map, measure tool, site panel, report): metres below 1 km —
 * 2 decimals below 100 m, 1 above — and kilometres with 3 decimals; 米 / 千米 in Chinese.
 * "zh-CN" and other UI locales starting with "zh" count as Chinese.
 */
export function formatLength(lengthM: number, lang: string): string {
  const [m, km] = lang.startsWith('zh') ? ['米', '千米'] : ['m', 'km'];
  if (lengthM < 100) return `${formatNumber(lengthM, 2)} ${m}`;
  if (lengthM < 1000) return `${formatNumber(lengthM, 1)} ${m}`;
  return `${formatNumber(lengthM / 1000, 3)} ${km}`;
}
