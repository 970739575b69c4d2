import type { Level } from '../catalogue.ts';
import { CRS84, ITEMS_LIMIT } from './query.ts';
import type { LevelSummary } from './service.ts';

/**
 * The JSON documents of OGC API - Features - Part 1: Core (OGC 17-069r4): landing page, conformance
 * declaration and collection descriptions. Titles and descriptions are Indonesian first; field names
 * and link relations are the standard's.
 */

export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.1',
} as const;

/**
 * Core and GeoJSON. Not oas30: the service description (/api/openapi.json, linked as service-desc) is
 * OpenAPI 3.1, and Part 1 1.0 has a conformance class for OpenAPI 3.0 only.
 */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

export const ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025';

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

const TITLES: Record<Level, { title: string; english: string; simplified: string }> = {
  provinsi: { title: 'Provinsi', english: 'provinces', simplified: '76 m' },
  kabkota: { title: 'Kabupaten/Kota', english: 'regencies and cities', simplified: '4.8 m' },
  kecamatan: { title: 'Kecamatan', english: 'districts', simplified: '4.8 m' },
  desa: { title: 'Desa/Kelurahan', english: 'villages', simplified: '4.8 m' },
};

export function landingPage(base: string) {
  return {
    title: 'Peta Konvergensi Stunting: batas wilayah (OGC API - Features)',
    description:
      'Batas provinsi, kabupaten/kota, kecamatan dan desa/kelurahan Indonesia (kode Kepmendagri 300.2.2-2138/2025), ' +
      'dengan nilai indikator stunting bila diminta (?indicator=…&period=…). ' +
      'Boundaries of the four administrative levels of Indonesia, optionally with indicator values joined.',
    attribution: ATTRIBUTION,
    links: [
      { href: `${base}/ogc`, rel: 'self', type: MEDIA.json, title: 'Halaman ini (this document)' },
      { href: `${base}/api/openapi.json`, rel: 'service-desc', type: MEDIA.openapi, title: 'Definisi API (OpenAPI 3.1)' },
      { href: `${base}/ogc/conformance`, rel: 'conformance', type: MEDIA.json, title: 'Kelas kesesuaian (conformance classes)' },
      { href: `${base}/ogc/collections`, rel: 'data', type: MEDIA.json, title: 'Koleksi: satu per tingkat wilayah (collections)' },
    ] satisfies Link[],
  };
}

export function collectionDocument(base: string, summary: LevelSummary) {
  const { title, english, simplified } = TITLES[summary.level];
  const href = `${base}/ogc/collections/${summary.level}`;
  return {
    id: summary.level,
    title,
    description:
      `Batas ${summary.count.toLocaleString('id-ID')} ${title.toLowerCase()} (kode Kepmendagri 2025), disederhanakan ${simplified}. ` +
      `Properti: kode, nama, level, parent dan nama wilayah induk; nilai indikator dengan ?indicator=…&period=… ` +
      `(lihat /api/indicators). Boundaries of Indonesia's ${english}; ${ATTRIBUTION}.`,
    attribution: ATTRIBUTION,
    extent: { spatial: { bbox: [summary.bbox], crs: CRS84 } },
    itemType: 'feature',
    crs: [CRS84],
    links: [
      { href, rel: 'self', type: MEDIA.json, title },
      { href: `${href}/items`, rel: 'items', type: MEDIA.geojson, title: `${title} (GeoJSON, ${ITEMS_LIMIT.default} per halaman, limit hingga ${ITEMS_LIMIT.max})` },
    ] satisfies Link[],
  };
}

export function collectionsDocument(base: string, summaries: LevelSummary[]) {
  return {
    links: [{ href: `${base}/ogc/collections`, rel: 'self', type: MEDIA.json, title: 'Koleksi (collections)' }] satisfies Link[],
    collections: summaries.map((summary) => collectionDocument(base, summary)),
  };
}
