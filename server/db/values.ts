import type { Database } from './client.ts';
import type { Level } from '../catalogue.ts';

export interface RegionValue {
  kode: string;
  value: number;
  source: string;
  demo: boolean;
  note: string | null;
}

/**
 * The values of one indicator and period for every region of a level, optionally only the children
 * of one region. Real values win over demonstration values of the same region.
 */
export async function valuesForLevel(
  { sql }: Database,
  query: { indicator: string; period: string; level: Level; parent?: string },
): Promise<RegionValue[]> {
  const parentFilter = query.parent ? sql`AND r.parent = ${query.parent}` : sql``;
  return sql<RegionValue[]>`
    SELECT DISTINCT ON (o.kode) o.kode, o.value, o.source, o.is_demo AS demo, o.note
    FROM observation o
    JOIN region r ON r.kode = o.kode
    WHERE o.indicator_id = ${query.indicator} AND o.period = ${query.period} AND r.level = ${query.level}
      ${parentFilter}
    ORDER BY o.kode, o.is_demo`;
}
