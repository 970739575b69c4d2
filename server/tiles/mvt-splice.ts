/**
 * Adds properties to the features of one layer of a Mapbox Vector Tile without decoding it: the
 * protobuf is walked field by field, the geometry and every other field are copied as bytes, and
 * only three things change: new keys and values are appended to the layer's key and value tables,
 * and each feature's packed `tags` gets the new key/value index pairs. No geometry is decoded or
 * re-encoded, so the result is byte for byte the original plus the properties (MVT spec 2.1:
 * Tile.layers = 3; Layer: name = 1, features = 2, keys = 3, values = 4; Feature: tags = 2).
 */
export type PropertyValue = string | number | boolean;

/** Returns the properties to add to the feature whose `kode` is given, or undefined for none. */
export type PropertyLookup = (kode: string) => Record<string, PropertyValue> | undefined;

const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;
const TILE_LAYERS = 3;
const LAYER = { name: 1, features: 2, keys: 3, values: 4 } as const;
const FEATURE_TAGS = 2;
const VALUE = { string: 1, double: 3, uint: 5, bool: 7 } as const;

interface Field {
  number: number;
  wire: number;
  /** the whole field, key included */
  start: number;
  end: number;
  /** payload of a length-delimited field */
  dataStart: number;
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('truncated varint');
      // Multiplication keeps values above 2^31 exact (lengths and indices never get there).
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }

  /** Every top-level field of bytes [start, end). */
  *fields(start: number, end: number): Generator<Field> {
    this.pos = start;
    while (this.pos < end) {
      const fieldStart = this.pos;
      const key = this.varint();
      const wire = key & 7;
      const number = Math.floor(key / 8);
      let dataStart = this.pos;
      switch (wire) {
        case WIRE.varint:
          this.varint();
          break;
        case WIRE.fixed64:
          this.pos += 8;
          break;
        case WIRE.bytes: {
          const length = this.varint();
          dataStart = this.pos;
          this.pos += length;
          break;
        }
        case WIRE.fixed32:
          this.pos += 4;
          break;
        default:
          throw new Error(`unsupported wire type ${wire}`);
      }
      if (this.pos > end) throw new Error('field runs past its message');
      const next = this.pos;
      yield { number, wire, start: fieldStart, end: next, dataStart };
      this.pos = next;
    }
  }
}

class Writer {
  private buf: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  private ensure(extra: number) {
    if (this.length + extra <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  varint(value: number) {
    this.ensure(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  bytes(bytes: Uint8Array) {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A length-delimited field. */
  message(number: number, payload: Uint8Array) {
    this.varint(number * 8 + WIRE.bytes);
    this.varint(payload.length);
    this.bytes(payload);
  }

  done(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function encodeValue(value: PropertyValue): Uint8Array {
  const w = new Writer(16);
  if (typeof value === 'string') {
    w.message(VALUE.string, utf8.encode(value));
  } else if (typeof value === 'boolean') {
    w.varint(VALUE.bool * 8 + WIRE.varint);
    w.varint(value ? 1 : 0);
  } else if (Number.isSafeInteger(value) && value >= 0) {
    // Whole numbers (counts, numerators) as uint: 1-4 bytes instead of 8; decoders give a number either way.
    w.varint(VALUE.uint * 8 + WIRE.varint);
    w.varint(value);
  } else {
    w.varint(VALUE.double * 8 + WIRE.fixed64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    w.bytes(bytes);
  }
  return w.done();
}

/** The string of a Value message, or undefined when it holds something else. */
function stringValue(reader: Reader, field: Field): string | undefined {
  for (const inner of reader.fields(field.dataStart, field.end)) {
    if (inner.number === VALUE.string && inner.wire === WIRE.bytes) return utf8Decoder.decode(reader.bytes.subarray(inner.dataStart, inner.end));
  }
  return undefined;
}

/**
 * The tile (uncompressed MVT bytes) with the properties of `lookup` added to every feature of
 * `layerName`, found by its `kode` property. Other layers are copied unchanged.
 */
export function spliceProperties(tile: Uint8Array, layerName: string, lookup: PropertyLookup): Uint8Array {
  const reader = new Reader(tile);
  const out = new Writer(tile.length + tile.length / 2);
  const layers = [...reader.fields(0, tile.length)];
  for (const field of layers) {
    if (field.number === TILE_LAYERS && field.wire === WIRE.bytes) {
      const spliced = spliceLayer(tile, field, layerName, lookup);
      if (spliced) {
        out.message(TILE_LAYERS, spliced);
        continue;
      }
    }
    out.bytes(tile.subarray(field.start, field.end));
  }
  return out.done();
}

/** The layer with the properties added, or undefined when it is not the layer asked for. */
function spliceLayer(tile: Uint8Array, layer: Field, layerName: string, lookup: PropertyLookup): Uint8Array | undefined {
  const reader = new Reader(tile);
  const fields = [...reader.fields(layer.dataStart, layer.end)];
  const nameField = fields.find((f) => f.number === LAYER.name && f.wire === WIRE.bytes);
  if (!nameField || utf8Decoder.decode(tile.subarray(nameField.dataStart, nameField.end)) !== layerName) return undefined;

  const keys = fields.filter((f) => f.number === LAYER.keys && f.wire === WIRE.bytes).map((f) => utf8Decoder.decode(tile.subarray(f.dataStart, f.end)));
  const valueFields = fields.filter((f) => f.number === LAYER.values && f.wire === WIRE.bytes);
  const kodeKey = keys.indexOf('kode');
  if (kodeKey < 0) return undefined;
  const kodeOfValue = new Map<number, string>();

  // New keys and values, appended after the existing ones; each distinct value written once.
  const newKeys = new Map<string, number>();
  const newValues = new Map<string, number>();
  const encodedValues: Uint8Array[] = [];
  const keyIndex = (name: string) => {
    let index = keys.indexOf(name);
    if (index >= 0 && !newKeys.has(name)) return index;
    index = newKeys.get(name) ?? -1;
    if (index < 0) {
      index = keys.length + newKeys.size;
      newKeys.set(name, index);
    }
    return index;
  };
  const valueIndex = (value: PropertyValue) => {
    const id = `${typeof value}:${value}`;
    let index = newValues.get(id);
    if (index === undefined) {
      index = valueFields.length + encodedValues.length;
      encodedValues.push(encodeValue(value));
      newValues.set(id, index);
    }
    return index;
  };

  const out = new Writer(layer.end - layer.dataStart + 256);
  for (const field of fields) {
    if (field.number !== LAYER.features || field.wire !== WIRE.bytes) {
      out.bytes(tile.subarray(field.start, field.end));
      continue;
    }
    const feature = [...reader.fields(field.dataStart, field.end)];
    const tags: number[] = [];
    for (const f of feature) {
      if (f.number !== FEATURE_TAGS || f.wire !== WIRE.bytes) continue;
      reader.pos = f.dataStart;
      while (reader.pos < f.end) tags.push(reader.varint());
    }
    let kode: string | undefined;
    for (let t = 0; t + 1 < tags.length; t += 2) {
      if (tags[t] !== kodeKey) continue;
      const v = tags[t + 1] ?? -1;
      if (!kodeOfValue.has(v)) {
        const valueField = valueFields[v];
        kodeOfValue.set(v, valueField ? (stringValue(reader, valueField) ?? '') : '');
      }
      kode = kodeOfValue.get(v);
    }
    const properties = kode === undefined ? undefined : lookup(kode);
    if (!properties) {
      out.bytes(tile.subarray(field.start, field.end));
      continue;
    }
    for (const [name, value] of Object.entries(properties)) tags.push(keyIndex(name), valueIndex(value));

    const tagBytes = new Writer(tags.length * 2);
    for (const tag of tags) tagBytes.varint(tag);
    const rewritten = new Writer(field.end - field.dataStart + tagBytes.length + 4);
    let wroteTags = false;
    for (const f of feature) {
      if (f.number === FEATURE_TAGS && f.wire === WIRE.bytes) {
        // Every tags field merged into the first one.
        if (!wroteTags) rewritten.message(FEATURE_TAGS, tagBytes.done());
        wroteTags = true;
      } else {
        rewritten.bytes(tile.subarray(f.start, f.end));
      }
    }
    if (!wroteTags) rewritten.message(FEATURE_TAGS, tagBytes.done());
    out.message(LAYER.features, rewritten.done());
  }
  for (const name of newKeys.keys()) out.message(LAYER.keys, utf8.encode(name));
  for (const value of encodedValues) out.message(LAYER.values, value);
  return out.done();
}
