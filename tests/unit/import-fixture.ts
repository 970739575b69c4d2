/**
 * Shared fixtures for the import tests: a region index built from a slice of the Kemendagri code list,
 * and a small indicator catalogue.
 *
 * tests/fixtures/wilayah_kemendagri_2025_slice.csv is cut from data/reference/wilayah_kemendagri_2025.csv
 * (Kepmendagri 300.2.2-2138/2025, 91,599 regions) with:
 *   awk -F, 'NR==1 || $1=="provinsi" || ($1=="kabupaten_kota" && ($5=="32"||$5=="53")) || $4=="32.01"
 *     || $4=="53.01" || $4=="53.07" || $2=="32.04.17" || $2=="32.73.14" || $4=="53.01.06" || $4=="32.01.06"
 *     || $4=="32.01.16" || $4=="53.01.01" || $2=="53.07.01.2021"' wilayah_kemendagri_2025.csv
 * i.e. all provinces, the kabupaten/kota of Jawa Barat (32) and NTT (53), the kecamatan of Kabupaten
 * Bogor (32.01), Kupang (53.01) and Sikka (53.07), and the desa of four kecamatan. It keeps two
 * desa named Sukamaju in one kabupaten (32.01.06 and 32.01.16), two regions named Oesao in one
 * kecamatan (53.01.06), Kabupaten and Kota Bandung, and a name with an apostrophe (Regapu’u).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { createRegionIndex, type ImportRow, type IndicatorInfo, type RegionIndex, type RegionInfo } from '../../server/import/index.ts';

const LEVEL_NAMES = { provinsi: 'provinsi', kabupaten_kota: 'kabkota', kecamatan: 'kecamatan', desa_kelurahan: 'desa' } as const;

const CODE_LIST_ROW = z.object({
  level: z.enum(['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan']),
  code: z.string(),
  name: z.string(),
  parent_code: z.string(),
});

export function fixtureRegions(): RegionInfo[] {
  const text = readFileSync(new URL('../fixtures/wilayah_kemendagri_2025_slice.csv', import.meta.url), 'utf8');
  const records = z.array(CODE_LIST_ROW).parse(parse(text, { columns: true }));
  return records.map((row) => ({ kode: row.code, level: LEVEL_NAMES[row.level], nama: row.name.trim(), parent: row.parent_code === '' ? null : row.parent_code }));
}

export function fixtureIndex(): RegionIndex {
  return createRegionIndex(fixtureRegions());
}

const INTERVENTION_IDS = [
  ...['IH-1', 'IH-2', 'IH-3', 'IH-4', 'IH-5'],
  ...['BD-1', 'BD-2', 'BD-3', 'BD-4', 'BD-5', 'BD-6', 'BD-7', 'BD-8', 'BD-9', 'BD-10'],
  ...['BL-1', 'BL-2', 'BL-3', 'BL-4', 'BL-5', 'BL-6'],
  ...['RP-1', 'RP-2', 'CP-1', 'CP-2'],
  ...['RT-1', 'RT-2', 'RT-3', 'RT-4', 'RT-5', 'RT-6'],
];

/** The 31 intervention indicators (reported for desa and kecamatan; BL-5 is a count), stunting prevalence, and one category. */
export const INDICATORS: IndicatorInfo[] = [
  { id: 'prevalensi_stunting', nama: 'Prevalensi stunting balita', kind: 'rate', levels: ['provinsi', 'kabkota'], unit: '%' },
  ...INTERVENTION_IDS.map((id): IndicatorInfo => ({ id, nama: `Intervensi ${id}`, kind: id === 'BL-5' ? 'count' : 'rate', levels: ['desa', 'kecamatan'], unit: id === 'BL-5' ? 'kasus' : '%' })),
  { id: 'status_desa', nama: 'Status desa membangun', kind: 'category', levels: ['desa'], unit: '' },
];

export const PERIODS = { min: 2018, max: 2025 };

/** An expected parsed row: period 2024, no numerator or denominator unless `extra` says otherwise. */
export const row = (line: number, kode: string, indicator: string, value: number | null, extra: Partial<ImportRow> = {}): ImportRow => ({
  line,
  kode,
  indicator,
  period: '2024',
  value,
  numerator: null,
  denominator: null,
  ...extra,
});
