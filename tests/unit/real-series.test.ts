import { describe, expect, it } from 'vitest';
import { PRESENT } from '../../server/db/real-series.ts';
import { computeRollups, realSeries } from '../../server/values/real-rollups.ts';
import { treeOf } from './tree-fixture.ts';

// One province, one kab/kota, two kecamatan with two desa each.
const TREE = treeOf(['11', '11.01', '11.01.01', '11.01.02', '11.01.01.2001', '11.01.01.2002', '11.01.02.2001', '11.01.02.2002']);
const PAIR = { indicator: 'IH-1', period: '2024' };
const desa = (kode: string, numerator: number, denominator: number, source = 'Impor: a.csv') => ({ kode, level: 'desa' as const, value: (100 * numerator) / denominator, numerator, denominator, source });

describe('realSeries', () => {
  it('holds, per level, what resolves: direct values with their source, roll-ups with their counts', () => {
    const direct = [desa('11.01.01.2001', 1, 10), desa('11.01.01.2002', 3, 10, 'Impor: b.csv'), desa('11.01.02.2002', 5, 10)];
    const series = realSeries(TREE, PAIR, direct, computeRollups(TREE, { kind: 'rate' }, direct));
    const byLevel = new Map(series.map((s) => [s.level, s]));
    expect([...byLevel.keys()].sort()).toEqual(['desa', 'kabkota', 'kecamatan', 'nasional', 'provinsi']);
    const desaSeries = byLevel.get('desa');
    expect(Array.from(desaSeries?.present ?? [])).toEqual([PRESENT.direct, PRESENT.direct, 0, PRESENT.direct]);
    expect(Array.from(desaSeries?.values ?? [])).toEqual([10, 30, Number.NaN, 50]);
    expect(desaSeries?.sources).toEqual(['Impor: a.csv', 'Impor: b.csv']);
    expect(Array.from(desaSeries?.sourceIds ?? [])).toEqual([0, 1, 0, 0]);
    const kecamatan = byLevel.get('kecamatan');
    expect(Array.from(kecamatan?.present ?? [])).toEqual([PRESENT.rollup, PRESENT.rollup]);
    expect(Array.from(kecamatan?.values ?? [])).toEqual([20, 50]);
    expect(Array.from(kecamatan?.reporting ?? [])).toEqual([2, 1]);
    expect(Array.from(kecamatan?.expected ?? [])).toEqual([2, 2]);
    expect(kecamatan?.categories).toBeNull();
  });

  it('keeps a direct value over the roll-up of the same region', () => {
    const direct = [desa('11.01.01.2001', 1, 10), { ...desa('11.01.01.2002', 1, 1), kode: '11.01.01', level: 'kecamatan' as const, value: 75, numerator: 3, denominator: 4 }];
    const kecamatan = realSeries(TREE, PAIR, direct, computeRollups(TREE, { kind: 'rate' }, direct)).find((s) => s.level === 'kecamatan');
    expect(kecamatan?.present[0]).toBe(PRESENT.direct);
    expect(kecamatan?.values[0]).toBe(75);
    expect(kecamatan?.reporting[0]).toBe(0);
  });

  it('leaves out roll-ups without a value and levels with nothing', () => {
    const rollups = [{ kode: '11.01.01', value: null, numerator: 0, denominator: 0, reporting: 1, expected: 2, categories: null }];
    expect(realSeries(TREE, PAIR, [], rollups)).toEqual([]);
  });

  it('stores category counts of category roll-ups', () => {
    const direct = [{ ...desa('11.01.01.2001', 1, 1), value: 2, numerator: null, denominator: null }, { ...desa('11.01.01.2002', 1, 1), value: 0, numerator: null, denominator: null }];
    const kecamatan = realSeries(TREE, PAIR, direct, computeRollups(TREE, { kind: 'category' }, direct)).find((s) => s.level === 'kecamatan');
    expect(Array.from(kecamatan?.categories ?? [])).toEqual([1, 0, 1, 0, 0, 0]);
  });
});
