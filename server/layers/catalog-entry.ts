/** One layer as described in geodata/catalog.json (and in the `layers` table). */
export interface CatalogEntry {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  group: string;
  geometryType: string;
  levels: string[];
  checked: boolean;
  illustrative: boolean;
  legendOrder: number;
  source: Record<string, unknown>;
  style: Record<string, unknown>;
}

/** Layer ids are used in URLs and SQL parameters: keep them to a safe alphabet. */
export const LAYER_ID_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
