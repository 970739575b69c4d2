import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../server/catalogue.ts';
import type { Database } from '../../server/db/client.ts';
import { ensureDemoData } from '../../server/db/demo.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';
import { createImportServices, rollbackImport, runImport, type ImportServices } from '../../server/imports.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { resolveValues } from '../../server/values/resolve.ts';
import { readSuccessions } from '../../server/values/succession.ts';
import { DATABASE_KINDS, freshDatabase } from '../support/databases.ts';

const catalogue = readCatalogue('data');
const indicator = (id: string) => {
  const found = catalogue.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), filename: 'data.csv' });

// Kecamatan Denpasar Selatan (51.71.01) has 10 desa/kelurahan; three of them report here.
const THREE_DESA = `kode,indikator,periode,pembilang,penyebut
51.71.01.1001,IH-1,2024,9,10
51.71.01.1002,IH-1,2024,1,90
51.71.01.1003,IH-1,2024,30,100
`;

describe.each(DATABASE_KINDS)('imports and roll-ups on %s', (kind) => {
  let db: Database;
  let services: ImportServices;
  const values = async (level: 'provinsi' | 'kabkota' | 'kecamatan' | 'desa', id = 'IH-1', period = '2024', parent?: string) =>
    resolveValues({ db, tree: services.tree, successions: readSuccessions('data') }, { indicator: indicator(id), period, level, ...(parent ? { parent } : {}) });
  const observationCount = async () => (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM observation`)[0]?.n;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
    await ensureDemoData(db, catalogue);
    services = await createImportServices(db, await loadRegionTree(db), catalogue);
  });
  afterAll(() => db?.close());

  it('shows demonstration data, flagged, where nothing real exists', async () => {
    const kecamatan = (await values('kecamatan', 'IH-1', '2024', '51.71')).get('51.71.01');
    expect(kecamatan).toMatchObject({ demo: true, basis: 'rollup' });
    expect(kecamatan?.expected).toBe(10);
  });

  it('writes nothing when one row of the file is bad, and says which', async () => {
    const before = await observationCount();
    const outcome = await runImport(services, csv(`${THREE_DESA}51.71.01.9999,IH-1,2024,5,4\n`), { dryRun: false, createdBy: 'test' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.line)).toContain(5);
    expect(await observationCount()).toBe(before);
  });

  it('reports every kind of problem at once, row by row, with its reason, against the real region list', async () => {
    const file = `kode,indikator,periode,pembilang,penyebut
51.71.01.9999,IH-1,2024,1,2
51.71.01.2007,aksi_selesai,2024,1,2
51.71.01.1001,IH-1,2024,12,10
51.71.01.1002,IH-1,2024,-3,10
51.71.01.1003,IH-1,2024,abc,10
51.71.01.1004,IH-1,2024,1,10
51.71.01.1004,IH-1,2024,1,10
51.71.01.1005,IH-1,1990,1,10
51.71.01.1006,IH-99,2024,1,10
`;
    const outcome = await runImport(services, csv(file), { dryRun: false, createdBy: 'test' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const reasons = new Map<number, string>();
    for (const problem of outcome.problems) reasons.set(problem.line, `${reasons.get(problem.line) ?? ''} ${problem.reason} ${problem.suggestion ?? ''}`);
    expect(reasons.get(2)).toMatch(/51\.71\.01\.9999/);
    expect(reasons.get(3)).toMatch(/aksi_selesai dilaporkan di tingkat/);
    expect(reasons.get(4)).toMatch(/pembilang/);
    expect(reasons.get(5)).toMatch(/negatif/);
    expect(reasons.get(6)).toMatch(/angka/);
    expect(reasons.get(7)).toMatch(/ganda|duplikat|sama/);
    expect(reasons.get(8)).toMatch(/ganda|duplikat|sama/);
    expect(reasons.get(9)).toMatch(/1990|periode/);
    expect(reasons.get(10)).toMatch(/IH-99|indikator/);
  });

  it('shows what a dry run would change without writing it', async () => {
    const before = await observationCount();
    const outcome = await runImport(services, csv(THREE_DESA), { dryRun: true, createdBy: 'test' });
    expect(outcome).toMatchObject({ ok: true, dryRun: true, summary: { inserted: 3, updated: 0, unchanged: 0, batchId: null } });
    expect(await observationCount()).toBe(before);
  });

  it('rolls desa up as the sum of numerators over the sum of denominators, counting who reported', async () => {
    const outcome = await runImport(services, csv(THREE_DESA), { dryRun: false, createdBy: 'test' });
    expect(outcome).toMatchObject({ ok: true, summary: { inserted: 3 } });
    const kecamatan = (await values('kecamatan', 'IH-1', '2024', '51.71')).get('51.71.01');
    // (9 + 1 + 30) / (10 + 90 + 100) = 20%, not the mean of 90%, 1.1% and 30%
    expect(kecamatan).toMatchObject({ value: 20, numerator: 40, denominator: 200, demo: false, basis: 'rollup', reporting: 3, expected: 10 });
    const kabkota = (await values('kabkota', 'IH-1', '2024', '51')).get('51.71');
    expect(kabkota).toMatchObject({ value: 20, demo: false, basis: 'rollup', reporting: 3, expected: 43 });
  });

  it('lets real values win over demonstration values, region by region', async () => {
    const desa = await values('desa', 'IH-1', '2024', '51.71.01');
    expect(desa.get('51.71.01.1001')).toMatchObject({ value: 90, demo: false, basis: 'direct' });
    expect(desa.get('51.71.01.1004')?.demo).toBe(true);
  });

  it('lets a value reported for a region win over its roll-up, and the parent sums that value', async () => {
    await runImport(services, csv('kode,indikator,periode,pembilang,penyebut\n51.71.01,IH-1,2024,150,300\n'), { dryRun: false, createdBy: 'test' });
    const kecamatan = (await values('kecamatan', 'IH-1', '2024', '51.71')).get('51.71.01');
    expect(kecamatan).toMatchObject({ value: 50, basis: 'direct', demo: false });
    const kabkota = (await values('kabkota', 'IH-1', '2024', '51')).get('51.71');
    expect(kabkota).toMatchObject({ value: 50, numerator: 150, denominator: 300, basis: 'rollup' });
  });

  it('leaves the same state when the same file is imported twice', async () => {
    const snapshot = async () => db.sql`SELECT indicator_id, kode, period, value, numerator, denominator FROM observation ORDER BY 1, 2, 3`;
    const before = await snapshot();
    const again = await runImport(services, csv(THREE_DESA), { dryRun: false, createdBy: 'test' });
    expect(again).toMatchObject({ ok: true, summary: { inserted: 0, updated: 0, unchanged: 3 } });
    expect(await snapshot()).toEqual(before);
  });

  it('rolls a batch back, restoring the values it replaced, and refuses out of order', async () => {
    const first = await runImport(services, csv('kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,5,10\n'), { dryRun: false, createdBy: 'test' });
    const second = await runImport(services, csv('kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,7,10\n'), { dryRun: false, createdBy: 'test' });
    if (!first.ok || !second.ok || !first.summary.batchId || !second.summary.batchId) throw new Error('imports failed');
    expect(await rollbackImport(services, first.summary.batchId)).toMatchObject({ ok: false, reason: 'superseded', laterBatches: [second.summary.batchId] });
    expect(await rollbackImport(services, second.summary.batchId)).toMatchObject({ ok: true });
    expect((await values('desa', 'IH-1', '2024', '51.71.01')).get('51.71.01.1001')?.value).toBe(50);
    expect(await rollbackImport(services, first.summary.batchId)).toMatchObject({ ok: true });
    expect((await values('desa', 'IH-1', '2024', '51.71.01')).get('51.71.01.1001')?.value).toBe(90);
    expect(await rollbackImport(services, first.summary.batchId)).toMatchObject({ ok: false, reason: 'already' });
  });

  it('reads a whole level from the arrays built at import exactly as from the rows, and rebuilds them on rollback', async () => {
    // Over a thousand kecamatan and desa of Bali and NTT, so that whole levels hold real values and roll-ups.
    const kecamatan = services.tree.kecamatan.kodes.filter((kode) => kode.startsWith('51.') || kode.startsWith('53.'));
    const desa = services.tree.desa.kodes.filter((kode) => kode.startsWith('51.') || kode.startsWith('53.'));
    const lines = [
      ...desa.map((kode, i) => `${kode},IH-1,2023,${i % 7},${10 + (i % 13)}`),
      ...kecamatan.slice(0, 5).map((kode) => `${kode},IH-1,2023,3,40`),
    ];
    // a count that does not fit float4 makes the kecamatan arrays float8
    lines[lines.length - 1] = `${kecamatan[4]},IH-1,2023,3.3,40.1`;
    const outcome = await runImport(services, csv(`kode,indikator,periode,pembilang,penyebut\n${lines.join('\n')}\n`), { dryRun: false, createdBy: 'test' });
    if (!outcome.ok || !outcome.summary.batchId) throw new Error('import failed');
    const stored = await db.sql<{ level: string }[]>`SELECT level FROM real_series WHERE indicator_id = 'IH-1' AND period = '2023' ORDER BY level`;
    expect(stored.map((row) => row.level)).toEqual(['desa', 'kabkota', 'kecamatan', 'nasional', 'provinsi']);
    const widths = await db.sql<{ level: string; count_bytes: number }[]>`SELECT level, count_bytes FROM real_series WHERE indicator_id = 'IH-1' AND period = '2023' AND level IN ('desa', 'kecamatan') ORDER BY level`;
    expect(widths).toEqual([{ level: 'desa', count_bytes: 4 }, { level: 'kecamatan', count_bytes: 8 }]);

    const levels = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
    const fromArrays = await Promise.all(levels.map((level) => values(level, 'IH-1', '2023')));
    // the same regions as the children of one region, read code by code
    const denpasar = await values('desa', 'IH-1', '2023', '51.71.01');
    for (const [kode, value] of denpasar) expect(fromArrays[3]?.get(kode)).toEqual(value);
    expect(fromArrays[2]?.get(kecamatan[0] ?? '')).toMatchObject({ value: 7.5, basis: 'direct', source: 'Impor: data.csv' });
    expect(fromArrays[2]?.get(kecamatan[6] ?? '')).toMatchObject({ basis: 'rollup', demo: false });
    expect(fromArrays[2]?.get(kecamatan[4] ?? '')).toMatchObject({ numerator: 3.3, denominator: 40.1, basis: 'direct' });

    // without the arrays, everything is read from the rows, with the same result
    await db.sql`DELETE FROM real_series WHERE indicator_id = 'IH-1' AND period = '2023'`;
    const fromRows = await Promise.all(levels.map((level) => values(level, 'IH-1', '2023')));
    levels.forEach((level, i) => expect(fromArrays[i], level).toEqual(fromRows[i]));

    expect(await rollbackImport(services, outcome.summary.batchId)).toMatchObject({ ok: true });
    const afterRollback = await values('desa', 'IH-1', '2023');
    expect(afterRollback.get(desa[0] ?? '')?.demo).toBe(true);
    expect([...afterRollback.values()].some((value) => !value.demo)).toBe(false);
    expect((await db.sql`SELECT 1 FROM real_series WHERE indicator_id = 'IH-1' AND period = '2023'`).length).toBe(0);
  });

  it('shows a province figure published before the 2022 split on its successors, with a note', async () => {
    const provinces = await values('provinsi', 'prevalensi_stunting', '2022');
    expect(provinces.get('94')).toMatchObject({ value: 34.6, inheritedFrom: '91', demo: false });
    expect(provinces.get('94')?.note).toMatch(/sebelum pemekaran 2022/);
    expect(provinces.get('91')?.inheritedFrom).toBeUndefined();
    expect((await values('provinsi', 'prevalensi_stunting', '2023')).get('94')?.inheritedFrom).toBeUndefined();
  });
});
