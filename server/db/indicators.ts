import type { Database } from './client.ts';
import type { IndicatorDefinition } from '../catalogue.ts';

export interface IndicatorSummary extends IndicatorDefinition {
  /** Periods that have at least one value, oldest first. */
  periods: string[];
  /**
   * The period a map opens on: the latest with values for at least 80% of the provinces (directly,
   * rolled up or as demonstration data), so a first view is not mostly "no data".
   */
  default_period: string | null;
}

export async function listIndicators({ sql }: Database): Promise<IndicatorSummary[]> {
  return sql<IndicatorSummary[]>`
    SELECT i.id, i.nama, i.name_en, i.unit, i.kind, i.direction, i.target, i.target_year, i.target_source,
           i.kelompok, i.sasaran, i.jenis, i.levels, i.categories, i.from_year, i.to_year, i.source, i.sort_order,
           coalesce((SELECT array_agg(DISTINCT p.period ORDER BY p.period) FROM (
                       SELECT period FROM observation WHERE indicator_id = i.id
                       UNION SELECT period FROM demo_series WHERE indicator_id = i.id) p), '{}') AS periods,
           (SELECT max(c.period) FROM (
              SELECT o.period FROM observation o JOIN region r ON r.kode = o.kode
              WHERE o.indicator_id = i.id AND r.level = 'provinsi'
              GROUP BY o.period HAVING count(*) >= 0.8 * (SELECT count(*) FROM region WHERE level = 'provinsi')
              UNION SELECT period FROM demo_series WHERE indicator_id = i.id AND level = 'provinsi'
              UNION SELECT u.period FROM rollup u JOIN region r ON r.kode = u.kode
              WHERE u.indicator_id = i.id AND r.level = 'provinsi'
              GROUP BY u.period HAVING count(*) >= 0.8 * (SELECT count(*) FROM region WHERE level = 'provinsi')) c
           ) AS default_period
    FROM indicator i
    ORDER BY i.sort_order, i.id`;
}

export async function findIndicator({ sql }: Database, id: string): Promise<IndicatorDefinition | undefined> {
  const [row] = await sql<IndicatorDefinition[]>`
    SELECT id, nama, name_en, unit, kind, direction, target, target_year, target_source, kelompok, sasaran,
           jenis, levels, categories, from_year, to_year, source, sort_order
    FROM indicator WHERE id = ${id}`;
  return row;
}
