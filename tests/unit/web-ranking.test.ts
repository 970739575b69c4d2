import { describe, expect, it } from 'vitest';
import { defaultSort, nextSort, rankable, rankAmong, rankingRows, rankValues, sortRows, type RankingRow } from '../../web/state/ranking.ts';

const entries = (values: Record<string, number>) => Object.entries(values);

describe('rankValues', () => {
  it.each([
    // direction, values, expected ranks
    ['lower', { a: 35.3, b: 8, c: 20.1 }, { b: 1, c: 2, a: 3 }],
    ['higher', { a: 35.3, b: 8, c: 20.1 }, { a: 1, c: 2, b: 3 }],
    // ties share the better rank, and the next rank skips ("1, 2, 2, 4")
    ['lower', { a: 10, b: 20, c: 20, d: 30 }, { a: 1, b: 2, c: 2, d: 4 }],
    ['higher', { a: 10, b: 20, c: 20, d: 30 }, { d: 1, b: 2, c: 2, a: 4 }],
    // all equal: everyone is first
    ['higher', { a: 5, b: 5, c: 5 }, { a: 1, b: 1, c: 1 }],
    // one value
    ['lower', { a: 5 }, { a: 1 }],
    // negatives and zero
    ['higher', { a: -2, b: 0, c: 3 }, { c: 1, b: 2, a: 3 }],
  ] as const)('%s is better: %o ranks as %o', (direction, values, expected) => {
    expect(Object.fromEntries(rankValues(entries(values), direction))).toEqual(expected);
  });

  it('ranks nothing without a direction, and nothing when there are no values', () => {
    expect(rankValues(entries({ a: 1, b: 2 }), 'none').size).toBe(0);
    expect(rankValues([], 'lower').size).toBe(0);
  });

  it('leaves out values that are not numbers', () => {
    expect(Object.fromEntries(rankValues([['a', Number.NaN], ['b', 3]], 'lower'))).toEqual({ b: 1 });
  });
});

describe('rankAmong ("peringkat 3 dari 22")', () => {
  it('gives the rank and how many were ranked', () => {
    expect(rankAmong(entries({ a: 30, b: 10, c: 20 }), 'c', 'lower')).toEqual({ rank: 2, of: 3 });
  });

  it('gives null for a region without a value, or an indicator without a direction', () => {
    expect(rankAmong(entries({ a: 30 }), 'z', 'lower')).toBeNull();
    expect(rankAmong(entries({ a: 30 }), 'a', 'none')).toBeNull();
  });
});

describe('rankable', () => {
  it('ranks numbers with a better direction, never categories', () => {
    expect(rankable({ direction: 'lower', kind: 'survey_percent' })).toBe(true);
    expect(rankable({ direction: 'higher', kind: 'category' })).toBe(false);
    expect(rankable({ direction: 'none', kind: 'count' })).toBe(false);
  });
});

describe('the ranking table rows', () => {
  const children = [
    { kode: '53.01', nama: 'Sumba Barat' },
    { kode: '53.02', nama: 'Sumba Timur' },
    { kode: '53.03', nama: 'Timor Tengah Selatan' },
    { kode: '53.04', nama: 'Alor' },
  ];
  const values = {
    '53.01': { value: 30, numerator: 30, denominator: 100, demo: false },
    '53.02': { value: 20, numerator: 40, denominator: 200, demo: true },
    '53.04': { value: 20, numerator: 10, denominator: 50, demo: false },
  };
  const rows = rankingRows(children, values, 'lower');
  const names = (list: RankingRow[]) => list.map((r) => r.nama);

  it('lists every child, with rank and value where it has them', () => {
    expect(rows.map((r) => [r.nama, r.rank, r.value, r.demo])).toEqual([
      ['Sumba Barat', 3, 30, false],
      ['Sumba Timur', 1, 20, true],
      ['Timor Tengah Selatan', null, null, false],
      ['Alor', 1, 20, false],
    ]);
  });

  it('sorts by rank with ties by name, and puts regions without a value last either way', () => {
    expect(names(sortRows(rows, { key: 'rank', direction: 'ascending' }))).toEqual(['Alor', 'Sumba Timur', 'Sumba Barat', 'Timor Tengah Selatan']);
    expect(names(sortRows(rows, { key: 'rank', direction: 'descending' }))).toEqual(['Sumba Barat', 'Alor', 'Sumba Timur', 'Timor Tengah Selatan']);
    expect(names(sortRows(rows, { key: 'value', direction: 'descending' }))).toEqual(['Sumba Barat', 'Alor', 'Sumba Timur', 'Timor Tengah Selatan']);
  });

  it('sorts by name A-Z and Z-A, and the fraction column by the size of the group', () => {
    expect(names(sortRows(rows, { key: 'name', direction: 'ascending' }))).toEqual(['Alor', 'Sumba Barat', 'Sumba Timur', 'Timor Tengah Selatan']);
    expect(names(sortRows(rows, { key: 'name', direction: 'descending' }))).toEqual(['Timor Tengah Selatan', 'Sumba Timur', 'Sumba Barat', 'Alor']);
    expect(names(sortRows(rows, { key: 'fraction', direction: 'descending' }))).toEqual(['Sumba Timur', 'Sumba Barat', 'Alor', 'Timor Tengah Selatan']);
  });

  it('turns a column around on a second click, and starts a new column the expected way', () => {
    expect(defaultSort(true)).toEqual({ key: 'rank', direction: 'ascending' });
    expect(defaultSort(false)).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'rank', direction: 'ascending' }, 'rank')).toEqual({ key: 'rank', direction: 'descending' });
    expect(nextSort({ key: 'rank', direction: 'ascending' }, 'value')).toEqual({ key: 'value', direction: 'descending' });
    expect(nextSort({ key: 'value', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });

  it('ranks nothing for an indicator that cannot be ranked', () => {
    expect(rankingRows(children, values, null).every((r) => r.rank === null)).toBe(true);
  });
});
