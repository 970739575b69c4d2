/** Messages used across the app. Each area of the app keeps its own file; index.ts joins them. */
export const id = {
  'app.title': 'Peta Konvergensi Stunting',
  'level.provinsi.one': 'Provinsi',
  'level.provinsi.many': 'provinsi',
  'level.kabkota.one': 'Kabupaten/kota',
  'level.kabkota.many': 'kabupaten/kota',
  'level.kecamatan.one': 'Kecamatan',
  'level.kecamatan.many': 'kecamatan',
  'level.desa.one': 'Desa/kelurahan',
  'level.desa.many': 'desa/kelurahan',
  'common.noData': 'Tidak ada data',
  'common.loading': 'Memuat…',
  'common.demo': 'Data demonstrasi',
  'language.switch': 'English',
  'language.switchLabel': 'Switch to English',
} as const;

export const en: Record<keyof typeof id, string> = {
  'app.title': 'Stunting Convergence Map',
  'level.provinsi.one': 'Province',
  'level.provinsi.many': 'provinces',
  'level.kabkota.one': 'Regency/city',
  'level.kabkota.many': 'regencies/cities',
  'level.kecamatan.one': 'District',
  'level.kecamatan.many': 'districts',
  'level.desa.one': 'Village',
  'level.desa.many': 'villages',
  'common.noData': 'No data',
  'common.loading': 'Loading…',
  'common.demo': 'Demonstration data',
  'language.switch': 'Bahasa Indonesia',
  'language.switchLabel': 'Ganti ke Bahasa Indonesia',
};
