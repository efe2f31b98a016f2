import { badRequest } from '../http/errors.ts';

/**
 * Usernames as one account name, whatever the keyboard typed: NFKC folds compatibility forms
 * (full-width ＡＤＭＩＮ, ligatures, circled letters) into their plain letters, and the lower-cased
 * NFKC form is the key for uniqueness, lookup at login and the lock-out counters.
 */
export function normalizeUsername(input: string): string {
  return input.normalize('NFKC').trim();
}

export function usernameKey(input: string): string {
  return normalizeUsername(input).toLowerCase();
}

/** Letters (any script, so 张三 works), digits and . _ @ -; 2–64 characters after NFKC. */
const USERNAME_PATTERN = /^[\p{L}\p{N}._@-]{2,64}$/u;

/**
 * Scripts a name may mix, after UTS #39's "highly restrictive" profile: Latin with the Han-based
 * scripts (张三2024, zhang三, 山田taro) — but never Latin with Cyrillic or Greek, whose look-alike
 * letters (Cyrillic а, е, о, р; Greek ο) make `аdmin` pass for `admin`.
 */
const SCRIPTS = ['Latin', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Thai', 'Tibetan', 'Mongolian'] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);
const ALLOWED_MIXES: ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

function scriptsOf(name: string): string[] {
  const found = new Set<string>();
  for (const ch of name) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPT_PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    found.add(script);
  }
  return [...found];
}

function singleOrAllowedMix(scripts: string[]): boolean {
  return scripts.length <= 1 || ALLOWED_MIXES.some((mix) => scripts.every((s) => mix.has(s)));
}

/** A new account's username, normalised; 400 when malformed or a mix of scripts that look alike. */
export function parseUsername(input: unknown): string {
  const name = typeof input === 'string' ? normalizeUsername(input) : '';
  if (!USERNAME_PATTERN.test(name)) {
    throw badRequest(
      'INVALID_USERNAME',
      '用户名为 2–64 个字符，可含文字、数字和 . _ @ -',
      'The username must be 2–64 characters: letters, digits and . _ @ -',
    );
  }
  const scripts = scriptsOf(name);
  if (!singleOrAllowedMix(scripts)) {
    throw badRequest(
      'CONFUSABLE_USERNAME',
      `用户名混用了易混淆的文字（${scripts.join('、')}），请只用一种文字（可与汉字混用）`,
      `The username mixes scripts whose letters look alike (${scripts.join(', ')}); use one script (Han may be mixed with Latin)`,
      { scripts },
    );
  }
  return name;
}

/**
 * Cyrillic and Greek letters drawn like Latin ones (from Unicode's confusables.txt, the lower-case
 * subset a username can hold): two names with the same skeleton look the same on screen.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** The name as it looks: lower case, look-alike letters mapped to Latin, 0/1 read as o/l. */
export function usernameSkeleton(name: string): string {
  return [...usernameKey(name)].map((ch) => LOOK_ALIKES[ch] ?? ch).join('').replace(/0/g, 'o').replace(/1/g, 'l');
}
