import { describe, expect, it } from 'vitest';
import { breaksToText, MAX_BREAKS, parseBreaks, parseLocalNumber } from '../../web/map/manual-breaks.ts';

describe('parseLocalNumber', () => {
  it.each([
    ['14', 'id', 14],
    ['14,5', 'id', 14.5],
    ['14.5', 'id', 14.5], // an English decimal point pasted into the Indonesian page
    ['1.500', 'id', 1500],
    ['8.300.000.000', 'id', 8_300_000_000],
    ['1.234,5', 'id', 1234.5],
    ['0.125', 'id', 0.125],
    ['-3,5', 'id', -3.5],
    ['−3,5', 'id', -3.5],
    ['8,3 miliar', 'id', 8_300_000_000],
    ['590 ribu', 'id', 590_000],
    ['2 jt', 'id', 2_000_000],
    ['Rp 1,2 juta', 'id', 1_200_000],
    ['14%', 'id', 14],
    ['14.5', 'en', 14.5],
    ['1,500', 'en', 1500],
    ['14,5', 'en', 14.5],
    ['2.5 billion', 'en', 2_500_000_000],
  ] as const)('%s (%s) is %d', (text, lang, expected) => {
    expect(parseLocalNumber(text, lang)).toBe(expected);
  });

  it.each(['abc', '', '1,2,3', '14 apel', '--5', '1..2'])('%s is not a number', (text) => {
    expect(parseLocalNumber(text, 'id')).toBeNull();
  });
});

describe('parseBreaks', () => {
  it('reads breaks separated by semicolons, with decimal commas', () => {
    expect(parseBreaks('10; 14,5; 20', 'id')).toEqual({ ok: true, breaks: [10, 14.5, 20], tidied: false });
  });

  it('reads spaces, line breaks and comma-space as separators, keeping "8,3 miliar" together', () => {
    expect(parseBreaks('10 20\n30', 'id')).toMatchObject({ ok: true, breaks: [10, 20, 30] });
    expect(parseBreaks('10, 20, 30', 'en')).toMatchObject({ ok: true, breaks: [10, 20, 30] });
    expect(parseBreaks('5 miliar; 8,3 miliar', 'id')).toMatchObject({ ok: true, breaks: [5e9, 8.3e9] });
  });

  it('sorts unsorted breaks and drops repeats, and says it did', () => {
    expect(parseBreaks('30; 10; 20; 10', 'id')).toEqual({ ok: true, breaks: [10, 20, 30], tidied: true });
  });

  it('accepts negative breaks (change mode)', () => {
    expect(parseBreaks('-5; 0; 5', 'id')).toMatchObject({ ok: true, breaks: [-5, 0, 5] });
  });

  it('says what is wrong: nothing written', () => {
    expect(parseBreaks('  ; ', 'id')).toEqual({ ok: false, problem: { key: 'legend.manual.empty' } });
  });

  it('names the piece that is not a number', () => {
    expect(parseBreaks('10; sepuluh; 30', 'id')).toEqual({
      ok: false,
      problem: { key: 'legend.manual.notNumber', params: { text: 'sepuluh' } },
    });
  });

  it('asks for semicolons when numbers are separated by bare commas', () => {
    expect(parseBreaks('10,20,30', 'id')).toEqual({
      ok: false,
      problem: { key: 'legend.manual.useSemicolons', params: { text: '10,20,30' } },
    });
  });

  it('refuses more breaks than there are colours for', () => {
    const text = Array.from({ length: MAX_BREAKS + 1 }, (_, i) => i + 1).join('; ');
    expect(parseBreaks(text, 'id')).toEqual({
      ok: false,
      problem: { key: 'legend.manual.tooMany', params: { max: MAX_BREAKS, count: MAX_BREAKS + 1 } },
    });
  });
});

describe('breaksToText', () => {
  it('writes breaks back as a person types them, and they read back the same', () => {
    const breaks = [-2.5, 14, 1_500_000];
    expect(breaksToText(breaks, 'id')).toBe('-2,5; 14; 1.500.000');
    expect(breaksToText(breaks, 'en')).toBe('-2.5; 14; 1,500,000');
    for (const lang of ['id', 'en'] as const) {
      expect(parseBreaks(breaksToText(breaks, lang), lang)).toMatchObject({ ok: true, breaks });
    }
  });
});
