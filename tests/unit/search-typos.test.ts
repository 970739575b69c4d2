import { describe, expect, it } from 'vitest';
import { editDistance, prefixEditDistance, typoAllowance } from '../../server/search/typos.ts';

describe('typoAllowance', () => {
  it.each([
    [0, 0], [1, 0], [3, 0], [4, 1], [7, 1], [8, 2], [20, 2],
  ])('a word of %i letters may carry %i edits', (length, edits) => {
    expect(typoAllowance(length)).toBe(edits);
  });
});

describe('prefixEditDistance: edits from the query word to the start of a name word', () => {
  it.each([
    ['sukamaju', 'sukamaju', 2, 0],
    ['suka', 'sukamaju', 1, 0],
    ['sukamju', 'sukamaju', 1, 1], // a letter left out
    ['sukamaaju', 'sukamaju', 2, 1], // a letter doubled
    ['denpasr', 'denpasar', 1, 1],
    ['dnepasar', 'denpasar', 2, 1], // two letters swapped count as one edit
    ['bnadung', 'bandung', 1, 1],
    ['sukamj', 'sukamaju', 1, 1], // a typo while still typing
    ['bandung', 'bandung barat', 1, 0],
    ['kupang', 'bandung', 2, 3], // too far: limit + 1
    ['xyz', 'bandung', 1, 2],
    ['', 'bandung', 1, 0],
    ['abc', '', 1, 2],
  ])('%s -> %s (limit %i) = %i', (token, word, limit, expected) => {
    expect(prefixEditDistance(token, word, limit)).toBe(expected);
  });
});

describe('editDistance: edits to the whole word', () => {
  it.each([
    ['sukamju', 'sukamaju', 1, 1],
    ['sukamju', 'sukamulya', 1, 2], // only its start "sukamu" is one edit away
    ['suka', 'sukamaju', 2, 3],
    ['dnepasar', 'denpasar', 2, 1],
    ['denpasar', 'denpasar', 0, 0],
  ])('%s -> %s (limit %i) = %i', (token, word, limit, expected) => {
    expect(editDistance(token, word, limit)).toBe(expected);
  });
});
