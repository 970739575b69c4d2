/**
 * A national wide file: 83,762 desa x 31 intervention indicators (~10 MB of CSV), through the whole
 * import. Not a timing assert (see bench/ for measurements); it only prints how long it took and checks
 * that every value came through. Run by hand:
 *   IMPORT_PERF=1 npx vitest run tests/unit/import-performance
 */
import { describe, expect, it } from 'vitest';
import { createRegionIndex, parseImport, type RegionInfo } from '../../server/import/index.ts';
import { INDICATORS, PERIODS } from './import-fixture.ts';

const DESA_COUNT = 83_762;

/** A made-up region tree with the real number of desa: 20 provinsi x 20 kabupaten x 15 kecamatan x 14 desa, cut at 83,762. */
function syntheticRegions(): RegionInfo[] {
  const regions: RegionInfo[] = [];
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let desa = 0;
  for (let p = 11; p < 31 && desa < DESA_COUNT; p++) {
    const provinsi = String(p);
    regions.push({ kode: provinsi, level: 'provinsi', nama: `Provinsi ${p}`, parent: null });
    for (let k = 1; k <= 20 && desa < DESA_COUNT; k++) {
      const kabkota = `${provinsi}.${pad(k, 2)}`;
      regions.push({ kode: kabkota, level: 'kabkota', nama: `Kabupaten ${p}-${k}`, parent: provinsi });
      for (let c = 1; c <= 15 && desa < DESA_COUNT; c++) {
        const kecamatan = `${kabkota}.${pad(c, 2)}`;
        regions.push({ kode: kecamatan, level: 'kecamatan', nama: `Kecamatan ${p}-${k}-${c}`, parent: kabkota });
        for (let d = 1; d <= 14 && desa < DESA_COUNT; d++, desa++) {
          regions.push({ kode: `${kecamatan}.${2000 + d}`, level: 'desa', nama: `Desa ${desa}`, parent: kecamatan });
        }
      }
    }
  }
  return regions;
}

describe.skipIf(!process.env['IMPORT_PERF'])('parseImport: a national wide file', () => {
  it('imports 83,762 desa x 31 indicators', { timeout: 120_000 }, async () => {
    let started = performance.now();
    const regions = syntheticRegions();
    const index = createRegionIndex(regions);
    const indexMs = performance.now() - started;

    const indicators = INDICATORS.filter((indicator) => indicator.levels.includes('desa') && indicator.kind !== 'category');
    const lines = [['kode', 'periode', ...indicators.map((indicator) => indicator.id)].join(';')];
    for (const [i, region] of regions.filter((region) => region.level === 'desa').entries()) {
      const values = indicators.map((indicator, j) => (indicator.kind === 'count' ? String((i + j) % 40) : (((i * 7 + j * 13) % 1000) / 10).toFixed(1).replace('.', ',')));
      lines.push([region.kode.replaceAll('.', ''), '2024', ...values].join(';'));
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n'));

    started = performance.now();
    const result = await parseImport({ bytes, filename: 'nasional.csv' }, { regions: index, indicators: INDICATORS, periods: PERIODS });
    const importMs = performance.now() - started;
    console.log(`index ${regions.length} regions: ${indexMs.toFixed(0)} ms; import ${(bytes.length / 1e6).toFixed(1)} MB, ${lines.length - 1} rows x ${indicators.length} indicators: ${importMs.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

    expect(result.ok).toBe(true);
    expect(result.ok && result.rows.length).toBe(DESA_COUNT * 31);
    expect(result.ok && result.rows.at(-1)?.line).toBe(DESA_COUNT + 1);
  });
});
