import { aksiSummarySchema, aksiTableSchema } from '../../shared/api/aksi.ts';
import { AKSI_QUERY } from '../routes/aksi.ts';
import { BAD_REQUEST, ETAG, NOT_MODIFIED, problem, type Operation } from './operation.ts';

/** The convergence actions (server/routes/aksi.ts), for the supervision view "Aksi konvergensi". */
export const AKSI_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/aksi/summary',
    route: '/api/aksi/summary',
    tag: 'Aksi konvergensi',
    summary: 'Ringkasan nasional aksi konvergensi per tahun',
    description:
      'Per tahun: jumlah kab/kota peserta (yang memiliki status aksi), untuk tiap aksi jumlah kab/kota berstatus Belum, Proses dan Selesai, dan jumlah kab/kota per kategori kinerja (Bertumbuh, Berkembang, Berdaya). ' +
      'Jumlah peserta per tahun (345 pada 2021 sampai 514 pada 2024) adalah angka nyata Kemendagri; kab/kota mana yang ikut, statusnya, skor dan kategorinya adalah data demonstrasi (`demo: true`).',
    example: '/api/aksi/summary',
    conditional: true,
    responses: {
      200: { description: 'Ringkasan per tahun.', body: { json: aksiSummarySchema }, headers: ETAG },
      304: NOT_MODIFIED,
    },
  },
  {
    method: 'get',
    path: '/api/aksi',
    route: '/api/aksi',
    tag: 'Aksi konvergensi',
    summary: 'Status aksi konvergensi per kab/kota',
    description:
      'Satu baris per kab/kota (satu provinsi, atau seluruh Indonesia) untuk satu tahun: status tiap aksi, jumlah aksi selesai, skor dan kategori kinerja. Kab/kota yang tidak ikut tahun itu memiliki status null. Data demonstrasi ditandai `demo: true`.',
    example: '/api/aksi?period=2024&parent=53',
    query: AKSI_QUERY,
    parameterText: {
      period: 'Tahun penilaian, mis. `2024`. Aksi 1-8 untuk 2021-2024; aksi utama dan pendukung sejak 2025.',
      parent: 'Kode provinsi (mis. `53`); tanpa parameter ini atau `ID`: semua kab/kota di Indonesia.',
    },
    conditional: true,
    responses: {
      200: { description: 'Baris per kab/kota, urut kode.', body: { json: aksiTableSchema }, headers: ETAG },
      304: NOT_MODIFIED,
      400: BAD_REQUEST,
      404: problem('Provinsi tidak dikenal.'),
    },
  },
];
