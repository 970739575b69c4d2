import type { RegionHit } from '../map/create-map.ts';

export function Tooltip(props: { hit: RegionHit; value: string; note: string | null }) {
  const { hit } = props;
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
      <div class="tooltip-value">{props.value}</div>
      {props.note && <div class="tooltip-note">{props.note}</div>}
    </div>
  );
}
