import { describe, expect, it } from 'vitest';
import { LevelValues } from '../../server/values/level-values.ts';
import { roundValue, valuesJson } from '../../server/values/values-json.ts';

const HEAD = { indicator: 'IH-1', period: '2024', level: 'desa', parent: null, unit: '%' };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** What JSON.stringify makes of the same values, field by field in the documented order. */
function reference(entries: [string, Record<string, unknown>][], sources: string[]) {
  return JSON.stringify({ ...HEAD, sources, values: Object.fromEntries(entries) });
}

describe('valuesJson', () => {
  it.each([
    0, -0, 1, 35.3, 12.34565, 12.34555, 0.00004, 0.00005, -0.00005, -7.25, 99.99999, 1e-7, 123456789.12345, 1.5e12, 9.87654321e14, 3.3e17, 1e21, 2 ** 53 + 2,
  ])('writes the value %d exactly as JSON.stringify writes roundValue of it', (value) => {
    const values = new LevelValues('desa', 0, 1);
    values.set(0, { value, numerator: null, denominator: null, source: 'S', demo: false, basis: 'direct' });
    expect(text(valuesJson(HEAD, values, ['51.71.01.1001']))).toBe(reference([['51.71.01.1001', { value: roundValue(value), source: 0 }]], ['S']));
  });

  it.each([0, 7, 12.5, -3, 1e300, 2 ** 53, 4.1e-9])('writes the numerator %d exactly as JSON.stringify does', (numerator) => {
    const values = new LevelValues('desa', 0, 1);
    values.set(0, { value: 1, numerator, denominator: 40, source: 'S', demo: true, basis: 'direct' });
    expect(text(valuesJson(HEAD, values, ['51.71.01.1001']))).toBe(
      reference([['51.71.01.1001', { value: 1, numerator, denominator: 40, source: 0, demo: true }]], ['S']),
    );
  });

  it('leaves out regions without a value, numbers sources in order of use, and keeps optional fields in order', () => {
    const values = new LevelValues('kabkota', 10, 14);
    values.set(1, { value: 55.5, numerator: null, denominator: null, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct', inheritedFrom: '91.01', note: 'Angka “lama”' });
    values.set(2, { value: 2, numerator: 10, denominator: null, source: 'Agregasi', demo: true, basis: 'rollup', reporting: 3, expected: 4, distribution: [1, 2, 0] });
    values.set(3, { value: 1, numerator: null, denominator: null, source: 'unused', demo: false, basis: 'direct' });
    values.set(3, { value: 1, numerator: null, denominator: null, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct' });
    const kodes = Array.from({ length: 20 }, (_, i) => `93.${String(i).padStart(2, '0')}`);
    expect(text(valuesJson(HEAD, values, kodes))).toBe(
      reference(
        [
          ['93.11', { value: 55.5, source: 0, inheritedFrom: '91.01', note: 'Angka “lama”' }],
          ['93.12', { value: 2, numerator: 10, source: 1, demo: true, basis: 'rollup', reporting: 3, expected: 4, distribution: [1, 2, 0] }],
          ['93.13', { value: 1, source: 0 }],
        ],
        ['SSGI 2022, Kemenkes', 'Agregasi'],
      ),
    );
  });

  it('agrees with JSON.stringify on 20,000 seeded values of every magnitude', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const size = 20_000;
    const values = new LevelValues('desa', 0, size);
    const entries: [string, Record<string, unknown>][] = [];
    for (let i = 0; i < size; i++) {
      const value = (next() - 0.2) * 10 ** Math.floor(next() * 16 - 4);
      const numerator = Math.floor(next() * 5000) / (next() < 0.5 ? 1 : 8);
      values.set(i, { value, numerator, denominator: 5000, source: 'S', demo: false, basis: 'direct' });
      entries.push([`k${i}`, { value: roundValue(value), numerator, denominator: 5000, source: 0 }]);
    }
    const kodes = entries.map(([kode]) => kode);
    expect(text(valuesJson(HEAD, values, kodes))).toBe(reference(entries, ['S']));
  });

  it('is valid JSON with no values at all', () => {
    expect(JSON.parse(text(valuesJson(HEAD, new LevelValues('desa', 0, 0), [])))).toMatchObject({ sources: [], values: {} });
  });
});
