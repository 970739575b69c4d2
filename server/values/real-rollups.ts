import type { IndicatorDefinition } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import type postgres from 'postgres';
import { TREE_LEVELS, type RegionTree, type TreeLevel } from './region-tree.ts';
import { CATEGORY_COUNT, emptySeries, rollsUp, rollUp, valueAt, type LevelSeries } from './rollup.ts';

/**
 * Rebuilds the `rollup` rows of real data for the given indicators and periods, from the desa up to
 * Indonesia. At every level a value reported directly for a region takes the place of its roll-up
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
    if (!indicator || !rollsUp(indicator.kind)) continue;
    const direct = await db.sql<{ kode: string; level: TreeLevel; value: number; numerator: number | null; denominator: number | null }[]>`
      SELECT o.kode, r.level, o.value, o.numerator, o.denominator
      FROM observation o JOIN region r ON r.kode = o.kode
      WHERE o.indicator_id = ${id} AND o.period = ${period} AND NOT o.is_demo`;
    const rows = computeRollups(tree, indicator, direct);
    if (rows.length === 0) continue;
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
