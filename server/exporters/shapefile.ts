import JSZip from 'jszip';
import { fromWgs84 } from '../geo/crs.ts';
import { writeDbf } from './dbf-writer.ts';
import { asciiBaseName, downloadName } from './file-name.ts';
import { esriPrj } from './prj.ts';
import { shapeKindOf, writeShpLayer, type ShapeKind } from './shp-writer.ts';
import { exportZone } from './zone.ts';
import type { ExportFile, ExportOptions, SiteFeatureCollection, SiteGeometry } from './types.ts';

/**
 * Zipped Shapefile in CGCS2000: EPSG:4490 lon/lat by default, or Gauss-Krüger when a zone is given
 * (prefixed EPSG:4513–4533 unless zonePrefix is false). One layer per geometry kind, each with
 * .shp/.shx/.dbf/.prj/.cpg.
 */
export async function exportShapefile(site: SiteFeatureCollection, options: ExportOptions = {}): Promise<ExportFile> {
  const epsg = options.zone === undefined ? 4490 : exportZone(site, options).epsg;
  const encoding = options.encoding ?? 'utf-8';
  const base = asciiBaseName(options.name);
  const byKind = new Map<ShapeKind, { geometries: SiteGeometry[]; rows: Record<string, unknown>[] }>();
  for (const f of site.features) {
    const kind = shapeKindOf(f.geometry);
    const layer = byKind.get(kind) ?? { geometries: [], rows: [] };
    layer.geometries.push(epsg === 4490 ? f.geometry : fromWgs84(f.geometry, epsg));
    layer.rows.push(f.properties ?? {});
    byKind.set(kind, layer);
  }
  const zip = new JSZip();
  for (const [kind, layer] of byKind) {
    const name = byKind.size === 1 ? base : `${base}_${kind}`;
    const { shp, shx } = writeShpLayer(layer.geometries, kind);
    zip.file(`${name}.shp`, shp);
    zip.file(`${name}.shx`, shx);
    zip.file(`${name}.dbf`, writeDbf(layer.rows, encoding));
    zip.file(`${name}.prj`, esriPrj(epsg));
    zip.file(`${name}.cpg`, encoding === 'gbk' ? 'GBK' : 'UTF-8');
  }
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { body, contentType: 'application/zip', filename: downloadName(options.name, 'zip') };
}
