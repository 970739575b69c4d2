import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { LevelValues, ResolvedValue } from './level-values.ts';
import type { LevelNodes } from './region-tree.ts';

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

function applicable(successions: Succession[], level: string, period: string): Succession[] {
  return successions.filter((row) => row.level === level && period <= row.periode_terakhir_sebelum_pemekaran);
}

/**
 * The old regions whose figures the successors in ordinals [start, end) may inherit but that lie
 * outside that run (a new province's kab/kota inherit from kab/kota of the old province): resolve.ts
 * reads their real values too.
 */
export function predecessorsOutside(successions: Succession[], level: string, period: string, nodes: LevelNodes, start: number, end: number): string[] {
  const inRun = (kode: string) => {
    const ordinal = nodes.ordinalOf.get(kode);
    return ordinal !== undefined && ordinal >= start && ordinal < end;
  };
  return [...new Set(applicable(successions, level, period).filter((row) => inRun(row.kode_baru) && !inRun(row.kode_lama)).map((row) => row.kode_lama))];
}

/**
 * Adds, for periods up to the split, the old region's real figure to each successor that has none of
 * its own, and notes on the old region's code that its figure covers the area before the split.
 * `outside` holds the real figures of old regions outside the run (see predecessorsOutside).
 */
export function applySuccessions(values: LevelValues, nodes: LevelNodes, successions: Succession[], period: string, outside: Map<string, ResolvedValue>): void {
  const rows = applicable(successions, values.level, period);
  if (rows.length === 0) return;
  const indexOf = (kode: string) => values.indexOf(nodes.ordinalOf.get(kode));
  // Read every published figure before writing any, so that noting the old region's own value does
  // not hide it from its successors.
  const published = new Map(rows.map((row) => [row.kode_lama, indexOf(row.kode_lama) >= 0 ? values.get(indexOf(row.kode_lama)) : outside.get(row.kode_lama)]));
  for (const row of rows) {
    const figure = published.get(row.kode_lama);
    const i = indexOf(row.kode_baru);
    if (!figure || figure.demo || i < 0) continue;
    const successors = rows.filter((s) => s.kode_lama === row.kode_lama).map((s) => s.kode_baru);
    const area = `wilayah yang kini ${successors.join(', ')}`;
    if (row.kode_baru === row.kode_lama) {
      values.set(i, { ...figure, note: `Angka ${row.nama_lama} sebelum pemekaran 2022, mencakup ${area}.` });
      continue;
    }
    const own = values.get(i);
    if (own && !own.demo) continue;
    values.set(i, {
      ...figure,
      inheritedFrom: row.kode_lama,
      note: `Angka ${row.nama_lama} sebelum pemekaran 2022 (${area}), bukan angka ${row.nama_baru} sendiri.`,
    });
  }
}
