import { BATCH_FIELDS, type BatchField, type BatchMapping } from '../../common/api/batch.ts';
import { PROJECT_FLAG_LABELS, PROJECT_FLAGS, PROJECT_TYPE_LABELS, PROJECT_TYPES, type ProjectType } from '../../common/domain/development.ts';

/**
 * Which column (or feature property) holds which site field. An explicit mapping wins; otherwise a
 * column is recognised by its name, in English or as planners write it in Chinese. Values are
 * brought to the check's types (是/否 → booleans, 工业项目（厂房） → industrial); what cannot be
 * read is passed on as written, so that the check itself refuses it with its own bilingual message.
 */
const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_\-（）()]/g, '');

const ALIASES: Record<BatchField, string[]> = {
  name: ['name', '名称', '项目名称', '项目', 'xmmc', '地块名称', 'title'],
  type: ['type', 'projecttype', '项目类型', '类型', 'xmlx'],
  wkt: ['wkt', 'geometry', 'geom', 'shape', '几何', '图形', 'wkt几何'],
  lon: ['lon', 'lng', 'long', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  widthM: ['widthm', 'width', '宽度', '影响宽度', '影响宽度米', '宽度米'],
  ...(Object.fromEntries(PROJECT_FLAGS.map((flag) => [flag, [flag.toLowerCase(), normalise(PROJECT_FLAG_LABELS[flag].zh)]])) as Record<
    (typeof PROJECT_FLAGS)[number],
    string[]
  >),
};

/** field → column name, for the columns present: the explicit mapping first, then by name. */
export function resolveColumns(columns: string[], mapping: BatchMapping = {}): Partial<Record<BatchField, string>> {
  const byNormalised = new Map(columns.map((c) => [normalise(c), c]));
  const out: Partial<Record<BatchField, string>> = {};
  for (const field of BATCH_FIELDS) {
    const explicit = mapping[field];
    if (explicit !== undefined) {
      out[field] = byNormalised.get(normalise(explicit)) ?? explicit;
      continue;
    }
    const found = ALIASES[field].map((a) => byNormalised.get(normalise(a))).find((c) => c !== undefined);
    if (found !== undefined) out[field] = found;
  }
  return out;
}

const TYPE_BY_LABEL = new Map<string, ProjectType>(
  PROJECT_TYPES.flatMap((t) => {
    const zh = PROJECT_TYPE_LABELS[t].zh;
    return [
      [normalise(t), t],
      [normalise(zh), t],
      [normalise(zh.split('（')[0]), t],
      [normalise(PROJECT_TYPE_LABELS[t].en), t],
    ] as [string, ProjectType][];
  }),
);

/** A project type as written (key, Chinese or English label) → its key; unknown text is passed on as is. */
export function readProjectType(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  return TYPE_BY_LABEL.get(normalise(text)) ?? text;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '有', '√', '✓', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '无', '×', '✗', 'f', '-']);

function readFlag(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
  const text = String(value).trim().toLowerCase();
  if (text === '') return undefined;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return String(value);
}

export function readNumber(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const text = String(value).trim().replace(/，/g, '').replace(/,/g, '');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : String(value);
}

/**
 * The project attributes of one row (as the check's `project` receives them), from its values by
 * column name; `defaults` (e.g. a GeoJSON feature's nested `project` object) fill what is missing,
 * then the batch's default type.
 */
export function projectOfRow(
  values: Record<string, unknown>,
  columns: Partial<Record<BatchField, string>>,
  defaults: Record<string, unknown>,
  defaultType: string | undefined,
): Record<string, unknown> {
  const at = (field: BatchField) => (columns[field] === undefined ? undefined : values[columns[field]!]);
  const project: Record<string, unknown> = {};
  const type = readProjectType(at('type')) ?? readProjectType(defaults.type) ?? defaultType;
  if (type !== undefined) project.type = type;
  for (const flag of PROJECT_FLAGS) {
    const v = readFlag(at(flag)) ?? readFlag(defaults[flag]);
    if (v !== undefined) project[flag] = v;
  }
  const width = readNumber(at('widthM')) ?? readNumber(defaults.widthM);
  if (width !== undefined) project.widthM = width;
  return project;
}

export function nameOfRow(values: Record<string, unknown>, columns: Partial<Record<BatchField, string>>, index: number): string {
  const raw = columns.name === undefined ? undefined : values[columns.name];
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  return text === '' ? `第 ${index + 1} 项` : text.slice(0, 200);
}
