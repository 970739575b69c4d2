import { describe, expect, it } from 'vitest';
import { bivariate, bivariateClassification, BIVARIATE_COLORS, cellClasses, classOf, tercileBreaks } from '../../web/map/bivariate.ts';
import { colorFor } from '../../web/map/classes.ts';

const map = (entries: [string, number][]) => new Map(entries);

describe('tercileBreaks', () => {
  it.each([
    ['nine distinct values split three by three', [9, 1, 5, 3, 7, 2, 8, 4, 6], [3, 6]],
    ['one value', [42], [42, 42]],
    ['ties stay together: four equal values at the bottom', [1, 1, 1, 1, 2, 3], [1, 1]],
    ['all equal', [5, 5, 5], [5, 5]],
    ['missing values are left out', [Number.NaN, 1, 2, 3, Number.POSITIVE_INFINITY], [1, 2]],
  ] as const)('%s', (_, values, expected) => {
    expect(tercileBreaks(values)).toEqual(expected);
  });

  it('is null without values', () => {
    expect(tercileBreaks([])).toBeNull();
    expect(tercileBreaks([Number.NaN])).toBeNull();
  });

  it('puts equal values in one class', () => {
    const breaks = tercileBreaks([1, 2, 2, 2, 2, 3]) as [number, number];
    const classes = [1, 2, 2, 2, 2, 3].map((v) => classOf(v, breaks));
    expect(new Set(classes.slice(1, 5)).size).toBe(1);
  });
});

describe('bivariate', () => {
  const budget = map([
    ['a', 100], ['b', 200], ['c', 300], ['d', 400], ['e', 500], ['f', 600],
    ['g', 700], ['h', 800], ['i', 900], ['only-budget', 50],
  ]);
  const prevalence = map([
    ['a', 10], ['b', 25], ['c', 35], ['d', 19.9], ['e', 20], ['f', 30],
    ['g', 5], ['h', 29.9], ['i', 40], ['only-prevalence', 22],
  ]);
  const result = bivariate(budget, prevalence);

  it('classes budget in terciles of the regions with both figures, prevalence by WHO 20 and 30', () => {
    expect(result.budgetBreaks).toEqual([300, 600]);
    expect(result.cells.get('a')).toBe(0); // low budget, < 20%
    expect(result.cells.get('c')).toBe(6); // low budget, >= 30%: the cell that needs attention
    expect(result.cells.get('e')).toBe(4); // middle budget, 20% exactly is "high" (20 - < 30)
    expect(result.cells.get('f')).toBe(7); // 30% exactly is "very high"
    expect(result.cells.get('i')).toBe(8);
    expect(result.cells.get('g')).toBe(2);
    expect(cellClasses(7)).toEqual({ budget: 1, prevalence: 2 });
  });

  it('counts the regions of each legend cell, and those with only one figure', () => {
    expect(result.counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(result.counts.reduce((s, n) => s + n, 0)).toBe(result.cells.size);
    expect(result.cells.has('only-budget')).toBe(false);
    expect(result.budgetOnly).toBe(1);
    expect(result.prevalenceOnly).toBe(1);
  });

  it('leaves every cell empty when no region has both figures', () => {
    const none = bivariate(map([['a', 1]]), map([['b', 20]]));
    expect(none.budgetBreaks).toBeNull();
    expect(none.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(none.cells.size).toBe(0);
  });

  it('paints each cell with its colour through the ordinary choropleth classes', () => {
    const classification = bivariateClassification(BIVARIATE_COLORS.map((_, i) => `cell ${i}`));
    for (let cell = 0; cell < 9; cell++) expect(colorFor(cell, classification)).toBe(BIVARIATE_COLORS[cell]);
  });
});
