import { badRequest } from '../http/errors.ts';
import { getCrs } from '../geo/crs.ts';
import type { CrsChoice } from './types.ts';

/**
 * Reads a CRS as people and files write it: 4524, "EPSG:4524", "urn:ogc:def:crs:EPSG::4524",
 * "CRS84", and "gcj02" for coordinates copied from 高德/腾讯 maps. undefined when not recognisable.
 */
export function parseEpsgCode(text: string): number | undefined {
  const t = text.trim();
  if (/^(urn:ogc:def:crs:)?(ogc:)?(1\.3:)?crs84$/i.test(t)) return 4326;
  const m = /^(?:urn:ogc:def:crs:)?(?:epsg)?:{0,2}(?:[\d.]*:)?(\d{4,5})$/i.exec(t) ?? /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d{4,5})$/i.exec(t);
  return m ? Number(m[1]) : undefined;
}

const GCJ02_NAMES = /^(gcj-?02|gcj|高德|腾讯|火星坐标)$/i;

/** The API's optional `crs` field → a catalogue CRS, or a 400 naming what is accepted. */
export function parseCrsOption(value: unknown): CrsChoice | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim();
  if (GCJ02_NAMES.test(text)) return { epsg: 4326, gcj02: true };
  const epsg = parseEpsgCode(text);
  if (epsg === undefined || !getCrs(epsg))
    throw badRequest(
      'UNSUPPORTED_CRS',
      `不支持的坐标系“${text}”。可选：EPSG:4326、4490、CGCS2000 高斯-克吕格 3度带 4513–4554、6度带 4491–4512、西安80、北京54、UTM、或 gcj02（高德/腾讯坐标）。`,
      `Unsupported CRS "${text}". Accepted: EPSG:4326, 4490, CGCS2000 Gauss-Krüger 3° 4513–4554, 6° 4491–4512, Xian 1980, Beijing 1954, UTM, or gcj02 (coordinates from 高德/腾讯).`,
    );
  return { epsg, gcj02: false };
}
