import type { Bilingual } from '../bilingual.ts';
import type { Verdict } from '../domain/verdict.ts';

/** The legal basis of a rule: law with book-title marks, article in Chinese form, and its text. */
export interface Basis {
  law: string;
  article: string;
  textZh: string;
  textEn: string;
}

/** A rule as it goes into the API response of a check. */
export interface FiredRule {
  id: string;
  verdict: Verdict;
  procedure: Bilingual;
  basis: Basis;
}

/** The site minus the prohibited zones it overlaps: a suggested revision (server/check/avoidance.ts). */
export interface Avoidance {
  /** Area of the site that lies in prohibited zones and would be clipped out. */
  removedAreaM2: number;
  remainingAreaM2: number;
  remainingPct: number;
  /** The suggested revision: the site minus the prohibited zones (null when nothing remains). */
  geometry: GeoJSON.Geometry | null;
  layerIds: string[];
}

/** How much of the site lies inside the area the data covers (server/check/coverage.ts). */
export interface SiteCoverage {
  layerId: string;
  level: string | null;
  /** Share of the site inside the coverage area. */
  insideAreaM2: number;
  outsideAreaM2: number;
  /** 'inside' | 'partial' | 'outside' (slivers along the edge ignored). */
  status: 'inside' | 'partial' | 'outside';
}

/** One checked layer the site overlaps or comes within the screening distance of. */
export interface LayerResult {
  layerId: string;
  kind: string;
  /** The level that produced the layer's verdict (e.g. 'grade1'), null for kinds without levels. */
  level: string | null;
  verdict: Verdict;
  /** How the site relates to the layer's most severe part: overlaps, only touches, or is near. */
  relation: 'overlaps' | 'touches' | 'near' | 'outside';
  overlapAreaM2: number;
  overlapPct: number;
  /** Geodesic distance to the nearest feature (0 when overlapping or touching). */
  minDistanceM: number | null;
  /** Each feature's own overlap; nameEn from its properties when the data has one (absent in checks stored before it existed). */
  features: { id: string; name: string | null; nameEn?: string | null; level: string | null; overlapAreaM2: number; distanceM: number }[];
  rules: FiredRule[];
  /** site ∩ layer, for highlighting on the map. */
  overlap: GeoJSON.Geometry | null;
  /** urban_boundary only: the part of the site outside the development boundary. */
  outsideAreaM2?: number;
  /** eco_corridor only: features the site severs. */
  severedFeatureIds?: string[];
}

export interface Footprint {
  lineWidthM?: number;
  pointWidthM?: number;
}

/** The response of POST /api/check (the contract of issue 6, plus the site and avoidance). */
export interface CheckResult {
  verdict: Verdict;
  /** Area of the site as checked: for a line or point, its footprint buffered by the impact width. */
  siteAreaM2: number;
  /** Line sites: the geodesic length of the line as drawn (m). Absent for polygons and points. */
  siteLengthM?: number;
  /** Point and line sites: the impact widths they were buffered with into the checked area. */
  footprint?: Footprint;
  /** Where the site lies against the area the data covers (absent when no coverage area is known). */
  coverage?: SiteCoverage;
  results: LayerResult[];
  clearLayers: string[];
  layerVersions: Record<string, number>;
  warnings: Bilingual[];
  checkedAt: string;
  /** The site as checked (points and lines buffered by their impact width), EPSG:4326. */
  site: GeoJSON.Geometry;
  /** A point on the site surface [lon, lat]. */
  centroid: [number, number];
  bufferM: number;
  /** Suggested revision when the site overlaps prohibited zones: the site with them clipped out. */
  avoidance: Avoidance | null;
}
