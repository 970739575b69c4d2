import { describe, expect, it } from 'vitest';
import {
  VIEW_DEFAULTS,
  ancestorCodes,
  childLevelOf,
  drillDown,
  isDeepView,
  levelOfCode,
  levelsInside,
  nationalView,
  parseView,
  viewShowing,
  viewToSearch,
  viewWithLevel,
  type View,
} from '../../web/state/view.ts';

const NTT_2022: View = { ...VIEW_DEFAULTS, level: 'kabkota', region: '53', indicator: 'prevalensi_stunting', period: '2022' };

describe('parseView', () => {
  it('reads the URL grammar of the issue', () => {
    expect(parseView('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022')).toEqual(NTT_2022);
  });

  it('gives the national province map for an empty query', () => {
    expect(parseView('')).toEqual({ ...VIEW_DEFAULTS, level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: null });
  });

  it('reads the desa of one kecamatan', () => {
    expect(parseView('?level=desa&region=51.71.01&indicator=IH-1&period=2024')).toEqual({
      ...VIEW_DEFAULTS,
      level: 'desa',
      region: '51.71.01',
      indicator: 'IH-1',
      period: '2024',
    });
  });

  it.each([
    ['an unknown level', '?level=dusun&region=53&period=2022', { level: 'kabkota', region: '53', period: '2022' }],
    ['a level above the region', '?level=provinsi&region=53', { level: 'kabkota', region: '53' }],
    ['the region\'s own level', '?level=kecamatan&region=53.01.01', { level: 'desa', region: '53.01.01' }],
    ['a level three below the region', '?level=desa&region=ID', { level: 'provinsi', region: 'ID', lockLevel: false }],
    ['a deeper level in a supervision view', '?level=kecamatan&region=ID&mode=lagging', { level: 'provinsi', region: 'ID', lockLevel: false }],
    ['a desa as region (it has no children)', '?level=desa&region=51.71.01.1001', { level: 'provinsi', region: 'ID' }],
    ['a region that is not a code', '?level=kecamatan&region=51.7', { level: 'provinsi', region: 'ID' }],
    ['a malformed period', '?level=kabkota&region=53&period=22', { level: 'kabkota', region: '53', period: null }],
    ['an indicator with odd characters', '?indicator=<script>', { indicator: 'prevalensi_stunting' }],
  ])('falls back field by field on %s', (_what, search, expected) => {
    expect(parseView(search)).toMatchObject(expected);
  });

  it.each([
    ['kab/kota of the whole country', '?level=kabkota&region=ID', 'kabkota', 'ID'],
    ['every kecamatan of the whole country', '?level=kecamatan&region=ID', 'kecamatan', 'ID'],
    ['every desa of a province', '?level=desa&region=53', 'desa', '53'],
    ['every desa of a kabupaten', '?level=desa&region=32.01', 'desa', '32.01'],
  ])('reads a level chosen below the children: %s, locked', (_what, search, level, region) => {
    expect(parseView(search)).toMatchObject({ level, region, lockLevel: true });
  });

  it('ignores parameters it does not know', () => {
    expect(parseView('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022&utm_source=x')).toEqual(NTT_2022);
  });
});

describe('viewToSearch', () => {
  it('writes the parameters in a fixed order', () => {
    expect(viewToSearch(NTT_2022)).toBe('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022');
  });

  it('leaves the period out until one is chosen', () => {
    expect(viewToSearch({ ...NTT_2022, period: null })).toBe('?level=kabkota&region=53&indicator=prevalensi_stunting');
  });

  it.each([
    NTT_2022,
    { ...NTT_2022, period: null },
    nationalView(NTT_2022),
    { ...VIEW_DEFAULTS, level: 'desa', region: '51.71.01', indicator: 'IH-1', period: '2024' } as View,
  ])('round-trips through parseView: %o', (view) => {
    expect(parseView(viewToSearch(view))).toEqual(view);
  });
});

describe('drillDown and nationalView', () => {
  it('keep indicator and period when moving between levels', () => {
    const national = nationalView(NTT_2022);
    expect(national).toEqual({ ...VIEW_DEFAULTS, level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: '2022' });
    expect(drillDown(national, '53')).toEqual(NTT_2022);
  });
});

describe('drilling through the four levels', () => {
  it('goes from kab/kota to kecamatan to desa, and not below a desa', () => {
    const kecamatan = drillDown(NTT_2022, '53.01');
    expect(kecamatan).toEqual({ ...NTT_2022, level: 'kecamatan', region: '53.01' });
    expect(drillDown(kecamatan as View, '53.01.01')).toEqual({ ...NTT_2022, level: 'desa', region: '53.01.01' });
    expect(drillDown(NTT_2022, '53.01.01.2001')).toBeNull();
  });

  it.each([
    ['ID', null, 'provinsi'],
    ['53', 'provinsi', 'kabkota'],
    ['53.01', 'kabkota', 'kecamatan'],
    ['53.01.01', 'kecamatan', 'desa'],
    ['53.01.01.2001', 'desa', null],
    ['5301', null, null],
  ])('%s is a %s and shows its %s', (kode, level, child) => {
    expect(levelOfCode(kode)).toBe(level);
    expect(childLevelOf(kode)).toBe(child);
  });

  it('lists the ancestors below Indonesia', () => {
    expect(ancestorCodes('51.71.01')).toEqual(['51', '51.71']);
    expect(ancestorCodes('51')).toEqual([]);
  });
});

describe('viewShowing', () => {
  const desa: View = { ...VIEW_DEFAULTS, level: 'desa', region: '51.71.01', indicator: 'IH-1', period: '2024' };
  it('finds the nearest level up where an indicator is reported', () => {
    expect(viewShowing(desa, ['provinsi', 'kabkota'])).toMatchObject({ level: 'kabkota', region: '51' });
    expect(viewShowing(desa, ['desa'])).toMatchObject({ level: 'desa', region: '51.71.01' });
    expect(viewShowing(desa, ['provinsi'])).toMatchObject({ level: 'provinsi', region: 'ID' });
  });
  it('gives null when the indicator is only reported further down', () => {
    expect(viewShowing(nationalView(desa), ['kabkota'])).toBeNull();
  });
});

describe('choosing the level painted inside a region', () => {
  it('offers the children and up to two levels below them', () => {
    expect(levelsInside('ID')).toEqual(['provinsi', 'kabkota', 'kecamatan']);
    expect(levelsInside('32')).toEqual(['kabkota', 'kecamatan', 'desa']);
    expect(levelsInside('32.01')).toEqual(['kecamatan', 'desa']);
    expect(levelsInside('32.01.01')).toEqual(['desa']);
    expect(levelsInside('32.01.01.2001')).toEqual([]);
  });

  it('locks a deeper level, and unlocks when back at the children', () => {
    const bogor: View = { ...VIEW_DEFAULTS, level: 'kecamatan', region: '32.01', indicator: 'IH-1', period: '2024', selected: '32.01.01' };
    const desa = viewWithLevel(bogor, 'desa');
    expect(desa).toMatchObject({ level: 'desa', region: '32.01', lockLevel: true, selected: null });
    expect(isDeepView(desa)).toBe(true);
    expect(parseView(viewToSearch(desa))).toEqual(desa);
    expect(viewWithLevel(desa, 'kecamatan')).toMatchObject({ level: 'kecamatan', lockLevel: false });
    // A lock set by hand on the children's level stays when nothing deeper was involved.
    expect(viewWithLevel({ ...bogor, lockLevel: true }, 'kecamatan')).toMatchObject({ lockLevel: true });
  });
});

describe('the rest of the view in the URL', () => {
  const full: View = {
    ...NTT_2022,
    compare: '2021',
    classMethod: 'manual',
    breaks: [10, 20, 30],
    lang: 'en',
    camera: { zoom: 6.5, lat: -9.5, lng: 121.25 },
    lockLevel: true,
    selected: '53.01',
  };

  it('round-trips every field', () => {
    const search = viewToSearch(full);
    expect(search).toBe(
      '?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022&compare=2021&classes=manual&breaks=10%2C20%2C30&lang=en&lock=1&select=53.01&map=6.50%2F-9.50000%2F121.25000',
    );
    expect(parseView(search)).toEqual(full);
  });

  it('leaves defaults out of the URL', () => {
    expect(viewToSearch(NTT_2022)).toBe('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022');
  });

  it.each([
    ['manual classes without breaks fall back to the indicator scheme', '&classes=manual', { classMethod: 'auto', breaks: null }],
    ['an unknown class method', '&classes=fancy', { classMethod: 'auto' }],
    ['breaks that are not numbers', '&classes=manual&breaks=10,abc', { classMethod: 'auto', breaks: null }],
    ['unsorted, repeated breaks', '&classes=manual&breaks=30,10,10,20', { classMethod: 'manual', breaks: [10, 20, 30] }],
    ['a camera off the globe', '&map=5/95/120', { camera: null }],
    ['a camera with two parts', '&map=5/-2', { camera: null }],
    ['an unknown language', '&lang=fr', { lang: 'id' }],
    ['comparing a period with itself', '&compare=2022', { compare: null }],
    ['a selection that is not a code', '&select=abc', { selected: null }],
    ['lock other than 1', '&lock=yes', { lockLevel: false }],
  ])('falls back on %s', (_what, extra, expected) => {
    expect(parseView(`?level=kabkota&region=53&period=2022${extra}`)).toMatchObject(expected);
  });

  it('forgets the camera and selection when drilling to another region', () => {
    expect(drillDown(full, '53.01')).toMatchObject({ region: '53.01', camera: null, selected: null, lang: 'en', compare: '2021' });
    expect(nationalView(full)).toMatchObject({ region: 'ID', camera: null, selected: null });
  });
});
