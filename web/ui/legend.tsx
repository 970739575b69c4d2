import { classLabels, type Classification } from '../map/classes.ts';
import { DEMO_NOTICE } from '../format/region-value.ts';

export function Legend(props: {
  title: string;
  unit: string;
  classification: Classification;
  formatBreak(value: number): string;
  /** A line under the classes, e.g. how they were made or the national target. */
  notes: readonly string[];
  demo: boolean;
}) {
  const rows = classLabels(props.classification, props.formatBreak);
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" class="legend-title">
        {props.title} {props.unit && props.unit !== 'kategori' && props.unit !== 'status' ? `(${props.unit})` : ''}
      </h2>
      {props.demo && (
        <p class="demo-badge" role="note">
          {DEMO_NOTICE}
        </p>
      )}
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
      {props.notes.map((note) => (
        <p key={note} class="legend-note">
          {note}
        </p>
      ))}
    </section>
  );
}
