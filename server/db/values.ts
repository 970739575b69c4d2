import type { Database } from './client.ts';
import type { TreeLevel } from '../values/region-tree.ts';

/**
 * Real values (shipped or imported) and their roll-ups, read as columns: one row per indicator,
 * period (and source) with every code joined into one text and every number packed into one bytea
 * (float8send/int4send, big-endian), instead of one row per region. 83,762 rows cost PGlite about
 * half a second to scan, send and parse; the packed form is one row. The region table is not joined:
 * the server holds the region tree, so codes are filtered by their length (a whole level) or listed.
 */
export interface ValueFilter {
  indicators: string[];
  periods: string[];
  /** exactly these codes, or every code of this length (a whole level, see CODE_LENGTH) */
  codes: { kodes: string[] } | { length: number };
}

/** Length of a Kemendagri code at each level ('ID' for Indonesia has the length of a province code). */
export const CODE_LENGTH: Record<TreeLevel, number> = { nasional: 2, provinsi: 2, kabkota: 5, kecamatan: 8, desa: 13 };

export interface DirectColumns {
  indicator: string;
  period: string;
  source: string;
  kodes: string[];
  values: Float64Array;
  /** NaN: none */
  numerators: Float64Array;
  denominators: Float64Array;
}

export interface RollupColumns {
  indicator: string;
  period: string;
  kodes: string[];
  values: Float64Array;
  numerators: Float64Array;
  denominators: Float64Array;
  reporting: Int32Array;
  expected: Int32Array;
  /** per code: the category counts, or null */
  categories: (number[] | null)[];
}

function codeFilter(sql: Database['sql'], codes: ValueFilter['codes']) {
  return 'kodes' in codes ? sql`kode = ANY(${codes.kodes}::text[])` : sql`length(kode) = ${codes.length}`;
}

export async function readDirectColumns({ sql }: Database, filter: ValueFilter): Promise<DirectColumns[]> {
  if (filter.indicators.length === 0 || filter.periods.length === 0 || ('kodes' in filter.codes && filter.codes.kodes.length === 0)) return [];
  const rows = await sql<{ indicator: string; period: string; source: string; kodes: string; values: Uint8Array; numerators: Uint8Array; denominators: Uint8Array }[]>`
    SELECT indicator_id AS indicator, period, source,
           string_agg(kode, ',') AS kodes,
           string_agg(float8send(value), ''::bytea) AS values,
           string_agg(coalesce(float8send(numerator), float8send('NaN')), ''::bytea) AS numerators,
           string_agg(coalesce(float8send(denominator), float8send('NaN')), ''::bytea) AS denominators
    FROM observation
    WHERE indicator_id = ANY(${filter.indicators}::text[]) AND period = ANY(${filter.periods}::text[]) AND NOT is_demo
      AND ${codeFilter(sql, filter.codes)}
    GROUP BY indicator_id, period, source`;
  return rows.map((row) => ({
    indicator: row.indicator,
    period: row.period,
    source: row.source,
    kodes: row.kodes.split(','),
    values: bigEndianFloats(row.values),
    numerators: bigEndianFloats(row.numerators),
    denominators: bigEndianFloats(row.denominators),
  }));
}

export async function readRollupColumns({ sql }: Database, filter: ValueFilter): Promise<RollupColumns[]> {
  if (filter.indicators.length === 0 || filter.periods.length === 0 || ('kodes' in filter.codes && filter.codes.kodes.length === 0)) return [];
  const rows = await sql<{ indicator: string; period: string; kodes: string; values: Uint8Array; numerators: Uint8Array; denominators: Uint8Array; reporting: Uint8Array; expected: Uint8Array; categories: string }[]>`
    SELECT indicator_id AS indicator, period,
           string_agg(kode, ',') AS kodes,
           string_agg(float8send(value), ''::bytea) AS values,
           string_agg(coalesce(float8send(numerator), float8send('NaN')), ''::bytea) AS numerators,
           string_agg(coalesce(float8send(denominator), float8send('NaN')), ''::bytea) AS denominators,
           string_agg(int4send(reporting), ''::bytea) AS reporting,
           string_agg(int4send(expected), ''::bytea) AS expected,
           string_agg(coalesce(array_to_string(categories, ','), ''), ';') AS categories
    FROM rollup
    WHERE indicator_id = ANY(${filter.indicators}::text[]) AND period = ANY(${filter.periods}::text[]) AND value IS NOT NULL
      AND ${codeFilter(sql, filter.codes)}
    GROUP BY indicator_id, period`;
  return rows.map((row) => ({
    indicator: row.indicator,
    period: row.period,
    kodes: row.kodes.split(','),
    values: bigEndianFloats(row.values),
    numerators: bigEndianFloats(row.numerators),
    denominators: bigEndianFloats(row.denominators),
    reporting: bigEndianInts(row.reporting),
    expected: bigEndianInts(row.expected),
    categories: row.categories.split(';').map((text) => (text === '' ? null : text.split(',').map(Number))),
  }));
}

function bigEndianFloats(bytes: Uint8Array): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.byteLength >>> 3);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8);
  return out;
}

function bigEndianInts(bytes: Uint8Array): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4);
  return out;
}

/** Real values reported directly for the regions of a level, one row each (tests and tools). */
export interface DirectRow {
  kode: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

export async function realValues({ sql }: Database, query: { indicator: string; period: string; level: TreeLevel; parent?: string }): Promise<DirectRow[]> {
  const parentFilter = query.parent ? sql`AND r.parent = ${query.parent}` : sql``;
  return sql<DirectRow[]>`
    SELECT o.kode, o.value, o.numerator, o.denominator, o.source
    FROM observation o JOIN region r ON r.kode = o.kode
    WHERE o.indicator_id = ${query.indicator} AND o.period = ${query.period} AND NOT o.is_demo
      AND r.level = ${query.level} ${parentFilter}`;
}

/**
 * The periods an indicator has values for (real or demonstration), oldest first. A loose index scan
 * (one probe per distinct period) rather than DISTINCT over every observation: an indicator with
 * all desa imported has 83,762 rows a period.
 */
export async function indicatorPeriods({ sql }: Database, indicator: string): Promise<string[]> {
  const rows = await sql<{ period: string }[]>`
    WITH RECURSIVE observed AS (
      SELECT min(period) AS period FROM observation WHERE indicator_id = ${indicator}
      UNION ALL
      SELECT (SELECT min(o.period) FROM observation o WHERE o.indicator_id = ${indicator} AND o.period > observed.period)
      FROM observed WHERE observed.period IS NOT NULL
    )
    SELECT period FROM observed WHERE period IS NOT NULL
    UNION SELECT period FROM demo_series WHERE indicator_id = ${indicator}
    ORDER BY period`;
  return rows.map((row) => row.period);
}
