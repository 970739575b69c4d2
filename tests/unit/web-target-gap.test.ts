import { afterEach, describe, expect, it } from 'vitest';
import { targetGap, targetGapText } from '../../web/format/target-gap.ts';
import { setLanguage } from '../../web/i18n/i18n.ts';

afterEach(() => setLanguage('id'));

describe('targetGap', () => {
  it.each([
    // value, target, direction, expected
    [35.3, 14, 'lower', { met: false, gap: 21.3, side: 'above' }],
    [12, 14, 'lower', { met: true, gap: 2, side: 'below' }],
    [14, 14, 'lower', { met: true, gap: 0, side: 'at' }],
    [81.2, 90, 'higher', { met: false, gap: 8.8, side: 'below' }],
    [95, 90, 'higher', { met: true, gap: 5, side: 'above' }],
    [90, 90, 'higher', { met: true, gap: 0, side: 'at' }],
    [-5, 0, 'higher', { met: false, gap: 5, side: 'below' }],
  ] as const)('%d against %d (%s is better)', (value, target, direction, expected) => {
    const gap = targetGap(value, target, direction);
    expect(gap?.met).toBe(expected.met);
    expect(gap?.side).toBe(expected.side);
    expect(gap?.gap).toBeCloseTo(expected.gap, 9);
  });

  it('has nothing to say without a target or a direction', () => {
    expect(targetGap(35, null, 'lower')).toBeNull();
    expect(targetGap(35, undefined, 'lower')).toBeNull();
    expect(targetGap(35, 14, 'none')).toBeNull();
    expect(targetGap(Number.NaN, 14, 'lower')).toBeNull();
  });
});

describe('targetGapText', () => {
  it('says how far and which way, in Indonesian', () => {
    expect(targetGapText(35.3, 14, 'lower', '%')).toBe('21,3 poin di atas target 14%');
    expect(targetGapText(81.2, 90, 'higher', '%')).toBe('8,8 poin di bawah target 90%');
    expect(targetGapText(12, 14, 'lower', '%')).toBe('mencapai target 14%');
    expect(targetGapText(60, 80, 'higher', 'skor')).toBe('skor 20 di bawah target skor 80');
  });

  it('and in English', () => {
    setLanguage('en');
    expect(targetGapText(35.3, 14, 'lower', '%')).toBe('21.3 points above the 14% target');
    expect(targetGapText(81.2, 90, 'higher', '%')).toBe('8.8 points below the 90% target');
    expect(targetGapText(95, 90, 'higher', '%')).toBe('meets the 90% target');
  });

  it('is null without a target', () => {
    expect(targetGapText(35.3, null, 'lower', '%')).toBeNull();
  });
});
