import { badRequest, unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';
import {
  PROJECT_FLAG_LABELS,
  PROJECT_FLAGS,
  PROJECT_TYPES,
  type ProjectAttributes,
  type ProjectType,
} from '../../common/domain/development.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates the `project` object of a check request. Absent flags are false; `widthM` stays absent
 * when not given (the engine picks the default by geometry type). Throws a 400 AppError naming the
 * offending field in Chinese and English.
 */
export function parseProject(input: unknown): ProjectAttributes {
  if (!isPlainObject(input)) {
    throw badRequest('INVALID_PROJECT', 'project 应为对象，例如 { "type": "industrial" }', 'project must be an object, e.g. { "type": "industrial" }');
  }
  const allowedKeys = new Set<string>(['type', 'widthM', ...PROJECT_FLAGS]);
  const unknownKeys = Object.keys(input).filter((k) => !allowedKeys.has(k));
  if (unknownKeys.length > 0) {
    throw badRequest(
      'UNKNOWN_PROJECT_KEY',
      `project 含未知字段：${unknownKeys.join('、')}`,
      `project has unknown field(s): ${unknownKeys.join(', ')}`,
      { unknownKeys, allowed: [...allowedKeys] },
    );
  }

  const { type } = input;
  if (type === undefined) {
    throw badRequest('MISSING_PROJECT_TYPE', '缺少项目类型 project.type', 'project.type is required', { allowed: PROJECT_TYPES });
  }
  if (typeof type !== 'string' || !(PROJECT_TYPES as readonly string[]).includes(type)) {
    throw badRequest(
      'UNKNOWN_PROJECT_TYPE',
      typeof type === 'string' ? `未知的项目类型：${type.slice(0, 60)}` : `项目类型 project.type 应为文本（收到 ${received(type, 'zh')}）`,
      typeof type === 'string' ? `Unknown project type: ${type.slice(0, 60)}` : `project.type must be text (got ${received(type, 'en')})`,
      { allowed: PROJECT_TYPES },
    );
  }

  const project = { type: type as ProjectType } as ProjectAttributes;
  for (const flag of PROJECT_FLAGS) {
    const value = input[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      throw badRequest(
        'INVALID_PROJECT_FLAG',
        `project.${flag}（${PROJECT_FLAG_LABELS[flag].zh}）应为 true 或 false`,
        `project.${flag} (${PROJECT_FLAG_LABELS[flag].en}) must be true or false`,
        { field: flag },
      );
    }
    project[flag] = value === true;
  }

  const { widthM } = input;
  if (widthM !== undefined) {
    if (typeof widthM !== 'number' || !Number.isFinite(widthM) || widthM <= 0) {
      throw badRequest(
        'INVALID_WIDTH',
        'project.widthM（影响宽度，米）应为大于 0 的数字',
        'project.widthM (impact width in metres) must be a number greater than 0',
        { field: 'widthM' },
      );
    }
    if (widthM > LIMITS.checkMaxWidthM) {
      // A strip kilometres wide is not a site's footprint; buffering it costs the database dearly (1e300 was a 500).
      throw unprocessable(
        'WIDTH_TOO_LARGE',
        `project.widthM（影响宽度）不能超过 ${LIMITS.checkMaxWidthM} 米`,
        `project.widthM (impact width) may not exceed ${LIMITS.checkMaxWidthM} m`,
        { field: 'widthM', max: LIMITS.checkMaxWidthM },
      );
    }
    project.widthM = widthM;
  }
  return project;
}

/** A value that is not text, named without echoing a structure ("[object Object]", or one nested deep). */
function received(value: unknown, lang: 'zh' | 'en'): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return lang === 'zh' ? '数组' : 'an array';
  return lang === 'zh' ? '对象' : `an ${typeof value}`;
}
