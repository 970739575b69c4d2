import type { IndicatorDefinition } from '../catalogue.ts';
import { DEMO_GENERATOR_VERSION, DEMO_SEED, generateDemoData, type DemoSeries } from '../demo/generate.ts';
import { CATEGORY_COUNT, type LevelSeries } from '../values/rollup.ts';
import { loadRegionTree, type TreeLevel } from '../values/region-tree.ts';
import type { Database } from './client.ts';
import { bumpDataVersion } from './data-version.ts';

/**
 * Demonstration data in the database: generated once (seeded) and stored as one row of arrays per
 * indicator, period and level in `demo_series`. Regenerated only when the generator version, the seed
 * or the region list changes.
 */
export async function ensureDemoData(db: Database, catalogue: IndicatorDefinition[], log: (line: string) => void = () => {}) {
  const [regions] = await db.sql<{ count: number; checksum: string }[]>`
    SELECT count(*)::int AS count, md5(string_agg(kode, ',' ORDER BY kode)) AS checksum FROM region`;
  const checksum = `v${DEMO_GENERATOR_VERSION}-seed${DEMO_SEED}-${regions?.checksum ?? ''}-${catalogue.map((i) => i.id).join(',')}`;
  const [loaded] = await db.sql<{ checksum: string }[]>`SELECT checksum FROM shipped_dataset WHERE name = 'demo'`;
  if (loaded?.checksum === checksum) return { changed: false };

  log('membuat data demonstrasi (sekali saja)...');
  const tree = await loadRegionTree(db);
  const generated = generateDemoData(tree, catalogue);
  log(`  ${generated.length} seri data demonstrasi dibuat; menyimpan...`);
  await db.sql.begin(async (sql) => {
    await sql`DELETE FROM demo_series`;
    let written = 0;
    for (const item of generated) {
      await sql`INSERT INTO demo_series ${sql(encodeSeries(item))}`;
      written += 1;
      if (written % 200 === 0 || written === generated.length) log(`  data demonstrasi ${written}/${generated.length}`);
    }
    await bumpDataVersion(sql);
    await sql`
      INSERT INTO shipped_dataset (name, checksum) VALUES ('demo', ${checksum})
      ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, loaded_at = now()`;
  });
  return { changed: true };
}

/** Desa values are whole numbers of people and fit float32 exactly; sums above desa keep float64. */
function encodeSeries({ indicatorId, period, level, basis, series }: DemoSeries) {
  const floatBytes = level === 'desa' ? 4 : 8;
  const floats = (values: Float64Array) => bytesOf(floatBytes === 4 ? Float32Array.from(values) : values);
  return {
    indicator_id: indicatorId,
    period,
    level,
    basis,
    float_bytes: floatBytes,
    numerators: floats(series.numerators),
    denominators: floats(series.denominators),
    reporting: series.reporting && bytesOf(series.reporting),
    expected: series.expected && bytesOf(series.expected),
    categories: series.categories && bytesOf(series.categories),
  };
}

function bytesOf(array: Float32Array | Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Typed arrays need aligned memory; bytes from the driver may not be, so they are copied. */
function floatsOf(bytes: Uint8Array, floatBytes: number): Float64Array {
  const copy = new Uint8Array(bytes);
  return floatBytes === 4 ? Float64Array.from(new Float32Array(copy.buffer)) : new Float64Array(copy.buffer);
}

function intsOf(bytes: Uint8Array | null): Int32Array | null {
  return bytes ? new Int32Array(new Uint8Array(bytes).buffer) : null;
}

export interface StoredDemoSeries {
  indicator: string;
  period: string;
  basis: 'direct' | 'rollup';
  /** the slice asked for: index i is ordinal start + i */
  series: LevelSeries;
}

/**
 * The demonstration series of some indicators and periods at one level, for the ordinals
 * [start, start + count) only: a region's children are contiguous ordinals, so the children of one
 * kecamatan are a substring of the desa arrays (read from TOAST without the rest of the array).
 */
export async function readDemoSlices(
  { sql }: Database,
  query: { level: TreeLevel; start: number; count: number; indicators: string[]; periods: string[] },
): Promise<StoredDemoSeries[]> {
  const { start, count } = query;
  if (count <= 0 || query.indicators.length === 0 || query.periods.length === 0) return [];
  const rows = await sql<
    { indicator: string; period: string; basis: 'direct' | 'rollup'; float_bytes: number; numerators: Uint8Array; denominators: Uint8Array; reporting: Uint8Array | null; expected: Uint8Array | null; categories: Uint8Array | null }[]
  >`
    SELECT indicator_id AS indicator, period, basis, float_bytes,
           substring(numerators FROM ${start}::int * float_bytes + 1 FOR ${count}::int * float_bytes) AS numerators,
           substring(denominators FROM ${start}::int * float_bytes + 1 FOR ${count}::int * float_bytes) AS denominators,
           substring(reporting FROM ${start * 4 + 1}::int FOR ${count * 4}::int) AS reporting,
           substring(expected FROM ${start * 4 + 1}::int FOR ${count * 4}::int) AS expected,
           substring(categories FROM ${start * 4 * CATEGORY_COUNT + 1}::int FOR ${count * 4 * CATEGORY_COUNT}::int) AS categories
    FROM demo_series
    WHERE level = ${query.level} AND indicator_id = ANY(${query.indicators}::text[]) AND period = ANY(${query.periods}::text[])`;
  return rows.map((row) => ({
    indicator: row.indicator,
    period: row.period,
    basis: row.basis,
    series: {
      numerators: floatsOf(row.numerators, row.float_bytes),
      denominators: floatsOf(row.denominators, row.float_bytes),
      reporting: intsOf(row.reporting),
      expected: intsOf(row.expected),
      categories: intsOf(row.categories),
    },
  }));
}
