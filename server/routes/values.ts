import { Hono } from 'hono';
import { z } from 'zod';
import { LEVELS } from '../catalogue.ts';
import { resolveValues, type ResolvedValue, type ValueContext } from '../values/resolve.ts';
import { findIndicator } from '../db/indicators.ts';
import { findRegion } from '../db/regions.ts';
import { badRequest, notFound } from '../problem.ts';
import { REGION_CODE } from '../region-code.ts';
import { validate } from '../validate.ts';
import { readDataVersion } from '../db/data-version.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';

const VALUES_QUERY = z.object({
  indicator: z.string({ error: 'indicator is required, for example prevalensi_stunting' }).min(1),
  period: z.string({ error: 'period is required, for example 2022' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2022'),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
  parent: REGION_CODE.optional(),
});

export function valueRoutes(context: ValueContext) {
  const { db } = context;
  const cache = new ResponseCache();
  return new Hono().get('/', validate('query', VALUES_QUERY), async (c) => {
    const query = c.req.valid('query');
    const indicator = await findIndicator(db, query.indicator);
    if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
    if (!indicator.levels.includes(query.level)) {
      throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${query.level}`);
    }
    if (query.parent && !(await findRegion(db, query.parent))) throw notFound(`unknown region "${query.parent}"`);
    const { version } = await readDataVersion(db);
    const key = `${version}|${indicator.id}|${query.period}|${query.level}|${query.parent ?? ''}`;
    const response = await cache.get(key, async () => {
      const resolved = await resolveValues(context, { ...query, indicator });
      return { indicator: indicator.id, period: query.period, level: query.level, parent: query.parent ?? null, unit: indicator.unit, ...compactValues(resolved) };
    });
    return sendCached(c, response);
  });
}

/**
 * The values keyed by Kemendagri code, small enough for all 83,762 desa at once: each distinct source
 * is listed once in `sources` and referred to by index, and fields at their usual value are left out
 * (`demo` when false, `basis` when "direct", numerator and denominator when unknown).
 */
export function compactValues(resolved: Map<string, ResolvedValue>) {
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const values: Record<string, Record<string, unknown>> = {};
  for (const [kode, { value, numerator, denominator, source, demo, basis, ...rest }] of resolved) {
    let index = sourceIndex.get(source);
    if (index === undefined) {
      index = sources.push(source) - 1;
      sourceIndex.set(source, index);
    }
    values[kode] = {
      value: round(value),
      ...(numerator === null ? {} : { numerator }),
      ...(denominator === null ? {} : { denominator }),
      source: index,
      ...(demo ? { demo } : {}),
      ...(basis === 'direct' ? {} : { basis }),
      ...rest,
    };
  }
  return { sources, values };
}

/** Four significant decimals are more than any indicator is measured to, and keep responses small. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
