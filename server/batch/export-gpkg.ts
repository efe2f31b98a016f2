import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_TYPE_LABELS, type ProjectType } from '../check/project.ts';
import { VERDICT_LABELS } from '../check/verdict.ts';
import { envelopeOf, toWkb } from '../exporters/wkb.ts';
import type { LayerName } from './export-xlsx.ts';
import type { StoredRow } from './store.ts';

/**
 * A batch's sites as a GeoPackage (OGC 12-128r18, 1.3): one feature table `batch_sites` in
 * EPSG:4326 with the sites as uploaded (points stay points) and their results as attributes —
 * the overall verdict, the site area, and per layer <layer>_verdict, _overlap_ha, _pct, _dist_m.
 * Written with SQLite (better-sqlite3) to a temporary file, read back whole, then removed.
 */
const TABLE = 'batch_sites';
const GPKG_APPLICATION_ID = 0x47504b47;
const GPKG_VERSION = 10300;

/** GeoPackage geometry blob: "GP", version 0, flags (little-endian, xy envelope), srs id, envelope, WKB. */
function gpkgGeometry(geometry: GeoJSON.Geometry): Buffer {
  const header = Buffer.alloc(8 + 32);
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3); // bit 0: little-endian; bits 1–3 = 1: envelope [minx, maxx, miny, maxy]
  header.writeInt32LE(4326, 4);
  envelopeOf(geometry).forEach((v, i) => header.writeDoubleLE(v, 8 + i * 8));
  return Buffer.concat([header, toWkb(geometry)]);
}

const column = (layerId: string, suffix: string) => `${layerId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${suffix}`;
const typeLabel = (type: unknown) => (typeof type === 'string' && type in PROJECT_TYPE_LABELS ? PROJECT_TYPE_LABELS[type as ProjectType].zh : null);

export function batchGpkg(rows: StoredRow[], layers: LayerName[]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-gpkg-'));
  const file = path.join(dir, 'batch.gpkg');
  try {
    const db = new Database(file);
    try {
      db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
      db.pragma(`user_version = ${GPKG_VERSION}`);
      db.exec(`
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
          srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
      `);
      const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
      srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
      srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
      srs.run(
        'WGS 84 geodetic',
        4326,
        'EPSG',
        4326,
        'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
        'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
      );

      const layerColumns = layers.flatMap((l) => [
        [column(l.layerId, 'verdict'), 'TEXT'],
        [column(l.layerId, 'overlap_ha'), 'REAL'],
        [column(l.layerId, 'pct'), 'REAL'],
        [column(l.layerId, 'dist_m'), 'REAL'],
      ]);
      const columns: [string, string][] = [
        ['row_no', 'INTEGER'],
        ['name', 'TEXT'],
        ['project_type', 'TEXT'],
        ['project_type_zh', 'TEXT'],
        ['verdict', 'TEXT'],
        ['verdict_zh', 'TEXT'],
        ['site_area_ha', 'REAL'],
        ['rule_ids', 'TEXT'],
        ['error_code', 'TEXT'],
        ['error_zh', 'TEXT'],
        ['error_en', 'TEXT'],
        ...(layerColumns as [string, string][]),
      ];
      db.exec(`CREATE TABLE ${TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, ${columns.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO ${TABLE} (geom, ${columns.map(([n]) => `"${n}"`).join(', ')}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})`);
      const bounds = [Infinity, -Infinity, Infinity, -Infinity];
      db.transaction(() => {
        for (const row of rows) {
          const r = row.result;
          let geom: Buffer | null = null;
          if (row.geometry) {
            try {
              geom = gpkgGeometry(row.geometry);
              const [minX, maxX, minY, maxY] = envelopeOf(row.geometry);
              bounds[0] = Math.min(bounds[0], minX);
              bounds[1] = Math.max(bounds[1], maxX);
              bounds[2] = Math.min(bounds[2], minY);
              bounds[3] = Math.max(bounds[3], maxY);
            } catch {
              geom = null; // a row whose geometry could not be read keeps its attributes
            }
          }
          const perLayer = layers.flatMap((layer) => {
            const l = r?.results.find((x) => x.layerId === layer.layerId);
            return l ? [l.verdict, l.overlapAreaM2 / 10_000, l.overlapPct, l.minDistanceM] : [null, null, null, null];
          });
          insert.run(
            geom,
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
          );
        }
      })();
      const has = Number.isFinite(bounds[0]);
      db.prepare(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)`).run(
        TABLE,
        TABLE,
        '项目库批量核查结果 batch check results',
        has ? bounds[0] : null,
        has ? bounds[2] : null,
        has ? bounds[1] : null,
        has ? bounds[3] : null,
      );
      db.prepare(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', 4326, 0, 0)`).run(TABLE);
    } finally {
      db.close();
    }
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
