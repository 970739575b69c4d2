import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { Database } from './client.ts';
import { bumpDataVersion } from './data-version.ts';
import { deleteRealSeries } from './real-series.ts';

/**
 * Writing an import: one transaction that records the batch, keeps the rows it replaces (so the
 * batch can be rolled back exactly), and upserts the new values. A dry run computes the same
 * comparison and writes nothing.
 */
export interface ImportMeta {
  createdBy: string;
  filename: string;
  fileSha256: string;
  format: string;
  source: string;
  /** the account that imported (null: the command line) */
  userId?: number | null;
  /** the smallest region holding every row (server/auth/scope.ts) */
  regionScope?: string | null;
}

export interface ImportChange {
  kode: string;
  indicator: string;
  period: string;
  before: number | null;
  after: number;
}

export interface ImportSummary {
  batchId: number | null;
  rowCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** the first changes, for a dry run to show */
  sample: ImportChange[];
  /** indicator and period pairs whose roll-ups must be rebuilt */
  touched: { indicator: string; period: string }[];
}

export interface StagedValue {
  kode: string;
  indicator: string;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Every write to the values (imports, rollbacks) takes this transaction-level advisory lock first, so
 * writes from any number of server instances and import commands run one after another: each one's
 * comparison, rollback bookkeeping and roll-ups see the previous one complete, and two imports of
 * the same keys end as if applied one after the other, never mixed. The number is arbitrary.
 */
export const VALUE_WRITE_LOCK = 74_012_024;

export async function lockValueWrites(sql: postgres.TransactionSql): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${VALUE_WRITE_LOCK})`;
}

/** Rows per statement when staging; a column array each keeps this one round trip per chunk. */
const STAGE_CHUNK = 200_000;

export async function applyImport(
  db: Database,
  values: StagedValue[],
  meta: ImportMeta,
  options: {
    dryRun: boolean;
    progress?: (line: string) => void;
    /** runs in the import's transaction after the values are written (the audit entry); not on a dry run */
    inTransaction?: (sql: postgres.TransactionSql, summary: ImportSummary) => Promise<void>;
  },
): Promise<ImportSummary> {
  const started = performance.now();
  const progress = (step: string) => options.progress?.(`  ${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  let summary: ImportSummary | undefined;
  const dryRunMarker = new Error('dry run: roll back');
  try {
    await db.sql.begin(async (sql) => {
      if (!options.dryRun) await lockValueWrites(sql);
      await sql`
        CREATE TEMPORARY TABLE import_stage (
          kode text NOT NULL, indicator_id text NOT NULL, period text NOT NULL,
          value double precision NOT NULL, numerator double precision, denominator double precision,
          PRIMARY KEY (indicator_id, period, kode)
        ) ON COMMIT DROP`;
      await stageValues(sql, db.kind, values, progress);
      const [counts] = await sql<{ inserted: number; updated: number; unchanged: number }[]>`
        SELECT count(*) FILTER (WHERE o.kode IS NULL)::int AS inserted,
               count(*) FILTER (WHERE o.kode IS NOT NULL AND ${differs(sql)})::int AS updated,
               count(*) FILTER (WHERE o.kode IS NOT NULL AND NOT ${differs(sql)})::int AS unchanged
        FROM import_stage s
        LEFT JOIN observation o ON o.indicator_id = s.indicator_id AND o.period = s.period AND o.kode = s.kode AND NOT o.is_demo`;
      progress('compared with the values in the database');
      const sample = await sql<ImportChange[]>`
        SELECT s.kode, s.indicator_id AS indicator, s.period, o.value AS before, s.value AS after
        FROM import_stage s
        LEFT JOIN observation o ON o.indicator_id = s.indicator_id AND o.period = s.period AND o.kode = s.kode AND NOT o.is_demo
        WHERE o.kode IS NULL OR ${differs(sql)}
        ORDER BY s.indicator_id, s.period, s.kode LIMIT 20`;
      const touched = await sql<{ indicator: string; period: string }[]>`
        SELECT DISTINCT indicator_id AS indicator, period FROM import_stage ORDER BY 1, 2`;
      summary = {
        batchId: null,
        rowCount: values.length,
        inserted: counts?.inserted ?? 0,
        updated: counts?.updated ?? 0,
        unchanged: counts?.unchanged ?? 0,
        sample,
        touched,
      };
      if (options.dryRun) throw dryRunMarker;

      progress('changes listed');
      const [batch] = await sql<{ id: number }[]>`
        INSERT INTO import_batch (created_by, filename, file_sha256, format, row_count, inserted_count, updated_count, unchanged_count, user_id, region_scope)
        VALUES (${meta.createdBy}, ${meta.filename}, ${meta.fileSha256}, ${meta.format}, ${values.length},
                ${summary.inserted}, ${summary.updated}, ${summary.unchanged}, ${meta.userId ?? null}, ${meta.regionScope ?? null})
        RETURNING id`;
      const batchId = batch?.id ?? 0;
      summary.batchId = batchId;
      await sql`
        INSERT INTO import_replaced
          (batch_id, indicator_id, kode, period, is_demo, value, numerator, denominator, source, source_url, note, origin, replaced_batch_id)
        SELECT ${batchId}, o.indicator_id, o.kode, o.period, o.is_demo, o.value, o.numerator, o.denominator,
               o.source, o.source_url, o.note, o.origin, o.batch_id
        FROM import_stage s
        JOIN observation o ON o.indicator_id = s.indicator_id AND o.period = s.period AND o.kode = s.kode AND NOT o.is_demo
        WHERE ${differs(sql)}`;
      progress('replaced values kept for rollback');
      // Only new keys (the usual first import of a period): a plain insert, about twice as fast as
      // an upsert. Otherwise rows are upserted, and only the ones that differ are touched.
      const onlyNew = summary.inserted === values.length;
      await sql`
        INSERT INTO observation (indicator_id, kode, period, is_demo, value, numerator, denominator, source, origin, batch_id)
        SELECT s.indicator_id, s.kode, s.period, false, s.value, s.numerator, s.denominator, ${meta.source}, 'import', ${batchId}
        FROM import_stage s
        -- in key order, so the primary-key index is written page by page rather than at random
        ORDER BY s.indicator_id, s.period, s.kode
        ${onlyNew ? sql`` : sql`
        ON CONFLICT (indicator_id, period, kode, is_demo) DO UPDATE SET
          value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
          source = excluded.source, source_url = NULL, note = NULL, origin = 'import', batch_id = excluded.batch_id
        WHERE observation.value IS DISTINCT FROM excluded.value
           OR observation.numerator IS DISTINCT FROM excluded.numerator
           OR observation.denominator IS DISTINCT FROM excluded.denominator`}`;
      // Arrays derived from the old values; rebuilt by rebuildRollups (in the inTransaction hook), and
      // read from the rows until then.
      await deleteRealSeries(sql, touched);
      await bumpDataVersion(sql);
      await options.inTransaction?.(sql, summary);
      progress('values written');
    });
  } catch (error) {
    if (error !== dryRunMarker) throw error;
  }
  if (!summary) throw new Error('import produced no summary');
  return summary;
}

/**
 * Loads the values into the transaction's staging table: through COPY on PostgreSQL (the fastest
 * path, ~2 s for 2.6 million rows), and through column arrays on the embedded PGlite, whose socket
 * bridge does not carry COPY.
 */
async function stageValues(sql: postgres.TransactionSql, kind: Database['kind'], values: StagedValue[], progress: (step: string) => void) {
  if (kind === 'postgresql') {
    const copy = await sql`COPY import_stage (kode, indicator_id, period, value, numerator, denominator) FROM STDIN`.writable();
    const cell = (value: number | null) => (value === null ? '\\N' : String(value));
    await pipeline(
      Readable.from(
        (function* () {
          for (let start = 0; start < values.length; start += STAGE_CHUNK) {
            yield values
              .slice(start, start + STAGE_CHUNK)
              .map((v) => `${v.kode}\t${v.indicator}\t${v.period}\t${v.value}\t${cell(v.numerator)}\t${cell(v.denominator)}\n`)
              .join('');
            progress(`staged ${Math.min(start + STAGE_CHUNK, values.length)}/${values.length}`);
          }
        })(),
      ),
      copy,
    );
    return;
  }
  for (let start = 0; start < values.length; start += STAGE_CHUNK) {
    const chunk = values.slice(start, start + STAGE_CHUNK);
    await sql`
      INSERT INTO import_stage
      SELECT * FROM unnest(${chunk.map((v) => v.kode)}::text[], ${chunk.map((v) => v.indicator)}::text[],
                           ${chunk.map((v) => v.period)}::text[], ${chunk.map((v) => v.value)}::float8[],
                           ${chunk.map((v) => v.numerator)}::float8[], ${chunk.map((v) => v.denominator)}::float8[])`;
    progress(`staged ${Math.min(start + STAGE_CHUNK, values.length)}/${values.length}`);
  }
}

function differs(sql: postgres.TransactionSql) {
  return sql`(o.value IS DISTINCT FROM s.value OR o.numerator IS DISTINCT FROM s.numerator OR o.denominator IS DISTINCT FROM s.denominator)`;
}

export interface BatchRecord {
  id: number;
  created_at: Date;
  created_by: string;
  filename: string;
  file_sha256: string;
  format: string;
  row_count: number;
  inserted_count: number;
  updated_count: number;
  unchanged_count: number;
  rolled_back_at: Date | null;
  user_id: number | null;
  region_scope: string | null;
}

/** The latest batches; with `within`, only those whose rows all lie in that region, or made by `userId`. */
export async function listBatches({ sql }: Database, options: { within?: string; userId?: number } = {}): Promise<BatchRecord[]> {
  const { within, userId } = options;
  return sql<BatchRecord[]>`
    SELECT * FROM import_batch
    ${within === undefined ? sql`` : sql`WHERE region_scope = ${within} OR starts_with(region_scope, ${`${within}.`}) OR user_id = ${userId ?? null}`}
    ORDER BY id DESC LIMIT 200`;
}

export type RollbackOutcome =
  | { ok: true; touched: { indicator: string; period: string }[] }
  | { ok: false; reason: 'unknown' | 'already' | 'superseded'; laterBatches?: number[] }
  | { ok: false; reason: 'outside'; outside: string[]; outsideCount: number; laterBatches?: undefined };

/**
 * Undoes a batch: its values are removed and the values it replaced are restored. Refused when a
 * later batch, not rolled back, changed the same values, since restoring would silently undo that
 * later batch too; that one has to be rolled back first.
 */
export async function rollbackBatch(
  db: Database,
  batchId: number,
  options: {
    /** refuse unless every value of the batch lies in this region (a supervisor's or operator's scope) */
    within?: string;
    /** runs in the rollback's transaction once it is done (roll-ups, the audit entry) */
    inTransaction?: (sql: postgres.TransactionSql, batch: BatchRecord, touched: { indicator: string; period: string }[]) => Promise<void>;
  } = {},
): Promise<RollbackOutcome> {
  return db.sql.begin(async (sql): Promise<RollbackOutcome> => {
    await lockValueWrites(sql);
    const [batch] = await sql<BatchRecord[]>`SELECT * FROM import_batch WHERE id = ${batchId} FOR UPDATE`;
    if (!batch) return { ok: false, reason: 'unknown' };
    if (batch.rolled_back_at) return { ok: false, reason: 'already' };
    if (options.within !== undefined) {
      // The batch's values still carry its id (a later batch over them makes it "superseded" below),
      // and the values it replaced have the same keys: these codes are everything a rollback writes.
      const outside = await sql<{ kode: string; total: number }[]>`
        SELECT kode, count(*) OVER ()::int AS total FROM (
          SELECT DISTINCT kode FROM observation
          WHERE batch_id = ${batchId} AND kode <> ${options.within} AND NOT starts_with(kode, ${`${options.within}.`})) k
        ORDER BY kode LIMIT 20`;
      if (outside.length > 0) return { ok: false, reason: 'outside', outside: outside.map((row) => row.kode), outsideCount: outside[0]?.total ?? outside.length };
    }
    const later = await sql<{ batch_id: number }[]>`
      SELECT DISTINCT r.batch_id FROM import_replaced r JOIN import_batch b ON b.id = r.batch_id
      WHERE r.replaced_batch_id = ${batchId} AND b.rolled_back_at IS NULL ORDER BY 1`;
    if (later.length > 0) return { ok: false, reason: 'superseded', laterBatches: later.map((row) => row.batch_id) };

    const touched = await sql<{ indicator: string; period: string }[]>`
      SELECT DISTINCT indicator_id AS indicator, period FROM observation WHERE batch_id = ${batchId}
      UNION SELECT DISTINCT indicator_id, period FROM import_replaced WHERE batch_id = ${batchId} ORDER BY 1, 2`;
    await sql`DELETE FROM observation WHERE batch_id = ${batchId}`;
    await sql`
      INSERT INTO observation (indicator_id, kode, period, is_demo, value, numerator, denominator, source, source_url, note, origin, batch_id)
      SELECT indicator_id, kode, period, is_demo, value, numerator, denominator, source, source_url, note, origin, replaced_batch_id
      FROM import_replaced WHERE batch_id = ${batchId}`;
    await deleteRealSeries(sql, touched);
    await sql`UPDATE import_batch SET rolled_back_at = now() WHERE id = ${batchId}`;
    await bumpDataVersion(sql);
    await options.inTransaction?.(sql, batch, touched);
    return { ok: true, touched };
  });
}
