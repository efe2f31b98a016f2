import { pinyin } from 'pinyin-pro';
import type { Queryable } from '../db/types.ts';

/**
 * Pinyin of every distinct feature name of the current layer versions, computed once per set of
 * versions (at the first search after a publish), never per request: "qingyan" and "qyz" find
 * 青岩镇. Matching is on letters only (spaces, case and tones ignored).
 */
interface Entry {
  name: string;
  full: string;
  initials: string;
}

let cached: { stamp: string; entries: Entry[] } | undefined;

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function pinyinOf(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return { full: letters(syllables.join('')), initials: letters(syllables.map((s) => s[0] ?? '').join('')) };
}

/** True when the query is something pinyin could match: Latin letters (and spaces or apostrophes) only. */
export const looksLikePinyin = (q: string) => /^[a-zA-Z][a-zA-Z\s']*$/.test(q);

async function entries(db: Queryable): Promise<Entry[]> {
  const { rows: versions } = await db.query<{ stamp: string }>(
    `SELECT coalesce(string_agg(id || ':' || current_version, ',' ORDER BY id), '') AS stamp FROM layers WHERE current_version IS NOT NULL`,
  );
  const stamp = versions[0]?.stamp ?? '';
  if (cached?.stamp === stamp) return cached.entries;
  const { rows } = await db.query<{ name: string }>(
    `SELECT DISTINCT f.name FROM features f JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
      WHERE f.name IS NOT NULL AND f.name ~ '[\\u4e00-\\u9fff]'`,
  );
  const built = rows.map(({ name }) => ({ name, ...pinyinOf(name) }));
  cached = { stamp, entries: built };
  return built;
}

/** Names whose full pinyin or initials contain the query's letters, with a rank: 0 whole name, 1 start, 2 inside. */
export async function namesMatchingPinyin(db: Queryable, query: string, max = 200): Promise<{ name: string; rank: number }[]> {
  const q = letters(query);
  if (q.length < 2) return [];
  const hits = (await entries(db))
    .map((e) => ({ e, rank: e.full === q || e.initials === q ? 0 : e.full.startsWith(q) || e.initials.startsWith(q) ? 1 : e.full.includes(q) || e.initials.includes(q) ? 2 : 3 }))
    .filter((h) => h.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.e.name.length - b.e.name.length);
  return hits.slice(0, max).map((h) => ({ name: h.e.name, rank: h.rank }));
}
