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
  const chunks = [...valuesJsonChunks(head, values, kodes, Number.POSITIVE_INFINITY)];
  return chunks.length === 1 && chunks[0] ? chunks[0] : new Uint8Array(Buffer.concat(chunks));
}

/**
 * The same body in chunks of about `chunkBytes`, so that compression (on the thread pool) can run
 * while the next chunk is written: the first request after a data change then waits for the longer
 * of the two rather than for both (response-cache.ts).
 */
export function* valuesJsonChunks(head: ValuesHead, values: LevelValues, kodes: readonly string[], chunkBytes = 256 * 1024): Generator<Uint8Array<ArrayBuffer>> {
  const out = new JsonWriter(Math.min(values.size * 96, chunkBytes) + 1024);
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
    if (!((values.flags[i] ?? 0) & FLAG.value)) continue;
    writeEntry(out, values, i, kodes[values.start + i] ?? '', renumber[values.sourceOf[i] ?? 0] ?? 0, first);
    first = false;
    if (out.length >= chunkBytes) yield out.take();
  }
  out.bytes(LITERAL.close);
  out.bytes(LITERAL.close);
  yield out.take();
}

/**
 * One region's entry. Kept out of the loop (and the rare fields out of it), so that V8 optimises it
 * once and keeps it: inlined into the loop, a field never seen while warming up (notes, counts)
 * threw the optimised loop away on every request.
 */
function writeEntry(out: JsonWriter, values: LevelValues, i: number, kode: string, source: number, first: boolean) {
  const flags = values.flags[i] ?? 0;
  out.bytes(first ? LITERAL.firstKey : LITERAL.nextKey);
  // Codes are digits and dots: nothing to escape.
  out.ascii(kode);
  out.bytes(LITERAL.value);
  out.fixed4(values.values[i] ?? Number.NaN);
  const numerator = values.numerators[i] ?? Number.NaN;
  if (!Number.isNaN(numerator)) {
    out.bytes(LITERAL.numerator);
    out.number(numerator);
  }
  const denominator = values.denominators[i] ?? Number.NaN;
  if (!Number.isNaN(denominator)) {
    out.bytes(LITERAL.denominator);
    out.number(denominator);
  }
  out.bytes(LITERAL.source);
  out.number(source);
  if (flags & FLAG.demo) out.bytes(LITERAL.demo);
  if (flags & FLAG.rollup) out.bytes(LITERAL.rollup);
  if (flags & (FLAG.counts | FLAG.distribution) || values.notes.size > 0) writeRareFields(out, values, i, flags);
  out.bytes(LITERAL.close);
}

function writeRareFields(out: JsonWriter, values: LevelValues, i: number, flags: number) {
  if (flags & FLAG.counts) {
    out.bytes(LITERAL.reporting);
    out.number(values.reporting[i] ?? 0);
    out.bytes(LITERAL.expected);
    out.number(values.expected[i] ?? 0);
  }
  if (flags & FLAG.distribution && values.categories) {
    out.ascii(`,"distribution":[${Array.from(values.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT)).join(',')}]`);
  }
  const note = values.notes.get(i);
  if (note?.inheritedFrom !== undefined) out.text(`,"inheritedFrom":${JSON.stringify(note.inheritedFrom)}`);
  if (note) out.text(`,"note":${JSON.stringify(note.note)}`);
}

/** The fixed pieces of every entry, encoded once. */
const LITERAL = Object.fromEntries(
  Object.entries({
    firstKey: '"',
    nextKey: ',"',
    value: '":{"value":',
    numerator: ',"numerator":',
    denominator: ',"denominator":',
    source: ',"source":',
    demo: ',"demo":true',
    rollup: ',"basis":"rollup"',
    reporting: ',"reporting":',
    expected: ',"expected":',
    close: '}',
  }).map(([name, text]) => [name, new TextEncoder().encode(text)]),
) as Record<'firstKey' | 'nextKey' | 'value' | 'numerator' | 'denominator' | 'source' | 'demo' | 'rollup' | 'reporting' | 'expected' | 'close', Uint8Array>;

/** Four decimals are more than any indicator is measured to, and keep responses small. */
export function roundValue(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** 0000 to 9999 as four ASCII digits each; the significant length of each, with and without trailing zeros. */
const PADDED = new Uint8Array(10_000 * 4);
const SHORT_LENGTH = new Uint8Array(10_000);
const FRACTION_WIDTH = new Uint8Array(10_000);
for (let n = 0; n < 10_000; n++) {
  const padded = String(n).padStart(4, '0');
  for (let c = 0; c < 4; c++) PADDED[n * 4 + c] = padded.charCodeAt(c);
  SHORT_LENGTH[n] = String(n).length;
  FRACTION_WIDTH[n] = padded.replace(/0+$/, '').length;
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
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Bytes, copied by hand: for the few bytes of a literal, cheaper than a call to set(). */
  bytes(bytes: Uint8Array) {
    this.ensure(bytes.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[pos++] = bytes[i] ?? 0;
    this.pos = pos;
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
    const fraction = magnitude - whole * 10_000;
    this.digits(whole);
    if (fraction === 0) return;
    // ".0500" is written ".05": the four padded digits without their trailing zeros.
    const width = FRACTION_WIDTH[fraction] ?? 4;
    this.ensure(5);
    const buf = this.buf;
    buf[this.pos++] = 0x2e;
    for (let c = 0; c < width; c++) buf[this.pos++] = PADDED[fraction * 4 + c] ?? 0x30;
  }

  /** A non-negative safe integer, four digits at a time from tables. */
  private digits(value: number) {
    if (value < 10_000) {
      const length = SHORT_LENGTH[value] ?? 1;
      const start = value * 4 + 4 - length;
      this.ensure(4);
      const buf = this.buf;
      for (let c = 0; c < length; c++) buf[this.pos++] = PADDED[start + c] ?? 0x30;
      return;
    }
    const high = Math.floor(value / 10_000);
    const low = value - high * 10_000;
    this.digits(high);
    this.ensure(4);
    const buf = this.buf;
    for (let c = 0; c < 4; c++) buf[this.pos++] = PADDED[low * 4 + c] ?? 0x30;
  }

  get length(): number {
    return this.pos;
  }

  /** What was written since the last take, as a copy of its own; the buffer is then reused. */
  take(): Uint8Array<ArrayBuffer> {
    const taken = this.buf.slice(0, this.pos);
    this.pos = 0;
    return taken;
  }
}
