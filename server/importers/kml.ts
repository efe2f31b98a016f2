import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { unprocessable } from '../http/errors.ts';
import { reprojectFeatures } from './reproject.ts';
import { finalizeFeatures } from './sanity.ts';
import { decodeText } from '../geo/text-decoding.ts';
import { assertNotEmpty, assertTextNotEmpty } from './upload-checks.ts';
import { isZip, openZip, readZipEntry, zipFileNames } from './zip.ts';
import type { ImportOptions, ImportResult, SourceFeature } from './types.ts';

/**
 * KML (Google Earth, 奥维互动地图, ogr2ogr) and KMZ → EPSG:4326 features. KML coordinates are WGS84
 * lon/lat by definition; `crs: gcj02` undoes the 高德/腾讯 offset when a KML was drawn on such a map.
 */

/** Properties that only style the placemark in Google Earth. */
const STYLE_KEYS = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility)$/;

function parseXml(text: string) {
  let firstProblem: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        firstProblem ??= message;
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    if (doc.documentElement?.localName !== 'kml') throw new Error(`root element is <${doc.documentElement?.nodeName ?? '?'}>, not <kml>`);
    return doc;
  } catch (e) {
    const reason = (firstProblem ?? (e instanceof Error ? e.message : String(e))).split('\n')[0].slice(0, 200);
    throw unprocessable('INVALID_KML', `不是有效的 KML 文件（${reason}）。`, `Not a valid KML file (${reason}).`);
  }
}

function withoutStyle(f: SourceFeature): SourceFeature {
  const properties = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !STYLE_KEYS.test(k)));
  return { ...f, properties };
}

async function kmlTextOf(bytes: Buffer, options: ImportOptions): Promise<string> {
  if (!isZip(bytes)) return decodeText(bytes, options.encoding).text;
  const zip = await openZip(bytes);
  const names = zipFileNames(zip).filter((n) => n.toLowerCase().endsWith('.kml'));
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!main) throw unprocessable('INVALID_KMZ', 'KMZ 压缩包中没有 .kml 文件。', 'The KMZ archive contains no .kml file.');
  return decodeText(await readZipEntry(zip, main), options.encoding).text;
}

/** KML text or KMZ bytes. */
export async function importKml(bytes: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  assertNotEmpty(bytes);
  const text = await kmlTextOf(bytes, options);
  assertTextNotEmpty(text);
  const doc = parseXml(text);
  let collection;
  try {
    collection = kmlToGeoJson(doc);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw unprocessable('INVALID_KML', `KML 内容无法解析（${reason}）。`, `The KML content cannot be read (${reason}).`);
  }
  const features = collection.features.map(withoutStyle);
  const reprojected = reprojectFeatures(features, options.crs ?? { epsg: 4326, gcj02: false });
  const final = finalizeFeatures(reprojected.features, reprojected.warnings);
  return { features: final.features, crs: reprojected.crs, warnings: final.warnings };
}
