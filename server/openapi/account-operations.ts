import { AUDIT_QUERY } from '../routes/audit.ts';
import { LOGIN_BODY, PASSWORD_BODY, SESSION_PARAM, TOKEN_BODY } from '../routes/auth.ts';
import { TARGET_BODY, TARGET_PARAM } from '../routes/targets.ts';
import { USER_BODY, USER_PARAM, USER_PATCH, USERS_QUERY } from '../routes/users.ts';
import { BAD_REQUEST, FORBIDDEN, problem, UNAUTHORIZED, type Operation, type ResponseSpec } from './operation.ts';

/**
 * Accounts (server/routes/auth.ts, users.ts, audit.ts, targets.ts): logging in, sessions and API
 * tokens, user administration, the audit log and national targets. Requests are described by the
 * routes' own validators; the answers are described in words until their shapes move to shared/api/.
 */

const json = (description: string): ResponseSpec => ({ description, body: { mediaType: 'application/json', schema: { type: 'object', description } } });
const NO_CONTENT: ResponseSpec = { description: 'Selesai, tanpa isi.' };
const TOO_MANY = problem('Terlalu banyak percobaan gagal; `Retry-After` menyebut kapan boleh mencoba lagi.');
const ACCOUNT = 'Akun';
const USER_VIEW = 'Pengguna: `id`, `email`, `name`, `role` (admin, provinsi, kabkota), `region`, waktu dibuat dan dihapus.';

const TEXT: Record<string, string> = {
  id: 'Nomor sesi, token, atau pengguna.',
  include_deleted: '`1` atau `true`: sertakan akun yang sudah dihapus.',
  user: 'Hanya entri pengguna dengan nomor ini.',
  action: 'Hanya tindakan ini, mis. `import`, `import.rollback`, `user.update`, atau awalan dengan `*` (`auth.*`).',
  target: 'Hanya entri tentang sasaran ini, mis. `batch:3`.',
  region: 'Hanya entri tentang wilayah ini dan yang di bawahnya (kode Kemendagri).',
  from: 'Sejak tanggal ini (`2025-01-31`) atau waktu ini dengan zona (`2025-01-31T08:00:00+07:00`).',
  to: 'Sampai tanggal atau waktu ini.',
  before: 'Penomoran halaman: entri sebelum nomor ini (tautan `next` jawaban sebelumnya).',
  limit: 'Jumlah entri paling banyak (1 sampai 500).',
};

const account = (operation: Omit<Operation, 'tag'>): Operation => ({ tag: ACCOUNT, parameterText: TEXT, ...operation });

export const ACCOUNT_OPERATIONS: Operation[] = [
  account({
    method: 'post',
    path: '/api/auth/login',
    route: '/api/auth/login',
    summary: 'Masuk',
    description:
      'Masuk dengan email dan kata sandi. Jawabannya memasang cookie sesi dan memberi `csrfToken`, yang harus dikirim di `X-CSRF-Token` pada setiap permintaan menulis dengan cookie. Hanya dari halaman server ini sendiri (Origin diperiksa).',
    example: '/api/auth/login',
    body: LOGIN_BODY,
    responses: { 200: json('Pengguna, `csrfToken` dan `expiresAt` sesi.'), 400: BAD_REQUEST, 401: problem('Email atau kata sandi salah.'), 429: TOO_MANY },
  }),
  account({
    method: 'get',
    path: '/api/auth/session',
    route: '/api/auth/session',
    summary: 'Sesi saat ini',
    description: 'Siapa yang masuk (dengan cookie atau token), dan `csrfToken` sesi untuk halaman yang dimuat ulang; `{"user": null}` bila belum masuk.',
    example: '/api/auth/session',
    responses: { 200: json('`user` (atau null), `via`, `csrfToken`, `expiresAt`.') },
  }),
  account({
    method: 'post',
    path: '/api/auth/logout',
    route: '/api/auth/logout',
    summary: 'Keluar',
    description: 'Mengakhiri sesi (atau mencabut token) yang dipakai permintaan ini.',
    example: '/api/auth/logout',
    auth: {},
    responses: { 204: NO_CONTENT, 401: UNAUTHORIZED },
  }),
  account({
    method: 'put',
    path: '/api/auth/password',
    route: '/api/auth/password',
    summary: 'Ganti kata sandi sendiri',
    description: 'Mengganti kata sandi; sesi lain akun ini diakhiri.',
    example: '/api/auth/password',
    auth: {},
    body: PASSWORD_BODY,
    responses: { 200: json('`changed` dan jumlah sesi yang diakhiri.'), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: problem('Kata sandi sekarang salah.'), 429: TOO_MANY },
  }),
  account({
    method: 'get',
    path: '/api/auth/sessions',
    route: '/api/auth/sessions',
    summary: 'Sesi browser sendiri',
    description: 'Sesi browser akun ini yang masih berlaku, dengan alamat IP, peramban dan waktu terakhir dipakai.',
    example: '/api/auth/sessions',
    auth: {},
    responses: { 200: json('`sessions`.'), 401: UNAUTHORIZED },
  }),
  account({
    method: 'delete',
    path: '/api/auth/sessions/{id}',
    route: '/api/auth/sessions/:id',
    summary: 'Akhiri satu sesi sendiri',
    description: 'Mengakhiri satu sesi browser akun ini, mis. di komputer yang hilang.',
    example: '/api/auth/sessions/1',
    auth: {},
    params: SESSION_PARAM,
    responses: { 204: NO_CONTENT, 400: BAD_REQUEST, 401: UNAUTHORIZED, 404: problem('Tidak ada sesi berlaku dengan nomor itu.') },
  }),
  account({
    method: 'get',
    path: '/api/auth/tokens',
    route: '/api/auth/tokens',
    summary: 'Token API sendiri',
    description: 'Token API akun ini yang masih berlaku (tanpa tokennya sendiri, yang hanya ditunjukkan saat dibuat).',
    example: '/api/auth/tokens',
    auth: {},
    responses: { 200: json('`tokens`.'), 401: UNAUTHORIZED },
  }),
  account({
    method: 'post',
    path: '/api/auth/tokens',
    route: '/api/auth/tokens',
    summary: 'Buat token API',
    description: 'Membuat token API untuk skrip dan sistem lain (`Authorization: Bearer <token>`). Token ditunjukkan sekali ini saja; server hanya menyimpan hash-nya.',
    example: '/api/auth/tokens',
    auth: {},
    body: TOKEN_BODY,
    responses: { 201: json('`token` dan keterangannya.'), 400: BAD_REQUEST, 401: UNAUTHORIZED },
  }),
  account({
    method: 'delete',
    path: '/api/auth/tokens/{id}',
    route: '/api/auth/tokens/:id',
    summary: 'Cabut token API',
    description: 'Mencabut satu token API akun ini.',
    example: '/api/auth/tokens/1',
    auth: {},
    params: SESSION_PARAM,
    responses: { 204: NO_CONTENT, 400: BAD_REQUEST, 401: UNAUTHORIZED, 404: problem('Tidak ada token berlaku dengan nomor itu.') },
  }),
  account({
    method: 'get',
    path: '/api/users',
    route: '/api/users',
    summary: 'Daftar pengguna',
    description: 'Semua akun. Hanya admin.',
    example: '/api/users',
    auth: { roles: ['admin'] },
    query: USERS_QUERY,
    responses: { 200: json(`\`users\`. ${USER_VIEW}`), 401: UNAUTHORIZED, 403: FORBIDDEN },
  }),
  account({
    method: 'post',
    path: '/api/users',
    route: '/api/users',
    summary: 'Buat pengguna',
    description: 'Membuat akun: admin (nasional), provinsi (supervisor satu provinsi) atau kabkota (operator satu kabupaten/kota). Hanya admin.',
    example: '/api/users',
    auth: { roles: ['admin'] },
    body: USER_BODY,
    responses: { 201: json(USER_VIEW), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 409: problem('Email sudah dipakai.') },
  }),
  account({
    method: 'get',
    path: '/api/users/{id}',
    route: '/api/users/:id',
    summary: 'Satu pengguna',
    description: 'Satu akun. Hanya admin.',
    example: '/api/users/1',
    auth: { roles: ['admin'] },
    params: USER_PARAM,
    responses: { 200: json(USER_VIEW), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: problem('Tidak ada pengguna dengan nomor itu.') },
  }),
  account({
    method: 'patch',
    path: '/api/users/{id}',
    route: '/api/users/:id',
    summary: 'Ubah pengguna',
    description: 'Mengubah email, nama, peran, wilayah atau kata sandi satu akun; yang tidak dikirim tetap. Hanya admin.',
    example: '/api/users/1',
    auth: { roles: ['admin'] },
    params: USER_PARAM,
    body: USER_PATCH,
    responses: { 200: json(USER_VIEW), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: problem('Tidak ada pengguna dengan nomor itu.'), 409: problem('Email sudah dipakai.') },
  }),
  account({
    method: 'delete',
    path: '/api/users/{id}',
    route: '/api/users/:id',
    summary: 'Hapus pengguna',
    description: 'Menghapus satu akun (sesi dan tokennya dicabut; catatannya tetap ada di log audit). Hanya admin.',
    example: '/api/users/1',
    auth: { roles: ['admin'] },
    params: USER_PARAM,
    responses: { 200: json(USER_VIEW), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: problem('Tidak ada pengguna dengan nomor itu.') },
  }),
  account({
    method: 'get',
    path: '/api/audit',
    route: '/api/audit',
    summary: 'Log audit',
    description: 'Siapa melakukan apa dan kapan (impor, pembatalan, akun, masuk, target), yang terbaru dulu. Admin membaca semuanya; supervisor provinsi membaca entri provinsinya.',
    example: '/api/audit?action=import&limit=20',
    auth: { roles: ['admin', 'provinsi'] },
    query: AUDIT_QUERY,
    responses: { 200: json('`entries` dan `next` (halaman berikutnya, atau null).'), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN },
  }),
  account({
    method: 'put',
    path: '/api/indicators/{id}/target',
    route: '/api/indicators/:id/target',
    summary: 'Tetapkan target nasional indikator',
    description: 'Menetapkan (atau, dengan `null`, menghapus) target nasional satu indikator; tahun dan dasar yang tidak dikirim menjadi null. Hanya admin. Target ini tetap saat katalog bawaan dimuat ulang.',
    example: '/api/indicators/prevalensi_stunting/target',
    auth: { roles: ['admin'] },
    params: TARGET_PARAM,
    parameterText: { ...TEXT, id: 'Id indikator dari `GET /api/indicators`.' },
    body: TARGET_BODY,
    responses: { 200: json('Target yang tersimpan, dengan waktu dan pengubahnya.'), 400: BAD_REQUEST, 401: UNAUTHORIZED, 403: FORBIDDEN, 404: problem('Indikator tidak dikenal.') },
  }),
];
