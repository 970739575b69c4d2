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

/**
 * Every indicator with its periods and default period. Written so that its cost does not grow with
 * the number of values: periods are found by a loose index scan (one probe per distinct indicator
 * and period, not a pass over 83,762 desa rows per imported period), and province coverage by one
 * primary-key probe per province, not a join of every row with the region table.
 */
export async function listIndicators({ sql }: Database): Promise<IndicatorSummary[]> {
  return sql<IndicatorSummary[]>`
    WITH RECURSIVE observed AS (
      (SELECT indicator_id, period FROM observation ORDER BY indicator_id, period LIMIT 1)
      UNION ALL
      SELECT n.indicator_id, n.period FROM observed o, LATERAL (
        SELECT indicator_id, period FROM observation WHERE (indicator_id, period) > (o.indicator_id, o.period)
        ORDER BY indicator_id, period LIMIT 1) n
    ), rolled AS (
      (SELECT indicator_id, period FROM rollup ORDER BY indicator_id, period LIMIT 1)
      UNION ALL
      SELECT n.indicator_id, n.period FROM rolled o, LATERAL (
        SELECT indicator_id, period FROM rollup WHERE (indicator_id, period) > (o.indicator_id, o.period)
        ORDER BY indicator_id, period LIMIT 1) n
    ), provinces AS MATERIALIZED (
      SELECT kode FROM region WHERE level = 'provinsi'
    ), covered AS MATERIALIZED (
      SELECT d.indicator_id, d.period FROM observed d
      WHERE (SELECT count(*) FROM provinces p, LATERAL (
               SELECT 1 FROM observation o WHERE o.indicator_id = d.indicator_id AND o.period = d.period AND o.kode = p.kode OFFSET 0) x)
            >= 0.8 * (SELECT count(*) FROM provinces)
      UNION
      SELECT d.indicator_id, d.period FROM rolled d
      WHERE (SELECT count(*) FROM provinces p, LATERAL (
               SELECT 1 FROM rollup u WHERE u.indicator_id = d.indicator_id AND u.period = d.period AND u.kode = p.kode OFFSET 0) x)
            >= 0.8 * (SELECT count(*) FROM provinces)
      UNION
      SELECT indicator_id, period FROM demo_series WHERE level = 'provinsi'
    ), periods AS MATERIALIZED (
      SELECT indicator_id, period FROM observed UNION SELECT indicator_id, period FROM demo_series
    )
    SELECT i.id, i.nama, i.name_en, i.unit, i.kind, i.direction, i.target, i.target_year, i.target_source,
           i.kelompok, i.sasaran, i.jenis, i.levels, i.categories, i.from_year, i.to_year, i.source, i.sort_order,
           coalesce((SELECT array_agg(p.period ORDER BY p.period) FROM periods p WHERE p.indicator_id = i.id), '{}') AS periods,
           (SELECT max(c.period) FROM covered c WHERE c.indicator_id = i.id) AS default_period
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
