import { z } from 'zod';
import { LEVELS, REGION_CODE_PATTERN } from '../../shared/api/common.ts';
import { DOCUMENT_QUERY, FEATURE_QUERY, ITEMS_QUERY } from '../ogc/query.ts';
import { BAD_REQUEST, problem, type Operation, type ResponseSpec } from './operation.ts';

/**
 * OGC API - Features under /ogc (server/routes/ogc.ts), described here with its own query validators.
 * The bodies follow the OGC standard (landing page, conformance, collections, GeoJSON), so they are
 * described by reference to it rather than by a schema of ours. Any /ogc route missing here is still
 * listed by document.ts, with a generic summary.
 */

const OGC_TEXT: Record<string, string> = {
  f: 'Format jawaban: `json` atau `geojson` (satu-satunya yang dilayani).',
  bbox: 'Hanya fitur yang memotong kotak ini: `barat,selatan,timur,utara` dalam derajat (CRS84), mis. `115.1,-8.8,115.3,-8.6`.',
  'bbox-crs': 'Sistem koordinat `bbox`; hanya CRS84.',
  crs: 'Sistem koordinat jawaban; hanya CRS84.',
  limit: 'Jumlah fitur per halaman (bawaan 100, paling banyak 10.000); halaman berikutnya ada di tautan `next`.',
  offset: 'Lewati sekian fitur pertama (penomoran halaman).',
  parent: 'Hanya wilayah di bawah wilayah ini (kode Kemendagri).',
  indicator: 'Gabungkan nilai indikator ini sebagai properti fitur (bersama `period`).',
  period: 'Periode nilai yang digabungkan (bersama `indicator`).',
  datetime: 'Parameter inti OGC; batas wilayah tidak punya waktu, jadi setiap fitur cocok.',
  level: 'Koleksi: satu per tingkat wilayah.',
  kode: 'Kode wilayah Kemendagri fitur.',
};

const COLLECTION = z.object({ level: z.enum(LEVELS) });
const FEATURE = z.object({ level: z.enum(LEVELS), kode: z.string().regex(REGION_CODE_PATTERN) });

const json = (description: string, reference: string): ResponseSpec => ({
  description,
  body: { mediaType: 'application/json', schema: { type: 'object', description: reference } },
});
const geojson = (description: string, reference: string): ResponseSpec => ({
  description,
  body: { mediaType: 'application/geo+json', schema: { type: 'object', description: reference } },
});
const NO_GEOMETRY = problem('Poligon tingkat ini belum terpasang di server ini.');
const STANDARD = 'OGC API - Features - Part 1: Core (OGC 17-069r4)';

const ogc = (operation: Omit<Operation, 'method' | 'tag' | 'parameterText'>): Operation => ({ method: 'get', tag: 'OGC API Features', parameterText: OGC_TEXT, ...operation });

export const OGC_OPERATIONS: Operation[] = [
  ogc({
    path: '/ogc',
    route: '/ogc',
    summary: 'Halaman awal OGC API – Features',
    description: 'Titik masuk untuk GDAL/OGR, QGIS, ArcGIS dan klien OGC lain: tautan ke kesesuaian, koleksi dan definisi API ini (`service-desc`).',
    example: '/ogc',
    query: DOCUMENT_QUERY,
    responses: { 200: json('Halaman awal.', `Landing page, ${STANDARD} §7.2`), 400: BAD_REQUEST },
  }),
  ogc({
    path: '/ogc/conformance',
    route: '/ogc/conformance',
    summary: 'Kelas kesesuaian',
    description: 'Kelas kesesuaian OGC yang dipenuhi (Core dan GeoJSON).',
    example: '/ogc/conformance',
    query: DOCUMENT_QUERY,
    responses: { 200: json('Daftar `conformsTo`.', `Conformance declaration, ${STANDARD} §7.4`), 400: BAD_REQUEST },
  }),
  ogc({
    path: '/ogc/collections',
    route: '/ogc/collections',
    summary: 'Koleksi: satu per tingkat wilayah',
    description: 'Koleksi fitur: provinsi, kabkota, kecamatan dan desa, masing-masing dengan cakupan dan tautannya.',
    example: '/ogc/collections',
    query: DOCUMENT_QUERY,
    responses: { 200: json('Koleksi.', `Collections, ${STANDARD} §7.13`), 400: BAD_REQUEST },
  }),
  ogc({
    path: '/ogc/collections/{level}',
    route: '/ogc/collections/:level',
    summary: 'Satu koleksi',
    description: 'Keterangan satu koleksi (tingkat wilayah): judul, cakupan, tautan ke fiturnya.',
    example: '/ogc/collections/provinsi',
    params: COLLECTION,
    query: DOCUMENT_QUERY,
    responses: { 200: json('Koleksi.', `Collection, ${STANDARD} §7.14`), 400: BAD_REQUEST, 404: problem('Koleksi tidak dikenal.') },
  }),
  ogc({
    path: '/ogc/collections/{level}/items',
    route: '/ogc/collections/:level/items',
    summary: 'Fitur satu koleksi (GeoJSON)',
    description:
      'Batas wilayah satu tingkat sebagai GeoJSON FeatureCollection, per halaman (`limit`/`offset`), disaring dengan `bbox` dan `parent`; dengan `indicator` dan `period`, nilai indikator menjadi properti fitur.',
    example: '/ogc/collections/provinsi/items?limit=5&indicator=prevalensi_stunting&period=2022',
    params: COLLECTION,
    query: ITEMS_QUERY,
    responses: {
      200: geojson('FeatureCollection.', `Features, ${STANDARD} §7.15`),
      400: BAD_REQUEST,
      404: problem('Koleksi, wilayah induk atau indikator tidak dikenal.'),
      503: NO_GEOMETRY,
    },
  }),
  ogc({
    path: '/ogc/collections/{level}/items/{kode}',
    route: '/ogc/collections/:level/items/:kode',
    summary: 'Satu fitur (GeoJSON)',
    description: 'Batas satu wilayah sebagai GeoJSON Feature; dengan `indicator` dan `period`, nilainya menjadi properti.',
    example: '/ogc/collections/kabkota/items/53.01',
    params: FEATURE,
    query: FEATURE_QUERY,
    responses: {
      200: geojson('Feature.', `Feature, ${STANDARD} §7.16`),
      400: BAD_REQUEST,
      404: problem('Tidak ada fitur dengan kode itu di koleksi ini.'),
      503: NO_GEOMETRY,
    },
  }),
];
