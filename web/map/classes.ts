/**
 * Classes for a choropleth: breaks and colours as data, so that later classifications
 * (quantiles, natural breaks) only produce another `Classification`.
 *
 * A classification with breaks [b1, ..., bn] has n + 1 classes:
 * (-inf, b1), [b1, b2), ..., [bn, +inf). Class i is painted colors[i].
 */

export interface Classification {
  /** Strictly ascending lower bounds of classes 1..n. */
  readonly breaks: readonly number[];
  /** One colour per class: breaks.length + 1 of them, lowest values first. */
  readonly colors: readonly string[];
  /** Names of the classes for the legend (categories); absent for numeric classes. */
  readonly labels?: readonly string[];
}

/** Throws with a message that says what is wrong, so a bad classification fails loudly where it is made. */
export function makeClassification(
  breaks: readonly number[],
  colors: readonly string[],
  labels?: readonly string[],
): Classification {
  if (colors.length !== breaks.length + 1) {
    throw new Error(
      `a classification with ${breaks.length} breaks needs ${breaks.length + 1} colours, got ${colors.length}`,
    );
  }
  for (const [i, b] of breaks.entries()) {
    if (!Number.isFinite(b)) throw new Error(`break ${i} is ${b}; breaks must be finite numbers`);
    const prev = breaks[i - 1];
    if (prev !== undefined && b <= prev) {
      throw new Error(`breaks must be strictly ascending: break ${i} (${b}) is not above break ${i - 1} (${prev})`);
    }
  }
  if (labels !== undefined && labels.length !== colors.length) {
    throw new Error(`${colors.length} classes need ${colors.length} labels, got ${labels.length}`);
  }
  return labels === undefined
    ? { breaks: [...breaks], colors: [...colors] }
    : { breaks: [...breaks], colors: [...colors], labels: [...labels] };
}

/**
 * Stunting prevalence (%): the WHO public-health-significance thresholds (10, 20, 30; WHO/UNICEF 2019,
 * "Recommendations for data collection, analysis and reporting on anthropometric indicators in children
 * under 5 years old"), with the national 2024 target (14%, Perpres 72/2021) and the midpoints 25 and 35
 * added, because almost every Indonesian region lies between 10 and 40.
 * Colours: ColorBrewer YlOrRd, 7 classes (colour-blind safe, sequential).
 */
export const STUNTING_PREVALENCE: Classification = makeClassification(
  [10, 14, 20, 25, 30, 35],
  ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
);

/** Index of the class that holds `value`; values equal to a break go to the class above it. */
export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}

export function colorFor(value: number, classification: Classification): string {
  return classification.colors[classIndex(value, classification.breaks)] as string;
}

export interface ClassLabel {
  readonly color: string;
  readonly label: string;
}

/**
 * Legend rows, e.g. "< 10", "10 – < 14", ..., "≥ 35", with numbers formatted by `format`;
 * `allValues` names the single class of a classification without breaks.
 */
export function classLabels(
  classification: Classification,
  format: (n: number) => string,
  allValues = 'semua nilai',
): ClassLabel[] {
  const { breaks, colors, labels } = classification;
  if (labels) return colors.map((color, i) => ({ color, label: labels[i] as string }));
  return colors.map((color, i) => {
    const lower = breaks[i - 1];
    const upper = breaks[i];
    let label: string;
    if (lower === undefined && upper === undefined) label = allValues;
    else if (lower === undefined) label = `< ${format(upper as number)}`;
    else if (upper === undefined) label = `≥ ${format(lower)}`;
    else label = `${format(lower)} – < ${format(upper)}`;
    return { color, label };
  });
}

/** How many of `values` fall in each class; nulls and non-finite values are not counted. */
export function classCounts(values: Iterable<number | null | undefined>, classification: Classification): number[] {
  const counts = classification.colors.map(() => 0);
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const i = classIndex(v, classification.breaks);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * A class colour faded towards white, for the classes that are not highlighted while a person points
 * at one class in the legend: `amount` 0 keeps the colour, 1 gives white.
 */
export function fadedColor(hex: string, amount = 0.7): string {
  const n = Number.parseInt(hex.slice(1), 16);
  if (!/^#[0-9a-f]{6}$/i.test(hex) || Number.isNaN(n)) throw new Error(`fadedColor needs a colour like #a1b2c3, got ${hex}`);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}
