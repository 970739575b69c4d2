import { describe, expect, it } from 'vitest';
import { readCode } from '../../server/import/codes.ts';
import { editDistance, foldRegionName } from '../../server/import/names.ts';
import { parseNumber, type DecimalMark } from '../../server/import/numbers.ts';

describe('parseNumber', () => {
  const cases: [text: string, decimalMark: DecimalMark, expected: number | null][] = [
    ['35,3', ',', 35.3],
    ['35.3', ',', 35.3],
    ['35,3', '.', 35.3],
    ['35.3', '.', 35.3],
    ['  42  ', ',', 42],
    ['35,3%', ',', 35.3],
    ['35,3 %', ',', 35.3],
    ['1.234,5', ',', 1234.5],
    ['1,234.5', ',', 1234.5],
    ['1.234.567', '.', 1234567],
    ['1,234,567', ',', 1234567],
    ['1.234.567,25', '.', 1234567.25],
    // One mark followed by exactly three digits: the file's convention decides.
    ['1.234', ',', 1234],
    ['1.234', '.', 1.234],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['12,500', ',', 12.5],
    // Not shaped like a thousand group, so always a decimal.
    ['0,125', '.', 0.125],
    ['1234,567', '.', 1234.567],
    ['1 234,5', ',', 1234.5],
    ['1\u00a0234', ',', 1234],
    ['1.5E+03', ',', 1500],
    ['-5', ',', -5],
    ['-3,5', ',', -3.5],
    ['+7', ',', 7],
    ['0', ',', 0],
    ['-0', ',', 0],
    ['0,05', ',', 0.05],
    ['12345678901234567', ',', 12345678901234567],
    ['0.1', '.', 0.1],
    ['100,000', ',', 100],
    ['100,000', '.', 100000],
    ['abc', ',', null],
    ['-', ',', null],
    ['35,3,1', ',', null],
    ['1.23.4', ',', null],
    ['1,23.4', ',', null],
    ['12 34', ',', null],
    ['', ',', null],
    ['%', ',', null],
    ['n/a', ',', null],
  ];
  it.each(cases)('%j with decimal mark %j is %j', (text, decimalMark, expected) => {
    expect(parseNumber(text, decimalMark)).toBe(expected);
  });
});

describe('readCode', () => {
  const cases: [cell: string | number, expected: string | null][] = [
    ['53', '53'],
    ['5301', '53.01'],
    ['530106', '53.01.06'],
    ['5301062015', '53.01.06.2015'],
    ['53.01.06.2015', '53.01.06.2015'],
    [' 53.01.06 ', '53.01.06'],
    ['53. 01', '53.01'],
    [53, '53'],
    [5301062015, '53.01.06.2015'],
    [53.01, '53.01'],
    // Excel stored "53.10" as the number 53.1.
    [53.1, '53.10'],
    ['53010620', null],
    ['531', null],
    ['53.1', null],
    ['53.01.6', null],
    ['ab.cd', null],
    [53.001, null],
    [-53, null],
  ];
  it.each(cases)('%j is %j', (cell, expected) => {
    expect(readCode(cell)).toBe(expected);
  });
});

describe('foldRegionName', () => {
  const cases: [name: string, level: 'provinsi' | 'kabkota' | 'kecamatan' | 'desa', full: string, bare: string, kind: string | null][] = [
    ['Kabupaten Bogor', 'kabkota', 'kabupaten bogor', 'bogor', 'kabupaten'],
    ['KAB.  BOGOR', 'kabkota', 'kabupaten bogor', 'bogor', 'kabupaten'],
    ['Kota Bandung', 'kabkota', 'kota bandung', 'bandung', 'kota'],
    ['Kota Administrasi Jakarta Utara ', 'kabkota', 'kota administrasi jakarta utara', 'jakarta utara', 'kota'],
    ['Kab. Kep. Seribu', 'kabkota', 'kabupaten kepulauan seribu', 'kepulauan seribu', 'kabupaten'],
    ['DKI Jakarta', 'provinsi', 'daerah khusus ibukota jakarta', 'daerah khusus ibukota jakarta', null],
    ['Provinsi Jawa Barat', 'provinsi', 'provinsi jawa barat', 'jawa barat', null],
    ['Regapu’u', 'desa', 'regapuu', 'regapuu', null],
    ['Désa Sukamaju', 'desa', 'desa sukamaju', 'sukamaju', null],
    ['Tanah-Putih', 'desa', 'tanah putih', 'tanah putih', null],
    // A one-word name is never stripped to nothing.
    ['Kota', 'kabkota', 'kota', 'kota', null],
  ];
  it.each(cases)('%j at %s', (name, level, full, bare, kind) => {
    expect(foldRegionName(name, level)).toEqual({ full, bare, kind });
  });
});

describe('editDistance', () => {
  const cases: [a: string, b: string, limit: number, expected: number][] = [
    ['sukamaju', 'sukamaju', 2, 0],
    ['suka maju', 'sukamaju', 2, 1],
    ['sukamju', 'sukamaju', 2, 1],
    ['jonggol', 'jongol', 2, 1],
    ['abc', 'xyz', 2, 3],
    ['a', 'abcdef', 2, 3],
    ['', 'ab', 5, 2],
  ];
  it.each(cases)('%j vs %j (limit %i) is %i', (a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });
});
