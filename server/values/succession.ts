import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ResolvedValue } from './resolve.ts';

/**
 * Regions split in 2022 (pemekaran Papua), from data/crosswalk/pemekaran_papua_2022.csv. A figure
 * published before the split for the old region is shown on each successor with a note saying so;
 * see data/crosswalk/README.md.
 */
const CROSSWALK_ROW = z.object({
  level: z.enum(['provinsi', 'kabkota']),
  kode_lama: z.string(),
  nama_lama: z.string(),
  kode_baru: z.string(),
  nama_baru: z.string(),
  periode_terakhir_sebelum_pemekaran: z.string().regex(/^\d{4}$/),
  dasar: z.string(),
});
export type Succession = z.infer<typeof CROSSWALK_ROW>;

export function readSuccessions(dataDir: string): Succession[] {
  const records: unknown[] = parse(readFileSync(join(dataDir, 'crosswalk', 'pemekaran_papua_2022.csv')), { columns: true });
  return records.map((record) => CROSSWALK_ROW.parse(record));
}

/**
 * Adds, for periods up to the split, the old region's real figure to each successor that has none of
 * its own, and notes on the old region's code that its figure covers the area before the split.
 */
export function applySuccessions(
  values: Map<string, ResolvedValue>,
  successions: Succession[],
  level: string,
  period: string,
  inScope: (kode: string) => boolean,
): void {
  const applicable = successions.filter((row) => row.level === level && period <= row.periode_terakhir_sebelum_pemekaran);
  // Read every published figure before writing any, so that noting the old region's own value does
  // not hide it from its successors.
  const published = new Map(applicable.map((row) => [row.kode_lama, values.get(row.kode_lama)]));
  for (const row of applicable) {
    const figure = published.get(row.kode_lama);
    if (!figure || figure.demo || !inScope(row.kode_baru)) continue;
    const successors = applicable.filter((s) => s.kode_lama === row.kode_lama).map((s) => s.kode_baru);
    const area = `wilayah yang kini ${successors.join(', ')}`;
    if (row.kode_baru === row.kode_lama) {
      values.set(row.kode_baru, { ...figure, note: `Angka ${row.nama_lama} sebelum pemekaran 2022, mencakup ${area}.` });
      continue;
    }
    const own = values.get(row.kode_baru);
    if (own && !own.demo) continue;
    values.set(row.kode_baru, {
      ...figure,
      inheritedFrom: row.kode_lama,
      note: `Angka ${row.nama_lama} sebelum pemekaran 2022 (${area}), bukan angka ${row.nama_baru} sendiri.`,
    });
  }
}
