import type { AdminLayer, CreateLayerBody } from '../../common/api/admin.ts';
import { isLayerKind, LEVEL_LABELS, NO_LEVEL } from '../../common/domain/layer-kinds.ts';
import type { Queryable } from '../db/types.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { upsertLayerMetadata } from '../layers/loader.ts';

/** A layer shown on the map but not checked. */
export const REFERENCE_KIND = 'reference';

const DEFAULT_STYLE = { fill: '#8e24aa', line: '#4a148c', fillOpacity: 0.35, lineWidth: 1 };

const ADMIN_LAYER_SELECT = `SELECT id, kind, name_zh AS "nameZh", name_en AS "nameEn", group_id AS "group",
  geometry_type AS "geometryType", levels, checked, illustrative, retired, style FROM layers`;

export async function getAdminLayer(db: Queryable, id: string): Promise<AdminLayer> {
  const { rows } = await db.query<AdminLayer>(`${ADMIN_LAYER_SELECT} WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound('UNKNOWN_LAYER', `图层不存在：${id}`, `Unknown layer: ${id}`);
  return rows[0];
}

export async function listAdminLayers(db: Queryable): Promise<AdminLayer[]> {
  return (await db.query<AdminLayer>(`${ADMIN_LAYER_SELECT} ORDER BY legend_order, id`)).rows;
}

/** The levels a layer of this kind can have (rules.md), without the implicit "no level". */
const levelsOfKind = (kind: string): string[] =>
  isLayerKind(kind) ? Object.keys(LEVEL_LABELS[kind] ?? {}).filter((l) => l !== NO_LEVEL) : [];

/**
 * A new layer, empty until its first version is published: of a kind the rules know (checked at
 * once with that kind's rules) or a reference layer (shown, not checked). Its style is the one a
 * layer of the same kind already has, else a neutral default; its group likewise.
 */
export async function createLayer(db: Queryable, body: CreateLayerBody): Promise<AdminLayer> {
  if (body.kind !== REFERENCE_KIND && !isLayerKind(body.kind))
    throw badRequest('UNKNOWN_KIND', `未知的图层类型：${body.kind}`, `Unknown layer kind: ${body.kind}`);
  const existing = await db.query('SELECT 1 FROM layers WHERE id = $1', [body.id]);
  if (existing.rows.length) throw conflict('LAYER_EXISTS', `图层已存在：${body.id}`, `A layer with id ${body.id} already exists`);
  const { rows: same } = await db.query<{ style: Record<string, unknown>; group_id: string; geometry_type: string }>(
    'SELECT style, group_id, geometry_type FROM layers WHERE kind = $1 ORDER BY legend_order LIMIT 1',
    [body.kind],
  );
  const { rows: order } = await db.query<{ next: number }>('SELECT COALESCE(MAX(legend_order), 0) + 1 AS next FROM layers');
  await upsertLayerMetadata(db, {
    id: body.id,
    kind: body.kind,
    nameZh: body.nameZh,
    nameEn: body.nameEn,
    group: body.group ?? same[0]?.group_id ?? 'official',
    geometryType: body.geometryType ?? same[0]?.geometry_type ?? (body.kind === 'river' ? 'LineString' : 'Polygon'),
    levels: levelsOfKind(body.kind),
    checked: body.kind !== REFERENCE_KIND,
    illustrative: false,
    legendOrder: order[0].next,
    source: { zh: '官方数据（待发布）', en: 'Official data (not yet published)' },
    style: same[0]?.style ?? DEFAULT_STYLE,
  });
  return getAdminLayer(db, body.id);
}

/** Takes a layer off the map and out of the check; its versions stay for the checks that used them. */
export async function setLayerRetired(db: Queryable, id: string, retired: boolean): Promise<AdminLayer> {
  const layer = await getAdminLayer(db, id);
  await db.query('UPDATE layers SET retired = $2, checked = $3 WHERE id = $1', [id, retired, !retired && layer.kind !== REFERENCE_KIND]);
  return getAdminLayer(db, id);
}
