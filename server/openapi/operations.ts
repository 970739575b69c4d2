import { z } from 'zod';
import { healthSchema, LEVELS } from '../../shared/api/common.ts';
import { importBatchesSchema, importResultSchema, rollbackResultSchema } from '../../shared/api/imports.ts';
import { indicatorsResponseSchema } from '../../shared/api/indicators.ts';
import { childrenSchema, regionProfileSchema, regionSchema, searchResponseSchema } from '../../shared/api/regions.ts';
import { tileJsonSchema } from '../../shared/api/tiles.ts';
import { VALUES_CSV_COLUMNS, valuesResponseSchema } from '../../shared/api/values.ts';
import { BATCH_PARAM, IMPORT_QUERY } from '../routes/imports.ts';
import { CHILDREN_QUERY, PROFILE_QUERY, REGION_PARAM } from '../routes/regions.ts';
import { SEARCH_QUERY } from '../routes/search.ts';
import { JOIN_QUERY } from '../routes/tiles.ts';
import { VALUES_QUERY } from '../routes/values.ts';
import { ACCOUNT_OPERATIONS } from './account-operations.ts';
import { AKSI_OPERATIONS } from './aksi-operations.ts';
import { OGC_OPERATIONS } from './ogc-operations.ts';
import { SUPERVISION_OPERATIONS } from './supervision-operations.ts';
import { BAD_REQUEST, ETAG, FORBIDDEN, NOT_MODIFIED, problem, UNAUTHORIZED, type Operation } from './operation.ts';

/**
 * Every public endpoint, described once: the request parameters are the routes' own zod validators,
 * the response bodies the shared schemas (shared/api/). server/openapi/document.ts turns this into
 * the OpenAPI document; tests/api/openapi.test.ts checks that it lists exactly the app's routes and
 * that real responses match it.
 */

/** What each request parameter means; the validators say what values it takes. */
export const PARAMETER_TEXT: Record<string, string> = {
  indicator: 'Id indikator dari `GET /api/indicators`, mis. `prevalensi_stunting` atau `IH-1`.',
  period: 'Periode (tahun empat angka). Periode yang memiliki nilai ada di `periods` tiap indikator.',
  level: 'Tingkat wilayah: `provinsi`, `kabkota`, `kecamatan` atau `desa`.',
  parent: 'Hanya wilayah tingkat `level` di bawah wilayah ini: kode Kemendagri bertitik dari tingkat mana pun di atas `level` (mis. `level=desa&parent=32.01`: semua desa satu kab/kota; `level=kecamatan&parent=53`: semua kecamatan satu provinsi), atau `ID` untuk seluruh Indonesia. Wilayah di tingkat `level` atau di bawahnya dijawab 400. Tanpa parameter ini: semua wilayah tingkat itu.',
  kode: 'Kode wilayah Kemendagri bertitik (Kepmendagri 300.2.2-2138/2025): `53`, `53.01`, `53.01.01`, `53.01.01.2001`, atau `ID` untuk Indonesia.',
  q: 'Sebagian nama atau kode wilayah. Awalan, salah ketik dan tanda baca ditoleransi.',
  limit: 'Jumlah hasil paling banyak (1 sampai 50).',
  within: 'Hanya wilayah di bawah wilayah ini (kode Kemendagri).',
  dry_run: '`1` atau `true`: periksa dan tunjukkan apa yang akan berubah, tanpa menyimpan apa pun.',
  sheet: 'Untuk XLSX: nama lembar yang dibaca (bawaan: lembar pertama).',
  id: 'Nomor batch impor, dari `GET /api/imports`.',
  z: 'Tingkat zoom. provinsi 0-7, kabkota 3-10, kecamatan 3-11, desa 8-11; di atas itu klien memperbesar ubin terakhir.',
  x: 'Kolom ubin (skema XYZ).',
  y: 'Baris ubin (skema XYZ).',
};

const JOIN_TEXT = {
  indicator: 'Gabungkan nilai indikator ini ke fitur ubin (bersama `period`); tanpa keduanya hanya batas wilayah.',
  period: 'Periode nilai yang digabungkan (bersama `indicator`).',
};
const VALUES_BAD_REQUEST = problem('Parameter tidak valid, indikator yang tidak dilaporkan di `level`, atau `parent` yang tidak berada di atas `level`; `detail` menyebut apa yang harus diperbaiki.');
const TILE_LEVEL = z.object({ level: z.enum(LEVELS) });
/** The tile route validates `{y}.mvt` as one parameter; the document names x, y and z as tile clients do. */
const TILE_PATH = z.object({
  level: z.enum(LEVELS),
  z: z.int().min(0).max(11),
  x: z.int().min(0),
  y: z.int().min(0),
});

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/values',
    route: '/api/values',
    tag: 'Nilai indikator',
    summary: 'Nilai satu indikator per wilayah',
    description:
      'Nilai satu indikator dan periode untuk semua wilayah satu tingkat (atau hanya yang berada di bawah `parent`, wilayah di tingkat mana pun di atasnya), dengan kunci kode Kemendagri: bentuk yang digabungkan peta ke ubin batas wilayah. ' +
      'Setiap sumber dicantumkan sekali di `sources` dan dirujuk lewat indeks. Kolom hanya ada bila berlaku: `demo: true` untuk data demonstrasi, `basis: "rollup"` untuk nilai yang dihitung dari wilayah di bawahnya (dengan `reporting` dan `expected`), `numerator` dan `denominator` untuk rasio, `note` dan `inheritedFrom` untuk angka sebelum pemekaran Papua 2022. Wilayah tanpa nilai tidak dicantumkan.',
    example: '/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi',
    query: VALUES_QUERY,
    conditional: true,
    responses: {
      200: { description: 'Nilai per kode wilayah.', body: { json: valuesResponseSchema }, headers: ETAG },
      304: NOT_MODIFIED,
      400: VALUES_BAD_REQUEST,
      404: problem('Indikator atau wilayah induk tidak dikenal.'),
    },
  },
  {
    method: 'get',
    path: '/api/values.csv',
    route: '/api/values.csv',
    tag: 'Nilai indikator',
    summary: 'Nilai yang sama sebagai CSV',
    description:
      'Nilai yang sama sebagai berkas CSV untuk spreadsheet dan GIS: satu baris per wilayah (termasuk yang tidak punya nilai), dengan nama wilayah dan nama wilayah di atasnya. ' +
      `Kolom: ${VALUES_CSV_COLUMNS.map((c) => `\`${c}\``).join(', ')}. Berkas UTF-8 dengan BOM; sel teks yang akan dijalankan spreadsheet sebagai rumus dinetralkan.`,
    example: '/api/values.csv?indicator=prevalensi_stunting&period=2021&level=kabkota&parent=53',
    query: VALUES_QUERY,
    responses: {
      200: {
        description: 'Berkas CSV (unduhan, `content-disposition: attachment`).',
        body: {
          mediaType: 'text/csv',
          schema: { type: 'string' },
          example: `${VALUES_CSV_COLUMNS.join(',')}\n53.71,Kota Kupang,Nusa Tenggara Timur,,,prevalensi_stunting,2021,26.1,,,%,"SSGI 2021, Kemenkes",tidak,direct,,,\n`,
        },
      },
      400: VALUES_BAD_REQUEST,
      404: problem('Indikator atau wilayah induk tidak dikenal.'),
    },
  },
  {
    method: 'get',
    path: '/api/indicators',
    route: '/api/indicators',
    tag: 'Nilai indikator',
    summary: 'Katalog indikator',
    description:
      'Semua indikator: prevalensi stunting (data nyata SSGI/SKI), 31 indikator cakupan intervensi, kinerja aksi konvergensi, anggaran dan pelaporan. Setiap indikator dengan satuannya, arah yang lebih baik, target nasional bila ada, tingkat wilayah yang tersedia dan periode yang memiliki nilai.',
    example: '/api/indicators',
    responses: { 200: { description: 'Katalog indikator.', body: { json: indicatorsResponseSchema } } },
  },
  {
    method: 'get',
    path: '/api/regions/{kode}',
    route: '/api/regions/:kode',
    tag: 'Wilayah',
    summary: 'Satu wilayah, atau profilnya pada satu periode',
    description:
      'Satu wilayah dengan leluhurnya, kotak batas, titik label dan jumlah wilayah di bawahnya. Dengan `period`: juga setiap indikator wilayah itu dengan nilainya, peringkatnya di antara wilayah setingkat, nilai wilayah induk, target dan trennya (jawaban `RegionProfile`, dengan ETag).',
    example: '/api/regions/53.01?period=2022',
    params: REGION_PARAM,
    query: PROFILE_QUERY,
    conditional: true,
    responses: {
      200: { description: 'Wilayahnya (`Region`), atau dengan `period` profilnya (`RegionProfile`).', body: { json: [regionSchema, regionProfileSchema] } },
      304: NOT_MODIFIED,
      400: BAD_REQUEST,
      404: problem('Tidak ada wilayah dengan kode itu di Kepmendagri 300.2.2-2138/2025.'),
    },
  },
  {
    method: 'get',
    path: '/api/regions/{kode}/children',
    route: '/api/regions/:kode/children',
    tag: 'Wilayah',
    summary: 'Wilayah di bawah satu wilayah',
    description:
      'Anak-anak langsung satu wilayah, urut kode, dengan `has_geometry`: false berarti wilayah ada di daftar kode tetapi batasnya belum tersedia ("batas wilayah belum tersedia", 360 desa). Dengan `level`: semua wilayah tingkat itu di dalam wilayah ini (misalnya semua desa satu kabupaten, atau dengan `ID` semua kecamatan Indonesia).',
    example: '/api/regions/51.71.01/children',
    params: REGION_PARAM,
    query: CHILDREN_QUERY,
    responses: {
      200: { description: 'Anak-anak wilayah.', body: { json: childrenSchema } },
      400: BAD_REQUEST,
      404: problem('Tidak ada wilayah dengan kode itu.'),
    },
  },
  {
    method: 'get',
    path: '/api/search',
    route: '/api/search',
    tag: 'Wilayah',
    summary: 'Cari wilayah menurut nama atau kode',
    description:
      'Wilayah yang namanya atau kodenya cocok: nama persis, awalan, salah ketik kecil, huruf beraksen diabaikan; kode dengan atau tanpa titik. Setiap hasil dengan leluhurnya dan label pembeda ("Sukamaju — Kec. Cibadak, Kab. Sukabumi, Jawa Barat").',
    example: '/api/search?q=sukamaju&limit=5',
    query: SEARCH_QUERY,
    responses: {
      200: { description: 'Hasil pencarian, yang paling cocok dulu.', body: { json: searchResponseSchema } },
      400: BAD_REQUEST,
      404: problem('Wilayah `within` tidak dikenal.'),
    },
  },
  {
    method: 'get',
    path: '/tiles/{level}.json',
    route: '/tiles/:file{[a-z]+\\.json}',
    tag: 'Ubin peta',
    summary: 'TileJSON satu tingkat wilayah',
    description:
      'TileJSON 3.0.0 batas wilayah satu tingkat, untuk menambahkan lapisan ke MapLibre, QGIS dan aplikasi lain dengan satu URL. Dengan `indicator` dan `period`, URL ubinnya membawa nilai indikator itu di setiap fitur. CORS terbuka.',
    example: '/tiles/provinsi.json?indicator=prevalensi_stunting&period=2022',
    params: TILE_LEVEL,
    query: JOIN_QUERY,
    parameterText: JOIN_TEXT,
    responses: {
      200: { description: 'TileJSON.', body: { json: tileJsonSchema } },
      400: problem('`indicator` tanpa `period` (atau sebaliknya), atau periode tanpa nilai.'),
      404: problem('Tingkat atau indikator tidak dikenal.'),
    },
  },
  {
    method: 'get',
    path: '/tiles/{level}/{z}/{x}/{y}.mvt',
    route: '/tiles/:level/:z/:x/:file',
    tag: 'Ubin peta',
    summary: 'Ubin vektor batas wilayah',
    description:
      'Ubin vektor Mapbox (MVT) batas wilayah, satu lapisan bernama tingkatnya; setiap fitur membawa `kode` dan `nama`. Peta ini menggabungkan nilai dari `/api/values` lewat `kode`; untuk aplikasi lain, `indicator` dan `period` menggabungkan nilai ke fitur ubin (`value`, `numerator`, `denominator`, `source`, `demo`, `basis`). Dikirim terkompresi gzip bila klien menerima gzip. Ubin kosong (laut) dijawab 204. CORS terbuka.',
    example: '/tiles/provinsi/4/13/8.mvt',
    params: TILE_PATH,
    query: JOIN_QUERY,
    parameterText: JOIN_TEXT,
    conditional: true,
    responses: {
      200: { description: 'Ubin MVT.', body: { mediaType: 'application/vnd.mapbox-vector-tile' }, headers: ETAG },
      204: { description: 'Tidak ada wilayah di ubin ini.' },
      304: NOT_MODIFIED,
      400: problem('Zoom di luar rentang tingkat ini, x/y di luar rentang zoom, atau `indicator` tanpa `period`.'),
      404: problem('Tingkat atau indikator tidak dikenal.'),
    },
  },
  {
    method: 'post',
    path: '/api/imports',
    route: '/api/imports',
    tag: 'Impor',
    summary: 'Impor berkas nilai indikator',
    description:
      'Unggah berkas CSV atau XLSX berisi nilai indikator (bentuk panjang `kode,indikator,periode,nilai` atau `...,pembilang,penyebut`, atau bentuk lebar satu kolom per indikator; lihat README). ' +
      'Setiap masalah dilaporkan sekaligus, baris demi baris, dengan saran; berkas dengan satu masalah pun tidak menyimpan apa pun (422). Tanpa masalah, nilai disimpan sebagai satu batch (201) dan agregasinya dihitung ulang; dengan `dry_run=1` hanya ditunjukkan apa yang akan berubah (200). Perlu akun; akun provinsi dan kab/kota hanya boleh mengimpor nilai wilayahnya (403 bila ada baris di luar wilayah, tanpa menyimpan apa pun).',
    example: '/api/imports?dry_run=1',
    query: IMPORT_QUERY,
    parameterText: { period: 'Periode untuk berkas lebar tanpa kolom periode (tahun).' },
    auth: {},
    upload: { field: 'file', description: 'Berkas CSV atau XLSX (paling besar 100 MB).' },
    responses: {
      200: { description: 'Uji coba: apa yang akan berubah.', body: { json: importResultSchema } },
      201: { description: 'Disimpan sebagai satu batch.', body: { json: importResultSchema } },
      400: problem('Tidak ada berkas di kolom `file` multipart/form-data, atau parameter tidak valid.'),
      401: UNAUTHORIZED,
      403: FORBIDDEN,
      413: problem('Berkas terlalu besar.'),
      422: problem('Berkas punya masalah; `problems` menyebut setiap baris. Tidak ada yang disimpan.'),
    },
  },
  {
    method: 'get',
    path: '/api/imports',
    route: '/api/imports',
    tag: 'Impor',
    summary: 'Daftar batch impor',
    description: 'Batch impor, yang terbaru dulu, dengan jumlah nilai baru, diganti dan sama, dan kapan dibatalkan. Perlu akun; akun provinsi dan kab/kota melihat batch wilayahnya.',
    example: '/api/imports',
    auth: {},
    responses: {
      200: { description: 'Batch impor.', body: { json: importBatchesSchema } },
      401: UNAUTHORIZED,
      403: FORBIDDEN,
    },
  },
  {
    method: 'post',
    path: '/api/imports/{id}/rollback',
    route: '/api/imports/:id/rollback',
    tag: 'Impor',
    summary: 'Batalkan satu batch impor',
    description:
      'Menghapus nilai satu batch dan memulihkan nilai yang digantinya, lalu menghitung ulang agregasinya. Ditolak (409) bila batch sudah dibatalkan, atau bila batch yang lebih baru mengubah nilai yang sama: batalkan yang itu dulu. Perlu akun; akun provinsi dan kab/kota hanya membatalkan batch wilayahnya.',
    example: '/api/imports/3/rollback',
    params: BATCH_PARAM,
    auth: {},
    responses: {
      200: { description: 'Dibatalkan.', body: { json: rollbackResultSchema } },
      400: BAD_REQUEST,
      401: UNAUTHORIZED,
      403: FORBIDDEN,
      404: problem('Tidak ada batch dengan nomor itu.'),
      409: problem('Batch sudah dibatalkan, atau ditimpa batch yang lebih baru.'),
    },
  },
  ...OGC_OPERATIONS,
  ...AKSI_OPERATIONS,
  ...SUPERVISION_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  {
    method: 'get',
    path: '/healthz',
    route: '/healthz',
    tag: 'Layanan',
    summary: 'Keadaan server',
    description: 'Untuk pemantauan: 200 bila server dan basis datanya menjawab, 503 bila basis data tidak menjawab.',
    example: '/healthz',
    responses: {
      200: { description: 'Server dan basis data berjalan.', body: { json: healthSchema } },
      503: { description: 'Basis data tidak menjawab.', body: { json: healthSchema } },
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    route: '/api/openapi.json',
    tag: 'Layanan',
    summary: 'Dokumen OpenAPI ini',
    description: 'Dokumen OpenAPI 3.1 API ini, untuk pembuat klien dan alat lain. CORS terbuka.',
    example: '/api/openapi.json',
    responses: { 200: { description: 'Dokumen OpenAPI 3.1.', body: { mediaType: 'application/json', schema: { type: 'object', description: 'OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0).' } } } },
  },
  {
    method: 'get',
    path: '/api',
    route: '/api',
    tag: 'Layanan',
    summary: 'Halaman dokumentasi API',
    description: 'Halaman ini: dokumen OpenAPI yang sama, dibaca manusia.',
    example: '/api',
    responses: { 200: { description: 'Halaman HTML.', body: { mediaType: 'text/html', schema: { type: 'string' } } } },
  },
];

/** What a parameter of an operation means; undefined when nobody wrote it down (the test says so). */
export function parameterText(operation: Operation, name: string): string | undefined {
  return operation.parameterText?.[name] ?? PARAMETER_TEXT[name];
}
