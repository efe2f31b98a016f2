/**
 * The map's own API: what an anonymous visitor uses to view the map and check a site. With
 * PUBLIC_MAP=false every request under these paths needs a login (requireLoginForReads); health,
 * login (/api/auth) and the client's files stay open so the login screen can load. Import and
 * export are here too: they only serve the site workspace, which a closed map does not offer.
 * /ogc is the same layers through OGC API – Features (QGIS, GDAL).
 */
export const MAP_READ_PATHS = [
  '/api/layers',
  '/api/ledger',
  '/tiles',
  '/api/search',
  '/api/check',
  '/api/rules',
  '/api/project-types',
  '/api/report',
  '/api/import',
  '/api/export',
  '/ogc',
];
