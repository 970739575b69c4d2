import { formatTarget, formatValue } from '../format/number.ts';
import { locale, t } from '../i18n/i18n.ts';
import type { Level } from '../state/view.ts';

/** What the alt text of a published map is made of: the figures the map paints, with names. */
export interface AltTextInput {
  /** The indicator's name in the page's language. */
  readonly indicator: string;
  readonly unit: string;
  /** The national target and which side of it is better; null/none when there is no target. */
  readonly target: number | null;
  readonly direction: 'higher' | 'lower' | 'none';
  readonly level: Level;
  /** The region whose children are shown; null for Indonesia. */
  readonly regionName: string | null;
  readonly period: string | null;
  /** Every region shown, with its value or null when it has none. */
  readonly regions: readonly { readonly nama: string; readonly value: number | null }[];
  readonly demo: boolean;
}

/**
 * A description of a published map for people who cannot see it, in the page's language, made from
 * the data: "Peta Prevalensi stunting per kabupaten/kota di Nusa Tenggara Timur, 2022. 22 dari 22
 * kabupaten/kota berada di atas target 14%. Tertinggi Timor Tengah Selatan (48,3%), terendah Kota
 * Kupang (25,4%)." Used as the embed's figcaption, the SVG's <desc> and beside PNG downloads.
 */
export function altText(input: AltTextInput): string {
  const level = t(`level.${input.level}.many`);
  // "by province", "1 regency/city": English wants the singular there; Indonesian has one form.
  const levelOne = t(`level.${input.level}.one`).toLocaleLowerCase(locale());
  const one = (count: number) => new Intl.PluralRules(locale()).select(count) === 'one';
  const where = input.regionName === null ? t('alt.where.national') : t('alt.where.region', { name: input.regionName });
  const parts = [t('alt.lead', { indicator: input.indicator, level: levelOne, where, period: input.period ?? '—' })];
  const withValue = input.regions.filter((r): r is { nama: string; value: number } => r.value !== null && Number.isFinite(r.value));
  const missing = input.regions.length - withValue.length;
  if (withValue.length === 0) {
    parts.push(t('alt.none'));
  } else {
    const { target, direction } = input;
    if (target !== null && direction !== 'none') {
      const wrong = withValue.filter((r) => (direction === 'lower' ? r.value > target : r.value < target)).length;
      const key = direction === 'lower' ? 'alt.target.above' : 'alt.target.below';
      parts.push(t(one(wrong) ? `${key}.one` : key, { count: wrong, total: withValue.length, level, target: formatTarget(target, input.unit) }));
    }
    // Ties are broken by name, so the same data always gives the same sentence.
    const sorted = [...withValue].sort((a, b) => b.value - a.value || a.nama.localeCompare(b.nama));
    const max = sorted[0] as { nama: string; value: number };
    const min = sorted.at(-1) as { nama: string; value: number };
    if (sorted.length === 1) parts.push(t('alt.single', { name: max.nama, value: formatValue(max.value, input.unit) }));
    else parts.push(t('alt.extremes', { maxName: max.nama, max: formatValue(max.value, input.unit), minName: min.nama, min: formatValue(min.value, input.unit) }));
  }
  if (missing > 0 && withValue.length > 0) {
    parts.push(one(missing) ? t('alt.missing.one', { count: missing, level: levelOne }) : t('alt.missing', { count: missing, level }));
  }
  if (input.demo) parts.push(t('alt.demo'));
  return parts.join(' ');
}
