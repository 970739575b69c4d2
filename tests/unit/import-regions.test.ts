import { describe, expect, it } from 'vitest';
import { createRegionIndex, type NameLookup } from '../../server/import/index.ts';
import type { Level } from '../../server/import/types.ts';
import { fixtureIndex } from './import-fixture.ts';

const regions = fixtureIndex();

/** A lookup as the codes it names, so a table row reads like the expected outcome. */
function outcome(lookup: NameLookup): string {
  if (lookup.kind === 'found') return lookup.region.kode;
  if (lookup.kind === 'ambiguous') return `ambiguous ${lookup.regions.map((region) => region.kode).join(' ')}`;
  return `unknown ${lookup.candidates.map((region) => region.kode).join(' ')}`.trim();
}

describe('createRegionIndex', () => {
  it('holds every row of the fixture slice', () => {
    expect(regions.size).toBe(217);
    expect(regions.get('53.01.06.2015')).toEqual({ kode: '53.01.06.2015', level: 'desa', nama: 'Oesao', parent: '53.01.06' });
    expect(regions.get('53.01.01')).toBeUndefined();
  });

  it('rejects a region whose level or parent does not match its code', () => {
    expect(() => createRegionIndex([{ kode: '53.01', level: 'provinsi', nama: 'Kupang', parent: null }])).toThrow(/53.01 Kupang: level atau induk/);
    expect(() => createRegionIndex([{ kode: '53.01', level: 'kabkota', nama: 'Kupang', parent: '32' }])).toThrow(/induk tidak cocok/);
  });
});

describe('findByName', () => {
  const cases: [level: Level, name: string, within: string | null, expected: string][] = [
    ['provinsi', 'Nusa Tenggara Timur', null, '53'],
    ['provinsi', 'NTT', null, '53'],
    ['provinsi', 'DKI Jakarta', null, '31'],
    ['provinsi', 'jawa  barat', null, '32'],
    ['kabkota', 'Kabupaten Bogor', '32', '32.01'],
    ['kabkota', 'Kab. Bogor', '32', '32.01'],
    ['kabkota', 'BOGOR', '32', 'ambiguous 32.01 32.71'],
    ['kabkota', 'Kota Bandung', '32', '32.73'],
    ['kabkota', 'Kab Bandung', '32', '32.04'],
    ['kabkota', 'Bandung', '32', 'ambiguous 32.04 32.73'],
    ['kabkota', 'Kupang', null, 'ambiguous 53.01 53.71'],
    ['kabkota', 'Kota Adm. Jakarta Pusat', null, 'unknown'],
    ['kecamatan', 'Jonggol', '32.01', '32.01.06'],
    ['kecamatan', 'Kec. Jonggol', '32.01', '32.01.06'],
    // The same desa name in two kecamatan of Kabupaten Bogor: the kecamatan decides.
    ['desa', 'Sukamaju', '32.01.06', '32.01.06.2001'],
    ['desa', 'Sukamaju', '32.01.16', '32.01.16.2013'],
    ['desa', 'Sukamaju', '32.01', 'ambiguous 32.01.06.2001 32.01.16.2013'],
    ['desa', 'Desa Sukamaju', '32.01.16', '32.01.16.2013'],
    ['desa', 'Suka Maju', '32.01.06', 'unknown 32.01.06.2001'],
    ['desa', 'Sukamaju', '53.01.06', 'unknown'],
    ['desa', 'Sukamajuu', '32', 'unknown 32.01.06.2001 32.01.16.2013'],
    // Kelurahan 53.01.06.1004 and desa 53.01.06.2015 are both Oesao.
    ['desa', 'Oesao', '53.01.06', 'ambiguous 53.01.06.1004 53.01.06.2015'],
    ['desa', 'Regapu’u', '53.07.01', '53.07.01.2021'],
    ['desa', "regapu'u", '53', '53.07.01.2021'],
    ['desa', 'Oelatim', '53.01.06', 'unknown 53.01.06.2018'],
  ];
  it.each(cases)('%s %j within %j is %s', (level, name, within, expected) => {
    expect(outcome(regions.findByName(level, name, within))).toBe(expected);
  });
});

describe('explainMissing', () => {
  const cases: [kode: string, missing: string, candidates: string[]][] = [
    ['32.01.99', '32.01.99', ['32.01.39', '32.01.29', '32.01.19']],
    ['32.01.41', '32.01.41', ['32.01.40', '32.01.31', '32.01.21']],
    ['53.01.06.2019', '53.01.06.2019', ['53.01.06.2018', '53.01.06.2017', '53.01.06.2016']],
    ['32.99.01', '32.99', ['32.79', '32.09']],
    ['99', '99', ['96', '95', '94']],
    ['53.01.01.2001', '53.01.01', ['53.01.04', '53.01.05', '53.01.06']],
  ];
  it.each(cases)('%s: %s is missing, near %j', (kode, missing, candidates) => {
    const explanation = regions.explainMissing(kode);
    expect(explanation.missing).toBe(missing);
    expect(explanation.candidates.map((region) => region.kode)).toEqual(candidates);
  });
});
