import type { Geometry } from 'geojson';
import type { FieldMapping, ValidationIssue } from '../../common/api/admin.ts';
import { badRequest } from '../http/errors.ts';
import type { SourceFeature } from '../importers/types.ts';

/**
 * The field mapping applied to a file's features: which field is the id, the name, the English
 * name and the level, and the level value table from the file's values (核心保护区, 一级保护区 …) to
 * the layer kind's levels. What cannot be mapped is reported, not guessed.
 */
export interface MappedFeature {
  key: string;
  name: string | null;
  nameEn: string | null;
  level: string | null;
  /** The file's attributes, plus name / nameEn / level as mapped (what the map and the check read). */
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

export interface MappingResult {
  features: MappedFeature[];
  errors: ValidationIssue[];
}

const text = (v: unknown): string | null => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());

function assertFieldsExist(mapping: FieldMapping, fields: Set<string>): void {
  const used = [mapping.id, mapping.name, mapping.nameEn, mapping.level?.field].filter((f): f is string => !!f);
  const missing = used.filter((f) => !fields.has(f));
  if (missing.length)
    throw badRequest('UNKNOWN_FIELD', `文件中没有字段：${missing.join('、')}`, `The file has no field ${missing.join(', ')}`, { fields: missing });
}

function assertLevelsKnown(mapping: FieldMapping, levels: string[]): void {
  if (!mapping.level) return;
  const allowed = new Set([...levels, 'none']);
  const wrong = Object.values(mapping.level.values).filter((l): l is string => l !== null && !allowed.has(l));
  if (wrong.length)
    throw badRequest(
      'UNKNOWN_LEVEL',
      `级别不属于该图层类型：${[...new Set(wrong)].join('、')}（可选：${levels.join('、') || '无'}）`,
      `Levels not of this layer's kind: ${[...new Set(wrong)].join(', ')} (allowed: ${levels.join(', ') || 'none'})`,
    );
}

export function applyMapping(features: SourceFeature[], mapping: FieldMapping, layerLevels: string[]): MappingResult {
  const fields = new Set<string>();
  for (const f of features.slice(0, 1000)) for (const k of Object.keys(f.properties ?? {})) fields.add(k);
  assertFieldsExist(mapping, fields);
  assertLevelsKnown(mapping, layerLevels);

  const errors: ValidationIssue[] = [];
  const unmapped = new Map<string, string[]>();
  const mapped = features.map((f, i): MappedFeature => {
    const props = f.properties ?? {};
    const key = (mapping.id ? text(props[mapping.id]) : null) ?? String(i + 1);
    let level: string | null = null;
    if (mapping.level) {
      const raw = text(props[mapping.level.field]) ?? '';
      if (Object.prototype.hasOwnProperty.call(mapping.level.values, raw)) {
        const to = mapping.level.values[raw];
        level = to === 'none' ? null : to;
      } else {
        const keys = unmapped.get(raw) ?? [];
        keys.push(key);
        unmapped.set(raw, keys);
      }
    }
    const name = text(props[mapping.name]);
    const nameEn = mapping.nameEn ? text(props[mapping.nameEn]) : null;
    return {
      key,
      name,
      nameEn,
      level,
      properties: { ...props, name, ...(nameEn ? { nameEn } : {}), ...(level ? { level } : {}) },
      geometry: f.geometry as Geometry | null,
    };
  });
  for (const [value, keys] of unmapped)
    errors.push({
      code: 'UNMAPPED_LEVEL',
      id: keys[0],
      ids: keys.slice(0, 50),
      message: {
        zh: `级别字段值“${value || '（空）'}”不在级别对照表中（${keys.length} 个要素，如 ${keys.slice(0, 3).join('、')}）`,
        en: `Level value "${value || '(empty)'}" is not in the level table (${keys.length} features, e.g. ${keys.slice(0, 3).join(', ')})`,
      },
    });

  const byKey = new Map<string, number>();
  for (const f of mapped) byKey.set(f.key, (byKey.get(f.key) ?? 0) + 1);
  for (const [key, n] of byKey)
    if (n > 1)
      errors.push({
        code: 'DUPLICATE_ID',
        id: key,
        message: { zh: `要素编号 ${key} 重复 ${n} 次`, en: `Feature id ${key} occurs ${n} times` },
      });
  return { features: mapped, errors };
}
