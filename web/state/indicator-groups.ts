import type { Indicator } from '../api/client.ts';
import { LEVEL_NAMES, LEVELS, viewShowing, type View } from './view.ts';

/**
 * The indicator catalogue as users think of it: prevalence first, then coverage by target group
 * (sasaran), the convergence actions' performance, budget, and reporting.
 */

export interface IndicatorGroup {
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
];

const GROUP_OF_KELOMPOK: Record<Indicator['kelompok'], string> = {
  prevalensi: 'Prevalensi stunting',
  cakupan: 'Cakupan intervensi',
  kinerja: 'Kinerja aksi konvergensi',
  aksi: 'Kinerja aksi konvergensi',
  anggaran: 'Anggaran',
  pelaporan: 'Pelaporan',
};

function groupLabel(indicator: Indicator): string {
  const group = GROUP_OF_KELOMPOK[indicator.kelompok];
  return indicator.kelompok === 'cakupan' ? `${group}: ${indicator.sasaran || 'lainnya'}` : group;
}

function groupRank(label: string): number {
  const order = ['Prevalensi stunting', 'Cakupan intervensi', 'Kinerja aksi konvergensi', 'Anggaran', 'Pelaporan'];
  const [group = '', sasaran] = label.split(': ');
  const sub = sasaran === undefined ? 0 : SASARAN_ORDER.indexOf(sasaran) + 1 || SASARAN_ORDER.length + 1;
  return order.indexOf(group) * 100 + sub;
}

/** Groups in the order above; within a group, the catalogue's order. Empty groups are left out. */
export function groupIndicators(indicators: readonly Indicator[]): IndicatorGroup[] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const label = groupLabel(indicator);
    groups.set(label, [...(groups.get(label) ?? []), indicator]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b))
    .map(([label, list]) => ({ label, indicators: list }));
}

/** "provinsi, kabupaten/kota": the levels an indicator is reported at, top down. */
export function levelsText(levels: readonly string[]): string {
  return LEVELS.filter((l) => levels.includes(l))
    .map((l) => LEVEL_NAMES[l].many)
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

/** The view after choosing `indicator`: same place (or the nearest level above that has it), its periods. */
export function viewWithIndicator(view: View, indicator: Indicator): View | null {
  const where = availability(indicator, view);
  if (where.kind === 'elsewhere') return null;
  const base = where.kind === 'here' ? { ...view, indicator: indicator.id } : where.view;
  // A year the new indicator also has is kept, so that indicators of one year can be compared.
  const period = view.period !== null && indicator.periods.includes(view.period) ? view.period : null;
  return { ...base, period };
}
