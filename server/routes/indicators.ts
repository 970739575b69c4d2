import { Hono } from 'hono';
import type { Database } from '../db/client.ts';
import { listIndicators } from '../db/indicators.ts';

export function indicatorRoutes(db: Database) {
  return new Hono().get('/', async (c) => c.json({ indicators: await listIndicators(db) }));
}
