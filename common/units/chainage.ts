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
