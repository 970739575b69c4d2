import { describe, expect, it } from 'vitest';
import { buildRegionIndex, type IndexedRegion } from '../../server/search/region-index.ts';
import { rankKey, TopKeys } from '../../server/search/ranking.ts';

// Real names and codes (Kepmendagri 2025), except the two desa Sukamaju, placed where the question
// "which Sukamaju?" is easiest to see. Given out of code order on purpose.
const REGIONS: IndexedRegion[] = [
  { kode: '32.02.11.2901', level: 'desa', nama: 'Sukamaju', parent: '32.02.11' },
  { kode: '32', level: 'provinsi', nama: 'Jawa Barat', parent: null },
  { kode: '32.01', level: 'kabkota', nama: 'Kabupaten Bogor', parent: '32' },
  { kode: '32.01.06', level: 'kecamatan', nama: 'Cigudeg', parent: '32.01' },
  { kode: '32.01.06.2901', level: 'desa', nama: 'Sukamaju', parent: '32.01.06' },
  { kode: '32.02', level: 'kabkota', nama: 'Kabupaten Sukabumi', parent: '32' },
  { kode: '32.02.11', level: 'kecamatan', nama: 'Cibadak', parent: '32.02' },
  { kode: '32.04', level: 'kabkota', nama: 'Kabupaten Bandung', parent: '32' },
  { kode: '32.17', level: 'kabkota', nama: 'Kabupaten Bandung Barat', parent: '32' },
  { kode: '32.73', level: 'kabkota', nama: 'Kota Bandung', parent: '32' },
  { kode: '32.73.09', level: 'kecamatan', nama: 'Bandung Wetan', parent: '32.73' },
  { kode: '33', level: 'provinsi', nama: 'Jawa Tengah', parent: null },
  { kode: '33.05', level: 'kabkota', nama: 'Kabupaten Kebumen', parent: '33' },
  { kode: '33.05.12', level: 'kecamatan', nama: 'Kebumen', parent: '33.05' },
  { kode: '33.05.12.2019', level: 'desa', nama: 'Bandung', parent: '33.05.12' },
  { kode: '36', level: 'provinsi', nama: 'Banten', parent: null },
  { kode: '36.03', level: 'kabkota', nama: 'Kabupaten Tangerang', parent: '36' },
  { kode: '36.03.27', level: 'kecamatan', nama: 'Sukamulya', parent: '36.03' },
  { kode: '51', level: 'provinsi', nama: 'Bali', parent: null },
  { kode: '51.71', level: 'kabkota', nama: 'Kota Denpasar', parent: '51' },
  { kode: '51.71.01', level: 'kecamatan', nama: 'Denpasar Selatan', parent: '51.71' },
  { kode: '53', level: 'provinsi', nama: 'Nusa Tenggara Timur', parent: null },
  { kode: '53.01', level: 'kabkota', nama: 'Kabupaten Kupang', parent: '53' },
  { kode: '53.01.04', level: 'kecamatan', nama: 'Semau', parent: '53.01' },
  { kode: '53.01.04.2003', level: 'desa', nama: 'Bokonusan', parent: '53.01.04' },
  { kode: '53.07', level: 'kabkota', nama: 'Kabupaten Sikka', parent: '53' },
  { kode: '53.07.01', level: 'kecamatan', nama: 'Paga', parent: '53.07' },
  { kode: '53.07.01.2021', level: 'desa', nama: 'Regapu’u', parent: '53.07.01' },
  { kode: '53.71', level: 'kabkota', nama: 'Kota Kupang', parent: '53' },
];
const index = buildRegionIndex(REGIONS);
const search = (q: string, options: { limit?: number; level?: IndexedRegion['level']; within?: string } = {}) =>
  index.search(q, { limit: 10, ...options });
const found = (q: string, options?: Parameters<typeof search>[1]) => search(q, options).map((hit) => `${hit.kode} ${hit.match}`);

describe('region search ranking', () => {
  it.each([
    // exact names first (kabupaten before kota by code), then names that start with the query
    ['bandung', ['32.04 exact', '32.73 exact', '33.05.12.2019 exact', '32.17 prefix', '32.73.09 prefix']],
    // a leading level word puts regions of that level first, without hiding the others
    ['kab bandung', ['32.04 exact', '32.17 prefix', '32.73 exact', '33.05.12.2019 exact', '32.73.09 prefix']],
    ['kota bandung', ['32.73 exact', '32.04 exact', '33.05.12.2019 exact', '32.17 prefix', '32.73.09 prefix']],
    ['desa bandung', ['33.05.12.2019 exact', '32.04 exact', '32.73 exact', '32.17 prefix', '32.73.09 prefix']],
    // a word inside the name ranks after names that start with the query
    ['barat', ['32 prefix', '32.17 prefix']],
    ['wetan', ['32.73.09 prefix']],
    // higher levels first among equals: the province, then the kabupaten named after it
    ['kupang', ['53.01 exact', '53.71 exact']],
    ['kebumen', ['33.05 exact', '33.05.12 exact']],
    // typos: a whole word misspelt ranks above a word that only starts alike
    ['Sukamju', ['32.01.06.2901 typo', '32.02.11.2901 typo', '36.03.27 typo']],
    ['denpasr', ['51.71 typo', '51.71.01 typo']],
    ['dnepasar', ['51.71 typo', '51.71.01 typo']],
    ['bnadung', ['32.04 typo', '32.17 typo', '32.73 typo', '32.73.09 typo', '33.05.12.2019 typo']],
    // no typos in words under four letters: "pga" is not Paga
    ['pga', []],
    // accents and apostrophes
    ["regapu'u", ['53.07.01.2021 exact']],
    ['REGAPUU', ['53.07.01.2021 exact']],
    ['regap', ['53.07.01.2021 prefix']],
    // words of the ancestors tell same-named desa apart
    ['sukamaju cibadak', ['32.02.11.2901 prefix']],
    ['sukamaju kec. cibadak', ['32.02.11.2901 prefix']],
    ['sukamaju bogor', ['32.01.06.2901 prefix']],
    // but a hit's own name must match something: "jawa tengah" is not every region in it;
    // Bandung Barat is found because "barat" is in its own name and "jawa" in its province's
    ['jawa tengah', ['33 exact']],
    ['jawa barat', ['32 exact', '32.17 prefix']],
    // codes, with or without dots: the region, then its descendants by level
    ['53.01', ['53.01 code', '53.01.04 code', '53.01.04.2003 code']],
    ['5301', ['53.01 code', '53.01.04 code', '53.01.04.2003 code']],
    ['53.01.04.2003', ['53.01.04.2003 code']],
    ['5', ['51 code', '53 code', '51.71 code', '53.01 code', '53.07 code', '53.71 code', '51.71.01 code', '53.01.04 code', '53.07.01 code', '53.01.04.2003 code']],
    ['99', []],
    // nothing left to search for after folding
    ['...', []],
    ['’', []],
  ])('%j finds %j', (q, expected) => {
    expect(found(q)).toEqual(expected);
  });

  it('finds by a single letter, provinces first', () => {
    expect(found('b').slice(0, 4)).toEqual(['36 prefix', '51 prefix', '32.01 prefix', '32.04 prefix']);
  });

  it('says where each hit is, so the same name in two places can be told apart', () => {
    const hits = search('sukamaju', { level: 'desa' });
    expect(hits.map((hit) => hit.label)).toEqual([
      'Sukamaju — Kec. Cigudeg, Kab. Bogor, Jawa Barat',
      'Sukamaju — Kec. Cibadak, Kab. Sukabumi, Jawa Barat',
    ]);
    expect(hits[1]?.ancestors).toEqual([
      { kode: '32', level: 'provinsi', nama: 'Jawa Barat' },
      { kode: '32.02', level: 'kabkota', nama: 'Kabupaten Sukabumi' },
      { kode: '32.02.11', level: 'kecamatan', nama: 'Cibadak' },
    ]);
    expect(search('jawa barat')[0]).toMatchObject({ nama: 'Jawa Barat', ancestors: [], label: 'Jawa Barat' });
  });

  it('filters by level and by an ancestor, and stops at the limit', () => {
    expect(found('bandung', { level: 'desa' })).toEqual(['33.05.12.2019 exact']);
    expect(found('sukamaju', { within: '32.02' })).toEqual(['32.02.11.2901 exact']);
    expect(found('53', { within: '53.01', limit: 2 })).toEqual(['53.01.04 code', '53.01.04.2003 code']);
    // within excludes the region itself
    expect(found('kupang', { within: '53.01' })).toEqual([]);
    expect(found('bandung', { limit: 2 })).toEqual(['32.04 exact', '32.73 exact']);
  });

  it('knows which codes exist', () => {
    expect([index.size, index.has('53.01'), index.has('53.99'), index.has('ID')]).toEqual([REGIONS.length, true, false, false]);
  });
});

describe('rankKey and TopKeys', () => {
  const key = (tier: Parameters<typeof rankKey>[0]['tier'], levelRank: number, position: number, edits = 0, hintMismatch = false) =>
    rankKey({ tier, levelRank, position, edits, hintMismatch });

  it('orders by hint, tier, edits, level, then code order', () => {
    const keys = [
      key('exact', 3, 5, 0, true),
      key('typo', 0, 1, 3),
      key('typo', 1, 0, 2),
      key('word-prefix', 0, 9),
      key('name-prefix', 3, 0),
      key('exact', 1, 7),
      key('exact', 1, 2),
      key('exact', 0, 8),
    ];
    expect([...keys].sort((a, b) => a - b)).toEqual([...keys].reverse());
  });

  it('keeps the smallest keys, smallest first', () => {
    const top = new TopKeys(3);
    for (const value of [9, 4, 7, 1, 8, 4, 2]) top.offer(value);
    expect(top.keys).toEqual([1, 2, 4]);
  });
});
