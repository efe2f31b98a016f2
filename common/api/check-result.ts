import { z } from 'zod';
import { VERDICTS } from '../domain/verdict.ts';
import { IN_FORCE, INSTRUMENTS, type InstrumentKey } from '../domain/laws.ts';

/**
 * The response of POST /api/check as zod schemas: the one source of its types (server and client)
 * and of its OpenAPI description. Objects are strict, so a field added on one side and not here fails
 * the contract test (tests/server/check/check-result-contract.db.test.ts).
 */

const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
const verdict = z.enum(VERDICTS);
/** A GeoJSON geometry in lon/lat (EPSG:4326); its coordinates come from PostGIS. */
export const geoJsonGeometry = z
  .custom<GeoJSON.Geometry>((v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string')
  .meta({ description: 'GeoJSON 几何（经纬度） / GeoJSON geometry (lon/lat)' });

/** How one citation was checked: against which text, when, and whether the article and wording were seen in it. */
const citationCheck = z.strictObject({
  /** True only when the article number and the quoted wording were seen in an official text. */
  verified: z.boolean(),
  /** The text that was checked (or looked for), in words a legal reviewer can follow up. */
  source: z.string(),
  /** ISO date of the check. */
  checkedOn: z.string(),
});
export type CitationCheck = z.infer<typeof citationCheck>;

/** How the site relates to a layer, as the geometry engine reports it. */
export type Relation = 'overlaps' | 'touches' | 'near';

/** The legal basis of a rule: law with book-title marks, article in Chinese form, and its text. */
const basis = z.strictObject({
  law: z.string(),
  article: z.string(),
  textZh: z.string(),
  textEn: z.string(),
  /** Which instrument (INSTRUMENTS in common/domain/laws.ts): its identity and dates in force come from there. */
  instrument: z.enum(Object.keys(INSTRUMENTS) as [InstrumentKey, ...InstrumentKey[]]).nullable(),
  check: citationCheck,
});
export type Basis = z.infer<typeof basis>;

/** A basis as the API shows it: with the instrument's identity and whether it is in force on the day asked. */
const citedBasis = basis.extend({
  identity: z.string(),
  inForceFrom: z.string().nullable(),
  inForceUntil: z.string().nullable(),
  inForce: z.enum(IN_FORCE),
  /** Why the instrument's currency is unconfirmed, when it is. */
  currencyNote: bilingual.nullable(),
});
export type CitedBasis = z.infer<typeof citedBasis>;

/** A rule as it goes into the API response of a check. */
const firedRule = z.strictObject({ id: z.string(), verdict, procedure: bilingual, basis: citedBasis });
export type FiredRule = z.infer<typeof firedRule>;

/**
 * One stretch of a linear site's centre line where its corridor reaches a prohibited zone
 * (server/check/reroute.ts), as chainage (桩号) along the line part it lies on.
 */
const crossingSection = z.strictObject({
  layerId: z.string(),
  /** Which line of a MultiLineString (1-based; 1 for a LineString). */
  part: z.number().int(),
  /** Chainage of the start and the end, metres along the line part from its first point (geodesic). */
  fromM: z.number(),
  toM: z.number(),
});
export type CrossingSection = z.infer<typeof crossingSection>;

/**
 * Avoidance advice (server/check/avoidance.ts): the site minus the prohibited zones when that is a
 * usable parcel, otherwise no suggestion and 须另行选址. A linear site drawn as a centre line is
 * never cut into pieces: its advice is to reroute (server/check/reroute.ts).
 */
const avoidance = z.strictObject({
  /**
   * 'revise': `geometry` is the suggested site; 'relocate': nothing usable remains (须另行选址);
   * 'reroute': a linear site crosses prohibited zones along `sections` (调整线位), `geometry` is those stretches of its centre line.
   */
  suggestion: z.enum(['revise', 'relocate', 'reroute']),
  /** Area of the site that lies in prohibited zones and would be clipped out. */
  removedAreaM2: z.number(),
  /** Usable area left: outside the prohibited zones, slivers dropped (the suggested site's area when revising). */
  remainingAreaM2: z.number(),
  remainingPct: z.number(),
  /** Area of the site outside the prohibited zones before slivers are dropped. */
  outsideAreaM2: z.number(),
  /** The suggested revision without slivers; null when relocating. */
  geometry: geoJsonGeometry.nullable(),
  /** Number of separate parcels of the suggestion (> 1: the suggestion splits the site). */
  parts: z.number().int(),
  layerIds: z.array(z.string()),
  /** 'reroute' only: the stretches per prohibited layer, in chainage order. */
  sections: z.array(crossingSection).optional(),
  /** 'reroute' only: the centre line's length within the stretches of every layer together (overlaps counted once). */
  crossingLengthM: z.number().optional(),
  /** What the panel and the report say, in both languages. */
  message: bilingual,
});
export type Avoidance = z.infer<typeof avoidance>;

/** How much of the site lies inside the area the data covers (server/check/coverage.ts). */
const siteCoverage = z.strictObject({
  layerId: z.string(),
  level: z.string().nullable(),
  /** Share of the site inside the coverage area. */
  insideAreaM2: z.number(),
  outsideAreaM2: z.number(),
  /** 'inside' | 'partial' | 'outside' (slivers along the edge ignored). */
  status: z.enum(['inside', 'partial', 'outside']),
});
export type SiteCoverage = z.infer<typeof siteCoverage>;

/** One checked layer the site overlaps or comes within the screening distance of. */
const layerResult = z.strictObject({
  layerId: z.string(),
  kind: z.string(),
  /** The level that produced the layer's verdict (e.g. 'grade1'), null for kinds without levels. */
  level: z.string().nullable(),
  verdict,
  /** How the site relates to the layer's most severe part: overlaps, only touches, or is near. */
  relation: z.enum(['overlaps', 'touches', 'near', 'outside']),
  overlapAreaM2: z.number(),
  overlapPct: z.number(),
  /** Geodesic distance to the nearest feature (0 when overlapping or touching). */
  minDistanceM: z.number().nullable(),
  /** Each feature's own overlap; nameEn from its properties when the data has one (absent in checks stored before it existed). */
  features: z.array(
    z.strictObject({ id: z.string(), name: z.string().nullable(), nameEn: z.string().nullable().optional(), level: z.string().nullable(), overlapAreaM2: z.number(), distanceM: z.number() }),
  ),
  rules: z.array(firedRule),
  /** site ∩ layer, for highlighting on the map. */
  overlap: geoJsonGeometry.nullable(),
  /** urban_boundary only: the part of the site outside the development boundary. */
  outsideAreaM2: z.number().optional(),
  /** eco_corridor only: features the site severs. */
  severedFeatureIds: z.array(z.string()).optional(),
});
export type LayerResult = z.infer<typeof layerResult>;

const footprint = z.strictObject({ lineWidthM: z.number().optional(), pointWidthM: z.number().optional() });
export type Footprint = z.infer<typeof footprint>;

/** The response of POST /api/check (the contract of issue 6, plus the site and avoidance). */
export const checkResultSchema = z
  .strictObject({
    verdict,
    /** Area of the site as checked: for a line or point, its footprint buffered by the impact width. */
    siteAreaM2: z.number(),
    /** Line sites: the geodesic length of the line as drawn (m). Absent for polygons and points. */
    siteLengthM: z.number().optional(),
    /** Point and line sites: the impact widths they were buffered with into the checked area. */
    footprint: footprint.optional(),
    /** Where the site lies against the area the data covers (absent when no coverage area is known). */
    coverage: siteCoverage.optional(),
    results: z.array(layerResult),
    clearLayers: z.array(z.string()),
    layerVersions: z.record(z.string(), z.number().int()),
    warnings: z.array(bilingual),
    checkedAt: z.string(),
    /** The site as checked (points and lines buffered by their impact width), EPSG:4326. */
    site: geoJsonGeometry,
    /** A point on the site surface [lon, lat]. */
    centroid: z.tuple([z.number(), z.number()]),
    bufferM: z.number(),
    /** Suggested revision when the site overlaps prohibited zones: the site with them clipped out. */
    avoidance: avoidance.nullable(),
  })
  .meta({ description: '核查结果 / Check result (verdict, layer results, fired rules, avoidance)' });
export type CheckResult = z.infer<typeof checkResultSchema>;
