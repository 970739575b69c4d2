import type { ChildRegion, Indicator, RegionValue } from '../api/client.ts';
import { valueText } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Regions without a polygon cannot be seen on the map: they are named here, with their values
 * where they have one, so that nobody mistakes them for missing data.
 */
export function MissingBoundaries(props: {
  regions: readonly Pick<ChildRegion, 'kode' | 'nama'>[];
  values: Readonly<Record<string, RegionValue>>;
  indicator: Pick<Indicator, 'unit' | 'categories'>;
}) {
  const names = props.regions.map((r) => {
    const v = props.values[r.kode];
    return v ? `${r.nama} (${valueText(v.value, props.indicator)})` : r.nama;
  });
  return (
    <p class="missing-boundaries" role="note">
      {t('missing.text', { count: props.regions.length, names: names.join(', ') })}
    </p>
  );
}
