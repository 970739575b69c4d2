import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LEVELS, type Level } from '../shared/api/common.ts';
import { INDICATOR_KINDS } from '../shared/api/indicators.ts';

/**
 * The indicator catalogue shipped in data/catalogue/indicators.csv (built by scripts/build-data.ts):
 * what each indicator measures, its unit, which direction is better, the national target where one
 * is set, how its values combine across regions (kind) and where it comes from.
 */
// The levels are part of the API, so they are defined with its schemas (shared/api/).
export { LEVELS, type Level };

export function isLevel(text: string): text is Level {
  return (LEVELS as readonly string[]).includes(text);
}

export { INDICATOR_KINDS };

const optionalNumber = z.string().transform((text) => (text === '' ? null : Number(text)));
const optionalText = z.string().transform((text) => (text === '' ? null : text));
const CATALOGUE_ROW = z.object({
  id: z.string().min(1),
  nama: z.string().min(1),
  name_en: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(['higher', 'lower', 'none']),
  target: optionalNumber,
  target_year: optionalNumber,
  target_source: optionalText,
  kelompok: z.string().min(1),
  sasaran: z.string(),
  jenis: optionalText,
  levels: z.string().transform((text, ctx) => {
    const levels = text.split('|');
    if (!levels.every(isLevel)) ctx.addIssue({ code: 'custom', message: `unknown level in "${text}"` });
    return levels.filter(isLevel);
  }),
  /** category labels in order, e.g. Bertumbuh|Berkembang|Berdaya; null for numeric indicators */
  categories: optionalText,
  /** first and last year the indicator exists (the 8 aksi end in 2024, the 4 + 2 start in 2025) */
  from_year: optionalNumber,
  to_year: optionalNumber,
  source: z.string().min(1),
  sort_order: z.coerce.number().int(),
});

export type IndicatorDefinition = z.infer<typeof CATALOGUE_ROW>;

export function readCatalogue(dataDir: string): IndicatorDefinition[] {
  const file = join(dataDir, 'catalogue', 'indicators.csv');
  const records: unknown[] = parse(readFileSync(file), { columns: true });
  return records.map((record, index) => {
    const row = CATALOGUE_ROW.safeParse(record);
    if (!row.success) throw new Error(`${file} line ${index + 2}: ${z.prettifyError(row.error)}`);
    return row.data;
  });
}

/** Whether the indicator exists in a year (the 8 aksi until 2024, the 4 + 2 from 2025). */
export function existsIn(indicator: Pick<IndicatorDefinition, 'from_year' | 'to_year'>, period: string): boolean {
  const year = Number(period);
  return (indicator.from_year === null || year >= indicator.from_year) && (indicator.to_year === null || year <= indicator.to_year);
}
