import type { z } from 'zod';
import { validateInput, type InputIssue } from '../../common/api/validation.ts';
import { AppError } from './errors.ts';

export type InputPart = 'body' | 'query' | 'params';

const PART_ZH: Record<InputPart, string> = { body: '请求体', query: '查询参数', params: '路径参数' };
const PART_EN: Record<InputPart, string> = { body: 'request body', query: 'query', params: 'path' };

/**
 * Validates one part of a request by its schema (the API contract) and returns the typed value,
 * or throws a 400 INVALID_INPUT whose message names the first problem in zh and en and whose
 * details list them all (at most 20).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: InputPart): z.output<S> {
  const result = validateInput(schema, value);
  if (result.ok) return result.value;
  throw invalidInput(result.issues, part);
}

export function invalidInput(issues: InputIssue[], part: InputPart): AppError {
  const first = issues[0] ?? { path: '', zh: '输入无效', en: 'Invalid input' };
  const where = (lang: 'zh' | 'en') =>
    first.path ? `${lang === 'zh' ? PART_ZH[part] : PART_EN[part]} ${first.path}` : lang === 'zh' ? PART_ZH[part] : PART_EN[part];
  return new AppError(
    400,
    'INVALID_INPUT',
    { zh: `${where('zh')}：${first.zh}`, en: `${where('en')}: ${first.en}` },
    { part, issues },
  );
}
