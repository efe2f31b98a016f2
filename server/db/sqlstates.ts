/** SQLSTATE of the error that replaces a PortalSuspended PostgreSQL would not have sent (pglite-sync-ready.ts). */
export const STATEMENT_CUT_OFF = '58000'; // system_error: PostGIS's own errors are XX000
