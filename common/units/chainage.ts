/**
 * Chainage (桩号) as Chinese road, rail and pipeline drawings write it: kilometres, "+", metres in
 * three digits — 1,230.4 m from the start is "K1+230". Rounded to the metre: planning precision.
 */
export function formatChainage(metres: number): string {
  const m = Math.max(0, Math.round(metres));
  return `K${Math.floor(m / 1000)}+${String(m % 1000).padStart(3, '0')}`;
}

/** "K1+230～K1+870" — a stretch of a line by the chainage of its ends. */
export const formatChainageRange = (fromM: number, toM: number) => `${formatChainage(fromM)}～${formatChainage(toM)}`;

/**
 * A stretch as the message, the panel and the report write it: "K1+230～K1+870", and with the line
 * it lies on when the site has several — "第 2 条线 K0+986～K5+360" / "line 2 K0+986～K5+360".
 */
export function formatStretch(stretch: { part: number; fromM: number; toM: number }, multiPart: boolean, lang: 'zh' | 'en'): string {
  const range = formatChainageRange(stretch.fromM, stretch.toM);
  if (!multiPart) return range;
  return lang === 'zh' ? `第 ${stretch.part} 条线 ${range}` : `line ${stretch.part} ${range}`;
}
