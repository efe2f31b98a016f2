import { pinyin } from 'pinyin-pro';

/**
 * Pinyin of every distinct feature name of the current layer versions, computed once per layer set
 * (when the search index of a stamp is built, search-index.ts), never per request: "qingyan" and
 * "qyz" find 青岩镇. Matching is on letters only (spaces, case and tones ignored).
 */
export interface PinyinEntry {
  name: string;
  full: string;
  initials: string;
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return { full: letters(syllables.join('')), initials: letters(syllables.map((s) => s[0] ?? '').join('')) };
}

/** True when the query is something pinyin could match: Latin letters (and spaces or apostrophes) only. */
export const looksLikePinyin = (q: string) => /^[a-zA-Z][a-zA-Z\s']*$/.test(q);

/** The entries of the names that hold a Chinese character. */
export function pinyinEntries(names: Iterable<string>): PinyinEntry[] {
  return [...names].filter((name) => /[\u4e00-\u9fff]/.test(name)).map((name) => ({ name, ...pinyinOf(name) }));
}

/** Names whose full pinyin or initials contain the query's letters, with a rank: 0 whole name, 1 start, 2 inside. */
export function namesMatchingPinyin(entries: PinyinEntry[], query: string, max = 200): { name: string; rank: number }[] {
  const q = letters(query);
  if (q.length < 2) return [];
  const hits = entries
    .map((e) => ({ e, rank: e.full === q || e.initials === q ? 0 : e.full.startsWith(q) || e.initials.startsWith(q) ? 1 : e.full.includes(q) || e.initials.includes(q) ? 2 : 3 }))
    .filter((h) => h.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.e.name.length - b.e.name.length);
  return hits.slice(0, max).map((h) => ({ name: h.e.name, rank: h.rank }));
}
