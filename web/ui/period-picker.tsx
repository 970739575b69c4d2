export function PeriodPicker(props: { periods: readonly string[]; value: string | null; onChange(period: string): void }) {
  return (
    <fieldset class="periods">
      <legend>Tahun</legend>
      <div class="period-options">
        {props.periods.map((p) => (
          <label key={p} class="period-option">
            <input
              type="radio"
              name="period"
              value={p}
              checked={p === props.value}
              onChange={() => props.onChange(p)}
            />
            <span>{p}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
