/**
 * What the shared catalogue does not say and the product needs: English names, the kind of each
 * value (which decides how it rolls up), the levels it is reported at, and national 2024 targets.
 *
 * Targets come from `indikator_cakupan_esensial_29.csv` (the 2022 list of essential coverage
 * indicators), matched by hand to the 2025 indicator that measures the same service; the number in
 * `TARGET_FROM_ESSENTIAL` is that list's `no`. Indicators without a published target have none.
 */
export const ENGLISH_NAMES: Record<string, string> = {
  'IH-1': 'Supplementary feeding for pregnant women with chronic energy deficiency',
  'IH-2': 'Iron-folic acid / multiple micronutrient supplements (180 tablets) during pregnancy',
  'IH-3': 'Balanced nutritious food for pregnant women',
  'IH-4': 'Six antenatal care visits during pregnancy',
  'IH-5': 'Post-partum family planning services',
  'BD-1': 'Early initiation of breastfeeding',
  'BD-2': 'Exclusive breastfeeding of infants 0-5 months',
  'BD-3': 'Diverse complementary feeding for children 6-23 months',
  'BD-4': 'Continued breastfeeding of children 6-23 months',
  'BD-5': 'Treatment of severe wasting in children 0-23 months',
  'BD-6': 'Growth and development monitoring of children 0-23 months',
  'BD-7': 'Supplementary feeding for underweight children 0-23 months',
  'BD-8': 'Complete routine immunisation of children 0-23 months',
  'BD-9': 'ORS and zinc for diarrhoea in children 0-23 months',
  'BD-10': 'Deworming of children 0-23 months',
  'BL-1': 'Treatment of severe wasting in children 24-59 months',
  'BL-2': 'Growth and development monitoring of children 24-59 months',
  'BL-3': 'Supplementary feeding for underweight children 24-59 months',
  'BL-4': 'ORS and zinc for diarrhoea in children 24-59 months',
  'BL-5': 'Pneumonia cases found among children 24-59 months',
  'BL-6': 'Deworming of children 24-59 months',
  'RP-1': 'Iron-folic acid tablet consumption by adolescent girls',
  'RP-2': 'Anaemia screening of adolescent girls',
  'CP-1': 'Health check-ups for prospective brides and grooms',
  'CP-2': 'Pre-marriage counselling with stunting-prevention content',
  'RT-1': 'Households with access to safe drinking water',
  'RT-2': 'Households with access to safe sanitation',
  'RT-3': 'Population enrolled in national health insurance (JKN)',
  'RT-4': 'Target groups accompanied by a Family Assistance Team (TPK)',
  'RT-5': 'Children with a birth certificate and child identity card (KIA)',
  'RT-6': 'Village home-garden programmes for better nutrition',
};

export const TARGET_FROM_ESSENTIAL: Record<string, number> = {
  'RP-1': 1,
  'CP-1': 4,
  'IH-2': 11,
  'BD-2': 14,
  'BD-3': 15,
  'BD-5': 16,
  'BL-1': 16,
  'BD-6': 17,
  'BL-2': 17,
  'BD-7': 18,
  'BL-3': 18,
  'BD-8': 19,
  'IH-5': 23,
};

/** Convergence performance, budget and reporting indicators: defined by the programme, not the CSVs. */
export const PROGRAMME_INDICATORS = [
  { id: 'skor_kinerja', nama: 'Skor penilaian kinerja aksi konvergensi', name_en: 'Convergence action performance score', unit: 'skor', kind: 'score', direction: 'higher', kelompok: 'kinerja', levels: 'provinsi|kabkota' },
  { id: 'kategori_kinerja', nama: 'Kategori kinerja (Berdaya/Berkembang/Bertumbuh)', name_en: 'Performance category (Berdaya/Berkembang/Bertumbuh)', unit: 'kategori', kind: 'category', direction: 'higher', kelompok: 'kinerja', levels: 'provinsi|kabkota', categories: 'Bertumbuh|Berkembang|Berdaya' },
  { id: 'aksi_selesai', nama: 'Aksi konvergensi yang diselesaikan', name_en: 'Convergence actions completed', unit: '%', kind: 'rate', direction: 'higher', kelompok: 'kinerja', levels: 'provinsi|kabkota' },
  { id: 'anggaran_apbd', nama: 'Anggaran APBD tertandai stunting', name_en: 'Regional budget (APBD) tagged for stunting', unit: 'Rp', kind: 'money', direction: 'higher', kelompok: 'anggaran', levels: 'provinsi|kabkota' },
  { id: 'realisasi_apbd', nama: 'Realisasi anggaran APBD stunting', name_en: 'Stunting budget realisation', unit: '%', kind: 'rate', direction: 'higher', kelompok: 'anggaran', levels: 'provinsi|kabkota' },
  { id: 'anggaran_per_anak', nama: 'Anggaran stunting per anak sasaran', name_en: 'Stunting budget per target child', unit: 'Rp/anak', kind: 'rate_per_unit', direction: 'higher', kelompok: 'anggaran', levels: 'provinsi|kabkota' },
  { id: 'kelengkapan_laporan', nama: 'Kelengkapan pelaporan', name_en: 'Reporting completeness', unit: '%', kind: 'rate', direction: 'higher', kelompok: 'pelaporan', levels: 'provinsi|kabkota|kecamatan|desa' },
] as const;

/** Status of one convergence action in one kab/kota and year. */
export const AKSI_STATUS_CATEGORIES = 'Belum|Proses|Selesai';
/** The 8 actions ran until 2024; from 2025 they are 4 main and 2 supporting actions. */
export const AKSI_8_YEARS = { from: 2021, to: 2024 };
export const AKSI_2025_YEARS = { from: 2025, to: '' as const };
