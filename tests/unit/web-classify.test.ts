import { describe, expect, it } from 'vitest';
import { classLabels, colorFor, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import {
  categorical,
  classificationFor,
  COVERAGE,
  quantileBreaks,
  roundSignificant,
  schemeFor,
  type ClassifiedIndicator,
} from '../../web/map/classify.ts';
import { formatBreak } from '../../web/format/number.ts';

const prevalence: ClassifiedIndicator = { id: 'prevalensi_stunting', kind: 'survey_percent', direction: 'lower', unit: '%', categories: null };
const coverage: ClassifiedIndicator = { id: 'IH-2', kind: 'rate', direction: 'higher', unit: '%', categories: null };
const money: ClassifiedIndicator = { id: 'anggaran_apbd', kind: 'money', direction: 'higher', unit: 'Rp', categories: null };
const count: ClassifiedIndicator = { id: 'BL-5', kind: 'count', direction: 'none', unit: 'kasus', categories: null };
const aksi: ClassifiedIndicator = { id: 'aksi_1', kind: 'category', direction: 'higher', unit: 'status', categories: ['Belum', 'Proses', 'Selesai'] };

describe('roundSignificant', () => {
  it.each([
    [8_311_394_901, 2, 8_300_000_000],
    [587_148.65, 2, 590_000],
    [436, 2, 440],
    [0.123, 2, 0.12],
    [0.3, 1, 0.3],
    [-1234, 2, -1200],
    [0, 2, 0],
  ])('%d to %d digits is %d', (x, digits, expected) => {
    expect(roundSignificant(x, digits)).toBe(expected);
  });
});

describe('quantileBreaks', () => {
  it('splits evenly spread values into classes of equal size, at readable numbers', () => {
    const values = Array.from({ length: 100 }, (_, i) => 1_000_000 + i * 98_765);
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toHaveLength(4);
    for (const b of breaks) expect(roundSignificant(b, 2)).toBe(b);
    // about a fifth of the values below the first break
    expect(values.filter((v) => v < (breaks[0] as number)).length).toBeGreaterThan(15);
    expect(values.filter((v) => v < (breaks[0] as number)).length).toBeLessThan(25);
  });

  it.each([
    ['no values', []],
    ['one value', [42]],
    ['all values equal', [7, 7, 7, 7]],
    ['only nulls', [null, undefined, Number.NaN]],
  ])('gives no breaks (one class) for %s', (_what, values) => {
    expect(quantileBreaks(values, 5)).toEqual([]);
  });

  it('ignores nulls among the values', () => {
    expect(quantileBreaks([1, null, 2, undefined, 3, 4], 2)).toEqual(quantileBreaks([1, 2, 3, 4], 2));
  });

  it('never leaves the lowest or highest class empty, nor repeats a break', () => {
    const breaks = quantileBreaks([1, 1, 1, 1, 1, 1, 1, 1, 1, 100], 5);
    expect(breaks.every((b) => b > 1 && b <= 100)).toBe(true);
    expect(new Set(breaks).size).toBe(breaks.length);
    const two = quantileBreaks([10, 20], 5);
    expect(two.every((b) => b > 10 && b <= 20)).toBe(true);
  });

  it('uses a third digit when two would merge classes of close values', () => {
    const breaks = quantileBreaks([101, 102, 103, 104, 105, 106, 107, 108, 109, 110], 5);
    expect(breaks.length).toBe(4);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  });
});

describe('classificationFor', () => {
  it('keeps the WHO/target breaks for prevalence, whatever the values', () => {
    expect(schemeFor(prevalence)).toBe('prevalence');
    expect(classificationFor(prevalence, [1, 2, 3])).toBe(STUNTING_PREVALENCE);
  });

  it('paints low coverage strong and high coverage pale, on fixed breaks', () => {
    expect(schemeFor(coverage)).toBe('coverage');
    const c = classificationFor(coverage, [95, 96]);
    expect(c).toBe(COVERAGE);
    expect(c.breaks).toEqual([50, 60, 70, 80, 90]);
    // darker (lower luminance) at the low end
    const luminance = (hex: string) => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(luminance(colorFor(30, c))).toBeLessThan(luminance(colorFor(95, c)));
  });

  it('gives money and counts quantile classes with a colour per class', () => {
    const c = classificationFor(money, [8.3e9, 9.2e9, 1.1e10, 1.4e10, 2.1e10, 2.1e10, 2.2e10, 3e10]);
    expect(c.colors).toHaveLength(c.breaks.length + 1);
    expect(c.breaks.length).toBeGreaterThan(1);
    expect(schemeFor(count)).toBe('quantile');
  });

  it.each([
    ['no values', []],
    ['one value', [436]],
    ['all equal', [5, 5, 5]],
  ])('gives one class for a quantile indicator with %s', (_what, values) => {
    const c = classificationFor(count, values);
    expect(c.breaks).toEqual([]);
    expect(c.colors).toHaveLength(1);
  });

  it('names the categories of a category indicator in the legend, one colour each', () => {
    const c = classificationFor(aksi, [0, 1, 2]);
    expect(classLabels(c, formatBreak).map((l) => l.label)).toEqual(['Belum', 'Proses', 'Selesai']);
    expect(new Set([0, 1, 2].map((v) => colorFor(v, c))).size).toBe(3);
  });

  it('labels Bertumbuh, Berkembang, Berdaya in catalogue order', () => {
    const c = categorical(['Bertumbuh', 'Berkembang', 'Berdaya']);
    expect(c.labels).toEqual(['Bertumbuh', 'Berkembang', 'Berdaya']);
    expect(c.breaks).toEqual([0.5, 1.5]);
  });
});
