import { Hono } from 'hono';
import type { Database } from '../db/client.ts';

/**
 * 200 when the database answers. 503 "degraded" when it does not: tiles and pages are still served,
 * data routes answer 503, and the server reconnects by itself when the database is back, so this
 * is a readiness check, not a reason to restart the process.
 */
export function healthRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    try {
      await db.sql`SELECT 1`;
      return c.json({ status: 'ok', database: db.kind });
    } catch {
      c.header('retry-after', '5');
      return c.json({ status: 'degraded', database: db.kind }, 503);
    }
  });
}
