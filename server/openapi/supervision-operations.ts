import { clustersResponseSchema, LAGGING_EXPORT_COLUMNS, laggingResponseSchema } from '../../shared/api/supervision.ts';
import { CLUSTERS_QUERY } from '../routes/clusters.ts';
import { LAGGING_QUERY } from '../routes/lagging.ts';
import { REGION_PARAM } from '../routes/regions.ts';
import { BAD_REQUEST, ETAG, NOT_MODIFIED, problem, type Operation } from './operation.ts';

/** Supervision (server/routes/lagging.ts, server/routes/clusters.ts): lagging regions and spatial clusters. */
const LAGGING_TEXT =
  'Semua anak langsung satu wilayah (mis. kecamatan satu kab/kota) pada satu indikator dan periode, dengan tanda tertinggal: `below_target` (belum mencapai target nasional), `worse_than_parent` (lebih buruk dari nilai wilayah itu sendiri), `worse_than_previous` (lebih buruk dari periode sebelumnya yang memiliki nilai), `not_reporting` (tanpa nilai, atau agregasi yang hanya sebagian wilayah di bawahnya melapor). ' +
  '"Lebih buruk" mengikuti arah indikator (prevalensi: lebih tinggi; cakupan: lebih rendah).';
const NOT_FOUND = problem('Wilayah atau indikator tidak dikenal.');
const BAD = problem('Parameter tidak valid, wilayah desa (tidak punya wilayah di bawahnya), atau indikator yang tidak dilaporkan untuk tingkat anak-anaknya.');

export const SUPERVISION_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/regions/{kode}/lagging',
    route: '/api/regions/:kode/lagging',
    tag: 'Pengawasan',
    summary: 'Wilayah di bawah satu wilayah yang tertinggal',
    description: `${LAGGING_TEXT} Yang tertinggal dulu, paling mendesak dulu (jumlah tanda, lalu selisih terbesar ke target atau induk), dengan alasan dalam kata-kata; lalu yang tidak tertinggal.`,
    example: '/api/regions/53/lagging?indicator=prevalensi_stunting&period=2021',
    params: REGION_PARAM,
    query: LAGGING_QUERY,
    conditional: true,
    responses: {
      200: { description: 'Anak-anak wilayah dengan tanda dan alasannya.', body: { json: laggingResponseSchema }, headers: ETAG },
      304: NOT_MODIFIED,
      400: BAD,
      404: NOT_FOUND,
    },
  },
  {
    method: 'get',
    path: '/api/regions/{kode}/lagging.csv',
    route: '/api/regions/:kode/lagging.csv',
    tag: 'Pengawasan',
    summary: 'Daftar kerja wilayah tertinggal sebagai CSV',
    description:
      `Yang sama sebagai daftar kerja untuk spreadsheet, satu baris per anak, yang paling mendesak dulu. Kolom: ${LAGGING_EXPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')}. ` +
      'Tanda ditulis dalam kata-kata; UTF-8 dengan BOM; sel teks yang akan dijalankan spreadsheet sebagai rumus dinetralkan.',
    example: '/api/regions/53/lagging.csv?indicator=prevalensi_stunting&period=2021',
    params: REGION_PARAM,
    query: LAGGING_QUERY,
    responses: {
      200: { description: 'Berkas CSV (unduhan).', body: { mediaType: 'text/csv', schema: { type: 'string' } } },
      400: BAD,
      404: NOT_FOUND,
    },
  },
  {
    method: 'get',
    path: '/api/regions/{kode}/lagging.xlsx',
    route: '/api/regions/:kode/lagging.xlsx',
    tag: 'Pengawasan',
    summary: 'Daftar kerja wilayah tertinggal sebagai XLSX',
    description: 'Daftar kerja yang sama dengan CSV sebagai buku kerja Excel (satu lembar, baris judul dibekukan); angka sebagai angka, sel teks tidak pernah rumus.',
    example: '/api/regions/53/lagging.xlsx?indicator=prevalensi_stunting&period=2021',
    params: REGION_PARAM,
    query: LAGGING_QUERY,
    responses: {
      200: {
        description: 'Berkas XLSX (unduhan).',
        body: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', schema: { type: 'string', contentEncoding: 'binary' } },
      },
      400: BAD,
      404: NOT_FOUND,
    },
  },
  {
    method: 'get',
    path: '/api/clusters',
    route: '/api/clusters',
    tag: 'Pengawasan',
    summary: "Kelompok spasial (LISA, Moran's I lokal)",
    description:
      "Moran's I lokal (Anselin 1995) satu indikator untuk semua wilayah satu tingkat, atau hanya yang di bawah `parent` (dihitung pada bagian itu saja). Tetangga: ketetanggaan ratu dari topologi batas wilayah (bersinggungan pada batas atau satu titik), bobot dibakukan per baris; 999 permutasi bersyarat dengan seed tetap, signifikan bila p ≤ 0,05 (seperti GeoDa). " +
      'Kelompok dalam arti nilai: `high-high` = nilai tinggi di antara nilai tinggi; apakah tinggi itu buruk atau baik dikatakan `direction`. Wilayah tanpa nilai tidak ikut; wilayah tanpa tetangga (pulau sendiri) `no-neighbours`.',
    example: '/api/clusters?indicator=prevalensi_stunting&period=2022&level=kabkota',
    query: CLUSTERS_QUERY,
    parameterText: { parent: 'Hanya wilayah di bawah wilayah ini (kode wilayah di tingkat mana pun di atas `level`, mis. `53` untuk semua kecamatan NTT); LISA dihitung pada bagian itu saja.' },
    conditional: true,
    responses: {
      200: { description: 'Kelompok per wilayah, dengan jumlah per kelompok.', body: { json: clustersResponseSchema }, headers: ETAG },
      304: NOT_MODIFIED,
      400: problem('Parameter tidak valid, indikator kategori, `parent` yang tidak berada di atas `level`, atau kurang dari 3 wilayah bernilai.'),
      404: problem('Indikator atau wilayah `parent` tidak dikenal.'),
      503: problem('Server dijalankan tanpa batas wilayah, sehingga tetangga tidak dapat dihitung.'),
    },
  },
];
