import { classLabels, type Classification } from '../map/classes.ts';
import { formatBreak } from '../format/number.ts';

export function Legend(props: { title: string; unit: string; classification: Classification }) {
  const rows = classLabels(props.classification, formatBreak);
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" class="legend-title">
        {props.title} {props.unit ? `(${props.unit})` : ''}
      </h2>
      <ul class="legend-rows" aria-label="Legenda">
        {rows.map((row) => (
          <li key={row.label} class="legend-row">
            <span class="swatch" style={{ background: row.color }} aria-hidden="true" />
            <span>{row.label}</span>
          </li>
        ))}
        <li class="legend-row">
          <span class="swatch swatch-no-data" aria-hidden="true" />
          <span>Tidak ada data</span>
        </li>
      </ul>
    </section>
  );
}
