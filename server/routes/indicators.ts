import { Hono } from 'hono';
import type { Database } from '../db/client.ts';
import { listBatches } from '../db/imports.ts';
import { listIndicators } from '../db/indicators.ts';

/** When the data in effect was last imported: the newest batch not rolled back (ISO time), or null. */
async function lastImport(db: Database): Promise<string | null> {
  const latest = (await listBatches(db)).find((batch) => batch.rolled_back_at === null);
  return latest ? new Date(latest.created_at).toISOString() : null;
}

export function indicatorRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    const [indicators, last_import] = await Promise.all([listIndicators(db), lastImport(db)]);
    return c.json({ indicators, last_import });
  });
}
