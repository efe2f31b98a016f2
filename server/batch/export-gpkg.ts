import { PROJECT_TYPE_LABELS, type ProjectType } from '../../common/domain/development.ts';
import { VERDICT_LABELS } from '../../common/domain/verdict.ts';
import { writeGeoPackage, type GpkgColumn } from '../exporters/gpkg-writer.ts';
import type { LayerName } from './export-xlsx.ts';
import type { StoredRow } from './store.ts';

/**
 * A batch's sites as a GeoPackage: one feature table `batch_sites` in EPSG:4326 with the sites as
 * uploaded (points stay points) and their results as attributes — the overall verdict, the site
 * area, and per layer <layer>_verdict, _overlap_ha, _pct, _dist_m. Written by the one GeoPackage
 * writer of the exporters (server/exporters/gpkg-writer.ts).
 */
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const column = (layerId: string, suffix: string) => `${layerId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${suffix}`;
const typeLabel = (type: unknown) => (typeof type === 'string' && type in PROJECT_TYPE_LABELS ? PROJECT_TYPE_LABELS[type as ProjectType].zh : null);

export async function batchGpkg(rows: StoredRow[], layers: LayerName[]): Promise<Buffer> {
  const columns: GpkgColumn[] = [
    { name: 'row_no', type: 'INTEGER' },
    { name: 'name', type: 'TEXT' },
    { name: 'project_type', type: 'TEXT' },
    { name: 'project_type_zh', type: 'TEXT' },
    { name: 'verdict', type: 'TEXT' },
    { name: 'verdict_zh', type: 'TEXT' },
    { name: 'site_area_ha', type: 'REAL' },
    { name: 'rule_ids', type: 'TEXT' },
    { name: 'error_code', type: 'TEXT' },
    { name: 'error_zh', type: 'TEXT' },
    { name: 'error_en', type: 'TEXT' },
    ...layers.flatMap((l): GpkgColumn[] => [
      { name: column(l.layerId, 'verdict'), type: 'TEXT' },
      { name: column(l.layerId, 'overlap_ha'), type: 'REAL' },
      { name: column(l.layerId, 'pct'), type: 'REAL' },
      { name: column(l.layerId, 'dist_m'), type: 'REAL' },
    ]),
  ];
  return writeGeoPackage({
    table: 'batch_sites',
    title: '项目库批量核查结果',
    description: '项目库批量核查结果 batch check results',
    srs: { id: 4326, name: 'WGS 84 geodetic', wkt: WGS84_WKT },
    columns,
    metadata: {},
    rows: rows.map((row) => {
      const r = row.result;
      const perLayer = layers.flatMap((layer) => {
        const l = r?.results.find((x) => x.layerId === layer.layerId);
        return l ? [l.verdict, l.overlapAreaM2 / 10_000, l.overlapPct, l.minDistanceM] : [null, null, null, null];
      });
      return {
        geometry: row.geometry ?? null,
        values: [
          row.idx + 1,
          row.name,
          typeof row.project?.type === 'string' ? row.project.type : null,
          typeLabel(row.project?.type),
          r?.verdict ?? null,
          r ? VERDICT_LABELS[r.verdict].zh : null,
          r ? r.siteAreaM2 / 10_000 : null,
          r ? [...new Set(r.results.flatMap((l) => l.rules.map((rule) => rule.id)))].join(',') : null,
          row.error?.code ?? null,
          row.error?.message.zh ?? null,
          row.error?.message.en ?? null,
          ...perLayer,
        ],
      };
    }),
  });
}
