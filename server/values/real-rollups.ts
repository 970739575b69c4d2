import type { IndicatorDefinition } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import type postgres from 'postgres';
import { deleteRealSeries, PRESENT, writeRealSeries, type RealSeries } from '../db/real-series.ts';
import { levelOfCode, TREE_LEVELS, type RegionTree, type TreeLevel } from './region-tree.ts';
import { CATEGORY_COUNT, emptySeries, rollsUp, rollUp, valueAt, type LevelSeries } from './rollup.ts';

/**
 * Rebuilds the `rollup` rows of real data for the given indicators and periods, from the desa up to
 * Indonesia, and their `real_series` (direct values and roll-ups as arrays by ordinal). At every level a value reported directly for a region takes the place of its roll-up
 * before the level above is computed, so a kab/kota's own figure is what its province sums.
 * Rates reported as a bare percentage (no numerator and denominator) cannot be weighted and are
 * left out of roll-ups.
 */
export async function rebuildRollups(
  /** the database, or the transaction of the import that changed the values */
  db: Pick<Database, 'sql'> | { sql: postgres.TransactionSql },
  tree: RegionTree,
  catalogue: IndicatorDefinition[],
  touched: { indicator: string; period: string }[],
): Promise<void> {
  for (const { indicator: id, period } of touched) {
    const indicator = catalogue.find((candidate) => candidate.id === id);
    await db.sql`DELETE FROM rollup WHERE indicator_id = ${id} AND period = ${period}`;
    await deleteRealSeries(db.sql, [{ indicator: id, period }]);
    if (!indicator) continue;
    const direct = await db.sql<DirectRow[]>`
      SELECT o.kode, r.level, o.value, o.numerator, o.denominator, o.source
      FROM observation o JOIN region r ON r.kode = o.kode
      WHERE o.indicator_id = ${id} AND o.period = ${period} AND NOT o.is_demo`;
    const rows = rollsUp(indicator.kind) ? computeRollups(tree, indicator, direct) : [];
    if (rows.length > 0) {
      await db.sql`
        INSERT INTO rollup (indicator_id, period, kode, value, numerator, denominator, reporting, expected, categories)
        SELECT ${id}, ${period}, kode, value, numerator, denominator, reporting, expected,
               CASE WHEN categories IS NULL THEN NULL ELSE string_to_array(categories, ',')::int[] END
        FROM unnest(${rows.map((r) => r.kode)}::text[], ${rows.map((r) => r.value)}::float8[],
                    ${rows.map((r) => r.numerator)}::float8[], ${rows.map((r) => r.denominator)}::float8[],
                    ${rows.map((r) => r.reporting)}::int[], ${rows.map((r) => r.expected)}::int[],
                    ${rows.map((r) => r.categories)}::text[])
          AS t(kode, value, numerator, denominator, reporting, expected, categories)`;
    }
    // The same values as arrays by ordinal, for reading a whole level (or a large part of it) at once.
    await writeRealSeries(db.sql, realSeries(tree, { indicator: id, period }, direct, rows));
  }
}

interface DirectRow {
  kode: string;
  level: TreeLevel;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

/**
 * Pure: the real_series rows of one indicator and period, one per level with anything to resolve:
 * what resolve.ts makes of the observation and rollup rows (a direct value wins over the roll-up; a
 * roll-up without a value is nothing).
 */
export function realSeries(tree: RegionTree, pair: { indicator: string; period: string }, direct: DirectRow[], rollups: RollupResult[]): RealSeries[] {
  const byLevel = new Map<TreeLevel, RealSeries>();
  const sourceIndex = new Map<TreeLevel, Map<string, number>>();
  const seriesOf = (level: TreeLevel, categories: boolean) => {
    let series = byLevel.get(level);
    if (!series) {
      const size = tree[level].kodes.length;
      series = {
        ...pair,
        level,
        present: new Uint8Array(size),
        values: new Float64Array(size).fill(Number.NaN),
        numerators: new Float64Array(size).fill(Number.NaN),
        denominators: new Float64Array(size).fill(Number.NaN),
        sourceIds: new Int32Array(size),
        sources: [],
        reporting: new Int32Array(size),
        expected: new Int32Array(size),
        categories: null,
      };
      byLevel.set(level, series);
    }
    if (categories) series.categories ??= new Int32Array(series.present.length * CATEGORY_COUNT);
    return series;
  };
  for (const row of rollups) {
    const level = levelOfCode(row.kode);
    const ordinal = level && tree[level].ordinalOf.get(row.kode);
    if (row.value === null || !level || ordinal === undefined) continue;
    const series = seriesOf(level, row.categories !== null);
    series.present[ordinal] = PRESENT.rollup;
    series.values[ordinal] = row.value;
    series.numerators[ordinal] = row.numerator ?? Number.NaN;
    series.denominators[ordinal] = row.denominator ?? Number.NaN;
    series.reporting[ordinal] = row.reporting;
    series.expected[ordinal] = row.expected;
    if (row.categories !== null && series.categories) series.categories.set(row.categories.split(',').map(Number).slice(0, CATEGORY_COUNT), ordinal * CATEGORY_COUNT);
  }
  for (const row of direct) {
    const ordinal = tree[row.level]?.ordinalOf.get(row.kode);
    if (ordinal === undefined) continue;
    const series = seriesOf(row.level, false);
    const sources = sourceIndex.get(row.level) ?? new Map<string, number>();
    sourceIndex.set(row.level, sources);
    let sourceId = sources.get(row.source);
    if (sourceId === undefined) {
      sourceId = series.sources.push(row.source) - 1;
      sources.set(row.source, sourceId);
    }
    series.present[ordinal] = PRESENT.direct;
    series.values[ordinal] = row.value;
    series.numerators[ordinal] = row.numerator ?? Number.NaN;
    series.denominators[ordinal] = row.denominator ?? Number.NaN;
    series.sourceIds[ordinal] = sourceId;
    series.reporting[ordinal] = 0;
    series.expected[ordinal] = 0;
  }
  return [...byLevel.values()];
}

export interface RollupResult {
  kode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  expected: number;
  categories: string | null;
}

/** Pure: the roll-up rows for every region above the lowest level that has at least one reporting child. */
export function computeRollups(
  tree: RegionTree,
  indicator: Pick<IndicatorDefinition, 'kind'>,
  direct: { kode: string; level: TreeLevel; value: number; numerator: number | null; denominator: number | null }[],
): RollupResult[] {
  const kind = indicator.kind;
  const byLevel = new Map<TreeLevel, typeof direct>();
  for (const row of direct) {
    const list = byLevel.get(row.level);
    if (list) list.push(row);
    else byLevel.set(row.level, [row]);
  }

  const results: RollupResult[] = [];
  let children: LevelSeries | null = null;
  for (const level of [...TREE_LEVELS].reverse()) {
    const nodes = tree[level];
    const below = TREE_LEVELS[TREE_LEVELS.indexOf(level) + 1];
    let series: LevelSeries = children && below ? rollUp(children, tree[below].parentOf, nodes.kodes.length, kind) : emptySeries(nodes.kodes.length, kind);
    if (children) {
      for (let i = 0; i < nodes.kodes.length; i++) {
        const reporting = series.reporting?.[i] ?? 0;
        if (reporting === 0) continue;
        results.push({
          kode: nodes.kodes[i] ?? '',
          value: valueAt(series, i, kind),
          numerator: finite(series.numerators[i]),
          denominator: finite(series.denominators[i]),
          reporting,
          expected: series.expected?.[i] ?? 0,
          categories: series.categories ? Array.from(series.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT)).join(',') : null,
        });
      }
    }
    series = overrideWithDirect(series, byLevel.get(level) ?? [], nodes.ordinalOf, kind);
    if (!children && (byLevel.get(level) ?? []).length === 0) continue;
    children = series;
  }
  return results;
}

function overrideWithDirect(
  series: LevelSeries,
  rows: { kode: string; value: number; numerator: number | null; denominator: number | null }[],
  ordinalOf: Map<string, number>,
  kind: IndicatorDefinition['kind'],
): LevelSeries {
  for (const row of rows) {
    const i = ordinalOf.get(row.kode);
    if (i === undefined) continue;
    if (kind === 'rate' || kind === 'rate_per_unit') {
      // a bare percentage has no weight to roll up with
      if (row.numerator === null || row.denominator === null) continue;
      series.numerators[i] = row.numerator;
      series.denominators[i] = row.denominator;
    } else {
      series.numerators[i] = row.value;
    }
    // A direct value counts as one reporting region of its own level.
    if (series.reporting && series.expected) {
      series.reporting[i] = Math.max(series.reporting[i] ?? 0, 1);
    }
    if (series.categories) {
      series.categories.fill(0, i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT);
      const category = Math.round(row.value);
      if (category >= 0 && category < CATEGORY_COUNT) series.categories[i * CATEGORY_COUNT + category] = 1;
    }
  }
  return series;
}

function finite(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
