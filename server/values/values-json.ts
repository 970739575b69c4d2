import { FLAG, type LevelValues } from './level-values.ts';
import { CATEGORY_COUNT } from './rollup.ts';

/**
 * The body of /api/values, written straight from the columns into UTF-8 bytes: for all 83,762 desa,
 * building objects for JSON.stringify (or even one string per region) cost more than reading the
 * values from the database. The shape is the documented one: each distinct source listed once in
 * `sources` and referred to by index, and fields at their usual value left out (`demo` when false,
 * `basis` when "direct", numerator and denominator when unknown). Numbers are written exactly as
 * JSON.stringify writes them (tests/unit/values-json.test.ts checks this).
 */
export interface ValuesHead {
  indicator: string;
  period: string;
  level: string;
  parent: string | null;
  unit: string;
}

export function valuesJson(head: ValuesHead, values: LevelValues, kodes: readonly string[]): Uint8Array<ArrayBuffer> {
  const out = new JsonWriter(values.size * 96 + 1024);
  // Sources are numbered in order of first use, so a source no region ends up with is not listed.
  const renumber = new Int32Array(values.sources.length).fill(-1);
  const sources: string[] = [];
  for (let i = 0; i < values.size; i++) {
    if (!((values.flags[i] ?? 0) & FLAG.value)) continue;
    const id = values.sourceOf[i] ?? 0;
    if ((renumber[id] ?? -1) < 0) renumber[id] = sources.push(values.sources[id] ?? '') - 1;
  }
  out.text(
    `{"indicator":${JSON.stringify(head.indicator)},"period":${JSON.stringify(head.period)},"level":${JSON.stringify(head.level)},` +
      `"parent":${JSON.stringify(head.parent)},"unit":${JSON.stringify(head.unit)},"sources":${JSON.stringify(sources)},"values":{`,
  );
  let first = true;
  for (let i = 0; i < values.size; i++) {
    const flags = values.flags[i] ?? 0;
    if (!(flags & FLAG.value)) continue;
    if (!first) out.ascii(',');
    first = false;
    // Codes are digits and dots: nothing to escape.
    out.ascii('"');
    out.ascii(kodes[values.start + i] ?? '');
    out.ascii('":{"value":');
    out.fixed4(values.values[i] ?? Number.NaN);
    const numerator = values.numerators[i] ?? Number.NaN;
    if (!Number.isNaN(numerator)) {
      out.ascii(',"numerator":');
      out.number(numerator);
    }
    const denominator = values.denominators[i] ?? Number.NaN;
    if (!Number.isNaN(denominator)) {
      out.ascii(',"denominator":');
      out.number(denominator);
    }
    out.ascii(',"source":');
    out.number(renumber[values.sourceOf[i] ?? 0] ?? 0);
    if (flags & FLAG.demo) out.ascii(',"demo":true');
    if (flags & FLAG.rollup) out.ascii(',"basis":"rollup"');
    if (flags & FLAG.counts) {
      out.ascii(',"reporting":');
      out.number(values.reporting[i] ?? 0);
      out.ascii(',"expected":');
      out.number(values.expected[i] ?? 0);
    }
    if (flags & FLAG.distribution && values.categories) {
      out.ascii(`,"distribution":[${Array.from(values.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT)).join(',')}]`);
    }
    const note = values.notes.get(i);
    if (note?.inheritedFrom !== undefined) out.text(`,"inheritedFrom":${JSON.stringify(note.inheritedFrom)}`);
    if (note) out.text(`,"note":${JSON.stringify(note.note)}`);
    out.ascii('}');
  }
  out.ascii('}}');
  return out.done();
}

/** Four decimals are more than any indicator is measured to, and keep responses small. */
export function roundValue(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A growing UTF-8 buffer with the few writes the values body needs. */
export class JsonWriter {
  private buf: Uint8Array<ArrayBuffer>;
  private pos = 0;
  private static readonly encoder = new TextEncoder();

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  private ensure(extra: number) {
    if (this.pos + extra <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Text known to be ASCII. */
  ascii(text: string) {
    this.ensure(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  /** Any text, UTF-8 encoded. */
  text(text: string) {
    this.ensure(text.length * 3);
    this.pos += JsonWriter.encoder.encodeInto(text, this.buf.subarray(this.pos)).written;
  }

  /** A number as JSON.stringify writes it (non-finite: null). */
  number(value: number) {
    if (Number.isSafeInteger(value) && value >= 0) this.digits(value);
    else this.ascii(Number.isFinite(value) ? `${value}` : 'null');
  }

  /** roundValue(value) as JSON.stringify writes it, without the detour through a string. */
  fixed4(value: number) {
    const scaled = Math.round(value * 10_000);
    // Past 1e15 the integer and fraction parts below would no longer be exact.
    if (!(Math.abs(scaled) < 1e15)) {
      this.number(roundValue(value));
      return;
    }
    const magnitude = Math.abs(scaled);
    if (scaled < 0) this.ascii('-');
    const whole = Math.floor(magnitude / 10_000);
    let fraction = magnitude - whole * 10_000;
    this.digits(whole);
    if (fraction === 0) return;
    this.ensure(5);
    this.buf[this.pos++] = 0x2e; // '.'
    let width = 4;
    while (fraction % 10 === 0) {
      fraction /= 10;
      width--;
    }
    for (let p = width - 1; p >= 0; p--) {
      this.buf[this.pos + p] = 0x30 + (fraction % 10);
      fraction = Math.floor(fraction / 10);
    }
    this.pos += width;
  }

  /** A non-negative safe integer. */
  private digits(value: number) {
    let length = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) length++;
    this.ensure(length);
    let v = value;
    for (let p = length - 1; p >= 0; p--) {
      this.buf[this.pos + p] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.pos += length;
  }

  done(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.pos);
  }
}
