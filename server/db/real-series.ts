import type postgres from 'postgres';
import type { TreeLevel } from '../values/region-tree.ts';
import { CATEGORY_COUNT } from '../values/rollup.ts';
import type { Database } from './client.ts';

/**
 * Real values and roll-ups of one indicator, period and level as arrays by region ordinal
 * (`real_series`, migration 007), read as the byte slice of a run of regions like demo_series. Only
 * what resolves: where a region has both a direct value and a roll-up, the direct value (it wins).
 */
export interface RealSeries {
  indicator: string;
  period: string;
  level: TreeLevel;
  /** per region: PRESENT.direct, PRESENT.rollup or 0 */
  present: Uint8Array;
  /** NaN: none */
  values: Float64Array;
  numerators: Float64Array;
  denominators: Float64Array;
  /** direct values: index into `sources` */
  sourceIds: Int32Array;
  sources: string[];
  /** roll-ups */
  reporting: Int32Array;
  expected: Int32Array;
  /** CATEGORY_COUNT per region, for category indicators */
  categories: Int32Array | null;
}

export const PRESENT = { direct: 1, rollup: 2 } as const;

type Sql = postgres.Sql | postgres.TransactionSql;

/** Forgets the series of these indicators and periods; run by every write to their real values. */
export async function deleteRealSeries(sql: Sql, pairs: { indicator: string; period: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    DELETE FROM real_series s USING unnest(${pairs.map((p) => p.indicator)}::text[], ${pairs.map((p) => p.period)}::text[]) AS t(indicator_id, period)
    WHERE s.indicator_id = t.indicator_id AND s.period = t.period`;
}

/** Forgets the series of every indicator and period that has values of this origin ('shipped'). */
export async function deleteRealSeriesOfOrigin(sql: Sql, origin: string): Promise<void> {
  await sql`
    DELETE FROM real_series s USING (SELECT DISTINCT indicator_id, period FROM observation WHERE origin = ${origin}) o
    WHERE s.indicator_id = o.indicator_id AND s.period = o.period`;
}

/**
 * Writes the series, leaving out what a whole level does not need to send: counts as float4 when
 * they all fit it exactly, numerators or denominators no region has, source ids when there is one
 * source, roll-up counts at a level without roll-ups.
 */
export async function writeRealSeries(sql: Sql, series: RealSeries[]): Promise<void> {
  for (const s of series) {
    const fitsFloat4 = (array: Float64Array) => array.every((x) => Number.isNaN(x) || Math.fround(x) === x);
    const countBytes = fitsFloat4(s.numerators) && fitsFloat4(s.denominators) ? 4 : 8;
    const counts = (array: Float64Array) => (array.every(Number.isNaN) ? null : bytesOf(countBytes === 4 ? Float32Array.from(array) : array));
    const rollups = s.present.includes(PRESENT.rollup);
    await sql`
      INSERT INTO real_series (indicator_id, period, level, present, value, count_bytes, numerator, denominator, source_id, sources, reporting, expected, categories)
      VALUES (${s.indicator}, ${s.period}, ${s.level}, ${bytesOf(s.present)}, ${bytesOf(s.values)}, ${countBytes}, ${counts(s.numerators)}, ${counts(s.denominators)},
              ${s.sources.length > 1 ? bytesOf(s.sourceIds) : null}, ${s.sources}::text[], ${rollups ? bytesOf(s.reporting) : null},
              ${rollups ? bytesOf(s.expected) : null}, ${s.categories && bytesOf(s.categories)})`;
  }
}

/**
 * The series of some indicators and periods at one level, for the ordinals [start, start + count)
 * only. Pairs without a row are absent (nothing real at that level, or not built: resolve.ts then
 * reads the rows).
 */
export async function readRealSeries(
  { sql }: Database,
  query: { level: TreeLevel; start: number; count: number; indicators: string[]; periods: string[] },
): Promise<RealSeries[]> {
  const { start, count } = query;
  if (count <= 0 || query.indicators.length === 0 || query.periods.length === 0) return [];
  const rows = await sql<
    { indicator: string; period: string; count_bytes: number; present: Uint8Array; values: Uint8Array; numerators: Uint8Array | null; denominators: Uint8Array | null; source_ids: Uint8Array | null; sources: string[]; reporting: Uint8Array | null; expected: Uint8Array | null; categories: Uint8Array | null }[]
  >`
    SELECT indicator_id AS indicator, period, sources, count_bytes,
           substring(present FROM ${start + 1}::int FOR ${count}::int) AS present,
           substring(value FROM ${start * 8 + 1}::int FOR ${count * 8}::int) AS values,
           substring(numerator FROM ${start}::int * count_bytes + 1 FOR ${count}::int * count_bytes) AS numerators,
           substring(denominator FROM ${start}::int * count_bytes + 1 FOR ${count}::int * count_bytes) AS denominators,
           substring(source_id FROM ${start * 4 + 1}::int FOR ${count * 4}::int) AS source_ids,
           substring(reporting FROM ${start * 4 + 1}::int FOR ${count * 4}::int) AS reporting,
           substring(expected FROM ${start * 4 + 1}::int FOR ${count * 4}::int) AS expected,
           substring(categories FROM ${start * 4 * CATEGORY_COUNT + 1}::int FOR ${count * 4 * CATEGORY_COUNT}::int) AS categories
    FROM real_series
    WHERE level = ${query.level} AND indicator_id = ANY(${query.indicators}::text[]) AND period = ANY(${query.periods}::text[])`;
  const ints = (bytes: Uint8Array | null) => (bytes ? new Int32Array(aligned(bytes)) : new Int32Array(count));
  return rows.map((row) => {
    const counts = (bytes: Uint8Array | null) =>
      !bytes ? new Float64Array(count).fill(Number.NaN) : row.count_bytes === 4 ? Float64Array.from(new Float32Array(aligned(bytes))) : new Float64Array(aligned(bytes));
    return {
      indicator: row.indicator,
      period: row.period,
      level: query.level,
      present: new Uint8Array(row.present),
      values: new Float64Array(aligned(row.values)),
      numerators: counts(row.numerators),
      denominators: counts(row.denominators),
      sourceIds: ints(row.source_ids),
      sources: row.sources,
      reporting: ints(row.reporting),
      expected: ints(row.expected),
      categories: row.categories && new Int32Array(aligned(row.categories)),
    };
  });
}

function bytesOf(array: Uint8Array | Float32Array | Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Typed arrays need aligned memory; bytes from the driver may not be, so they are copied. */
function aligned(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}
