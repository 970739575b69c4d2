import { createHash } from 'node:crypto';
import type { Actor } from './auth/guard.ts';
import { contains, NATIONAL, OutOfScope, smallestCommonRegion } from './auth/scope.ts';
import type { IndicatorDefinition } from './catalogue.ts';
import { recordAudit } from './db/audit.ts';
import type { Database } from './db/client.ts';
import { applyImport, rollbackBatch, type ImportSummary, type RollbackOutcome, type StagedValue } from './db/imports.ts';
import { createRegionIndex, parseImport, type ImportProblem, type IndicatorInfo, type RegionIndex } from './import/index.ts';
import { rebuildRollups } from './values/real-rollups.ts';
import type { RegionTree } from './values/region-tree.ts';

/**
 * An import from file to database: parse and validate every row (all problems at once), then write
 * the values in one transaction as a batch, then rebuild the roll-ups it touched. A file with any
 * problem writes nothing. With an actor (an account), every row must lie in the actor's region, or
 * the whole file is refused (OutOfScope, 403) before anything is written. Each import and rollback
 * is recorded in the audit log in its own transaction; without an actor (the command line) the
 * entry names `createdBy`.
 */
export interface ImportServices {
  db: Database;
  tree: RegionTree;
  catalogue: IndicatorDefinition[];
  regions: RegionIndex;
}

export type ImportOutcome =
  | { ok: true; dryRun: boolean; summary: ImportSummary; format: string }
  | { ok: false; problems: ImportProblem[]; rowCount: number; omitted: number };

/** Years a value may be reported for: the programme's surveys start in 2018 (Riskesdas). */
export const IMPORT_PERIODS = { min: 2018, max: new Date().getFullYear() };

export async function createImportServices(db: Database, tree: RegionTree, catalogue: IndicatorDefinition[]): Promise<ImportServices> {
  const rows = await db.sql<{ kode: string; level: 'provinsi' | 'kabkota' | 'kecamatan' | 'desa'; nama: string; parent: string | null }[]>`
    SELECT kode, level, nama, CASE WHEN parent = 'ID' THEN NULL ELSE parent END AS parent
    FROM region WHERE level <> 'nasional' ORDER BY kode`;
  return { db, tree, catalogue, regions: createRegionIndex(rows) };
}

/** The parser knows fewer kinds than the catalogue: map ours onto the checks it applies. */
function parserIndicator(indicator: IndicatorDefinition): IndicatorInfo {
  const kind = indicator.kind === 'survey_percent' ? 'rate' : indicator.kind === 'rate_per_unit' ? 'money' : indicator.kind;
  return { id: indicator.id, nama: indicator.nama, kind, levels: indicator.levels, unit: indicator.unit };
}

export async function runImport(
  services: ImportServices,
  file: { bytes: Uint8Array; filename: string; sheet?: string },
  options: { dryRun: boolean; createdBy: string; period?: number; actor?: Actor },
): Promise<ImportOutcome> {
  const parsed = await parseImport(file, {
    regions: services.regions,
    indicators: services.catalogue.map(parserIndicator),
    periods: IMPORT_PERIODS,
    ...(options.period === undefined ? {} : { period: options.period }),
  });
  if (!parsed.ok) return parsed;
  const { actor } = options;
  if (actor && actor.scope !== NATIONAL) refuseOutsideScope(actor.scope, parsed.rows);

  const problems: ImportProblem[] = [];
  const values: StagedValue[] = [];
  for (const row of parsed.rows) {
    const indicator = services.catalogue.find((candidate) => candidate.id === row.indicator);
    if (!indicator) continue;
    const value = stagedValue(row, indicator);
    if (typeof value === 'string') problems.push({ line: row.line, column: 'nilai', value: row.category ?? '', reason: value });
    else values.push(value);
  }
  if (problems.length > 0) return { ok: false, problems, rowCount: parsed.rows.length, omitted: 0 };

  const meta = {
    createdBy: options.createdBy,
    filename: file.filename,
    fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
    format: parsed.format,
    source: `Impor: ${file.filename}`,
    userId: actor?.userId ?? null,
    regionScope: smallestCommonRegion(values.map((value) => value.kode)),
  };
  const summary = await applyImport(services.db, values, meta, {
    dryRun: options.dryRun,
    // Roll-ups are rebuilt in the import's own transaction: an import cut off anywhere (killed, the
    // database gone) leaves neither its values nor half-rebuilt roll-ups behind.
    inTransaction: async (sql, written) => {
      await rebuildRollups({ sql }, services.tree, services.catalogue, written.touched);
      await recordAudit(sql, {
        at: new Date(),
        userId: actor?.userId ?? null,
        actor: actor?.name ?? options.createdBy,
        action: 'import',
        target: `batch:${written.batchId}`,
        scope: meta.regionScope,
        before: null,
        after: {
          batch_id: written.batchId,
          filename: meta.filename,
          file_sha256: meta.fileSha256,
          format: meta.format,
          region_scope: meta.regionScope,
          rows: written.rowCount,
          inserted: written.inserted,
          updated: written.updated,
          unchanged: written.unchanged,
          touched: written.touched,
          // the first changed values, each with its value before and after
          sample: written.sample.map((change) => ({ kode: change.kode, indicator: change.indicator, period: change.period, before: change.before, after: change.after })),
        },
        ip: actor?.ip ?? null,
      });
    },
  });
  return { ok: true, dryRun: options.dryRun, summary, format: parsed.format };
}

/** A parsed row as stored: categories become their index, rates their percentage. */
function stagedValue(row: { kode: string; indicator: string; period: string; value: number | null; numerator: number | null; denominator: number | null; category?: string }, indicator: IndicatorDefinition): StagedValue | string {
  const base = { kode: row.kode, indicator: row.indicator, period: row.period };
  if (indicator.kind === 'category') {
    const labels = (indicator.categories ?? '').split('|');
    const index = labels.findIndex((label) => label.toLowerCase() === (row.category ?? '').trim().toLowerCase());
    if (index < 0) return `kategori "${row.category ?? ''}" tidak dikenal untuk ${indicator.id}; pilihan: ${labels.join(', ')}`;
    return { ...base, value: index, numerator: null, denominator: null };
  }
  const ratio = row.numerator !== null && row.denominator !== null && row.denominator > 0 ? row.numerator / row.denominator : null;
  const value = row.value ?? (ratio === null ? null : indicator.kind === 'rate' ? 100 * ratio : ratio);
  if (value === null) return `tidak ada nilai untuk ${indicator.id}`;
  return { ...base, value, numerator: row.numerator, denominator: row.denominator };
}

/** Refuses the whole file when any row lies outside the scope, naming the first such rows. */
function refuseOutsideScope(scope: string, rows: { line: number; kode: string }[]): void {
  const outside = new Map<number, string>();
  for (const row of rows) if (!contains(scope, row.kode) && !outside.has(row.line)) outside.set(row.line, row.kode);
  if (outside.size > 0) throw new OutOfScope(scope, [...outside].map(([line, kode]) => ({ line, kode })), outside.size);
}

/**
 * Undoes a batch and rebuilds the roll-ups of what it had changed. With an actor whose scope is not
 * national, refused (reason `outside`) unless every value of the batch lies in the actor's region.
 */
export async function rollbackImport(services: ImportServices, batchId: number, actor?: Actor): Promise<RollbackOutcome> {
  const outcome = await rollbackBatch(services.db, batchId, {
    ...(actor && actor.scope !== NATIONAL ? { within: actor.scope } : {}),
    inTransaction: async (sql, batch, touched) => {
      await rebuildRollups({ sql }, services.tree, services.catalogue, touched);
      await recordAudit(sql, {
        at: new Date(),
        userId: actor?.userId ?? null,
        actor: actor?.name ?? 'command line',
        action: 'import.rollback',
        target: `batch:${batchId}`,
        scope: batch.region_scope,
        before: { batch_id: batchId, filename: batch.filename, rows: batch.row_count, inserted: batch.inserted_count, updated: batch.updated_count, rolled_back: false },
        after: { batch_id: batchId, rolled_back: true },
        ip: actor?.ip ?? null,
      });
    },
  });
  return outcome;
}
