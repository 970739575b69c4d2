import type { Database } from './client.ts';
import type { TreeLevel } from '../values/region-tree.ts';

/** Real values (shipped or imported) reported directly for the regions of a level. */
export interface DirectRow {
  kode: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

export interface RollupRow {
  kode: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  categories: number[] | null;
  reporting: number;
  expected: number;
}

interface LevelQuery {
  indicator: string;
  period: string;
  level: TreeLevel;
  /** only the children of this region */
  parent?: string;
}

export async function realValues({ sql }: Database, query: LevelQuery): Promise<DirectRow[]> {
  const parentFilter = query.parent ? sql`AND r.parent = ${query.parent}` : sql``;
  return sql<DirectRow[]>`
    SELECT o.kode, o.value, o.numerator, o.denominator, o.source
    FROM observation o JOIN region r ON r.kode = o.kode
    WHERE o.indicator_id = ${query.indicator} AND o.period = ${query.period} AND NOT o.is_demo
      AND r.level = ${query.level} ${parentFilter}`;
}

export async function realRollups({ sql }: Database, query: LevelQuery): Promise<RollupRow[]> {
  const parentFilter = query.parent ? sql`AND r.parent = ${query.parent}` : sql``;
  return sql<RollupRow[]>`
    SELECT u.kode, u.value, u.numerator, u.denominator, u.categories, u.reporting, u.expected
    FROM rollup u JOIN region r ON r.kode = u.kode
    WHERE u.indicator_id = ${query.indicator} AND u.period = ${query.period} AND u.value IS NOT NULL
      AND r.level = ${query.level} ${parentFilter}`;
}
