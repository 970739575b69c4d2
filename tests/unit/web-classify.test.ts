import { describe, expect, it } from 'vitest';
import { classIndex, classLabels, colorFor, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import {
  categorical,
  classificationFor,
  classify,
  COVERAGE,
  divergingColors,
  quantileBreaks,
  roundSignificant,
  schemeFor,
  unavailableReason,
  wrongSideOfTarget,
  type ClassifiedIndicator,
  type ClassifyInput,
} from '../../web/map/classify.ts';
import { formatBreak } from '../../web/format/number.ts';
import { changeMeaning, changeValues } from '../../web/map/change.ts';
import { divergingBreaks, equalIntervalBreaks, naturalBreaks, niceStep, roundestBetween } from '../../web/map/breaks.ts';
import { BELOW_TARGET, DIVERGING } from '../../web/map/palettes.ts';

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

// ---- classification methods, diverging scales and change mode ----------------------------------

const stunting = { ...prevalence, target: 14 };
const ttd = { ...coverage, target: 80 };
/** Provinces' stunting 2022 (a spread like the real one), with a null. */
const PREV_2022 = [8, 14.3, 17.8, 19.8, 20.2, 21.6, 24.4, 27.2, 30, 31.2, 34.6, 35.3, null];

const isReadable = (b: number) => roundSignificant(b, 3) === b;
const strictlyAscending = (breaks: readonly number[]) => breaks.every((b, i) => i === 0 || b > (breaks[i - 1] as number));

describe('niceStep and roundestBetween', () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.3, 2],
    [2.2, 2.5],
    [3, 5],
    [7.1, 10],
    [1234, 2000],
    [0.031, 0.05],
  ])('niceStep(%d) is %d', (x, expected) => expect(niceStep(x)).toBe(expected));

  it.each([
    [13.2, 17.9, 15],
    [-3, 4, 0],
    [29.96, 29.98, 29.97],
    [8_120_000_000, 9_400_000_000, 9_000_000_000],
    [-40, -12, -30],
    [100, 300, 200],
    [0.2, 0.35, 0.3],
  ])('roundestBetween(%d, %d) is %d', (lo, hi, expected) => {
    const b = roundestBetween(lo, hi);
    expect(b).toBe(expected);
    expect(b).toBeGreaterThan(lo);
    expect(b).toBeLessThanOrEqual(hi);
  });
});

describe('equalIntervalBreaks', () => {
  it('gives equally wide inner classes on round numbers, at most the classes asked for', () => {
    const breaks = equalIntervalBreaks(PREV_2022, 5);
    expect(breaks).toEqual([10, 20, 30]);
  });

  it('works across zero, with negative values (change mode)', () => {
    const breaks = equalIntervalBreaks([-7.5, -3, -1, 0, 2, 4.1], 5);
    expect(breaks.length).toBeGreaterThanOrEqual(2);
    expect(breaks.length).toBeLessThanOrEqual(4);
    expect(strictlyAscending(breaks)).toBe(true);
    expect(breaks).toContain(0);
    const steps = breaks.slice(1).map((b, i) => b - (breaks[i] as number));
    expect(new Set(steps).size).toBe(1);
  });

  it.each([
    ['no values', []],
    ['one value', [3]],
    ['all equal', [4, 4, 4]],
    ['only nulls', [null, null]],
  ])('gives one class for %s', (_w, values) => expect(equalIntervalBreaks(values, 5)).toEqual([]));

  it('handles large numbers close together (money)', () => {
    const breaks = equalIntervalBreaks([1_000_010, 1_000_020, 1_000_090], 5);
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.every((b) => b > 1_000_010 && b <= 1_000_090)).toBe(true);
  });
});

describe('naturalBreaks (ckmeans)', () => {
  it('puts breaks in the gaps between clusters, at the roundest number there', () => {
    const values = [1, 2, 2.5, 3, 20, 21, 22, 50, 52, 55];
    expect(naturalBreaks(values, 3)).toEqual([10, 50]);
  });

  it('gives readable, strictly ascending breaks inside the values', () => {
    const breaks = naturalBreaks(PREV_2022, 5);
    expect(breaks).toHaveLength(4);
    expect(strictlyAscending(breaks)).toBe(true);
    expect(breaks.every(isReadable)).toBe(true);
    expect(breaks.every((b) => b > 8 && b <= 35.3)).toBe(true);
  });

  it('asks for no more clusters than there are distinct values', () => {
    expect(naturalBreaks([1, 1, 1, 5, 5], 5)).toEqual([5]);
  });

  it.each([
    ['no values', []],
    ['one value', [7]],
    ['all equal', [2, 2, 2, 2]],
    ['nulls only', [null, undefined]],
  ])('gives one class for %s', (_w, values) => expect(naturalBreaks(values, 5)).toEqual([]));

  it('handles negative values', () => {
    const breaks = naturalBreaks([-12, -11, -10, -1, 0, 1, 9, 10], 3);
    expect(breaks).toHaveLength(2);
    expect(breaks[0]).toBeGreaterThan(-10);
    expect(breaks[0]).toBeLessThanOrEqual(-1);
  });
});

describe('divergingBreaks', () => {
  it('steps the same readable width on both sides of the centre, keeping only steps the values reach', () => {
    // Reach 21,3 above 14 -> step 10; below, 8 does not reach 4, so one class under the target.
    expect(divergingBreaks(PREV_2022, 14, 3)).toEqual([14, 24, 34]);
  });

  it('keeps the centre as a break when the target lies outside the values', () => {
    expect(divergingBreaks([20, 30, 40], 80, 3)).toEqual([40, 60, 80]);
    expect(divergingBreaks([85, 90, 99], 80, 3)).toEqual([80, 90]);
  });

  it('centres a change on 0 with negatives and positives', () => {
    const breaks = divergingBreaks([-9.5, -4, -0.5, 0, 1.2, 3], 0, 3);
    expect(breaks).toEqual([-5, 0]);
    expect(divergingBreaks([-9.5, -4, 6], 0, 3)).toEqual([-5, 0, 5]);
  });

  it.each([
    ['no values', []],
    ['all at the centre', [14, 14]],
    ['nulls only', [null]],
  ])('gives just the centre for %s', (_w, values) => expect(divergingBreaks(values, 14, 3)).toEqual([14]));
});

describe('divergingColors', () => {
  it('paints below the target blue (good) when lower is better, red when higher is better', () => {
    const breaks = [4, 14, 24];
    const lower = divergingColors(breaks, 14, 'lower');
    expect(lower).toEqual([DIVERGING.good[1], DIVERGING.good[0], DIVERGING.bad[0], DIVERGING.bad[1]]);
    const higher = divergingColors(breaks, 14, 'higher');
    expect(higher).toEqual([DIVERGING.bad[1], DIVERGING.bad[0], DIVERGING.good[0], DIVERGING.good[1]]);
  });

  it('uses purple and orange where neither way is better', () => {
    expect(divergingColors([0], 0, 'none')).toEqual([DIVERGING.down[0], DIVERGING.up[0]]);
  });

  it('refuses a centre that is not a break', () => {
    expect(() => divergingColors([1, 2], 5, 'lower')).toThrow(/not one of the breaks/);
  });
});

describe('classify', () => {
  const base = (over: Partial<ClassifyInput>): ClassifyInput => ({
    indicator: stunting,
    values: PREV_2022,
    method: 'auto',
    breaks: null,
    change: false,
    ...over,
  });

  it('keeps the indicator scheme for auto', () => {
    const c = classify(base({}));
    expect(c.method).toBe('auto');
    expect(c.classification).toBe(STUNTING_PREVALENCE);
  });

  it.each(['quantile', 'equal', 'jenks'] as const)('%s: readable ascending breaks in the indicator colours', (method) => {
    const c = classify(base({ method }));
    expect(c.method).toBe(method);
    const { breaks, colors } = c.classification;
    expect(breaks.length).toBeGreaterThanOrEqual(2);
    expect(strictlyAscending(breaks)).toBe(true);
    expect(breaks.every(isReadable)).toBe(true);
    expect(colors).toHaveLength(breaks.length + 1);
    // prevalence keeps yellow-to-red: the highest class is the darkest red
    expect(colors.at(-1)).toMatch(/^#(bd0026|b10026|e31a1c|f03b20|800026)$/);
  });

  it('coverage keeps the dark colour for LOW values under any method', () => {
    const c = classify({ ...base({ method: 'quantile' }), indicator: ttd, values: [40, 55, 61, 70, 82, 90, 97] });
    const lum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lum(c.classification.colors[0] as string)).toBeLessThan(lum(c.classification.colors.at(-1) as string));
  });

  it('manual: sorts, drops repeats and keeps at most 8 breaks', () => {
    const c = classify(base({ method: 'manual', breaks: [30, 10, 10, 20] }));
    expect(c.method).toBe('manual');
    expect(c.classification.breaks).toEqual([10, 20, 30]);
    const many = classify(base({ method: 'manual', breaks: [1, 2, 3, 4, 5, 6, 7, 8, 9] }));
    expect(many.classification.breaks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(many.classification.colors).toHaveLength(9);
  });

  it('manual without breaks falls back to the scheme', () => {
    expect(classify(base({ method: 'manual', breaks: [] })).method).toBe('auto');
  });

  it('target: diverging around the target, blue where lower prevalence meets it', () => {
    const c = classify(base({ method: 'target' }));
    expect(c.method).toBe('target');
    expect(c.center).toBe(14);
    expect(c.classification.breaks).toContain(14);
    const colour = (v: number) => c.classification.colors[classIndex(v, c.classification.breaks)];
    expect(DIVERGING.good).toContain(colour(8)); // Bali 2022, below the target: good
    expect(DIVERGING.bad).toContain(colour(35.3)); // NTT: bad
    expect(colour(35.3)).toBe(DIVERGING.bad[2]); // the furthest, the darkest
  });

  it('target: for coverage (higher is better) the colours turn around', () => {
    const c = classify({ ...base({ method: 'target' }), indicator: ttd, values: [40, 60, 79, 81, 95] });
    const colour = (v: number) => c.classification.colors[classIndex(v, c.classification.breaks)];
    expect(DIVERGING.bad).toContain(colour(40));
    expect(DIVERGING.good).toContain(colour(95));
    expect(DIVERGING.good).toContain(colour(80)); // exactly on target: reached
  });

  it('target outside the data range: every region on one side, the target still a break', () => {
    const c = classify({ ...base({ method: 'target' }), indicator: ttd, values: [20, 30, 45] });
    expect(c.classification.breaks.at(-1)).toBe(80);
    expect(c.classification.colors.at(-1)).toBe(DIVERGING.good[0]);
    expect(c.classification.colors.slice(0, -1).every((col) => (DIVERGING.bad as readonly string[]).includes(col))).toBe(true);
  });

  it('below: two classes, the wrong side strong and the other muted, for both directions', () => {
    const low = classify(base({ method: 'below' }));
    expect(low.classification.breaks).toEqual([14]);
    expect(low.classification.colors).toEqual([BELOW_TARGET.muted, BELOW_TARGET.bad]);
    expect(wrongSideOfTarget(1, 'lower')).toBe(true);
    const high = classify({ ...base({ method: 'below' }), indicator: ttd });
    expect(high.classification.colors).toEqual([BELOW_TARGET.bad, BELOW_TARGET.muted]);
    expect(wrongSideOfTarget(0, 'higher')).toBe(true);
  });

  it('falls back to the scheme, saying why, where a method makes no sense', () => {
    expect(classify({ ...base({ method: 'target' }), indicator: coverage }).unavailable).toBe('noTarget');
    expect(classify({ ...base({ method: 'quantile' }), indicator: aksi, values: [0, 1, 2] })).toMatchObject({
      method: 'auto',
      unavailable: 'categories',
    });
    expect(unavailableReason({ ...count, target: 5 }, 'below')).toBe('noDirection');
    expect(unavailableReason(aksi, 'auto')).toBeNull();
  });

  it('change mode: diverging around 0, a fall in stunting blue, a rise red', () => {
    const c = classify(base({ change: true, method: 'quantile', values: [-9.5, -4.1, -2, 0.5, 3.2] }));
    expect(c.method).toBe('change');
    expect(c.center).toBe(0);
    const colour = (v: number) => c.classification.colors[classIndex(v, c.classification.breaks)];
    expect(DIVERGING.good).toContain(colour(-9.5));
    expect(DIVERGING.bad).toContain(colour(3.2));
    // for coverage a rise is the good direction
    const cov = classify({ ...base({ change: true, values: [-5, 5] }), indicator: ttd });
    const covColour = (v: number) => cov.classification.colors[classIndex(v, cov.classification.breaks)];
    expect(DIVERGING.good).toContain(covColour(5));
    expect(DIVERGING.bad).toContain(covColour(-5));
  });

  it('change mode with no change anywhere gives two classes around 0', () => {
    const c = classify(base({ change: true, values: [0, 0, 0] }));
    expect(c.classification.breaks).toEqual([0]);
  });
});

describe('changeValues', () => {
  it('subtracts the earlier value without float noise, and leaves out regions missing in either period', () => {
    const now = new Map([
      ['53', 35.3],
      ['51', 8],
      ['11', 31.2],
    ]);
    const before = new Map([
      ['53', 37.8],
      ['51', 10.9],
      ['12', 25.8],
    ]);
    const change = changeValues(now, before);
    expect([...change.entries()]).toEqual([
      ['53', -2.5],
      ['51', -2.9],
    ]);
  });

  it.each([
    [-2.5, 'lower', 'better'],
    [2.5, 'lower', 'worse'],
    [2.5, 'higher', 'better'],
    [0, 'higher', 'same'],
    [3, 'none', 'neutral'],
  ])('a change of %d where %s is better is %s', (change, direction, meaning) => {
    expect(changeMeaning(change, direction)).toBe(meaning);
  });
});
