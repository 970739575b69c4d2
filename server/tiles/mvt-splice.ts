/**
 * Adds properties to the features of one layer of a Mapbox Vector Tile without decoding it: the
 * protobuf is walked field by field, the geometry and every other field are copied as bytes, and
 * only three things change: new keys and values are appended to the layer's key and value tables,
 * and each feature's packed `tags` gets the new key/value index pairs. No geometry is decoded or
 * re-encoded, so the result is the original plus the properties (MVT spec 2.1: Tile.layers = 3;
 * Layer: name = 1, features = 2, keys = 3, values = 4; Feature: tags = 2). bench/joined-tiles.ts
 * checks the output against @mapbox/vector-tile + @maplibre/vt-pbf on every benchmark tile.
 */
export type PropertyValue = string | number | boolean;

/** Returns the properties to add to the feature whose `kode` is given, or undefined for none. */
export type PropertyLookup = (kode: string) => Record<string, PropertyValue> | undefined;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;
const TILE_LAYERS = 3;
const LAYER_NAME = 1;
const LAYER_FEATURES = 2;
const LAYER_KEYS = 3;
const LAYER_VALUES = 4;
const FEATURE_TAGS = 2;
const VALUE_STRING = 1;
const VALUE_DOUBLE = 3;
const VALUE_UINT = 5;
const VALUE_BOOL = 7;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** The field at `pos`: [fieldNumber, wireType, payloadStart, end]; lengths and indices stay far below 2^31. */
interface Field {
  number: number;
  wire: number;
  dataStart: number;
  end: number;
}

function readVarint(bytes: Uint8Array, at: { pos: number }): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.pos++];
    if (byte === undefined) throw new Error('truncated varint');
    result += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return result;
    shift += 7;
    if (shift > 63) throw new Error('varint too long');
  }
}

function readField(bytes: Uint8Array, at: { pos: number }, end: number): Field {
  const key = readVarint(bytes, at);
  const wire = key & 7;
  let dataStart = at.pos;
  switch (wire) {
    case WIRE_VARINT:
      readVarint(bytes, at);
      break;
    case WIRE_FIXED64:
      at.pos += 8;
      break;
    case WIRE_BYTES: {
      const length = readVarint(bytes, at);
      dataStart = at.pos;
      at.pos += length;
      break;
    }
    case WIRE_FIXED32:
      at.pos += 4;
      break;
    default:
      throw new Error(`unsupported wire type ${wire}`);
  }
  if (at.pos > end) throw new Error('field runs past its message');
  return { number: Math.floor(key / 8), wire, dataStart, end: at.pos };
}

const varintSize = (value: number) => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5 + Math.floor(Math.log2(value / 0x10000000) / 7));

class Writer {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  ensure(extra: number) {
    if (this.pos + extra <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  varint(value: number) {
    this.ensure(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  copy(bytes: Uint8Array, start: number, end: number) {
    this.ensure(end - start);
    this.buf.set(bytes.subarray(start, end), this.pos);
    this.pos += end - start;
  }

  /** A length-delimited field. */
  message(number: number, payload: Uint8Array) {
    this.varint(number * 8 + WIRE_BYTES);
    this.varint(payload.length);
    this.copy(payload, 0, payload.length);
  }

  done(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

function encodeValue(value: PropertyValue): Uint8Array {
  const w = new Writer(16);
  if (typeof value === 'string') {
    w.message(VALUE_STRING, utf8.encode(value));
  } else if (typeof value === 'boolean') {
    w.varint(VALUE_BOOL * 8 + WIRE_VARINT);
    w.varint(value ? 1 : 0);
  } else if (Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) {
    // Whole numbers (counts, numerators) as uint: 1-4 bytes instead of 8; decoders give a number either way.
    w.varint(VALUE_UINT * 8 + WIRE_VARINT);
    w.varint(value);
  } else {
    w.varint(VALUE_DOUBLE * 8 + WIRE_FIXED64);
    w.ensure(8);
    new DataView(w.buf.buffer, w.buf.byteOffset + w.pos, 8).setFloat64(0, value, true);
    w.pos += 8;
  }
  return w.done();
}

/**
 * The tile (uncompressed MVT bytes) with the properties of `lookup` added to every feature of
 * `layerName`, found by its `kode` property. Other layers are copied unchanged.
 */
export function spliceProperties(tile: Uint8Array, layerName: string, lookup: PropertyLookup): Uint8Array {
  const out = new Writer(tile.length + (tile.length >> 1) + 1024);
  const at = { pos: 0 };
  while (at.pos < tile.length) {
    const start = at.pos;
    const field = readField(tile, at, tile.length);
    const spliced = field.number === TILE_LAYERS && field.wire === WIRE_BYTES ? spliceLayer(tile, field, layerName, lookup) : undefined;
    if (spliced) out.message(TILE_LAYERS, spliced);
    else out.copy(tile, start, field.end);
  }
  return out.done();
}

/** The layer with the properties added, or undefined when it is not the layer asked for. */
function spliceLayer(tile: Uint8Array, layer: Field, layerName: string, lookup: PropertyLookup): Uint8Array | undefined {
  // First pass: the layer's name, keys, values and where each field is.
  const at = { pos: layer.dataStart };
  const starts: number[] = [];
  const fields: Field[] = [];
  let name: string | undefined;
  const keys: string[] = [];
  const valueFields: Field[] = [];
  while (at.pos < layer.end) {
    starts.push(at.pos);
    const field = readField(tile, at, layer.end);
    fields.push(field);
    if (field.wire !== WIRE_BYTES) continue;
    if (field.number === LAYER_NAME) name = utf8Decoder.decode(tile.subarray(field.dataStart, field.end));
    else if (field.number === LAYER_KEYS) keys.push(utf8Decoder.decode(tile.subarray(field.dataStart, field.end)));
    else if (field.number === LAYER_VALUES) valueFields.push(field);
  }
  const kodeKey = keys.indexOf('kode');
  if (name !== layerName || kodeKey < 0) return undefined;

  // New keys and values are appended after the existing ones; each distinct value is written once.
  const keyIndex = new Map<string, number>();
  keys.forEach((key, i) => keyIndex.set(key, i));
  const newKeys: string[] = [];
  const newValues: Uint8Array[] = [];
  const numberIndex = new Map<number, number>();
  const stringIndex = new Map<string, number>();
  const boolIndex: [number, number] = [-1, -1];
  const indexOfKey = (key: string) => {
    let index = keyIndex.get(key);
    if (index === undefined) {
      index = keys.length + newKeys.push(key) - 1;
      keyIndex.set(key, index);
    }
    return index;
  };
  const indexOfValue = (value: PropertyValue) => {
    const known = typeof value === 'number' ? numberIndex.get(value) : typeof value === 'string' ? stringIndex.get(value) : boolIndex[value ? 1 : 0];
    if (known !== undefined && known >= 0) return known;
    const index = valueFields.length + newValues.push(encodeValue(value)) - 1;
    if (typeof value === 'number') numberIndex.set(value, index);
    else if (typeof value === 'string') stringIndex.set(value, index);
    else boolIndex[value ? 1 : 0] = index;
    return index;
  };
  const kodeOfValue = new Map<number, string>();
  const kodeAt = (valueIndex: number): string | undefined => {
    let kode = kodeOfValue.get(valueIndex);
    if (kode === undefined) {
      const field = valueFields[valueIndex];
      const inner = { pos: field?.dataStart ?? 0 };
      kode = '';
      while (field && inner.pos < field.end) {
        const f = readField(tile, inner, field.end);
        if (f.number === VALUE_STRING && f.wire === WIRE_BYTES) kode = utf8Decoder.decode(tile.subarray(f.dataStart, f.end));
      }
      kodeOfValue.set(valueIndex, kode);
    }
    return kode;
  };

  // Second pass: every field copied as it is, except features, whose tags get the new pairs.
  const out = new Writer(layer.end - layer.dataStart + 1024);
  const tags: number[] = [];
  const featureFields: Field[] = [];
  const featureStarts: number[] = [];
  fields.forEach((field, n) => {
    const start = starts[n] ?? field.dataStart;
    if (field.number !== LAYER_FEATURES || field.wire !== WIRE_BYTES) {
      out.copy(tile, start, field.end);
      return;
    }
    tags.length = 0;
    featureFields.length = 0;
    featureStarts.length = 0;
    let oldTagBytes = 0;
    const inner = { pos: field.dataStart };
    while (inner.pos < field.end) {
      featureStarts.push(inner.pos);
      const f = readField(tile, inner, field.end);
      featureFields.push(f);
      if (f.number !== FEATURE_TAGS || f.wire !== WIRE_BYTES) continue;
      oldTagBytes += f.end - (featureStarts.at(-1) ?? f.dataStart);
      const tagAt = { pos: f.dataStart };
      while (tagAt.pos < f.end) tags.push(readVarint(tile, tagAt));
    }
    let kode: string | undefined;
    for (let t = 0; t + 1 < tags.length; t += 2) if (tags[t] === kodeKey) kode = kodeAt(tags[t + 1] ?? -1);
    const properties = kode === undefined ? undefined : lookup(kode);
    if (!properties) {
      out.copy(tile, start, field.end);
      return;
    }
    for (const key in properties) {
      const value = properties[key];
      if (value !== undefined) tags.push(indexOfKey(key), indexOfValue(value));
    }
    let tagsLength = 0;
    for (const tag of tags) tagsLength += varintSize(tag);
    const tagsField = 1 + varintSize(tagsLength) + tagsLength;
    out.varint(LAYER_FEATURES * 8 + WIRE_BYTES);
    out.varint(field.end - field.dataStart - oldTagBytes + tagsField);
    let wroteTags = false;
    featureFields.forEach((f, k) => {
      if (f.number !== FEATURE_TAGS || f.wire !== WIRE_BYTES) {
        out.copy(tile, featureStarts[k] ?? f.dataStart, f.end);
      } else if (!wroteTags) {
        // Every tags field of the feature (normally one) merged into the first.
        wroteTags = true;
        out.varint(FEATURE_TAGS * 8 + WIRE_BYTES);
        out.varint(tagsLength);
        for (const tag of tags) out.varint(tag);
      }
    });
    if (!wroteTags) {
      out.varint(FEATURE_TAGS * 8 + WIRE_BYTES);
      out.varint(tagsLength);
      for (const tag of tags) out.varint(tag);
    }
  });
  for (const key of newKeys) out.message(LAYER_KEYS, utf8.encode(key));
  for (const value of newValues) out.message(LAYER_VALUES, value);
  return out.done();
}
