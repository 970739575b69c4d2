import { demoNotice, type ValueText } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';
import type { RegionHit } from '../map/create-map.ts';

/**
 * A region under the pointer: its name and level, then either its value with everything that puts
 * it in context (fraction, reporting, rank, parent, target, source and period), or a plain message.
 */
export function Tooltip(props: { hit: RegionHit; value: ValueText | string; hint?: string | null }) {
  const { hit, value } = props;
  // Stay inside the map: open to the left in the right half, upwards in the lower half.
  const style = {
    left: `${hit.x}px`,
    top: `${hit.y}px`,
    transform: `translate(${hit.x > hit.width / 2 ? 'calc(-100% - 12px)' : '12px'}, ${
      hit.y > hit.height / 2 ? 'calc(-100% - 12px)' : '12px'
    })`,
  };
  return (
    <div class="tooltip" role="tooltip" style={style}>
      <div class="tooltip-title">{hit.nama}</div>
      <div class="tooltip-level">{t(`level.${hit.level}.one`)}</div>
      {typeof value === 'string' ? (
        <div class="tooltip-value">{value}</div>
      ) : (
        <>
          <div class="tooltip-value">{value.value}</div>
          {[...value.details, value.rank, value.gap, value.parent].map(
            (line) =>
              line && (
                <div key={line} class="tooltip-detail">
                  {line}
                </div>
              ),
          )}
          {value.demo && <div class="demo-badge">{demoNotice()}</div>}
          {(value.source || value.period) && (
            <div class="tooltip-note">{[value.source, value.period].filter(Boolean).join(' · ')}</div>
          )}
          {value.note && <div class="tooltip-note">{value.note}</div>}
        </>
      )}
      {props.hint && <div class="tooltip-hint">{props.hint}</div>}
    </div>
  );
}
