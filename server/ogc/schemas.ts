import { z } from 'zod';

/** Request and response schemas of the OGC API – Features endpoints (documented at /ogc/api and /api/openapi.json). */

const MAX_ITEMS_LIMIT = 10_000;
const DEFAULT_ITEMS_LIMIT = 100;

const link = z.object({
  href: z.string(),
  rel: z.string(),
  type: z.string().optional(),
  title: z.string().optional(),
});

export const landingSchema = z.object({ title: z.string(), description: z.string(), links: z.array(link) });
export const conformanceSchema = z.object({ conformsTo: z.array(z.string()) });

export const collectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  itemType: z.literal('feature'),
  extent: z.object({ spatial: z.object({ bbox: z.array(z.array(z.number())), crs: z.string() }) }).optional(),
  crs: z.array(z.string()).meta({ description: 'CRS84, EPSG:4490 and the CGCS2000 3° Gauss-Krüger zones over the extent' }),
  storageCrs: z.string(),
  links: z.array(link),
});
export const collectionsSchema = z.object({ collections: z.array(collectionSchema), crs: z.array(z.string()), links: z.array(link) });

const geoJsonFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]),
  properties: z.record(z.string(), z.unknown()),
  geometry: z.record(z.string(), z.unknown()).nullable(),
});
export const featureSchema = geoJsonFeature;
export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(geoJsonFeature),
  numberMatched: z.number().int(),
  numberReturned: z.number().int(),
  timeStamp: z.string(),
  links: z.array(link),
});

export const collectionParams = z.object({ collectionId: z.string().max(100) });
export const itemParams = z.object({ collectionId: z.string().max(100), featureId: z.string().max(200) });

const crsParam = z.string().max(200).optional().meta({ description: 'Output CRS (URI), one of the collection\'s `crs`; default CRS84' });
const fParam = z.string().max(20).optional().meta({ description: 'Ignored: responses are JSON' });

export const itemsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_ITEMS_LIMIT).default(DEFAULT_ITEMS_LIMIT),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  bbox: z.string().max(200).optional().meta({ description: 'minX,minY,maxX,maxY in the axis order of bbox-crs (CRS84: lon,lat; EPSG:4490: lat,lon; GK: northing,easting)' }),
  'bbox-crs': z.string().max(200).optional().meta({ description: 'CRS of bbox (URI); default CRS84' }),
  crs: crsParam,
  f: fParam,
});
export const itemQuery = z.object({ crs: crsParam, f: fParam });
export const docQuery = z.object({ f: fParam });
