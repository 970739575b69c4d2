import { describe, expect, it } from 'vitest';
import { CATEGORY_COUNT, emptySeries, rollUp, valueAt, type IndicatorKind, type LevelSeries } from '../../server/values/rollup.ts';

const NaN_ = Number.NaN;

function series(kind: IndicatorKind, numerators: number[], denominators: number[] = numerators.map(() => NaN_)): LevelSeries {
  const s = emptySeries(numerators.length, kind);
  s.numerators.set(numerators);
  s.denominators.set(denominators);
  return s;
}

// Five desa in two kecamatan: desa 0-2 in kecamatan 0, desa 3-4 in kecamatan 1.
const DESA_TO_KECAMATAN = Int32Array.from([0, 0, 0, 1, 1]);

describe('rollUp', () => {
  it('sums numerators and denominators of rates instead of averaging percentages', () => {
    // 9/10 and 1/90: the mean of percentages would be 45.6%, the true coverage is 10/100 = 10%.
    const desa = series('rate', [9, 1, NaN_, 5, 5], [10, 90, NaN_, 10, 10]);
    const kecamatan = rollUp(desa, DESA_TO_KECAMATAN, 2, 'rate');
    expect(valueAt(kecamatan, 0, 'rate')).toBeCloseTo(10);
    expect(valueAt(kecamatan, 1, 'rate')).toBeCloseTo(50);
    expect(Array.from(kecamatan.numerators)).toEqual([10, 10]);
    expect(Array.from(kecamatan.denominators)).toEqual([100, 20]);
  });

  it('says how many children reported, counting missing ones as not reporting', () => {
    const desa = series('rate', [9, 1, NaN_, 5, 5], [10, 90, NaN_, 10, 10]);
    const kecamatan = rollUp(desa, DESA_TO_KECAMATAN, 2, 'rate');
    expect(Array.from(kecamatan.reporting ?? [])).toEqual([2, 2]);
    expect(Array.from(kecamatan.expected ?? [])).toEqual([3, 2]);
  });

  it('leaves a parent with no reporting child without a value (not zero)', () => {
    const desa = series('count', [NaN_, NaN_, NaN_, 2, 3]);
    const kecamatan = rollUp(desa, DESA_TO_KECAMATAN, 2, 'count');
    expect(valueAt(kecamatan, 0, 'count')).toBeNull();
    expect(valueAt(kecamatan, 1, 'count')).toBe(5);
  });

  it('sums counts and money, and zero is a value', () => {
    const money = rollUp(series('money', [1e9, 2.5e9, 0, 0, 0]), DESA_TO_KECAMATAN, 2, 'money');
    expect([valueAt(money, 0, 'money'), valueAt(money, 1, 'money')]).toEqual([3.5e9, 0]);
  });

  it('divides rupiah by target children for per-unit rates without scaling to percent', () => {
    const perChild = rollUp(series('rate_per_unit', [1000, 3000, NaN_, 0, 0], [10, 10, NaN_, 5, 0]), DESA_TO_KECAMATAN, 2, 'rate_per_unit');
    expect(valueAt(perChild, 0, 'rate_per_unit')).toBe(200);
    expect(valueAt(perChild, 1, 'rate_per_unit')).toBe(0);
  });

  it('takes the mean of scores', () => {
    const scores = rollUp(series('score', [80, 60, 70, 90, NaN_]), DESA_TO_KECAMATAN, 2, 'score');
    expect([valueAt(scores, 0, 'score'), valueAt(scores, 1, 'score')]).toEqual([70, 90]);
  });

  it('rolls categories up as a distribution, and the distribution up again', () => {
    const kabkota = series('category', [0, 2, 2, 1, NaN_]);
    const provinsi = rollUp(kabkota, DESA_TO_KECAMATAN, 2, 'category');
    expect(Array.from(provinsi.categories ?? [])).toEqual([1, 0, 2, 0, 1, 0]);
    expect(valueAt(provinsi, 0, 'category')).toBe(2);
    const nation = rollUp(provinsi, Int32Array.from([0, 0]), 1, 'category');
    expect(Array.from(nation.categories ?? []).slice(0, CATEGORY_COUNT)).toEqual([1, 1, 2]);
    expect(nation.reporting?.[0]).toBe(4);
    expect(nation.expected?.[0]).toBe(5);
  });

  it('counts reporting and expected regions of the lowest level through two roll-ups', () => {
    const kecamatan = rollUp(series('rate', [1, 1, NaN_, 1, NaN_], [2, 2, NaN_, 2, NaN_]), DESA_TO_KECAMATAN, 2, 'rate');
    const kabkota = rollUp(kecamatan, Int32Array.from([0, 0]), 1, 'rate');
    expect([kabkota.reporting?.[0], kabkota.expected?.[0]]).toEqual([3, 5]);
    expect(valueAt(kabkota, 0, 'rate')).toBe(50);
  });

  it('refuses to roll up survey prevalence', () => {
    expect(() => rollUp(series('survey_percent', [20]), Int32Array.from([0]), 1, 'survey_percent')).toThrow(/do not roll up/);
  });

  it('handles a level with no children at all', () => {
    const parent = rollUp(series('rate', []), new Int32Array(0), 2, 'rate');
    expect([valueAt(parent, 0, 'rate'), parent.expected?.[0]]).toEqual([null, 0]);
  });
});
