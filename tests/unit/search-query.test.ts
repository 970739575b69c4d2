import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../server/search/query.ts';

describe('parseQuery: names', () => {
  it.each([
    ['  Kab.  BANDUNG ', { full: 'kabupaten bandung', bare: 'bandung', tokens: ['bandung'], hint: { level: 'kabkota', kind: 'kabupaten' } }],
    ['kabupaten bandung', { full: 'kabupaten bandung', bare: 'bandung', tokens: ['bandung'], hint: { level: 'kabkota', kind: 'kabupaten' } }],
    ['bandung', { full: 'bandung', bare: 'bandung', tokens: ['bandung'], hint: null }],
    ['Kota Bandung', { full: 'kota bandung', bare: 'bandung', tokens: ['bandung'], hint: { level: 'kabkota', kind: 'kota' } }],
    ['kec. Cibadak', { full: 'kecamatan cibadak', bare: 'cibadak', tokens: ['cibadak'], hint: { level: 'kecamatan' } }],
    ['Kel Sukamaju', { full: 'kelurahan sukamaju', bare: 'sukamaju', tokens: ['sukamaju'], hint: { level: 'desa' } }],
    // later level words describe an ancestor: they neither hint nor have to match
    ['sukamaju kec cibadak', { full: 'sukamaju kecamatan cibadak', bare: 'sukamaju kec cibadak', tokens: ['sukamaju', 'cibadak'], hint: null }],
    ['Kota Administrasi Jakarta Pusat', { full: 'kota administrasi jakarta pusat', bare: 'jakarta pusat', tokens: ['administrasi', 'jakarta', 'pusat'], hint: { level: 'kabkota', kind: 'kota' } }],
    // nothing but a level word: searched as the word itself
    ['kota', { full: 'kota', bare: 'kota', tokens: ['kota'], hint: null }],
    ['a', { full: 'a', bare: 'a', tokens: ['a'], hint: null }],
    // accents and apostrophes, curly or straight, fold away
    ['Regapu’u', { full: 'regapuu', bare: 'regapuu', tokens: ['regapuu'], hint: null }],
    ["REGAPU'U", { full: 'regapuu', bare: 'regapuu', tokens: ['regapuu'], hint: null }],
    ['Régapû‘u', { full: 'regapuu', bare: 'regapuu', tokens: ['regapuu'], hint: null }],
    ['Na IX-X', { full: 'na ix x', bare: 'na ix x', tokens: ['na', 'ix', 'x'], hint: null }],
  ])('%j', (text, expected) => {
    expect(parseQuery(text)).toEqual({ kind: 'name', variants: [expected] });
  });

  it('reads province nicknames both as typed and written out', () => {
    const parsed = parseQuery('NTT');
    expect(parsed.kind === 'name' && parsed.variants.map((variant) => variant.tokens)).toEqual([['ntt'], ['nusa', 'tenggara', 'timur']]);
  });
});

describe('parseQuery: codes and empty queries', () => {
  it.each([
    ['53', '53'],
    ['5301', '5301'],
    ['53.01', '5301'],
    [' 53 . 01 ', '5301'],
    ['53.01.04.2003', '5301042003'],
    ['5301042003', '5301042003'],
  ])('%j is code %s', (text, digits) => {
    expect(parseQuery(text)).toEqual({ kind: 'code', digits });
  });

  it.each(['', '   ', '...', '’', '-/-'])('%j has nothing to search for', (text) => {
    expect(parseQuery(text)).toEqual({ kind: 'empty' });
  });

  it('treats digits mixed with letters as a name', () => {
    expect(parseQuery('Koto 2')).toMatchObject({ kind: 'name', variants: [{ tokens: ['koto', '2'] }] });
  });
});
