import { describe, expect, it } from 'vitest';
import {
  classCounts,
  classIndex,
  classLabels,
  colorFor,
  fadedColor,
  makeClassification,
  STUNTING_PREVALENCE,
} from '../../web/map/classes.ts';
import { COVERAGE } from '../../web/map/classify.ts';
import { binCount, histogram } from '../../web/map/histogram.ts';
import { DIVERGING, sequentialColors } from '../../web/map/palettes.ts';
import { formatBreak } from '../../web/format/number.ts';

describe('classIndex', () => {
  const breaks = [10, 14, 20, 25, 30, 35];
  it.each([
    [0, 0],
    [-5, 0],
    [9.99, 0],
    [10, 1], // a value on a break belongs to the class above
    [13.9, 1],
    [14, 2],
    [21.6, 3],
    [35.3, 6],
    [100, 6],
  ])('%d falls in class %d', (value, expected) => {
    expect(classIndex(value, breaks)).toBe(expected);
  });

  it('puts everything in one class when there are no breaks', () => {
    expect(classIndex(-1, [])).toBe(0);
    expect(classIndex(1e9, [])).toBe(0);
  });
});

describe('STUNTING_PREVALENCE', () => {
  it('follows the WHO thresholds and the 14% national target', () => {
    for (const threshold of [10, 14, 20, 30]) expect(STUNTING_PREVALENCE.breaks).toContain(threshold);
  });

  it('paints NTT 2022 (35,3%) and Bali 2022 (8,0%) differently', () => {
    expect(colorFor(35.3, STUNTING_PREVALENCE)).toBe('#b10026');
    expect(colorFor(8.0, STUNTING_PREVALENCE)).toBe('#ffffb2');
  });

  it('has one distinct colour per class', () => {
    expect(new Set(STUNTING_PREVALENCE.colors).size).toBe(STUNTING_PREVALENCE.breaks.length + 1);
  });
});

describe('makeClassification', () => {
  it('rejects a colour count that does not match the breaks', () => {
    expect(() => makeClassification([10, 20], ['#000', '#111'])).toThrow(/needs 3 colours, got 2/);
  });
  it('rejects breaks that are not strictly ascending', () => {
    expect(() => makeClassification([10, 10], ['#0', '#1', '#2'])).toThrow(/strictly ascending: break 1/);
    expect(() => makeClassification([20, 10], ['#0', '#1', '#2'])).toThrow(/strictly ascending/);
  });
  it('rejects breaks that are not finite', () => {
    expect(() => makeClassification([Number.NaN], ['#0', '#1'])).toThrow(/finite/);
  });
  it('copies its input, so a later change to the arrays cannot change the classes', () => {
    const breaks = [1, 2];
    const c = makeClassification(breaks, ['#0', '#1', '#2']);
    breaks[0] = 99;
    expect(c.breaks).toEqual([1, 2]);
  });
});

describe('classLabels', () => {
  it('labels open-ended first and last classes, in Indonesian number format', () => {
    const labels = classLabels(makeClassification([12.5, 20], ['#a', '#b', '#c']), formatBreak).map((l) => l.label);
    expect(labels).toEqual(['< 12,5', '12,5 – < 20', '≥ 20']);
  });
  it('labels the single class of a classification without breaks', () => {
    expect(classLabels(makeClassification([], ['#a']), formatBreak)).toEqual([{ color: '#a', label: 'semua nilai' }]);
  });
  it('gives the legend of the stunting classes', () => {
    const labels = classLabels(STUNTING_PREVALENCE, formatBreak).map((l) => l.label);
    expect(labels[0]).toBe('< 10');
    expect(labels.at(-1)).toBe('≥ 35');
    expect(labels).toHaveLength(7);
  });
});

describe('category labels', () => {
  it('uses the labels of a classification in the legend, one per class', () => {
    const c = makeClassification([0.5, 1.5], ['#a', '#b', '#c'], ['Belum', 'Proses', 'Selesai']);
    expect(classLabels(c, formatBreak)).toEqual([
      { color: '#a', label: 'Belum' },
      { color: '#b', label: 'Proses' },
      { color: '#c', label: 'Selesai' },
    ]);
  });
  it('rejects a label count that does not match the classes', () => {
    expect(() => makeClassification([0.5], ['#a', '#b'], ['Belum'])).toThrow(/2 classes need 2 labels, got 1/);
  });
});

describe('classCounts', () => {
  it('counts the values of each class, leaving out nulls and non-finite values', () => {
    const c = makeClassification([10, 20], ['#a', '#b', '#c']);
    expect(classCounts([5, 10, 15, 20, 25, 0, null, undefined, Number.NaN], c)).toEqual([2, 2, 2]);
  });
  it('counts zero as a value, not as missing', () => {
    expect(classCounts([0, 0], makeClassification([], ['#a']))).toEqual([2]);
  });
});

describe('fadedColor', () => {
  it('moves a colour towards white', () => {
    expect(fadedColor('#000000', 0.5)).toBe('#808080');
    expect(fadedColor('#b10026', 0)).toBe('#b10026');
    expect(fadedColor('#b10026', 1)).toBe('#ffffff');
  });
  it('rejects what is not a six-digit colour', () => {
    expect(() => fadedColor('red')).toThrow(/#a1b2c3/);
  });
});

describe('palettes', () => {
  it.each(['worse-high', 'worse-low', 'neutral'] as const)('%s has 1 to 9 distinct colours', (scheme) => {
    for (let n = 1; n <= 9; n++) {
      const colors = sequentialColors(scheme, n);
      expect(colors).toHaveLength(n);
      expect(new Set(colors).size).toBe(n);
    }
    expect(() => sequentialColors(scheme, 10)).toThrow(/1 to 9/);
    expect(() => sequentialColors(scheme, 0)).toThrow();
  });

  it('matches the fixed schemes: stunting is YlOrRd 7, coverage the darkest RdPu reversed', () => {
    expect(sequentialColors('worse-high', 7)).toEqual(STUNTING_PREVALENCE.colors);
    expect(sequentialColors('worse-low', 6)).toEqual(COVERAGE.colors);
  });

  it('gets darker along a sequential scale, and lighter for coverage', () => {
    const lum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    const high = sequentialColors('worse-high', 5).map(lum);
    expect(high).toEqual([...high].sort((a, b) => b - a));
    const low = sequentialColors('worse-low', 5).map(lum);
    expect(low).toEqual([...low].sort((a, b) => a - b));
  });

  it('keeps the diverging colours apart from the sea and the no-data hatch', () => {
    const all = [...DIVERGING.good, ...DIVERGING.bad, ...DIVERGING.up, ...DIVERGING.down];
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - (rgb(b)[i] as number)));
    for (const c of all) {
      expect(distance(c, '#dbe7ef')).toBeGreaterThan(40); // PALETTE.sea
      expect(distance(c, '#ecebe8')).toBeGreaterThan(40); // PALETTE.noDataBackground
    }
  });
});

describe('histogram', () => {
  const classes = makeClassification([10, 20], ['#a', '#b', '#c']);

  it('bins the values over their range, each bar split by class', () => {
    const h = histogram([0, 1, 9, 10, 11, 19, 20, 29, 30], classes);
    expect(h.domain).toEqual([0, 30]);
    expect(h.count).toBe(9);
    expect(h.bins.reduce((s, b) => s + b.total, 0)).toBe(9);
    // every bar's class counts add up to its total, and classes agree with classIndex
    for (const bin of h.bins) expect(bin.counts.reduce((a, b) => a + b, 0)).toBe(bin.total);
    const perClass = [0, 1, 2].map((c) => h.bins.reduce((s, b) => s + (b.counts[c] ?? 0), 0));
    expect(perClass).toEqual(classCounts([0, 1, 9, 10, 11, 19, 20, 29, 30], classes));
  });

  it('puts the largest value in the last bar', () => {
    const h = histogram([1, 2, 3, 4, 100], classes);
    expect(h.bins.at(-1)?.total).toBe(1);
    expect(h.bins[0]?.total).toBe(4);
  });

  it('widens the range to take in the target, and leaves out nulls', () => {
    const h = histogram([20, 30, null, Number.NaN], classes, [80]);
    expect(h.domain).toEqual([20, 80]);
    expect(h.count).toBe(2);
  });

  it('draws one bar for all-equal values and for one value', () => {
    for (const values of [[7, 7, 7], [7]]) {
      const h = histogram(values, classes);
      expect(h.bins).toHaveLength(1);
      expect(h.bins[0]?.total).toBe(values.length);
      expect(h.domain[0]).toBeLessThan(7);
      expect(h.domain[1]).toBeGreaterThan(7);
    }
    expect(histogram([0, 0], classes).bins[0]?.total).toBe(2);
  });

  it('handles negative values (change mode) and no values', () => {
    const h = histogram([-5, -2, 0, 3], makeClassification([0], ['#a', '#b']), [0]);
    expect(h.domain).toEqual([-5, 3]);
    expect(h.bins.reduce((s, b) => s + (b.counts[0] ?? 0), 0)).toBe(2);
    expect(histogram([], classes).bins).toEqual([]);
  });

  it('uses more bars for more values, within bounds', () => {
    expect(binCount(1)).toBe(1);
    expect(binCount(10)).toBe(6);
    expect(binCount(38)).toBe(10);
    expect(binCount(100_000)).toBe(24);
  });
});

describe('a highlighted legend class on the map', () => {
  it('keeps the class colour and fades the others, and the style stays valid', async () => {
    const { validateStyleMin } = await import('@maplibre/maplibre-gl-style-spec');
    const { buildStyle, LAYER, regionFill } = await import('../../web/map/style.ts');
    // 35.3 % is in the top class (6), 8 % in the lowest (0).
    expect(regionFill(35.3, STUNTING_PREVALENCE)).toBe(STUNTING_PREVALENCE.colors[6]);
    expect(regionFill(35.3, STUNTING_PREVALENCE, 6)).toBe(STUNTING_PREVALENCE.colors[6]);
    expect(regionFill(8, STUNTING_PREVALENCE, 6)).toBe(fadedColor(STUNTING_PREVALENCE.colors[0] as string));
    expect(regionFill(8, STUNTING_PREVALENCE)).toBe(STUNTING_PREVALENCE.colors[0]);
    const style = buildStyle({ origin: 'http://127.0.0.1:8080', level: 'provinsi', parent: null, highlightClass: 2 });
    expect(validateStyleMin(style)).toEqual([]);
    const noData = style.layers.find((l) => l.id === LAYER.noData('provinsi'));
    expect(noData?.paint).toMatchObject({ 'fill-opacity': 0.35 });
  });
});
