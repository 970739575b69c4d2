/**
 * Imports indicator data from a CSV or XLSX file into the database that `npm start` uses
 * (DATABASE_URL, or the embedded one in .data/pglite).
 *
 * Usage: npm run import -- FILE [--dry-run] [--period 2024] [--sheet NAME] [--by NAME]
 *        npm run import -- --list
 *        npm run import -- --rollback BATCH_ID
 *
 * Every problem in the file is listed, row by row; a file with any problem writes nothing.
 * Exit code: 0 done, 1 problems in the file or refused, 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readCatalogue } from '../server/catalogue.ts';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { ensureDemoData } from '../server/db/demo.ts';
import { listBatches } from '../server/db/imports.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { formatProblem } from '../server/import/index.ts';
import { createImportServices, rollbackImport, runImport } from '../server/imports.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';

const usage = 'usage: npm run import -- FILE [--dry-run] [--period YEAR] [--sheet NAME] [--by NAME] | --list | --rollback ID';
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      period: { type: 'string' },
      sheet: { type: 'string' },
      by: { type: 'string', default: process.env.USER ?? 'cli' },
      list: { type: 'boolean', default: false },
      rollback: { type: 'string' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${String(error instanceof Error ? error.message : error)}\n${usage}`);
  process.exit(2);
}
const { values: options, positionals } = args;
const file = positionals[0];
if (!options.list && !options.rollback && !file) {
  console.error(usage);
  process.exit(2);
}
const period = options.period === undefined ? undefined : Number(options.period);
if (period !== undefined && !Number.isInteger(period)) {
  console.error(`--period must be a year, not "${options.period}"`);
  process.exit(2);
}

const config = readConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
let exitCode = 0;
try {
  await migrate(db);
  await loadShippedData(db, { geodataDir: config.GEODATA_DIR, dataDir: config.DATA_DIR }, console.log);
  const catalogue = readCatalogue(config.DATA_DIR);
  await ensureDemoData(db, catalogue, console.log);
  const services = await createImportServices(db, await loadRegionTree(db), catalogue);

  if (options.list) {
    for (const batch of await listBatches(db)) {
      const state = batch.rolled_back_at ? `dibatalkan ${batch.rolled_back_at.toISOString()}` : 'aktif';
      console.log(`#${batch.id}  ${batch.created_at.toISOString()}  ${batch.created_by}  ${batch.filename}  ${batch.row_count} baris (+${batch.inserted_count} ~${batch.updated_count} =${batch.unchanged_count})  ${state}`);
    }
  } else if (options.rollback) {
    const outcome = await rollbackImport(services, Number(options.rollback));
    if (outcome.ok) console.log(`impor #${options.rollback} dibatalkan`);
    else {
      console.error(`tidak dapat membatalkan #${options.rollback}: ${outcome.reason}${outcome.laterBatches ? ` (batalkan dulu #${outcome.laterBatches.join(', #')})` : ''}`);
      exitCode = 1;
    }
  } else if (file) {
    console.log(`membaca ${file}...`);
    const outcome = await runImport(
      services,
      { bytes: new Uint8Array(readFileSync(file)), filename: basename(file), ...(options.sheet ? { sheet: options.sheet } : {}) },
      { dryRun: options['dry-run'] ?? false, createdBy: options.by ?? 'cli', ...(period === undefined ? {} : { period }) },
    );
    if (!outcome.ok) {
      for (const problem of outcome.problems) console.error(formatProblem(problem));
      console.error(`${outcome.problems.length + outcome.omitted} masalah; tidak ada yang disimpan.`);
      exitCode = 1;
    } else {
      const { summary } = outcome;
      console.log(`${summary.rowCount} nilai: ${summary.inserted} baru, ${summary.updated} berubah, ${summary.unchanged} sama`);
      for (const change of summary.sample) console.log(`  ${change.kode} ${change.indicator} ${change.period}: ${change.before ?? '-'} -> ${change.after}`);
      console.log(outcome.dryRun ? 'uji coba (--dry-run): tidak ada yang disimpan' : `disimpan sebagai impor #${summary.batchId}`);
    }
  }
} finally {
  await db.close();
}
process.exit(exitCode);
