/**
 * A small PMTiles v3 writer (spec: github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * Written here rather than taken from s2-pmtiles because that one leaves the header's bounds and
 * centre at zero, and MapLibre then draws nothing. Layout: header | root directory | metadata |
 * leaf directories | tile data. Tile data is in tile-id order with identical tiles stored once
 * ("clustered"), directories and metadata are gzip-compressed, and nothing depends on time or on
 * map iteration order, so the same tiles give the same bytes.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export interface PmtilesTile {
  tileId: number;
  /** Already compressed tile bytes (we write gzip MVT). */
  data: Buffer;
}

export interface PmtilesOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number]; // lng, lat, zoom
  metadata: unknown;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  /** Number of consecutive tile ids with these bytes; 0 marks a pointer to a leaf directory. */
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec requires header + root directory to fit in the first 16 KiB. */
const ROOT_BUDGET = 16_384 - HEADER_BYTES;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;
const GZIP_LEVEL = 9;

function gzip(data: Buffer): Buffer {
  return zlib.gzipSync(data, { level: GZIP_LEVEL });
}

/** Unsigned LEB128 varint; uses arithmetic, not bit operators, so ids above 2^31 stay exact. */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export function serializeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry", which is most of them in a clustered archive.
    if (prev && e.offset === prev.offset + prev.length) pushVarint(out, 0);
    else pushVarint(out, e.offset + 1);
  });
  return gzip(Buffer.from(out));
}

/** Root directory alone if it fits, else split into leaves of growing size until the root fits. */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const rootOnly = serializeDirectory(entries);
  if (rootOnly.length <= ROOT_BUDGET) return { root: rootOnly, leaves: Buffer.alloc(0) };
  let leafSize = Math.max(4096, Math.ceil(entries.length / 3500));
  for (;;) {
    const rootEntries: Entry[] = [];
    const leafParts: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leafEntries = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(leafEntries);
      rootEntries.push({ tileId: leafEntries[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_BUDGET) return { root, leaves: Buffer.concat(leafParts) };
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

function writeHeader(fields: {
  rootOffset: number; rootLength: number; metadataOffset: number; metadataLength: number;
  leafOffset: number; leafLength: number; dataOffset: number; dataLength: number;
  addressedTiles: number; tileEntries: number; tileContents: number;
}, options: PmtilesOptions): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const u64 = [fields.rootOffset, fields.rootLength, fields.metadataOffset, fields.metadataLength,
    fields.leafOffset, fields.leafLength, fields.dataOffset, fields.dataLength,
    fields.addressedTiles, fields.tileEntries, fields.tileContents];
  u64.forEach((v, i) => h.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  h.writeUInt8(1, 96); // clustered: tile data is in tile-id order
  h.writeUInt8(COMPRESSION_GZIP, 97); // internal (directories, metadata)
  h.writeUInt8(COMPRESSION_GZIP, 98); // tiles
  h.writeUInt8(TILE_TYPE_MVT, 99);
  h.writeUInt8(options.minZoom, 100);
  h.writeUInt8(options.maxZoom, 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  const [w, s, e, n] = options.bounds;
  h.writeInt32LE(e7(w), 102);
  h.writeInt32LE(e7(s), 106);
  h.writeInt32LE(e7(e), 110);
  h.writeInt32LE(e7(n), 114);
  h.writeUInt8(options.center[2], 118);
  h.writeInt32LE(e7(options.center[0]), 119);
  h.writeInt32LE(e7(options.center[1]), 123);
  return h;
}

/** Build the whole archive in memory (our largest is tens of MB). */
export function writePmtiles(tiles: PmtilesTile[], options: PmtilesOptions): Buffer {
  const sorted = [...tiles].sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const offsetByHash = new Map<string, number>();
  const dataParts: Buffer[] = [];
  let dataLength = 0;
  let lastHash = '';
  for (const tile of sorted) {
    const hash = crypto.createHash('sha256').update(tile.data).digest('hex');
    const last = entries[entries.length - 1];
    if (last && hash === lastHash && tile.tileId === last.tileId + last.runLength) {
      last.runLength++; // same bytes as the neighbouring tile: one entry covers both
      continue;
    }
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsetByHash.set(hash, offset);
      dataParts.push(tile.data);
      dataLength += tile.data.length;
    }
    entries.push({ tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 });
    lastHash = hash;
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzip(Buffer.from(JSON.stringify(options.metadata), 'utf8'));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const header = writeHeader({
    rootOffset, rootLength: root.length, metadataOffset, metadataLength: metadata.length,
    leafOffset, leafLength: leaves.length, dataOffset, dataLength,
    addressedTiles: sorted.length, tileEntries: entries.length, tileContents: dataParts.length,
  }, options);
  return Buffer.concat([header, root, metadata, leaves, ...dataParts]);
}
