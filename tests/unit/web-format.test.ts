import { describe, expect, it } from 'vitest';
import { formatBreak, formatRupiahShort, formatValue } from '../../web/format/number.ts';
import { describeValue, valueText } from '../../web/format/region-value.ts';

describe('formatValue', () => {
  it.each([
    [35.3, '%', '35,3%'],
    [8, '%', '8,0%'],
    [21.65, '%', '21,7%'],
    [0, '%', '0,0%'],
    [-1.25, '%', '-1,3%'],
    [1234.5, 'kasus', '1.234,5 kasus'],
    [12, '', '12,0'],
    [11219607346, 'Rp', 'Rp 11.219.607.346'],
    [753006.671, 'Rp/anak', 'Rp 753.007/anak'],
    [72, 'skor', 'skor 72'],
    [436, 'kasus', '436 kasus'],
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

describe('formatRupiahShort', () => {
  it.each([
    [8_300_000_000, 'Rp 8,3 miliar'],
    [590_000, 'Rp 590 ribu'],
    [1_200_000_000_000, 'Rp 1,2 triliun'],
    [25_000_000, 'Rp 25 juta'],
    [500, 'Rp 500'],
  ])('%d is shown as %s', (value, expected) => {
    expect(formatRupiahShort(value)).toBe(expected);
  });
});

describe('describeValue (the tooltip)', () => {
  const coverage = { unit: '%', categories: null, levels: ['provinsi', 'kabkota', 'kecamatan', 'desa'] };

  it('says a roll-up is demonstration data, with its fraction and how many desa reported', () => {
    const text = describeValue(
      { value: 65.0677, numerator: 529, denominator: 813, source: 'Data demonstrasi', demo: true, basis: 'rollup', reporting: 8, expected: 10 },
      coverage,
    );
    expect(text).toEqual({
      value: '65,1%',
      details: ['529 dari 813', 'dari 8/10 desa/kelurahan melapor'],
      demo: true,
      source: null,
      note: null,
    });
  });

  it('names the source and the note of a real figure', () => {
    const text = describeValue(
      { value: 34.6, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct', note: 'Angka Papua sebelum pemekaran 2022' },
      { unit: '%', categories: null, levels: ['provinsi', 'kabkota'] },
    );
    expect(text.source).toBe('Sumber: SSGI 2022, Kemenkes');
    expect(text.note).toBe('Angka Papua sebelum pemekaran 2022');
    expect(text.details).toEqual([]);
  });

  it('counts kab/kota for a roll-up of an indicator reported per kab/kota, and shows money per child', () => {
    const text = describeValue(
      { value: 753006.671, numerator: 1803221310117, denominator: 2394695, source: 'x', demo: true, basis: 'rollup', reporting: 23, expected: 23 },
      { unit: 'Rp/anak', categories: null, levels: ['provinsi', 'kabkota'] },
    );
    expect(text.value).toBe('Rp 753.007/anak');
    expect(text.details).toEqual(['Rp 1.803.221.310.117 untuk 2.394.695 anak', 'dari 23/23 kabupaten/kota melapor']);
  });

  it('writes a category by its name', () => {
    expect(valueText(2, { unit: 'status', categories: ['Belum', 'Proses', 'Selesai'] })).toBe('Selesai');
  });
});
