import { z } from 'zod';

/** GET /api/health: `{ ok }` for everyone; the database mode and versions only for an administrator. */
export const healthResponse = z.object({
  ok: z.literal(true),
  db: z.object({ mode: z.string(), postgres: z.string(), postgis: z.string() }).optional(),
});
