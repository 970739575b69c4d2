import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../web/format/date.ts';
import { formatBreak, formatCount, formatRupiahShort, formatTarget, formatValue } from '../../web/format/number.ts';
import { categoryLabel, describeValue, valueText } from '../../web/format/region-value.ts';
import { setLanguage } from '../../web/i18n/i18n.ts';

// Every test starts in Bahasa Indonesia, the page's default; the English ones switch and are switched back.
afterEach(() => setLanguage('id'));

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
      details: ['529 dari 813', '8 dari 10 desa/kelurahan melapor (agregasi)'],
      rank: null,
      parent: null,
      gap: null,
      demo: true,
      source: null,
      period: null,
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
    expect(text.details).toEqual(['Rp 1.803.221.310.117 untuk 2.394.695 anak', '23 dari 23 kabupaten/kota melapor (agregasi)']);
  });

  it('writes a category by its name', () => {
    expect(valueText(2, { unit: 'status', categories: ['Belum', 'Proses', 'Selesai'] })).toBe('Selesai');
  });
});

describe('describeValue with its context (rank, parent, target, period)', () => {
  const prevalence = { unit: '%', categories: null, levels: ['provinsi', 'kabkota'], direction: 'lower' as const, target: 14 };
  const ntt = { value: 35.3, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct' as const };
  const context = { rank: { rank: 38, of: 38 }, level: 'provinsi' as const, parent: { name: 'Indonesia', value: 21.6 }, period: '2022' };

  it('says the rank among siblings, the gap to the target, the parent and the period, in Indonesian', () => {
    const text = describeValue(ntt, prevalence, context);
    expect(text.rank).toBe('peringkat 38 dari 38 provinsi');
    expect(text.gap).toBe('21,3 poin di atas target 14%');
    expect(text.parent).toBe('Angka Indonesia: 21,6%');
    expect(text.source).toBe('Sumber: SSGI 2022, Kemenkes');
    expect(text.period).toBe('periode 2022');
  });

  it('says the same in English, with English numbers', () => {
    setLanguage('en');
    const text = describeValue({ ...ntt, numerator: 1234, denominator: 5678 }, prevalence, context);
    expect(text.value).toBe('35.3%');
    expect(text.details).toEqual(['1,234 of 5,678']);
    expect(text.rank).toBe('rank 38 of 38 provinces');
    expect(text.gap).toBe('21.3 points above the 14% target');
    expect(text.parent).toBe('Indonesia as a whole: 21.6%');
    expect(text.source).toBe('Source: SSGI 2022, Kemenkes');
    expect(text.period).toBe('period 2022');
  });

  it('gives no gap for an indicator without a target, and no rank when none is known', () => {
    const text = describeValue(ntt, { ...prevalence, target: null }, {});
    expect(text.gap).toBeNull();
    expect(text.rank).toBeNull();
    expect(text.parent).toBeNull();
  });
});

describe('numbers, units and dates in both languages', () => {
  it.each([
    [35.3, '%', '35,3%', '35.3%'],
    [1234.5, 'kasus', '1.234,5 kasus', '1,234.5 cases'],
    [72, 'skor', 'skor 72', 'score 72'],
    [11219607346, 'Rp', 'Rp 11.219.607.346', 'Rp 11,219,607,346'],
    [753006.671, 'Rp/anak', 'Rp 753.007/anak', 'Rp 753,007/child'],
  ])('%d %s: "%s" in Indonesian, "%s" in English', (value, unit, id, en) => {
    expect(formatValue(value, unit)).toBe(id);
    setLanguage('en');
    expect(formatValue(value, unit)).toBe(en);
  });

  it('writes counts, targets and short money in the language of the page', () => {
    expect([formatCount(1234567), formatTarget(14, '%'), formatTarget(12.5, '%'), formatRupiahShort(8_300_000_000)]).toEqual([
      '1.234.567',
      '14%',
      '12,5%',
      'Rp 8,3 miliar',
    ]);
    setLanguage('en');
    expect([formatCount(1234567), formatTarget(14, '%'), formatTarget(12.5, '%'), formatRupiahShort(8_300_000_000)]).toEqual([
      '1,234,567',
      '14%',
      '12.5%',
      'Rp 8.3 billion',
    ]);
  });

  it('writes the day of the last import as people do, and leaves a non-date alone', () => {
    // Noon UTC is the same day in every Indonesian time zone (UTC+7 to +9) and in the test machine's.
    expect(formatDate('2026-11-27T12:00:00Z')).toBe('27 Nov 2026');
    expect(formatDate('2026-08-03T12:00:00Z')).toBe('3 Agu 2026');
    setLanguage('en');
    expect(formatDate('2026-08-03T12:00:00Z')).toBe('3 Aug 2026');
    expect(formatDate('kemarin')).toBe('kemarin');
  });

  it('translates the aksi statuses but keeps the names of the kinerja categories', () => {
    setLanguage('en');
    expect(['Belum', 'Proses', 'Selesai', 'Berdaya'].map(categoryLabel)).toEqual(['Not started', 'In progress', 'Completed', 'Berdaya']);
    expect(valueText(1, { unit: 'status', categories: ['Belum', 'Proses', 'Selesai'] })).toBe('In progress');
  });
});
