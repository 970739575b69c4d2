import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

interface Ref {
  kode: string;
  level: string;
  nama: string;
}
interface Hit extends Ref {
  ancestors: Ref[];
  match: string;
  label: string;
}

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

async function search(query: string): Promise<{ q: string; hits: Hit[] }> {
  const response = await app.request(`/api/search?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { q: string; hits: Hit[] };
}

describe('GET /api/search', () => {
  it('finds every desa named Sukamaju, each told apart by its ancestors', async () => {
    const { q, hits } = await search('q=%20Sukamaju%20&limit=50');
    expect(q).toBe('Sukamaju');
    expect(hits).toHaveLength(50);
    // Kepmendagri 2025 has one kecamatan and 65 desa named Sukamaju; the kecamatan comes first.
    expect(hits[0]).toMatchObject({ kode: '73.22.06', level: 'kecamatan', nama: 'Sukamaju', match: 'exact' });
    expect(hits.every((hit) => hit.nama === 'Sukamaju' && hit.match === 'exact')).toBe(true);
    expect(hits.slice(1).every((hit) => hit.level === 'desa' && hit.ancestors.length === 3)).toBe(true);
    expect(new Set(hits.map((hit) => JSON.stringify(hit.ancestors))).size).toBe(50);
    expect(new Set(hits.map((hit) => hit.label)).size).toBe(50);
    // each hit's ancestors run from its provinsi down to its parent
    for (const hit of hits) {
      expect(hit.ancestors.map((a) => a.kode)).toEqual(hit.ancestors.map((_, i) => hit.kode.split('.').slice(0, i + 1).join('.')));
    }
    expect(hits.map((hit) => hit.kode)).toEqual([...hits.map((hit) => hit.kode)].sort((a, b) => (a.length - b.length) || (a < b ? -1 : 1)));
  });

  it('labels a hit with its kecamatan, kabupaten and provinsi', async () => {
    const { hits } = await search('q=sukamaju&within=32.02.03');
    expect(hits).toEqual([
      {
        kode: '32.02.03.2004', level: 'desa', nama: 'Sukamaju', match: 'exact',
        ancestors: [
          { kode: '32', level: 'provinsi', nama: 'Jawa Barat' },
          { kode: '32.02', level: 'kabkota', nama: 'Kabupaten Sukabumi' },
          { kode: '32.02.03', level: 'kecamatan', nama: 'Cikakak' },
        ],
        label: 'Sukamaju — Kec. Cikakak, Kab. Sukabumi, Jawa Barat',
      },
    ]);
  });

  it('limits hits to the descendants of `within`', async () => {
    const { hits } = await search('q=sukamaju&within=32.02');
    const exact = hits.filter((hit) => hit.match === 'exact');
    expect(exact.map((hit) => hit.kode)).toEqual(['32.02.03.2004', '32.02.10.2006', '32.02.30.2008', '32.02.36.2002', '32.02.39.2003', '32.02.46.2002']);
    expect(hits.every((hit) => hit.kode.startsWith('32.02.'))).toBe(true);
  });

  it('narrows "sukamaju sukabumi" to the Sukamaju in Kabupaten Sukabumi', async () => {
    const { hits } = await search('q=sukamaju%20sukabumi');
    expect(hits.slice(0, 6).map((hit) => hit.kode)).toEqual(['32.02.03.2004', '32.02.10.2006', '32.02.30.2008', '32.02.36.2002', '32.02.39.2003', '32.02.46.2002']);
  });

  it.each([
    ['53.01', '53.01', 'Kabupaten Kupang'],
    ['5301', '53.01', 'Kabupaten Kupang'],
    ['53.01.04.2003', '53.01.04.2003', 'Bokonusan'],
    ['5301042003', '53.01.04.2003', 'Bokonusan'],
  ])('finds code %s: %s %s first, then its descendants', async (q, kode, nama) => {
    const { hits } = await search(`q=${q}`);
    expect(hits[0]).toMatchObject({ kode, nama, match: 'code' });
    expect(hits.every((hit) => hit.kode.startsWith(kode) && hit.match === 'code')).toBe(true);
  });

  it('lists the kecamatan of Kabupaten Kupang for 53.01 in code order after the kabupaten', async () => {
    const { hits } = await search('q=53.01&limit=4');
    expect(hits.map((hit) => `${hit.kode} ${hit.nama}`)).toEqual(['53.01 Kabupaten Kupang', '53.01.04 Semau', '53.01.05 Kupang Barat', '53.01.06 Kupang Timur']);
  });

  it.each([
    ['q=kab%20bandung', ['32.04', '32.17']],
    ['q=bandung', ['32.04', '32.73']],
    ['q=kota%20bandung', ['32.73', '32.04']],
    ['q=denpasr', ['51.71', '51.71.01']],
    ['q=Sukamju&level=desa', ['12.06.04.2023', '12.07.23.2012']],
    ["q=Regapu'u", ['53.07.01.2021']],
    ['q=REGAPU%E2%80%99U', ['53.07.01.2021']],
    ['q=kupang&level=kecamatan', ['53.01.05', '53.01.06']],
    ['q=jakarta%20pusat', ['31.71']],
    ['q=ntt', ['53']],
  ])('%s starts with %j', async (query, kodes) => {
    const { hits } = await search(query);
    expect(hits.slice(0, kodes.length).map((hit) => hit.kode)).toEqual(kodes);
  });

  it('marks typo matches as such', async () => {
    const { hits } = await search('q=denpasr&limit=3');
    expect(hits.map((hit) => `${hit.nama} ${hit.match}`)).toEqual(['Kota Denpasar typo', 'Denpasar Selatan typo', 'Denpasar Timur typo']);
  });

  it('returns no hits, not an error, for a query with nothing to search for', async () => {
    expect(await search('q=...')).toEqual({ q: '...', hits: [] });
  });

  it.each([
    ['', 400, /q is required/],
    ['q=', 400, /q must not be blank/],
    ['q=%20%20', 400, /q must not be blank/],
    [`q=${'a'.repeat(101)}`, 400, /at most 100 characters/],
    ['q=bandung&limit=0', 400, /limit must be a whole number from 1 to 50/],
    ['q=bandung&limit=51', 400, /limit must be a whole number from 1 to 50/],
    ['q=bandung&limit=ten', 400, /limit must be a whole number from 1 to 50/],
    ['q=bandung&limit=2.5', 400, /limit must be a whole number from 1 to 50/],
    ['q=bandung&level=negara', 400, /level must be one of provinsi, kabkota, kecamatan, desa/],
    ['q=bandung&within=32-04', 400, /Kemendagri code/],
    ['q=bandung&within=53.99', 404, /within: no region with code 53.99/],
  ])('?%s is a %i problem that says what to fix', async (query, status, message) => {
    const response = await app.request(`/api/search?${query}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { status: number; detail: string };
    expect(body.status).toBe(status);
    expect(body.detail).toMatch(message);
  });
});
