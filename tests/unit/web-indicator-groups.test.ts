import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../web/i18n/i18n.ts';
import type { Indicator } from '../../web/api/client.ts';
import { availability, groupIndicators, indicatorName, levelsText, viewWithIndicator } from '../../web/state/indicator-groups.ts';
import { VIEW_DEFAULTS, type View } from '../../web/state/view.ts';

const ALL = ['provinsi', 'kabkota', 'kecamatan', 'desa'];
function indicator(id: string, kelompok: Indicator['kelompok'], levels: string[], sasaran: string | null = null): Indicator {
  return {
    id,
    nama: id,
    unit: '%',
    kind: 'rate',
    direction: 'higher',
    target: null,
    kelompok,
    sasaran,
    categories: null,
    periods: ['2021', '2022', '2025'],
    default_period: '2025',
    levels,
  };
}

const catalogue = [
  indicator('anggaran_apbd', 'anggaran', ['provinsi', 'kabkota']),
  indicator('RP-1', 'cakupan', ALL, 'Remaja putri'),
  indicator('aksi_1', 'aksi', ['kabkota']),
  indicator('prevalensi_stunting', 'prevalensi', ['provinsi', 'kabkota']),
  indicator('IH-1', 'cakupan', ALL, 'Ibu hamil/nifas/menyusui'),
  indicator('skor_kinerja', 'kinerja', ['kabkota']),
  indicator('kelengkapan_laporan', 'pelaporan', ['desa']),
  indicator('IH-2', 'cakupan', ALL, 'Ibu hamil/nifas/menyusui'),
];

describe('groupIndicators', () => {
  it('orders the groups as users think of them, coverage by target group along the life cycle', () => {
    const groups = groupIndicators(catalogue);
    expect(groups.map((g) => g.label)).toEqual([
      'Prevalensi stunting',
      'Cakupan intervensi: Ibu hamil/nifas/menyusui',
      'Cakupan intervensi: Remaja putri',
      'Kinerja aksi konvergensi',
      'Anggaran',
      'Pelaporan',
    ]);
    expect(groups[1]?.indicators.map((i) => i.id)).toEqual(['IH-1', 'IH-2']);
    expect(groups[3]?.indicators.map((i) => i.id)).toEqual(['aksi_1', 'skor_kinerja']);
  });

  it('gives no groups for an empty catalogue', () => {
    expect(groupIndicators([])).toEqual([]);
  });
});

describe('availability and viewWithIndicator', () => {
  const desa: View = { ...VIEW_DEFAULTS, level: 'desa', region: '51.71.01', indicator: 'IH-1', period: '2024' };
  const byId = (id: string) => catalogue.find((i) => i.id === id) as Indicator;

  it('keeps the place for an indicator reported at the level shown, and a year it has', () => {
    expect(availability(byId('IH-2'), desa)).toEqual({ kind: 'here' });
    expect(viewWithIndicator({ ...desa, period: '2022' }, byId('IH-2'))).toEqual({ ...desa, indicator: 'IH-2', period: '2022' });
  });

  it('drops a year the new indicator does not have (its default is shown)', () => {
    expect(viewWithIndicator(desa, byId('IH-2'))?.period).toBeNull();
  });

  it('moves up to the nearest level that has the indicator', () => {
    expect(viewWithIndicator(desa, byId('prevalensi_stunting'))).toEqual({
      ...VIEW_DEFAULTS,
      level: 'kabkota',
      region: '51',
      indicator: 'prevalensi_stunting',
      period: null,
    });
  });

  it('resets hand-made classes on an indicator change, and keeps them otherwise', () => {
    const manual: View = { ...desa, period: '2022', classMethod: 'manual', breaks: [10, 20, 30] };
    expect(viewWithIndicator(manual, byId('IH-2'))).toEqual({ ...desa, indicator: 'IH-2', period: '2022' });
    expect(viewWithIndicator({ ...desa, classMethod: 'jenks' }, byId('prevalensi_stunting'))?.classMethod).toBe('auto');
    // Choosing the indicator already shown changes nothing.
    expect(viewWithIndicator({ ...manual, indicator: 'IH-2' }, byId('IH-2'))).toEqual({ ...manual, indicator: 'IH-2' });
  });

  it('keeps the comparison year only when the new indicator has it', () => {
    const change: View = { ...desa, period: '2022', compare: '2021' };
    expect(viewWithIndicator(change, byId('IH-2'))?.compare).toBe('2021');
    const without = { ...byId('IH-2'), periods: ['2022', '2025'] };
    expect(viewWithIndicator(change, without)?.compare).toBeNull();
    // The year shown falls back to the default, which is the comparison year itself: no comparison.
    const defaultIsCompare = { ...byId('IH-2'), periods: ['2021', '2025'], default_period: '2021' };
    expect(viewWithIndicator(change, defaultIsCompare)).toMatchObject({ period: null, compare: null });
  });

  it('cannot show an indicator reported only further down', () => {
    const national: View = { ...VIEW_DEFAULTS, level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: null };
    expect(availability(byId('kelengkapan_laporan'), national)).toEqual({ kind: 'elsewhere' });
    expect(viewWithIndicator(national, byId('skor_kinerja'))).toBeNull();
  });
});

describe('the groups and names in English', () => {
  afterEach(() => setLanguage('id'));

  it('keeps the keys and the order, and translates the labels', () => {
    const inIndonesian = groupIndicators(catalogue).map((g) => g.key);
    setLanguage('en');
    const groups = groupIndicators(catalogue);
    expect(groups.map((g) => g.key)).toEqual(inIndonesian);
    expect(groups.map((g) => g.label)).toEqual([
      'Stunting prevalence',
      'Intervention coverage: Pregnant, postpartum and breastfeeding women',
      'Intervention coverage: Adolescent girls',
      'Convergence action performance',
      'Budget',
      'Reporting',
    ]);
    expect(levelsText(['kabkota', 'provinsi'])).toBe('provinces, regencies/cities');
  });

  it('uses the catalogue English name when there is one', () => {
    const named = { nama: 'Prevalensi stunting balita', name_en: 'Stunting prevalence among children under five' };
    expect(indicatorName(named)).toBe('Prevalensi stunting balita');
    setLanguage('en');
    expect(indicatorName(named)).toBe('Stunting prevalence among children under five');
    expect(indicatorName({ nama: 'Kelengkapan pelaporan' })).toBe('Kelengkapan pelaporan');
  });
});
