import path from 'node:path';
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Geometry } from 'geojson';
import { envelopeOf, toWkb } from './wkb.ts';

/**
 * A GeoPackage 1.3 (OGC 12-128r18) written with SQLite compiled to WebAssembly (sql.js): no native
 * module, no GDAL on the server. One feature table per file, its CRS in gpkg_spatial_ref_sys, and
 * key/value metadata in gpkg_metadata in the form GDAL reads back as layer metadata.
 */
export interface GpkgColumn {
  name: string;
  type: 'TEXT' | 'REAL' | 'INTEGER' | 'BOOLEAN';
}

export interface GpkgLayer {
  table: string;
  title: string;
  description: string;
  srs: { id: number; name: string; wkt: string };
  columns: GpkgColumn[];
  /** Geometries in the layer's CRS, x = easting/lon, y = northing/lat (GeoPackage's order). */
  rows: { geometry: Geometry | null; values: unknown[] }[];
  /** Key/value pairs for the layer's metadata (e.g. version, 示意 flag). */
  metadata: Record<string, string>;
}

let sqlite: Promise<SqlJsStatic> | undefined;
function loadSqlite(): Promise<SqlJsStatic> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('sql.js'));
  return (sqlite ??= initSqlJs({ locateFile: (file: string) => path.join(dist, file) }));
}

/** The GeoPackage geometry blob: "GP", version 0, flags (little endian, xy envelope), srs id, envelope, WKB. */
function gpkgGeometry(geometry: Geometry, srsId: number): Buffer {
  const envelope = envelopeOf(geometry);
  const header = Buffer.alloc(8 + (envelope ? 32 : 0));
  header.write('GP', 0, 'latin1');
  header.writeUInt8(0, 2);
  header.writeUInt8(envelope ? 0b0000_0011 : 0b0001_0001, 3);
  header.writeInt32LE(srsId, 4);
  if (envelope) {
    const [minX, minY, maxX, maxY] = envelope;
    [minX, maxX, minY, maxY].forEach((v, i) => header.writeDoubleLE(v, 8 + 8 * i));
  }
  return Buffer.concat([header, toWkb(geometry)]);
}

const xmlEscape = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function writeGeoPackage(layer: GpkgLayer): Promise<Buffer> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${0x47504b47}; PRAGMA user_version = 10300;`);
    db.run(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
      CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
        scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
      CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
        md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
      CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
        timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
        CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
        CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    if (layer.srs.id !== 4326) {
      srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326,
        'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]',
        'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
    }
    srs.run([layer.srs.name, layer.srs.id, 'EPSG', layer.srs.id, layer.srs.wkt, layer.srs.name]);
    srs.free();

    const envelopes = layer.rows.map((r) => (r.geometry ? envelopeOf(r.geometry) : undefined)).filter((e) => e !== undefined);
    const extent = envelopes.length
      ? [Math.min(...envelopes.map((e) => e[0])), Math.min(...envelopes.map((e) => e[1])), Math.max(...envelopes.map((e) => e[2])), Math.max(...envelopes.map((e) => e[3]))]
      : [null, null, null, null];
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      layer.table, 'features', layer.title, layer.description, ...extent, layer.srs.id,
    ]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [layer.table, 'geom', 'GEOMETRY', layer.srs.id]);
    const columns = layer.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
    db.run(`CREATE TABLE ${quoteIdent(layer.table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY${columns ? `, ${columns}` : ''})`);
    const insert = db.prepare(
      `INSERT INTO ${quoteIdent(layer.table)} (geom${layer.columns.map((c) => `, ${quoteIdent(c.name)}`).join('')}) VALUES (?${', ?'.repeat(layer.columns.length)})`,
    );
    db.run('BEGIN');
    for (const row of layer.rows) {
      const geom = row.geometry ? gpkgGeometry(row.geometry, layer.srs.id) : null;
      insert.run([geom, ...row.values] as initSqlJs.BindParams);
    }
    db.run('COMMIT');
    insert.free();

    // Layer metadata as GDAL writes it (ogrinfo shows it; QGIS lists it under the layer's metadata).
    const xml = `<GDALMetadata><Metadata>${Object.entries(layer.metadata).map(([k, v]) => `<MDI key="${xmlEscape(k)}">${xmlEscape(v)}</MDI>`).join('')}</Metadata></GDALMetadata>`;
    db.run("INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', 'http://gdal.org', 'text/xml', ?)", [xml]);
    db.run("INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', ?, 1)", [layer.table]);
    for (const table of ['gpkg_metadata', 'gpkg_metadata_reference']) {
      db.run("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec121/#extension_metadata', 'read-write')", [table]);
    }
    return Buffer.from(db.export());
  } finally {
    db.close();
  }
}
