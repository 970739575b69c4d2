/**
 * The public shapes of an import: what the caller hands in (regions, indicators, the allowed periods)
 * and the report that comes back. The report is all-or-nothing: either every row is valid and `rows`
 * holds them, or `problems` lists everything the user has to fix before trying again.
 */
import { z } from 'zod';
import { LEVELS, type Level } from '../catalogue.ts';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import type { RegionIndex } from './region-index.ts';

export type { Level };

export const LEVEL = z.enum(LEVELS);

export const REGION_INFO = z.object({
  kode: z.string().regex(KEMENDAGRI_CODE_PATTERN, 'kode Kemendagri bertitik, mis. 53.01.01.2001'),
  level: LEVEL,
  nama: z.string().min(1),
  parent: z.string().nullable(),
});
export type RegionInfo = z.infer<typeof REGION_INFO>;

export const INDICATOR_KIND = z.enum(['rate', 'count', 'money', 'score', 'category']);
export type IndicatorKind = z.infer<typeof INDICATOR_KIND>;

export const INDICATOR_INFO = z.object({
  id: z.string().min(1),
  nama: z.string(),
  kind: INDICATOR_KIND,
  levels: z.array(LEVEL).min(1),
  unit: z.string(),
});
export type IndicatorInfo = z.infer<typeof INDICATOR_INFO>;

/** Limits a deployment may tighten; the defaults are commented where they are set. */
export const IMPORT_LIMITS = z.object({
  // 83,762 desa x 31 indicators is ~2.6 million values: the largest legitimate national file.
  maxValues: z.number().int().positive().default(3_000_000),
  // Beyond this the user is better served fixing the file's systematic mistake than reading a list.
  maxProblems: z.number().int().positive().default(1_000),
});
export type ImportLimits = z.infer<typeof IMPORT_LIMITS>;

export const PERIOD_RANGE = z
  .object({ min: z.number().int(), max: z.number().int() })
  .refine((range) => range.min <= range.max, 'periods.min harus <= periods.max');

export interface ImportContext {
  regions: RegionIndex;
  indicators: IndicatorInfo[];
  /** Years a value may be reported for, inclusive. */
  periods: { min: number; max: number };
  /** The year of every row when the file itself has no periode column (chosen in the upload form). */
  period?: number;
  limits?: Partial<ImportLimits>;
}

export interface ImportInput {
  bytes: Uint8Array;
  filename: string;
  /** XLSX only: the sheet to read; the first visible sheet when absent. */
  sheet?: string;
}

export const IMPORT_INPUT = z.object({
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes harus Uint8Array'),
  filename: z.string(),
  sheet: z.string().min(1).optional(),
});

export interface ImportRow {
  /** The line (CSV) or sheet row (XLSX) the value came from, 1-based with the header on line 1. */
  line: number;
  kode: string;
  indicator: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  category?: string;
}

export interface ImportProblem {
  /** 1-based line as the user sees it; problems with the file as a whole are on line 1. */
  line: number;
  /** The column header as written in the file (or the expected header when the column is missing). */
  column: string;
  value: string;
  /** What is wrong, in Bahasa Indonesia. */
  reason: string;
  /** What the user probably meant, phrased to be shown after the reason. */
  suggestion?: string;
}

export type ImportFormat = 'long' | 'wide';

export type ImportResult =
  | { ok: true; rows: ImportRow[]; format: ImportFormat; sheet?: string }
  | { ok: false; problems: ImportProblem[]; rowCount: number; /** problems found beyond `limits.maxProblems` */ omitted: number };
