import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../server/catalogue.ts';
import { connectPostgres, type Database } from '../../server/db/client.ts';
import { createImportServices, rollbackImport, runImport, type ImportServices } from '../../server/imports.ts';
import { rebuildRollups } from '../../server/values/real-rollups.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { cloneShippedDatabase, coverageCsv, desaCodes } from './support.ts';

/**
 * Two imports of overlapping values at the same moment, each on its own connection pool (as from
 * two server instances): the result is one of them applied after the other, never a mix, with
 * roll-ups and rollback bookkeeping that agree with it.
 */
describe('concurrent imports of the same values', () => {
  let database: Awaited<ReturnType<typeof cloneShippedDatabase>>;
  const pools: Database[] = [];
  let one: ImportServices;
  let other: ImportServices;

  beforeAll(async () => {
    database = await cloneShippedDatabase();
    const catalogue = readCatalogue('data');
    for (let i = 0; i < 2; i++) pools.push(await connectPostgres(database.url));
    const [a, b] = pools as [Database, Database];
    const tree = await loadRegionTree(a);
    [one, other] = await Promise.all([createImportServices(a, tree, catalogue), createImportServices(b, tree, catalogue)]);
  });
  afterAll(async () => {
    for (const pool of pools) await pool.close();
    await database?.drop();
  });

  const file = (csv: string, filename: string) => ({ bytes: new TextEncoder().encode(csv), filename });
  const valuesOf = async (kodes: string[]) => {
    const rows = await one.db.sql<{ kode: string; numerator: number }[]>`
      SELECT kode, numerator FROM observation WHERE indicator_id = 'IH-1' AND period = '2024' AND NOT is_demo AND kode = ANY(${kodes})`;
    return new Map(rows.map((row) => [row.kode, row.numerator]));
  };
  const rollups = () => one.db.sql<{ kode: string; numerator: number; denominator: number; reporting: number }[]>`
    SELECT kode, numerator, denominator, reporting FROM rollup WHERE indicator_id = 'IH-1' AND period = '2024' ORDER BY kode`;

  it('ends as one import after the other, and rolling back the later one restores the earlier exactly', async () => {
    const bali = desaCodes().filter((kode) => kode.startsWith('51.'));
    // Half of Bali was imported before; A and B both cover the overlap, each with one part of its own.
    const [onlyA, overlap, onlyB] = [bali.slice(0, 200), bali.slice(200, 500), bali.slice(500, 700)];
    const seeded = await runImport(one, file(coverageCsv(bali.slice(0, 350), ['IH-1'], 2024, () => 5), 'awal.csv'), { dryRun: false, createdBy: 'test' });
    expect(seeded.ok).toBe(true);

    const importA = coverageCsv([...onlyA, ...overlap], ['IH-1'], 2024, () => 10);
    const importB = coverageCsv([...overlap, ...onlyB], ['IH-1'], 2024, () => 20);
    const [a, b] = await Promise.all([
      runImport(one, file(importA, 'a.csv'), { dryRun: false, createdBy: 'a' }),
      runImport(other, file(importB, 'b.csv'), { dryRun: false, createdBy: 'b' }),
    ]);
    if (!a.ok || !b.ok) throw new Error('both imports must succeed');

    const after = await valuesOf(bali.slice(0, 700));
    const overlapValues = new Set(overlap.map((kode) => after.get(kode)));
    expect(overlapValues.size, 'the overlap holds the values of one import only').toBe(1);
    const last = overlapValues.has(20) ? 'b' : 'a';
    expect([...overlapValues]).toEqual([last === 'b' ? 20 : 10]);
    expect(onlyA.every((kode) => after.get(kode) === 10)).toBe(true);
    expect(onlyB.every((kode) => after.get(kode) === 20)).toBe(true);

    // The stored roll-ups are what a rebuild from the final values gives.
    const stored = await rollups();
    await rebuildRollups(one.db, one.tree, one.catalogue, [{ indicator: 'IH-1', period: '2024' }]);
    expect(await rollups()).toEqual(stored);

    // Rolling back the later import restores the earlier one's values, not the seed's.
    const [later, earlier] = last === 'b' ? [b, a] : [a, b];
    expect(await rollbackImport(one, later.summary.batchId ?? 0)).toMatchObject({ ok: true });
    const restored = await valuesOf(overlap);
    expect(new Set(overlap.map((kode) => restored.get(kode)))).toEqual(new Set([earlier === a ? 10 : 20]));
  });
});
