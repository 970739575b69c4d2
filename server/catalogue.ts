/**
 * The indicator catalogue shipped with the product. Each indicator says what it measures, in which
 * unit, which direction is better, the national target where one is set, and where it comes from.
 */
export type Level = 'provinsi' | 'kabkota' | 'kecamatan' | 'desa';
export const LEVELS: readonly Level[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];

export interface IndicatorDefinition {
  id: string;
  nama: string;
  name_en: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number | null;
  target_year: number | null;
  sasaran: string;
  source: string;
  levels: Level[];
  sort_order: number;
}

export const PREVALENSI_STUNTING: IndicatorDefinition = {
  id: 'prevalensi_stunting',
  nama: 'Prevalensi stunting balita',
  name_en: 'Stunting prevalence among children under five',
  unit: '%',
  direction: 'lower',
  // Perpres 72/2021: 14% by 2024.
  target: 14,
  target_year: 2024,
  sasaran: 'Balita 0-59 bulan',
  source: 'SSGI 2021, 2022, 2024 dan SKI 2023, Kemenkes',
  levels: ['provinsi', 'kabkota'],
  sort_order: 0,
};

export function shippedIndicators(): IndicatorDefinition[] {
  return [PREVALENSI_STUNTING];
}

export function isLevel(text: string): text is Level {
  return (LEVELS as readonly string[]).includes(text);
}
