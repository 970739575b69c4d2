import { describe, expect, it } from 'vitest';
import { formatBreak, formatValue } from '../../web/format/number.ts';

describe('formatValue', () => {
  it.each([
    [35.3, '%', '35,3%'],
    [8, '%', '8,0%'],
    [21.65, '%', '21,7%'],
    [0, '%', '0,0%'],
    [-1.25, '%', '-1,3%'],
    [1234.5, 'kasus', '1.234,5 kasus'],
    [12, '', '12,0'],
  ])('%d %s is shown as %s', (value, unit, expected) => {
    // Intl may use a minus sign or a hyphen; compare on the hyphen.
    expect(formatValue(value, unit).replace('−', '-')).toBe(expected);
  });
});

describe('formatBreak', () => {
  it.each([
    [14, '14'],
    [12.5, '12,5'],
    [1000, '1.000'],
  ])('%d is shown as %s', (value, expected) => {
    expect(formatBreak(value)).toBe(expected);
  });
});
