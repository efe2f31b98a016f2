import { z } from 'zod';

/**
 * Schema validation with bilingual messages, shared by both sides. Neutral on purpose: it returns
 * the issues; the server turns them into its HTTP error at the edge (server/http/validate.ts), the
 * client shows them beside a form. Messages come from zod's own zh-CN and en locales.
 */
export interface InputIssue {
  /** Dotted path of the offending value, e.g. "project.widthM"; "" for the whole input. */
  path: string;
  zh: string;
  en: string;
}

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type LocaleIssue = Parameters<typeof en>[0];

function localised(map: typeof en, issue: LocaleIssue, fallback: string): string {
  const out = map(issue);
  if (typeof out === 'string') return out;
  return out?.message ?? fallback;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** Parses `value` with `schema`; on failure every issue comes with a zh and an en message. */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown): ValidationResult<z.output<S>> {
  // reportInput lets the locale say what was received; the input itself is never echoed back.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    // A custom message set in a schema (`{ error: '中文 / English' }`) is already bilingual.
    const custom = issue.code === 'custom' || /\s\/\s/.test(issue.message) ? splitBilingual(issue.message) : undefined;
    return {
      path,
      zh: custom?.zh ?? localised(zhCN, issue as unknown as LocaleIssue, issue.message),
      en: custom?.en ?? localised(en, issue as unknown as LocaleIssue, issue.message),
    };
  });
  return { ok: false, issues };
}

/** "中文 / English" → both halves; a message without the separator is used for both languages. */
function splitBilingual(message: string): { zh: string; en: string } {
  const at = message.indexOf(' / ');
  if (at < 0) return { zh: message, en: message };
  return { zh: message.slice(0, at), en: message.slice(at + 3) };
}
