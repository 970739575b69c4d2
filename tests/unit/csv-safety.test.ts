import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toSafeCsv } from '../../server/csv-safety.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+62 812', `'+62 812`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\uFF1DSUM(A1)', `'\uFF1DSUM(A1)`],
    ['Kabupaten Kupang', 'Kabupaten Kupang'],
    ['', ''],
  ])('%j becomes %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(neutraliseFormula(-3.5)).toBe(-3.5);
  });
});

describe('toSafeCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    expect(toSafeCsv([{ kode: '53', nama: 'Nusa, "Tenggara"', nilai: 35.3 }])).toBe('kode,nama,nilai\n53,"Nusa, ""Tenggara""",35.3\n');
  });

  it('writes nothing but an empty header line for no rows', () => {
    expect(toSafeCsv([])).toBe('\n');
  });
});
