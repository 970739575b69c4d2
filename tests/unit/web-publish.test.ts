import { afterEach, describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, parseEmbedOptions } from '../../web/embed/embed-options.ts';
import { altText, type AltTextInput } from '../../web/export/alt-text.ts';
import { metresPerPixel, scaleBar } from '../../web/export/scale-bar.ts';
import { parseCsv, storedZip } from '../../web/export/xlsx.ts';
import { setLanguage } from '../../web/i18n/i18n.ts';
import { parseView } from '../../web/state/view.ts';

afterEach(() => setLanguage('id'));

const NTT: AltTextInput = {
  indicator: 'Prevalensi stunting',
  unit: '%',
  target: 14,
  direction: 'lower',
  level: 'kabkota',
  regionName: 'Nusa Tenggara Timur',
  period: '2022',
  regions: [
    { nama: 'Kota Kupang', value: 25.4 },
    { nama: 'Timor Tengah Selatan', value: 48.3 },
    { nama: 'Sumba Barat', value: 13.2 },
    { nama: 'Alor', value: null },
  ],
  demo: false,
};

describe('altText', () => {
  it('says where, what, how many miss the target, the highest and lowest, and what is missing', () => {
    expect(altText(NTT)).toBe(
      'Peta Prevalensi stunting per kabupaten/kota di Nusa Tenggara Timur, 2022. ' +
        '2 dari 3 kabupaten/kota berada di atas target 14%. ' +
        'Tertinggi Timor Tengah Selatan (48,3%), terendah Sumba Barat (13,2%). 1 kabupaten/kota tanpa data.',
    );
  });

  it('is in English when the page is', () => {
    setLanguage('en');
    expect(altText({ ...NTT, regionName: null, level: 'provinsi', demo: true })).toBe(
      'Map of Prevalensi stunting by province in Indonesia, 2022. 2 of 3 provinces are above the target of 14%. ' +
        'Highest Timor Tengah Selatan (48.3%), lowest Sumba Barat (13.2%). 1 province without data. ' +
        'Some or all figures are demonstration data, not real data.',
    );
  });

  it('agrees in number in English: one region is, two regions are', () => {
    setLanguage('en');
    const two = { ...NTT, regions: [...NTT.regions, { nama: 'Rote Ndao', value: null }] };
    expect(altText({ ...two, target: 30 })).toContain('1 of 3 regencies/cities is above the target of 30%. ');
    expect(altText({ ...two, target: 30 })).toContain('2 regencies/cities without data.');
    expect(altText({ ...NTT, target: 20, level: 'desa' })).toContain('2 of 3 villages are above the target of 20%. ');
    expect(altText({ ...NTT, level: 'desa' })).toContain('1 village without data.');
    expect(altText({ ...NTT, level: 'kecamatan', target: 50 })).toContain('0 of 3 districts are above');
  });

  it.each<[string, Partial<AltTextInput>, string]>([
    ['no values', { regions: [{ nama: 'A', value: null }] }, 'Belum ada angka untuk wilayah ini.'],
    ['no regions', { regions: [] }, 'Belum ada angka untuk wilayah ini.'],
    ['one value', { regions: [{ nama: 'A', value: 20 }], target: null }, 'A: 20,0%.'],
    ['higher is better', { direction: 'higher', target: 80, unit: '%', regions: [{ nama: 'A', value: 90 }, { nama: 'B', value: 50 }] }, '1 dari 2 kabupaten/kota berada di bawah target 80%.'],
    ['no target', { target: null }, 'Tertinggi'],
    ['ties broken by name', { target: null, regions: [{ nama: 'B', value: 5 }, { nama: 'A', value: 5 }] }, 'Tertinggi A (5,0%), terendah B (5,0%).'],
  ])('%s', (_name, change, expected) => {
    expect(altText({ ...NTT, ...change })).toContain(expected);
  });

  it('says nothing about a target when the indicator has no direction', () => {
    expect(altText({ ...NTT, direction: 'none' })).not.toContain('target');
  });
});

describe('embed options', () => {
  it('reads the embed parameters and ignores bad ones', () => {
    expect(parseEmbedOptions('?title=Peta%20NTT&legend=0&locked=1&static=1')).toEqual({ title: 'Peta NTT', legend: false, locked: true, static: true });
    expect(parseEmbedOptions('?legend=maybe&locked=yes&title=')).toEqual({ title: null, legend: true, locked: false, static: false });
  });

  it('writes a URL that parses back to the same view and options', () => {
    const view = { ...parseView('?level=kabkota&region=53&period=2022&lang=en'), camera: { zoom: 6, lat: -9, lng: 121 } };
    const url = embedUrl('https://peta.example', view, { title: 'A & B', legend: false, locked: true, static: false });
    const u = new URL(url);
    expect(u.pathname).toBe('/embed');
    expect(u.searchParams.get('map')).toBeNull();
    expect(parseView(u.search)).toMatchObject({ level: 'kabkota', region: '53', period: '2022', lang: 'en', lockLevel: true });
    expect(parseEmbedOptions(u.search)).toEqual({ title: 'A & B', legend: false, locked: true, static: false });
  });

  it('snippet escapes the URL and listens only to the embed origin', () => {
    const snippet = embedSnippet('https://peta.example/embed?a=1&title=%22x%22', 'Judul "x" <b>');
    expect(snippet).toContain('src="https://peta.example/embed?a=1&amp;title=%22x%22"');
    expect(snippet).toContain('title="Judul &quot;x&quot; &lt;b>"');
    expect(snippet).toContain('var o="https://peta.example"');
  });
});

describe('scale bar', () => {
  it('is a round length at most the maximum', () => {
    const mpp = metresPerPixel(5, -8);
    const bar = scaleBar(mpp, 120);
    expect(bar.pixels).toBeLessThanOrEqual(120);
    expect(bar.pixels).toBeGreaterThan(40);
    expect(bar.label).toMatch(/^(1|2|5)0* km$/);
    expect(scaleBar(1, 120)).toEqual({ pixels: 100, label: '100 m' });
  });
});

describe('csv and zip', () => {
  it('parses quoted cells, doubled quotes and CRLF, and drops the BOM', () => {
    expect(parseCsv('\uFEFFkode,nama\r\n53,"Nusa ""Tenggara"", Timur"\r\n')).toEqual([
      ['kode', 'nama'],
      ['53', 'Nusa "Tenggara", Timur'],
    ]);
  });

  it('writes a zip with the known CRC of its entry', () => {
    const zip = storedZip([['a.txt', new TextEncoder().encode('hello')]]);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(14, true)).toBe(0x3610a686); // crc32("hello")
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
  });
});
