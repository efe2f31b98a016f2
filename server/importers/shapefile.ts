import type { Position } from 'geojson';
import type JSZip from 'jszip';
import { unprocessable } from '../http/errors.ts';
import { suggestProjectedCrs } from '../geo/crs-checks.ts';
import { identifyWkt } from '../geo/crs-wkt.ts';
import { readDbf } from './dbf-reader.ts';
import { positionsOf } from '../geo/geometry.ts';
import { reprojectFeatures } from './reproject.ts';
import { finalizeFeatures } from './sanity.ts';
import { looksLikeShp, readShp } from './shp-reader.ts';
import { assertNotEmpty } from './upload-checks.ts';
import { isZip, openZip, readZipEntry, zipFileNames } from './zip.ts';
import { warning, type CrsChoice, type CrsSummary, type ImportOptions, type ImportResult, type ImportWarning, type SourceFeature } from './types.ts';

/**
 * A zipped Shapefile (.shp + .dbf, with .prj and .cpg when the writer was careful) → EPSG:4326
 * features. The .prj decides the CRS (GK zone WKTs from ArcGIS and GDAL included); without one,
 * lon/lat-looking data is taken as CGCS2000 with a warning and metre data is refused with a hint.
 */

interface LayerFiles {
  base: string;
  shp: string;
  dbf?: string;
  prj?: string;
  cpg?: string;
}

function layersOf(zip: JSZip): LayerFiles[] {
  const byBase = new Map<string, Partial<LayerFiles>>();
  for (const name of zipFileNames(zip)) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(name);
    if (!m) continue;
    const entry = byBase.get(m[1]) ?? { base: m[1] };
    entry[m[2].toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg'] = name;
    byBase.set(m[1], entry);
  }
  return [...byBase.values()].filter((l): l is LayerFiles => !!l.shp);
}

function crsFromPrj(prj: string | undefined, layer: string, sample: Position | undefined, warnings: ImportWarning[]): CrsChoice {
  if (prj === undefined || prj.trim() === '') {
    if (sample && Math.abs(sample[0]) <= 180 && Math.abs(sample[1]) <= 90) {
      warnings.push(
        warning('NO_PRJ', `图层 ${layer} 缺少 .prj，坐标看起来是经纬度，按 CGCS2000（≈WGS84）处理；如来自高德/腾讯，请选择 GCJ-02。`, `Layer ${layer} has no .prj; its coordinates look like lon/lat and are taken as CGCS2000 (≈ WGS84). If they come from 高德/腾讯 maps, choose GCJ-02.`),
      );
      return { epsg: 4490, gcj02: false };
    }
    const hint = sample ? suggestProjectedCrs(sample) : { zh: '', en: '' };
    throw unprocessable(
      'CRS_REQUIRED',
      `图层 ${layer} 缺少 .prj 坐标系文件，且坐标是平面坐标：请选择坐标系后重新导入（${hint.zh}）。`,
      `Layer ${layer} has no .prj and its coordinates are projected: choose the CRS and import again (${hint.en}).`,
    );
  }
  const id = identifyWkt(prj);
  if (id.epsg === undefined)
    throw unprocessable(
      'UNSUPPORTED_PRJ',
      `图层 ${layer} 的坐标系“${id.name}”不受支持（${id.reason}）：请转换为 CGCS2000 经纬度或高斯-克吕格投影，或明确选择坐标系。`,
      `Layer ${layer} is in an unsupported CRS "${id.name}" (${id.reason}): convert it to CGCS2000 lon/lat or Gauss-Krüger, or choose the CRS explicitly.`,
    );
  return { epsg: id.epsg, gcj02: false };
}

async function readLayer(zip: JSZip, files: LayerFiles, options: ImportOptions) {
  const warnings: ImportWarning[] = [];
  const geometries = readShp(await readZipEntry(zip, files.shp));
  let rows: Record<string, unknown>[] = [];
  if (files.dbf) {
    const cpg = files.cpg ? (await readZipEntry(zip, files.cpg, 1024)).toString('latin1') : undefined;
    rows = readDbf(await readZipEntry(zip, files.dbf), { encoding: options.encoding, cpg }).rows;
    if (rows.length !== geometries.length)
      warnings.push(warning('DBF_COUNT_MISMATCH', `图层 ${files.base} 的属性记录数（${rows.length}）与几何数（${geometries.length}）不一致。`, `Layer ${files.base} has ${rows.length} attribute rows for ${geometries.length} geometries.`));
  } else warnings.push(warning('NO_DBF', `图层 ${files.base} 缺少 .dbf，导入时没有属性。`, `Layer ${files.base} has no .dbf; imported without attributes.`));
  const features: SourceFeature[] = geometries.map((geometry, i) => ({ type: 'Feature', properties: rows[i] ?? {}, geometry }));
  const sample = features.flatMap((f) => (f.geometry ? positionsOf(f.geometry).slice(0, 1) : []))[0];
  const prj = files.prj ? (await readZipEntry(zip, files.prj, 64 * 1024)).toString('utf8') : undefined;
  if (!options.crs) return { features, choice: crsFromPrj(prj, files.base, sample, warnings), warnings };
  const declared = prj ? identifyWkt(prj).epsg : undefined;
  if (declared !== undefined && declared !== options.crs.epsg)
    warnings.push(warning('CRS_OVERRIDDEN', `图层 ${files.base} 的 .prj 为 EPSG:${declared}，按所选 EPSG:${options.crs.epsg} 处理。`, `Layer ${files.base}'s .prj says EPSG:${declared}; the chosen EPSG:${options.crs.epsg} is used instead.`));
  const choice = options.crs;
  return { features, choice, warnings };
}

export async function importShapefile(bytes: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  assertNotEmpty(bytes);
  if (!isZip(bytes)) {
    if (looksLikeShp(bytes))
      throw unprocessable('SHP_NOT_ZIPPED', '请把 .shp、.shx、.dbf、.prj（和 .cpg）一起打包成 zip 上传。', 'Upload the .shp together with its .shx, .dbf, .prj (and .cpg) as one zip.');
    throw unprocessable('NOT_A_ZIP', 'Shapefile 需以 zip 压缩包上传。', 'A Shapefile must be uploaded as a zip archive.');
  }
  const zip = await openZip(bytes);
  const layers = layersOf(zip);
  if (layers.length === 0) throw unprocessable('NO_SHP', '压缩包中没有 .shp 文件。', 'The zip contains no .shp file.');

  const warnings: ImportWarning[] = [];
  const features: SourceFeature[] = [];
  let crs: CrsSummary | undefined;
  for (const files of layers) {
    const layer = await readLayer(zip, files, options);
    const reprojected = reprojectFeatures(layer.features, layer.choice);
    if (crs && crs.epsg !== reprojected.crs.epsg)
      warnings.push(warning('MIXED_CRS', `压缩包中的图层坐标系不同（EPSG:${crs.epsg} 与 EPSG:${reprojected.crs.epsg}），已分别转换。`, `Layers in the zip use different CRSs (EPSG:${crs.epsg} and EPSG:${reprojected.crs.epsg}); each was converted.`));
    crs ??= reprojected.crs;
    const tag = layers.length > 1 ? { layer: files.base } : {};
    features.push(...reprojected.features.map((f) => ({ ...f, properties: { ...f.properties, ...tag } })));
    warnings.push(...layer.warnings, ...reprojected.warnings);
  }
  const final = finalizeFeatures(features, warnings);
  return { features: final.features, crs: crs!, warnings: final.warnings };
}
