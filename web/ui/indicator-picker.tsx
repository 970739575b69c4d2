import type { Indicator } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { availability, groupIndicators, indicatorName, levelsText } from '../state/indicator-groups.ts';
import type { View } from '../state/view.ts';

/**
 * A native select: keyboard and screen readers work as everywhere. An indicator that is not reported
 * at the level shown, nor on the way up, is disabled and says where it is reported.
 */
export function IndicatorPicker(props: {
  indicators: readonly Indicator[];
  view: View;
  onChange(indicator: Indicator): void;
}) {
  const groups = groupIndicators(props.indicators);
  const byId = new Map(props.indicators.map((i) => [i.id, i]));
  return (
    <div class="indicator-picker">
      <label for="indikator">{t('picker.label')}</label>
      <select
        id="indikator"
        value={props.view.indicator}
        onChange={(e) => {
          const chosen = byId.get(e.currentTarget.value);
          if (chosen) props.onChange(chosen);
        }}
      >
        {groups.map((group) => (
          <optgroup key={group.key} label={group.label}>
            {group.indicators.map((indicator) => {
              const where = availability(indicator, props.view);
              const suffix =
                where.kind === 'here'
                  ? ''
                  : where.kind === 'above'
                    ? t('picker.atLevel', { level: t(`level.${where.view.level}.many`) })
                    : t('picker.onlyAt', { levels: levelsText(indicator.levels) });
              return (
                <option key={indicator.id} value={indicator.id} disabled={where.kind === 'elsewhere'}>
                  {indicatorName(indicator)}
                  {suffix}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
