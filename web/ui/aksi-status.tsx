import type { Indicator, IndicatorProfile } from '../api/client.ts';
import { formatBreak } from '../format/number.ts';
import { categoryLabel, valueText } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';
import { indicatorName } from '../state/indicator-groups.ts';

/**
 * The aksi konvergensi of one kabupaten/kota for a period: the performance category and score, then
 * every aksi with its status as an icon AND a word (never colour alone): ✓ Selesai, ◐ Proses, ○ Belum.
 */

export interface AksiItem {
  readonly id: string;
  /** "1. Analisis Situasi", without the catalogue's "Status aksi: " prefix. */
  readonly name: string;
  /** The catalogue's category: "Belum", "Proses" or "Selesai". */
  readonly status: string;
  readonly demo: boolean;
}

const ICONS: Record<string, string> = { Selesai: '✓', Proses: '◐', Belum: '○' };

/** The aksi of a profile that have a status in its period, in catalogue order. */
export function aksiItems(profile: readonly IndicatorProfile[], catalogue: ReadonlyMap<string, Indicator>): AksiItem[] {
  return profile.flatMap((p) => {
    const indicator = catalogue.get(p.id);
    if (p.kelompok !== 'aksi' || p.value === null || !indicator?.categories) return [];
    const status = indicator.categories[Math.round(p.value)];
    if (status === undefined) return [];
    const name = indicatorName(indicator).replace(/^(Status aksi|Action status):\s*/, '');
    return [{ id: p.id, name, status, demo: p.demo }];
  });
}

export function aksiSummary(items: readonly AksiItem[]): string {
  return t('aksi.summary', { done: items.filter((i) => i.status === 'Selesai').length, total: items.length });
}

export function AksiStatus(props: {
  items: readonly AksiItem[];
  profile: readonly IndicatorProfile[];
  catalogue: ReadonlyMap<string, Indicator>;
  period: string;
}) {
  const find = (id: string) => {
    const p = props.profile.find((x) => x.id === id);
    const indicator = props.catalogue.get(id);
    return p && p.value !== null && indicator ? valueText(p.value, indicator) : null;
  };
  const category = find('kategori_kinerja');
  const scoreValue = props.profile.find((x) => x.id === 'skor_kinerja')?.value ?? null;
  const score = scoreValue === null ? null : formatBreak(scoreValue);
  if (props.items.length === 0 && !category && !score) {
    return <p class="panel-hint">{t('aksi.none', { period: props.period })}</p>;
  }
  const demo = props.items.some((i) => i.demo);
  return (
    <div class="aksi">
      {(category || score) && (
        <p class="aksi-kinerja">
          {category && <span>{t('aksi.category', { category })}</span>}
          {score && <span>{t('aksi.score', { score })}</span>}
        </p>
      )}
      <ul class="aksi-list" aria-label={t('aksi.title', { period: props.period })}>
        {props.items.map((item) => (
          <li key={item.id} class={`aksi-item is-${item.status.toLowerCase()}`}>
            <span class="aksi-icon" aria-hidden="true">
              {ICONS[item.status] ?? '•'}
            </span>
            <span class="aksi-name">{item.name}</span>
            <span class="aksi-state">{categoryLabel(item.status)}</span>
          </li>
        ))}
      </ul>
      {demo && <p class="panel-hint">{t('aksi.demo')}</p>}
    </div>
  );
}
