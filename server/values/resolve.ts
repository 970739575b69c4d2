import type { IndicatorDefinition } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import { readDemoSlices, type StoredDemoSeries } from '../db/demo.ts';
import { PRESENT, readRealSeries, type RealSeries } from '../db/real-series.ts';
import { readDirectColumns, readRollupColumns, type DirectColumns, type RollupColumns, type ValueFilter } from '../db/values.ts';
import { FLAG, LevelValues, type ResolvedValue } from './level-values.ts';
import { descendantRange, type RegionTree, type TreeLevel } from './region-tree.ts';
import { CATEGORY_COUNT, valueAt } from './rollup.ts';
import { applySuccessions, predecessorsOutside, type Succession } from './succession.ts';

/**
 * The value of every region of a level for one indicator and period, from wherever it comes:
 *   1. a real value reported directly for the region (survey, import),
 *   2. a roll-up of real values of its children,
 *   3. demonstration data (generated, flagged `demo`).
 * The first that exists wins, so real data always wins over demonstration data, and a value
 * reported at a level wins over the roll-up. `basis` says which one a value is.
 */
export type { ResolvedValue } from './level-values.ts';
export { LevelValues } from './level-values.ts';

export const DEMO_SOURCE = 'Data demonstrasi (dibuat dengan seed tetap, bukan data nyata)';
export const ROLLUP_SOURCE = 'Agregasi data impor';

export interface ValueContext {
  db: Database;
  tree: RegionTree;
  successions: Succession[];
}

/** One run of regions to resolve: ordinals [start, end) of a level (a whole level, or one region's children). */
export interface RangeQuery {
  indicator: IndicatorDefinition;
  period: string;
  level: TreeLevel;
  start: number;
  end: number;
}

/**
 * Up to this many regions, real values are read by listing their codes (one index probe each);
 * beyond, by code length over the indicator and period (one range scan). On PGlite, listing the
 * 7,285 kecamatan took twice as long as the scan; listing 514 kab/kota a quarter of it.
 */
const LISTED_CODES_LIMIT = 1000;

/** Values keyed by code, in code order; the shape most callers want. */
export async function resolveValues(
  context: ValueContext,
  query: { indicator: IndicatorDefinition; period: string; level: TreeLevel; parent?: string },
): Promise<Map<string, ResolvedValue>> {
  return (await resolveLevel(context, query)).toMap(context.tree[query.level].kodes);
}

/** The values of a whole level, or of its regions below `parent` (any level above), as columns. */
export async function resolveLevel(
  context: ValueContext,
  query: { indicator: IndicatorDefinition; period: string; level: TreeLevel; parent?: string },
): Promise<LevelValues> {
  const { tree } = context;
  const range = query.parent ? descendantRange(tree, query.level, query.parent) : { start: 0, end: tree[query.level].kodes.length };
  const [values] = await resolveRanges(context, [{ indicator: query.indicator, period: query.period, level: query.level, ...range }]);
  return values ?? new LevelValues(query.level, 0, 0);
}

/**
 * Resolves many runs at once with a handful of queries whatever their number (a region profile asks
 * for every indicator and period): demonstration slices per level and run, real values and roll-ups
 * for all listed codes together, and large runs as slices of real_series (by code length where a
 * level has none).
 */
export async function resolveRanges(context: ValueContext, queries: RangeQuery[]): Promise<LevelValues[]> {
  const { db, tree, successions } = context;
  const results = queries.map((q) => new LevelValues(q.level, q.start, q.end));
  const byPair = new Map<string, number[]>();
  queries.forEach((q, i) => {
    const key = `${q.indicator.id}|${q.period}`;
    byPair.set(key, [...(byPair.get(key) ?? []), i]);
  });
  const extras = queries.map((q) => predecessorsOutside(successions, q.level, q.period, tree[q.level], q.start, q.end));

  // Real values: listed codes for small runs (and the predecessors outside any run); large runs as the
  // slice of their level's real_series, or by code length where the level has none; roll-ups except
  // for desa, which have none.
  const large = queries.flatMap((q, i) => (q.end - q.start > LISTED_CODES_LIMIT ? [i] : []));
  const listed = queries.flatMap((q, i) => (q.end - q.start <= LISTED_CODES_LIMIT || (extras[i] ?? []).length > 0 ? [i] : []));
  const filters: ValueFilter[] = [];
  if (listed.length > 0) {
    const kodes = new Set<string>();
    for (const i of listed) {
      const q = queries[i] as RangeQuery;
      if (q.end - q.start <= LISTED_CODES_LIMIT) for (let o = q.start; o < q.end; o++) kodes.add(tree[q.level].kodes[o] ?? '');
      for (const kode of extras[i] ?? []) kodes.add(kode);
    }
    filters.push({ ...pairsOf(listed.map((i) => queries[i] as RangeQuery)), kodes: [...kodes] });
  }
  // One query per large run (not one per level): a single indicator and period aggregates without sorting.
  for (const i of large) {
    const q = queries[i] as RangeQuery;
    filters.push({ indicator: q.indicator.id, period: q.period, level: q.level });
  }
  const rollupFilters = filters.filter((filter) => !('level' in filter && filter.level === 'desa'));

  // Demonstration data: one query per level and run; real series likewise, for the large runs.
  const runs = new Map<string, number[]>();
  queries.forEach((q, i) => {
    const key = `${q.level}|${q.start}|${q.end}`;
    runs.set(key, [...(runs.get(key) ?? []), i]);
  });
  const slicesOf = <T>(read: (query: { level: TreeLevel; start: number; count: number; indicators: string[]; periods: string[] }) => Promise<T[]>, members: number[]) => {
    const first = queries[members[0] ?? 0] as RangeQuery;
    return read({ level: first.level, start: first.start, count: first.end - first.start, ...pairsOf(members.map((i) => queries[i] as RangeQuery)) });
  };
  const largeRuns = [...runs.values()].filter((members) => large.includes(members[0] ?? -1));
  const [demo, series, rollups, direct] = await Promise.all([
    Promise.all([...runs.values()].map(async (members) => ({ members, slices: await slicesOf((query) => readDemoSlices(db, query), members) }))),
    Promise.all(largeRuns.map(async (members) => ({ members, slices: await slicesOf((query) => readRealSeries(db, query), members) }))),
    Promise.all(rollupFilters.map((filter) => readRollupColumns(db, filter))),
    Promise.all(filters.map((filter) => readDirectColumns(db, filter))),
  ]);

  for (const { members, slices } of demo) {
    for (const slice of slices) {
      for (const i of members) {
        const q = queries[i] as RangeQuery;
        if (q.indicator.id === slice.indicator && q.period === slice.period) fillDemo(results[i] as LevelValues, slice, q.indicator.kind);
      }
    }
  }
  const extraValues = queries.map(() => new Map<string, ResolvedValue>());
  const place = (columns: { indicator: string; period: string; kodes: string[] }, write: (target: LevelValues, index: number, k: number) => void, remember: (k: number) => ResolvedValue) => {
    const members = byPair.get(`${columns.indicator}|${columns.period}`) ?? [];
    for (const i of members) {
      const q = queries[i] as RangeQuery;
      const target = results[i] as LevelValues;
      const { kodes: levelKodes, ordinalOf } = tree[q.level];
      const wanted = extras[i] ?? [];
      // Rows mostly come in code order, as the tree's codes are: try the ordinal after the last one
      // before hashing the code (83,762 lookups of fresh strings were a good part of the time).
      let next = 0;
      for (let k = 0; k < columns.kodes.length; k++) {
        const kode = columns.kodes[k] ?? '';
        const ordinal = levelKodes[next] === kode ? next : ordinalOf.get(kode);
        if (ordinal !== undefined) next = ordinal + 1;
        const index = target.indexOf(ordinal);
        if (index >= 0) write(target, index, k);
        else if (wanted.includes(kode)) extraValues[i]?.set(kode, remember(k));
      }
    }
  };
  for (const columns of rollups.flat()) place(columns, (target, index, k) => writeRollup(target, index, columns, k), (k) => rollupEntry(columns, k));
  const eachSeries = (fill: (target: LevelValues, slice: RealSeries) => void) => {
    for (const { members, slices } of series) {
      for (const slice of slices) {
        for (const i of members) {
          const q = queries[i] as RangeQuery;
          if (q.indicator.id === slice.indicator && q.period === slice.period) fill(results[i] as LevelValues, slice);
        }
      }
    }
  };
  eachSeries(fillSeriesRollups);
  for (const columns of direct.flat()) {
    // Source names to ids once per run of equal names, not once per row.
    const ids = new Map<LevelValues, Int32Array>();
    const sourceIds = (target: LevelValues) => {
      let found = ids.get(target);
      if (!found) {
        found = new Int32Array(columns.sources.length);
        let last = '';
        let lastId = -1;
        columns.sources.forEach((name, k) => {
          if (lastId < 0 || name !== last) [last, lastId] = [name, target.sourceId(name)];
          (found as Int32Array)[k] = lastId;
        });
        ids.set(target, found);
      }
      return found;
    };
    place(columns, (target, index, k) => writeDirect(target, index, columns, k, sourceIds(target)[k] ?? 0), (k) => directEntry(columns, k));
  }
  eachSeries(fillSeriesDirect);
  queries.forEach((q, i) => applySuccessions(results[i] as LevelValues, tree[q.level], successions, q.period, extraValues[i] ?? new Map()));
  return results;
}

function pairsOf(queries: RangeQuery[]): { indicators: string[]; periods: string[] } {
  return { indicators: [...new Set(queries.map((q) => q.indicator.id))], periods: [...new Set(queries.map((q) => q.period))] };
}

function fillDemo(target: LevelValues, { basis, series }: StoredDemoSeries, kind: IndicatorDefinition['kind']) {
  const source = target.sourceId(DEMO_SOURCE);
  const counts = series.reporting && series.expected;
  const base = FLAG.value | FLAG.demo | (basis === 'rollup' ? FLAG.rollup : 0) | (counts ? FLAG.counts : 0) | (series.categories ? FLAG.distribution : 0);
  if (series.categories) target.categories ??= new Int32Array(target.size * CATEGORY_COUNT);
  for (let i = 0; i < target.size; i++) {
    const value = valueAt(series, i, kind);
    if (value === null) continue;
    target.flags[i] = base;
    target.values[i] = value;
    target.numerators[i] = kind === 'category' ? Number.NaN : (series.numerators[i] ?? Number.NaN);
    target.denominators[i] = series.denominators[i] ?? Number.NaN;
    target.sourceOf[i] = source;
    if (counts) {
      target.reporting[i] = series.reporting?.[i] ?? 0;
      target.expected[i] = series.expected?.[i] ?? 0;
    }
    if (series.categories && target.categories) target.categories.set(series.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT), i * CATEGORY_COUNT);
  }
}

/** Roll-ups of a real_series slice (index i of the slice is index i of the run). */
function fillSeriesRollups(target: LevelValues, series: RealSeries) {
  const source = target.sourceId(ROLLUP_SOURCE);
  for (let i = 0; i < target.size; i++) {
    if (series.present[i] !== PRESENT.rollup) continue;
    target.flags[i] = FLAG.value | FLAG.rollup | FLAG.counts | (series.categories ? FLAG.distribution : 0);
    target.values[i] = series.values[i] ?? Number.NaN;
    target.numerators[i] = series.numerators[i] ?? Number.NaN;
    target.denominators[i] = series.denominators[i] ?? Number.NaN;
    target.sourceOf[i] = source;
    target.reporting[i] = series.reporting[i] ?? 0;
    target.expected[i] = series.expected[i] ?? 0;
    if (series.categories) {
      target.categories ??= new Int32Array(target.size * CATEGORY_COUNT);
      target.categories.set(series.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT), i * CATEGORY_COUNT);
    }
    if (target.notes.size > 0) target.notes.delete(i);
  }
}

/** Direct values of a real_series slice. */
function fillSeriesDirect(target: LevelValues, series: RealSeries) {
  const sourceIds = series.sources.map((name) => target.sourceId(name));
  for (let i = 0; i < target.size; i++) {
    if (series.present[i] !== PRESENT.direct) continue;
    target.flags[i] = FLAG.value;
    target.values[i] = series.values[i] ?? Number.NaN;
    target.numerators[i] = series.numerators[i] ?? Number.NaN;
    target.denominators[i] = series.denominators[i] ?? Number.NaN;
    target.sourceOf[i] = sourceIds[series.sourceIds[i] ?? 0] ?? 0;
    if (target.notes.size > 0) target.notes.delete(i);
  }
}

function writeDirect(target: LevelValues, i: number, columns: DirectColumns, k: number, source: number) {
  target.flags[i] = FLAG.value;
  target.values[i] = columns.values[k] ?? Number.NaN;
  target.numerators[i] = columns.numerators[k] ?? Number.NaN;
  target.denominators[i] = columns.denominators[k] ?? Number.NaN;
  target.sourceOf[i] = source;
  if (target.notes.size > 0) target.notes.delete(i);
}

function writeRollup(target: LevelValues, i: number, columns: RollupColumns, k: number) {
  target.set(i, rollupEntry(columns, k));
}

function nullable(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

function directEntry(columns: DirectColumns, k: number): ResolvedValue {
  return {
    value: columns.values[k] ?? Number.NaN,
    numerator: nullable(columns.numerators[k]),
    denominator: nullable(columns.denominators[k]),
    source: columns.sources[k] ?? '',
    demo: false,
    basis: 'direct',
  };
}

function rollupEntry(columns: RollupColumns, k: number): ResolvedValue {
  const categories = columns.categories[k];
  return {
    value: columns.values[k] ?? Number.NaN,
    numerator: nullable(columns.numerators[k]),
    denominator: nullable(columns.denominators[k]),
    source: ROLLUP_SOURCE,
    demo: false,
    basis: 'rollup',
    reporting: columns.reporting[k] ?? 0,
    expected: columns.expected[k] ?? 0,
    ...(categories ? { distribution: categories } : {}),
  };
}
