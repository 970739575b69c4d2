import { describe, expect, it } from 'vitest';
import { classIndex, classLabels, colorFor, makeClassification, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
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
