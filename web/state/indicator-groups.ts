import type { Indicator } from '../api/client.ts';
import { language, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages/index.ts';
import { LEVELS, viewShowing, type View } from './view.ts';

/**
 * The indicator catalogue as users think of it: prevalence first, then coverage by target group
 * (sasaran), the convergence actions' performance, budget, and reporting.
 */

export interface IndicatorGroup {
  /** Stable across languages: "cakupan:Remaja putri", "kinerja". */
  readonly key: string;
  /** In the page's language: "Cakupan intervensi: Remaja putri". */
  readonly label: string;
  readonly indicators: readonly Indicator[];
}

/** Target groups in the order of the life cycle, as the coverage catalogue lists them. */
const SASARAN_ORDER = [
  'Ibu hamil/nifas/menyusui',
  'Baduta 0-23 bulan',
  'Balita 24-59 bulan',
  'Remaja putri',
  'Calon pengantin',
  'Rumah tangga & masyarakat',
] as const;

/** The aksi statuses are shown with the performance they make up. */
const GROUP_OF_KELOMPOK: Record<Indicator['kelompok'], 'prevalensi' | 'cakupan' | 'kinerja' | 'anggaran' | 'pelaporan'> = {
  prevalensi: 'prevalensi',
  cakupan: 'cakupan',
  kinerja: 'kinerja',
  aksi: 'kinerja',
  anggaran: 'anggaran',
  pelaporan: 'pelaporan',
};
const GROUP_ORDER = ['prevalensi', 'cakupan', 'kinerja', 'anggaran', 'pelaporan'] as const;

function sasaranLabel(sasaran: string): string {
  const known = SASARAN_ORDER.find((s) => s === sasaran);
  return known ? t(`sasaran.${known}`) : sasaran;
}

function groupOf(indicator: Indicator): { key: string; label: string; rank: number } {
  const group = GROUP_OF_KELOMPOK[indicator.kelompok];
  const groupLabel = t(`group.${group}` satisfies MessageKey);
  const rank = GROUP_ORDER.indexOf(group) * 100;
  if (group !== 'cakupan') return { key: group, label: groupLabel, rank };
  const sasaran = indicator.sasaran || '';
  const position = SASARAN_ORDER.findIndex((s) => s === sasaran);
  return {
    key: `${group}:${sasaran}`,
    label: `${groupLabel}: ${sasaran ? sasaranLabel(sasaran) : t('group.sasaranOther')}`,
    rank: rank + 1 + (position === -1 ? SASARAN_ORDER.length : position),
  };
}

/** Groups in the order above; within a group, the catalogue's order. Empty groups are left out. */
export function groupIndicators(indicators: readonly Indicator[]): IndicatorGroup[] {
  const groups = new Map<string, { label: string; rank: number; indicators: Indicator[] }>();
  for (const indicator of indicators) {
    const { key, label, rank } = groupOf(indicator);
    const group = groups.get(key) ?? { label, rank, indicators: [] };
    group.indicators.push(indicator);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([key, { label, indicators: list }]) => ({ key, label, indicators: list }));
}

/** The key of the group an indicator is listed in (see IndicatorGroup.key). */
export function groupKeyOf(indicator: Indicator): string {
  return groupOf(indicator).key;
}

/**
 * An indicator's name in the page's language. The catalogue names every indicator in Indonesian
 * (`nama`) and in English (`name_en`); without an English name the Indonesian one is shown.
 */
export function indicatorName(indicator: Pick<Indicator, 'nama'> & { readonly name_en?: string | undefined }): string {
  return language() === 'en' && indicator.name_en ? indicator.name_en : indicator.nama;
}

/** "provinsi, kabupaten/kota": the levels an indicator is reported at, top down. */
export function levelsText(levels: readonly string[]): string {
  return LEVELS.filter((l) => levels.includes(l))
    .map((l) => t(`level.${l}.many`))
    .join(', ');
}

export type Availability =
  /** Reported at the level shown. */
  | { readonly kind: 'here' }
  /** Not here, but at a level above on the way back to Indonesia: choosing it goes there. */
  | { readonly kind: 'above'; readonly view: View }
  | { readonly kind: 'elsewhere' };

/** Whether `indicator` can be shown from `view`, and where. */
export function availability(indicator: Pick<Indicator, 'id' | 'levels'>, view: View): Availability {
  if (indicator.levels.includes(view.level)) return { kind: 'here' };
  const up = viewShowing({ ...view, indicator: indicator.id }, indicator.levels);
  return up === null ? { kind: 'elsewhere' } : { kind: 'above', view: up };
}

/**
 * The view after choosing `indicator`: same place (or the nearest level above that has it), its periods.
 * Classes go back to the indicator's own scheme: breaks chosen by hand for one unit (%, rupiah, a
 * score) mean nothing for another.
 */
export function viewWithIndicator(view: View, indicator: Indicator): View | null {
  const where = availability(indicator, view);
  if (where.kind === 'elsewhere') return null;
  const base = where.kind === 'here' ? { ...view, indicator: indicator.id } : where.view;
  if (indicator.id === view.indicator) return base;
  // A year the new indicator also has is kept, so that indicators of one year can be compared.
  const period = view.period !== null && indicator.periods.includes(view.period) ? view.period : null;
  const shown = period ?? indicator.default_period;
  // So is the comparison year, when the new indicator has it and it is not the year shown.
  const compare = view.compare !== null && indicator.periods.includes(view.compare) && view.compare !== shown ? view.compare : null;
  return { ...base, period, compare, classMethod: 'auto', breaks: null };
}
