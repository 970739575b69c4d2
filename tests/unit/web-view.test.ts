import { describe, expect, it } from 'vitest';
import { drillDown, nationalView, parseView, viewToSearch, type View } from '../../web/state/view.ts';

const NTT_2022: View = { level: 'kabkota', region: '53', indicator: 'prevalensi_stunting', period: '2022' };

describe('parseView', () => {
  it('reads the URL grammar of the issue', () => {
    expect(parseView('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022')).toEqual(NTT_2022);
  });

  it('gives the national province map for an empty query', () => {
    expect(parseView('')).toEqual({ level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: null });
  });

  it.each([
    ['an unknown level', '?level=desa&region=53&period=2022', { level: 'provinsi', region: 'ID', period: '2022' }],
    ['a region that is not a province code', '?level=kabkota&region=53.01&period=2022', { level: 'provinsi', region: 'ID' }],
    ['kab/kota of the whole country', '?level=kabkota&region=ID', { level: 'provinsi', region: 'ID' }],
    ['a province at province level', '?level=provinsi&region=53', { level: 'provinsi', region: 'ID' }],
    ['a malformed period', '?level=kabkota&region=53&period=22', { level: 'kabkota', region: '53', period: null }],
    ['an indicator with odd characters', '?indicator=<script>', { indicator: 'prevalensi_stunting' }],
  ])('falls back field by field on %s', (_what, search, expected) => {
    expect(parseView(search)).toMatchObject(expected);
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
  ])('round-trips through parseView: %o', (view) => {
    expect(parseView(viewToSearch(view))).toEqual(view);
  });
});

describe('drillDown and nationalView', () => {
  it('keep indicator and period when moving between levels', () => {
    const national = nationalView(NTT_2022);
    expect(national).toEqual({ level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: '2022' });
    expect(drillDown(national, '53')).toEqual(NTT_2022);
  });
});
