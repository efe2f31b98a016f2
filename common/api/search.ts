import { z } from 'zod';

/** GET /api/search?q=…[&limit=n]: names, pinyin, English names, codes and coordinates; logged-in users also find their projects. */
export const MAX_QUERY_LENGTH = 50;

export const searchQuery = z.looseObject({
  q: z.unknown().optional().meta({ type: 'string', maxLength: MAX_QUERY_LENGTH, description: '查询：名称、拼音、英文名、经纬度或高斯-克吕格坐标 / Query' }),
  limit: z.unknown().optional().meta({ type: 'string', pattern: '^\\d+$', description: '1–50（默认 20） / 1–50 (default 20)' }),
});

const lonLatBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const lonLat = z.tuple([z.number(), z.number()]);
const geometry = z.custom<GeoJSON.Geometry>().meta({ description: 'GeoJSON 几何（简化至约 2 米） / GeoJSON geometry (simplified to ≈2 m)' });

const hitBase = {
  name: z.string(),
  layerId: z.string(),
  layerNameZh: z.string(),
  layerNameEn: z.string(),
  featureKey: z.string(),
  layerVersion: z.number().int(),
  bbox: lonLatBox,
  /** A point on the feature (inside polygons), lon/lat. */
  centroid: lonLat,
  /** The outline, simplified to ≈2 m, for highlighting. */
  geometry,
};

/** A feature of a layer whose name (or pinyin, English name, code) matched. */
const featureHit = z.object({
  ...hitBase,
  type: z.literal('feature'),
  kind: z.string(),
  level: z.string().nullable(),
  /** The feature's English name, if the data has one. */
  nameEn: z.string().nullable(),
  /** The township (乡镇/街道) the feature's point lies in, to tell same-named hits apart. */
  township: z.string().nullable(),
  /** How the query matched: the name, its pinyin, the English name or a code. */
  matchedBy: z.enum(['name', 'pinyin', 'nameEn', 'code']),
});
export type FeatureHit = z.infer<typeof featureHit>;

/** A project of the register the user may see (layerId 'projects': the client groups hits by it). */
const projectHit = z.object({
  ...hitBase,
  type: z.literal('project'),
  layerId: z.literal('projects'),
  kind: z.literal('project'),
  /** The project status (draft, submitted, …) in the place of a level. */
  level: z.string(),
  projectId: z.number().int(),
  status: z.string(),
  verdict: z.string().nullable(),
});
export type ProjectHit = z.infer<typeof projectHit>;

/** A typed coordinate (lon,lat or CGCS2000 3° Gauss-Krüger X,Y) read as a place. */
const coordinateHit = z.object({
  type: z.literal('coordinate'),
  name: z.string(),
  nameEn: z.string(),
  /** How the text was read. */
  crs: z.union([z.literal('EPSG:4490'), z.templateLiteral(['GK3-', z.number().int().min(1)])]),
  /** 3° zone number for GK input (with or without prefix), null for degrees. */
  zone: z.number().int().nullable(),
  centroid: lonLat,
  bbox: lonLatBox,
  geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).min(2).max(3) }),
  /** The township the point falls in, when it is in one. */
  township: z.string().nullable(),
});
export type CoordinateHit = z.infer<typeof coordinateHit>;

const searchHit = z.discriminatedUnion('type', [featureHit, projectHit, coordinateHit]);
export type SearchHit = z.infer<typeof searchHit>;

export const searchResponse = z.object({ query: z.string(), results: z.array(searchHit) });
export type SearchResponse = z.infer<typeof searchResponse>;
