import type { ValueText } from '../format/region-value.ts';
import { DEMO_NOTICE } from '../format/region-value.ts';
import type { RegionHit } from '../map/create-map.ts';
import { LEVEL_NAMES } from '../state/view.ts';

/** A region under the pointer: its name and level, then either its value or a plain message. */
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
      <div class="tooltip-level">{LEVEL_NAMES[hit.level].one}</div>
      {typeof value === 'string' ? (
        <div class="tooltip-value">{value}</div>
      ) : (
        <>
          <div class="tooltip-value">{value.value}</div>
          {value.details.map((d) => (
            <div key={d} class="tooltip-detail">
              {d}
            </div>
          ))}
          {value.demo && <div class="demo-badge">{DEMO_NOTICE}</div>}
          {value.source && <div class="tooltip-note">{value.source}</div>}
          {value.note && <div class="tooltip-note">{value.note}</div>}
        </>
      )}
      {props.hint && <div class="tooltip-hint">{props.hint}</div>}
    </div>
  );
}
