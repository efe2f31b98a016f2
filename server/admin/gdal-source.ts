import { unprocessable } from '../http/errors.ts';
import { identifyWkt } from '../geo/crs-wkt.ts';
import type { SourceFeature } from '../importers/types.ts';
import { withGdal } from '../geo/gdal.ts';
import type { SourceLayer } from './source-file.ts';

/** What `ogrinfo -json -so` says of a layer (the parts used here). */
interface OgrLayerInfo {
  name: string;
  featureCount?: number;
  geometryFields?: { type?: string; coordinateSystem?: { wkt?: string; projjson?: { id?: { authority?: string; code?: number } } } }[];
  fields?: { name: string; type: string }[];
}

function crsOf(info: OgrLayerInfo): { epsg: number | null; crsNote?: string } {
  const cs = info.geometryFields?.[0]?.coordinateSystem;
  if (!cs?.wkt) return { epsg: null, crsNote: 'no CRS in the file' };
  const id = cs.projjson?.id;
  if (id?.authority === 'EPSG' && typeof id.code === 'number') return { epsg: id.code };
  const found = identifyWkt(cs.wkt);
  return found.epsg !== undefined ? { epsg: found.epsg } : { epsg: null, crsNote: `${found.name}: ${found.reason}` };
}

let outputs = 0;

/**
 * GeoPackage and FileGDB through GDAL (gdal3.js): the layers with their CRS from the file and
 * their features as GeoJSON in that CRS (GDAL writes lon/lat order for geographic CRSs).
 */
export function readWithGdal(filePath: string, maxFeatures: number): Promise<SourceLayer[]> {
  return withGdal(async (gdal) => {
    const opened = await gdal.open(filePath);
    const dataset = opened.datasets[0];
    if (!dataset)
      throw unprocessable('UNREADABLE_FILE', `GDAL 无法打开该文件（${opened.errors.join('; ') || '格式无法识别'}）。`, `GDAL cannot open the file (${opened.errors.join('; ') || 'format not recognised'}).`);
    try {
      const info = (await gdal.ogrinfo(dataset, ['-json', '-so', '-al'])) as { layers?: OgrLayerInfo[] };
      const layers: SourceLayer[] = [];
      for (const layer of info.layers ?? []) {
        if (!layer.geometryFields?.length) continue; // attribute-only tables
        if ((layer.featureCount ?? 0) > maxFeatures)
          throw unprocessable('TOO_MANY_FEATURES', `图层 ${layer.name} 有 ${layer.featureCount} 个要素，超过上限 ${maxFeatures}。`, `Layer ${layer.name} has ${layer.featureCount} features, more than the limit of ${maxFeatures}.`);
        const out = await gdal.ogr2ogr(dataset, ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=9', layer.name], `layer${++outputs}`);
        const bytes = await gdal.getFileBytes(out);
        const collection = JSON.parse(Buffer.from(bytes).toString('utf8')) as { features: SourceFeature[] };
        const fieldTypes = Object.fromEntries((layer.fields ?? []).map((f) => [f.name, f.type]));
        layers.push({
          name: layer.name,
          features: collection.features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry ?? null })),
          ...crsOf(layer),
          geometryType: layer.geometryFields[0].type ?? '',
          fieldTypes,
        });
      }
      if (layers.length === 0) throw unprocessable('NO_LAYERS', '文件中没有含几何的图层。', 'The file has no layer with geometries.');
      return layers;
    } finally {
      await gdal.close(dataset);
    }
  });
}
