/**
 * A bullet bar for a percentage or score (0-100): the value as a filled bar, the target as a black
 * tick, the parent region's value as a grey one. Its meaning is also in the words next to it, so
 * the bar is hidden from screen readers.
 */
export function TargetBar(props: { value: number; target: number | null; parent: number | null; met: boolean | null }) {
  const at = (v: number) => `${Math.max(0, Math.min(100, v))}%`;
  const state = props.met === null ? '' : props.met ? ' is-met' : ' is-short';
  return (
    <span class={`target-bar${state}`} aria-hidden="true">
      <span class="target-bar-fill" style={{ width: at(props.value) }} />
      {props.parent !== null && <span class="target-bar-parent" style={{ left: at(props.parent) }} />}
      {props.target !== null && <span class="target-bar-target" style={{ left: at(props.target) }} />}
    </span>
  );
}

/** Units a 0-100 bar suits. */
export function barUnit(unit: string): boolean {
  return unit === '%' || unit === 'skor';
}
