import { Hono } from 'hono';
import { z } from 'zod';
import { LEVELS } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import { loadSearchRegions } from '../db/search.ts';
import { notFound } from '../problem.ts';
import { REGION_CODE } from '../region-code.ts';
import { buildRegionIndex, type RegionIndex } from '../search/region-index.ts';
import { validate } from '../validate.ts';

export const SEARCH_QUERY = z.object({
  q: z
    .string({ error: 'q is required: part of a region name or code, for example q=sukamaju or q=53.01' })
    .trim()
    .min(1, 'q must not be blank: give part of a region name or code')
    .max(100, 'q must be at most 100 characters'),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 50' })
    .int('limit must be a whole number from 1 to 50')
    .min(1, 'limit must be a whole number from 1 to 50')
    .max(50, 'limit must be a whole number from 1 to 50')
    .default(10),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }).optional(),
  within: REGION_CODE.optional(),
});

/**
 * GET /api/search?q=: regions by name or code, each with its ancestors (server/search/). The index is
 * built on the first search, not at start: loading and folding 91,599 names takes about a second
 * that a server start should not wait for.
 */
export function searchRoutes(db: Database) {
  let index: Promise<RegionIndex> | undefined;
  const openIndex = () => {
    if (!index) {
      index = loadSearchRegions(db).then(buildRegionIndex);
      // A failed load (database briefly away) is retried by the next search instead of cached.
      index.catch(() => (index = undefined));
    }
    return index;
  };
  return new Hono().get('/', validate('query', SEARCH_QUERY), async (c) => {
    const { q, limit, level, within } = c.req.valid('query');
    const regions = await openIndex();
    if (within !== undefined && within !== 'ID' && !regions.has(within)) {
      throw notFound(`within: no region with code ${within} in Kepmendagri 300.2.2-2138/2025`);
    }
    return c.json({ q, hits: regions.search(q, { limit, level, within }) });
  });
}
