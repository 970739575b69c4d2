import type { IndicatorDefinition } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import { readDemoSeries } from '../db/demo.ts';
import { realRollups, realValues } from '../db/values.ts';
import { parentLevel, type RegionTree, type TreeLevel } from './region-tree.ts';
import { CATEGORY_COUNT, valueAt } from './rollup.ts';
import { applySuccessions, type Succession } from './succession.ts';

/**
 * The value of every region of a level for one indicator and period, from wherever it comes:
 *   1. a real value reported directly for the region (survey, import),
 *   2. a roll-up of real values of its children,
 *   3. demonstration data (generated, flagged `demo`).
 * The first that exists wins, so real data always wins over demonstration data, and a value
 * reported at a level wins over the roll-up. `basis` says which one a value is.
 */
export interface ResolvedValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  demo: boolean;
  basis: 'direct' | 'rollup';
  /** roll-ups: how many of the regions below reported, out of how many */
  reporting?: number;
  expected?: number;
  /** category roll-ups: how many regions below fall in each category */
  distribution?: number[];
  note?: string;
  /** the code of the region before a split whose figure this is (see succession.ts) */
  inheritedFrom?: string;
}

export const DEMO_SOURCE = 'Data demonstrasi (dibuat dengan seed tetap, bukan data nyata)';

export interface ValueContext {
  db: Database;
  tree: RegionTree;
  successions: Succession[];
}

export async function resolveValues(
  { db, tree, successions }: ValueContext,
  query: { indicator: IndicatorDefinition; period: string; level: TreeLevel; parent?: string },
): Promise<Map<string, ResolvedValue>> {
  const { indicator, period, level, parent } = query;
  const nodes = tree[level];
  const resolved = new Map<string, ResolvedValue>();
  const above = parentLevel(level);

  const demo = await readDemoSeries(db, { indicator: indicator.id, period, level });
  if (demo) {
    const parentOrdinal = parent && above ? tree[above].ordinalOf.get(parent) : undefined;
    for (let i = 0; i < nodes.kodes.length; i++) {
      if (parentOrdinal !== undefined && nodes.parentOf[i] !== parentOrdinal) continue;
      const value = valueAt(demo.series, i, indicator.kind);
      const kode = nodes.kodes[i];
      if (value === null || kode === undefined) continue;
      const numerator = demo.series.numerators[i] ?? Number.NaN;
      const denominator = demo.series.denominators[i] ?? Number.NaN;
      const entry: ResolvedValue = {
        value,
        numerator: Number.isNaN(numerator) || indicator.kind === 'category' ? null : numerator,
        denominator: Number.isNaN(denominator) ? null : denominator,
        source: DEMO_SOURCE,
        demo: true,
        basis: demo.basis,
      };
      if (demo.series.reporting && demo.series.expected) {
        entry.reporting = demo.series.reporting[i] ?? 0;
        entry.expected = demo.series.expected[i] ?? 0;
      }
      if (demo.series.categories) entry.distribution = Array.from(demo.series.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT));
      resolved.set(kode, entry);
    }
  }

  for (const row of await realRollups(db, { indicator: indicator.id, period, level, parent })) {
    resolved.set(row.kode, {
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      source: 'Agregasi data impor',
      demo: false,
      basis: 'rollup',
      reporting: row.reporting,
      expected: row.expected,
      ...(row.categories ? { distribution: row.categories } : {}),
    });
  }

  for (const row of await realValues(db, { indicator: indicator.id, period, level, parent })) {
    resolved.set(row.kode, {
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      source: row.source,
      demo: false,
      basis: 'direct',
    });
  }
  applySuccessions(resolved, successions, level, period, (kode) => !parent || !above || tree[level].parentOf[tree[level].ordinalOf.get(kode) ?? -1] === tree[above].ordinalOf.get(parent));
  return resolved;
}
