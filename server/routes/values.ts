import { Hono } from 'hono';
import { z } from 'zod';
import { LEVELS } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import { findIndicator } from '../db/indicators.ts';
import { findRegion } from '../db/regions.ts';
import { valuesForLevel } from '../db/values.ts';
import { badRequest, notFound } from '../problem.ts';
import { REGION_CODE } from '../region-code.ts';
import { validate } from '../validate.ts';

const VALUES_QUERY = z.object({
  indicator: z.string({ error: 'indicator is required, for example prevalensi_stunting' }).min(1),
  period: z.string({ error: 'period is required, for example 2022' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2022'),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
  parent: REGION_CODE.optional(),
});

export function valueRoutes(db: Database) {
  return new Hono().get('/', validate('query', VALUES_QUERY), async (c) => {
    const query = c.req.valid('query');
    const indicator = await findIndicator(db, query.indicator);
    if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
    if (!indicator.levels.includes(query.level)) {
      throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${query.level}`);
    }
    if (query.parent && !(await findRegion(db, query.parent))) throw notFound(`unknown region "${query.parent}"`);
    const rows = await valuesForLevel(db, { ...query, indicator: indicator.id });
    const values = Object.fromEntries(
      rows.map(({ kode, value, source, demo, note }) => [kode, note ? { value, source, demo, note } : { value, source, demo }]),
    );
    return c.json({ indicator: indicator.id, period: query.period, level: query.level, parent: query.parent ?? null, unit: indicator.unit, values });
  });
}
