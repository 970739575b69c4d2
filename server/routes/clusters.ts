import { Hono } from 'hono';
import { z } from 'zod';
import { clusterCounts, clusterInput, LISA_SETTINGS, runClusters } from '../analysis/clusters.ts';
import type { NeighbourSource } from '../analysis/neighbours.ts';
import { LEVELS } from '../catalogue.ts';
import { readDataVersion } from '../db/data-version.ts';
import { findIndicator } from '../db/indicators.ts';
import { findRegion } from '../db/regions.ts';
import { badRequest, notFound } from '../problem.ts';
import { REGION_CODE } from '../region-code.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';
import { validate } from '../validate.ts';
import { resolveLevel, type ValueContext } from '../values/resolve.ts';
import type { ClustersWire } from '../../shared/api/supervision.ts';

export const CLUSTERS_QUERY = z.object({
  indicator: z.string({ error: 'indicator is required, for example prevalensi_stunting' }).min(1),
  period: z.string({ error: 'period is required, for example 2024' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2024'),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
  parent: REGION_CODE.optional(),
});

/**
 * GET /api/clusters: local Moran's I (analysis/lisa.ts) of one indicator over a level, or over the
 * regions of that level within one region, with queen neighbours from the boundary topology
 * (analysis/neighbours.ts). Cached per data version like /api/values.
 */
export function clusterRoutes(context: ValueContext & { neighbours: NeighbourSource }) {
  const { db } = context;
  const cache = new ResponseCache(16);
  return new Hono().get('/', validate('query', CLUSTERS_QUERY), async (c) => {
    const query = c.req.valid('query');
    const indicator = await findIndicator(db, query.indicator);
    if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
    if (!indicator.levels.includes(query.level)) throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${query.level}`);
    if (indicator.kind === 'category') throw badRequest(`${indicator.id} is a category, and local Moran's I needs numbers`);
    const parent = query.parent && query.parent !== 'ID' ? query.parent : undefined;
    if (parent) {
      // A code's depth is its level: 53 provinsi (1), 53.01 kabkota (2), ...
      if (parent.split('.').length > LEVELS.indexOf(query.level)) throw badRequest(`parent ${parent} is not above ${query.level}, so it has no ${query.level} below it`);
      if (!(await findRegion(db, parent))) throw notFound(`unknown region "${parent}"`);
    }
    const { version } = await readDataVersion(db);
    const response = await cache.get(`${version}|${indicator.id}|${query.period}|${query.level}|${parent ?? ''}`, async (): Promise<ClustersWire> => {
      const [values, neighbours] = await Promise.all([resolveLevel(context, { indicator, period: query.period, level: query.level }), context.neighbours.load(query.level)]);
      const input = clusterInput({ kodes: context.tree[query.level].kodes, values, within: parent ? `${parent}.` : '', neighbours });
      const result = runClusters(input);
      if (!result) throw badRequest(`only ${input.kodes.length} ${query.level} have a value for ${indicator.id} in ${query.period}${parent ? ` within ${parent}` : ''}; clusters need at least 3`);
      const regions: ClustersWire['regions'] = {};
      input.kodes.forEach((kode, i) => {
        const p = result.p[i] ?? Number.NaN;
        regions[kode] = { cluster: result.cluster[i] ?? 'not-significant', localI: Math.round((result.localI[i] ?? 0) * 1e4) / 1e4, p: Number.isNaN(p) ? null : p };
      });
      return {
        indicator: indicator.id,
        period: query.period,
        level: query.level,
        parent: parent ?? null,
        unit: indicator.unit,
        direction: indicator.direction,
        method: { weights: 'queen', ...LISA_SETTINGS },
        counts: clusterCounts(result.cluster),
        regions_without_value: input.regionsWithoutValue,
        regions,
      };
    });
    return sendCached(c, response);
  });
}
