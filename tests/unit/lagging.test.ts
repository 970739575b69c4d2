import { describe, expect, it } from 'vitest';
import { laggingChildren, shortfall, type ChildValue, type LagInput } from '../../server/analysis/lagging.ts';

const values = (entries: Record<string, number | ChildValue>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'number' ? { value: v } : v]));

const coverage = { direction: 'higher', target: 80 } as const;
const prevalence = { direction: 'lower', target: 14 } as const;

function flagsOf(input: LagInput) {
  return Object.fromEntries(laggingChildren(input).map((c) => [c.kode, c.reasons.map((r) => r.flag)]));
}

describe('shortfall', () => {
  it('follows the direction', () => {
    expect(shortfall('higher', 70, 80)).toBe(10);
    expect(shortfall('lower', 20, 14)).toBe(6);
    expect(shortfall('lower', 10, 14)).toBe(-4);
    expect(shortfall('none', 1, 100)).toBe(0);
  });
});

describe('lagging children', () => {
  it('flags below target, worse than parent and worse than before, for higher-is-better', () => {
    const result = flagsOf({
      indicator: coverage,
      children: ['a', 'b', 'c', 'd'],
      current: values({ a: 70, b: 85, c: 90, d: 82 }),
      previous: values({ a: 75, b: 80, c: 95 }),
      parentValue: 84,
    });
    expect(result).toEqual({
      a: ['below_target', 'worse_than_parent', 'worse_than_previous'],
      d: ['worse_than_parent'],
      c: ['worse_than_previous'],
    });
  });

  it('reads lower as better for prevalence', () => {
    const result = flagsOf({ indicator: prevalence, children: ['a', 'b'], current: values({ a: 13, b: 30 }), previous: values({ a: 12 }), parentValue: 20 });
    expect(result).toEqual({ b: ['below_target', 'worse_than_parent'], a: ['worse_than_previous'] });
  });

  it('treats a value exactly on the target, parent or previous value as not lagging', () => {
    expect(flagsOf({ indicator: coverage, children: ['a'], current: values({ a: 80 }), previous: values({ a: 80 }), parentValue: 80 })).toEqual({});
  });

  it('flags children without a value, and roll-ups that only part of the units reported', () => {
    const result = laggingChildren({
      indicator: coverage,
      children: ['a', 'b', 'c'],
      current: values({ a: { value: 90, reporting: 7, expected: 10 }, c: { value: 90, reporting: 10, expected: 10 } }),
      previous: new Map(),
      parentValue: null,
    });
    expect(result.map((c) => [c.kode, c.reasons])).toEqual([
      ['a', [{ flag: 'not_reporting', reference: 10, gap: null }]],
      ['b', [{ flag: 'not_reporting', reference: null, gap: null }]],
    ]);
    expect(result.find((c) => c.kode === 'b')?.value).toBeNull();
  });

  it('without a target or direction, only reporting can be flagged', () => {
    expect(flagsOf({ indicator: { direction: 'higher', target: null }, children: ['a'], current: values({ a: 1 }), previous: new Map(), parentValue: null })).toEqual({});
    expect(
      flagsOf({ indicator: { direction: 'none', target: 5 }, children: ['a', 'b'], current: values({ a: 1 }), previous: values({ a: 9 }), parentValue: 9 }),
    ).toEqual({ b: ['not_reporting'] });
  });

  it('puts the most flags first, then the largest gap', () => {
    const result = laggingChildren({
      indicator: coverage,
      children: ['small', 'large', 'many'],
      current: values({ small: 79, large: 40, many: 70 }),
      previous: values({ many: 71 }),
      parentValue: null,
    });
    expect(result.map((c) => c.kode)).toEqual(['many', 'large', 'small']);
    expect(result.find((c) => c.kode === 'large')?.reasons[0]).toEqual({ flag: 'below_target', reference: 80, gap: 40 });
  });

  it('handles an empty region', () => {
    expect(laggingChildren({ indicator: coverage, children: [], current: new Map(), previous: new Map(), parentValue: null })).toEqual([]);
  });
});
