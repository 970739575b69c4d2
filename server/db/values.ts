import type { Database } from './client.ts';
import type { TreeLevel } from '../values/region-tree.ts';

/**
 * Real values (shipped or imported) and their roll-ups, read as columns: one row per indicator,
 * period (and source) with every code joined into one text and every number packed into one bytea
 * (float8send/int4send, big-endian), instead of one row per region. 83,762 rows cost PGlite about
 * half a second to scan, send and parse; the packed form is one row. The region table is not joined:
 * the server holds the region tree, so codes are filtered by their length (a whole level) or listed.
 * A whole level of an imported indicator and period is kept as arrays too (real_series, see
 * real-series.ts), one row instead of 83,762 to aggregate: the level read here is then skipped.
 */
export type ValueFilter =
  /** exactly these codes, for every pair of these indicators and periods */
  | { indicators: string[]; periods: string[]; kodes: string[] }
  /**
   * every code of one level (by code length, see CODE_LENGTH) for one indicator and period, unless
   * real_series holds that level: then it is read from there (readRealSeries) and this reads nothing
   */
  | { indicator: string; period: string; level: TreeLevel };

/** Length of a Kemendagri code at each level ('ID' for Indonesia has the length of a province code). */
export const CODE_LENGTH: Record<TreeLevel, number> = { nasional: 2, provinsi: 2, kabkota: 5, kecamatan: 8, desa: 13 };

/** What both tables give per indicator and period: codes, values, numerators and denominators (NaN: none). */
interface PackedColumns {
  indicator: string;
  period: string;
  kodes: string[];
  values: Float64Array;
  numerators: Float64Array;
  denominators: Float64Array;
}

export interface DirectColumns extends PackedColumns {
  /** per code */
  sources: string[];
}

export interface RollupColumns extends PackedColumns {
  reporting: Int32Array;
  expected: Int32Array;
  /** per code: the category counts, or null */
  categories: (number[] | null)[];
}

type Table = 'observation' | 'rollup';

/**
 * The rows of `table` a filter selects. Listed codes are looked up one primary-key probe per
 * indicator, period and code (LATERAL with OFFSET 0 keeps the planner from turning that into a scan
 * of every row of the indicator, which PostgreSQL 15 does for = ANY on the third key column); a
 * whole level is a range scan over the indicator and period, skipped altogether (an uncorrelated
 * NOT EXISTS is a one-time filter) when real_series holds the level.
 */
function selected(sql: Database['sql'], table: Table, filter: ValueFilter) {
  const condition = table === 'observation' ? sql`NOT t.is_demo` : sql`t.value IS NOT NULL`;
  const from = table === 'observation' ? sql`observation` : sql`rollup`;
  if ('kodes' in filter) {
    return sql`
      unnest(${filter.indicators}::text[]) AS i(id)
      CROSS JOIN unnest(${filter.periods}::text[]) AS p(period)
      CROSS JOIN unnest(${filter.kodes}::text[]) AS k(kode)
      CROSS JOIN LATERAL (
        SELECT * FROM ${from} t
        WHERE t.indicator_id = i.id AND t.period = p.period AND t.kode = k.kode AND ${condition} OFFSET 0
      ) t`;
  }
  return sql`${from} t
      WHERE t.indicator_id = ${filter.indicator} AND t.period = ${filter.period}
        AND length(t.kode) = ${CODE_LENGTH[filter.level]} AND ${condition}
        AND NOT EXISTS (SELECT 1 FROM real_series s WHERE s.indicator_id = ${filter.indicator} AND s.period = ${filter.period} AND s.level = ${filter.level})`;
}

const isEmpty = (filter: ValueFilter) => 'kodes' in filter && (filter.indicators.length === 0 || filter.periods.length === 0 || filter.kodes.length === 0);

/** Separates the sources in one text; import sources are file names, which hold no control characters. */
const SOURCE_SEPARATOR = '\u001f';

/**
 * One indicator and period are aggregated without GROUP BY: grouping sorted all 83,762 rows (on disk,
 * past work_mem) and doubled the query's time on PostgreSQL.
 */
function grouping(sql: Database['sql'], filter: ValueFilter) {
  if (!('kodes' in filter)) return { select: sql`${filter.indicator}::text AS indicator, ${filter.period}::text AS period`, groupBy: sql`` };
  const single = filter.indicators.length === 1 && filter.periods.length === 1;
  return single
    ? { select: sql`${filter.indicators[0] ?? ''}::text AS indicator, ${filter.periods[0] ?? ''}::text AS period`, groupBy: sql`` }
    : { select: sql`t.indicator_id AS indicator, t.period`, groupBy: sql`GROUP BY t.indicator_id, t.period` };
}

interface PackedRow {
  indicator: string;
  period: string;
  kodes: string | null;
  values: Uint8Array;
  numerators: Uint8Array;
  denominators: Uint8Array;
}

/**
 * The rows a filter selects, packed per indicator and period: the columns both tables have, plus
 * `extra` (the table's own). Groups without rows (kodes null) are left out.
 */
async function readPacked<Extra extends object>(sql: Database['sql'], table: Table, filter: ValueFilter, extra: ReturnType<Database['sql']>): Promise<(PackedRow & Extra)[]> {
  if (isEmpty(filter)) return [];
  const { select, groupBy } = grouping(sql, filter);
  const rows = await sql<(PackedRow & Extra)[]>`
    SELECT ${select},
           string_agg(t.kode, ',') AS kodes,
           string_agg(float8send(t.value), ''::bytea) AS values,
           string_agg(coalesce(float8send(t.numerator), float8send('NaN')), ''::bytea) AS numerators,
           string_agg(coalesce(float8send(t.denominator), float8send('NaN')), ''::bytea) AS denominators,
           ${extra}
    FROM ${selected(sql, table, filter)}
    ${groupBy}`;
  return rows.filter((row) => row.kodes !== null);
}

function packedColumns(row: PackedRow): PackedColumns {
  return {
    indicator: row.indicator,
    period: row.period,
    kodes: (row.kodes ?? '').split(','),
    values: bigEndianFloats(row.values),
    numerators: bigEndianFloats(row.numerators),
    denominators: bigEndianFloats(row.denominators),
  };
}

export async function readDirectColumns({ sql }: Database, filter: ValueFilter): Promise<DirectColumns[]> {
  const rows = await readPacked<{ sources: string }>(sql, 'observation', filter, sql`string_agg(t.source, ${SOURCE_SEPARATOR}) AS sources`);
  return rows.map((row) => ({ ...packedColumns(row), sources: row.sources.split(SOURCE_SEPARATOR) }));
}

export async function readRollupColumns({ sql }: Database, filter: ValueFilter): Promise<RollupColumns[]> {
  const rows = await readPacked<{ reporting: Uint8Array; expected: Uint8Array; categories: string }>(
    sql,
    'rollup',
    filter,
    sql`string_agg(int4send(t.reporting), ''::bytea) AS reporting,
        string_agg(int4send(t.expected), ''::bytea) AS expected,
        string_agg(coalesce(array_to_string(t.categories, ','), ''), ';') AS categories`,
  );
  return rows.map((row) => ({
    ...packedColumns(row),
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
