import type { Database } from './client.ts';
import type { IndicatorDefinition } from '../catalogue.ts';

export interface IndicatorSummary extends IndicatorDefinition {
  /** Periods that have at least one value, oldest first. */
  periods: string[];
}

export async function listIndicators({ sql }: Database): Promise<IndicatorSummary[]> {
  return sql<IndicatorSummary[]>`
    SELECT i.id, i.nama, i.name_en, i.unit, i.kind, i.direction, i.target, i.target_year, i.target_source,
           i.kelompok, i.sasaran, i.jenis, i.levels, i.source, i.sort_order,
           coalesce((SELECT array_agg(DISTINCT o.period ORDER BY o.period)
                     FROM observation o WHERE o.indicator_id = i.id), '{}') AS periods
    FROM indicator i
    ORDER BY i.sort_order, i.id`;
}

export async function findIndicator({ sql }: Database, id: string): Promise<IndicatorDefinition | undefined> {
  const [row] = await sql<IndicatorDefinition[]>`
    SELECT id, nama, name_en, unit, kind, direction, target, target_year, target_source, kelompok, sasaran,
           jenis, levels, source, sort_order
    FROM indicator WHERE id = ${id}`;
  return row;
}
