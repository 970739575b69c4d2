/**
 * Reads a whole PMTiles v3 archive from a buffer: header, metadata and every tile entry (following
 * leaf directories). Used by the geodata tests and the tile-size bench, which need to walk all tiles;
 * the `pmtiles` package only fetches tiles one by one. Supports gzip or uncompressed directories.
 */
import zlib from 'node:zlib';

export interface PmtilesHeader {
  specVersion: number;
  rootOffset: number; rootLength: number;
  metadataOffset: number; metadataLength: number;
  leafOffset: number; leafLength: number;
  dataOffset: number; dataLength: number;
  addressedTiles: number; tileEntries: number; tileContents: number;
  clustered: boolean; internalCompression: number; tileCompression: number; tileType: number;
  minZoom: number; maxZoom: number;
  minLon: number; minLat: number; maxLon: number; maxLat: number;
  centerZoom: number; centerLon: number; centerLat: number;
}

export interface TileEntry { tileId: number; offset: number; length: number; runLength: number }

export function readHeader(buf: Buffer): PmtilesHeader {
  if (buf.toString('ascii', 0, 7) !== 'PMTiles') throw new Error('not a PMTiles archive (bad magic)');
  const u64 = (o: number) => Number(buf.readBigUInt64LE(o));
  return {
    specVersion: buf.readUInt8(7),
    rootOffset: u64(8), rootLength: u64(16), metadataOffset: u64(24), metadataLength: u64(32),
    leafOffset: u64(40), leafLength: u64(48), dataOffset: u64(56), dataLength: u64(64),
    addressedTiles: u64(72), tileEntries: u64(80), tileContents: u64(88),
    clustered: buf.readUInt8(96) === 1, internalCompression: buf.readUInt8(97),
    tileCompression: buf.readUInt8(98), tileType: buf.readUInt8(99),
    minZoom: buf.readUInt8(100), maxZoom: buf.readUInt8(101),
    minLon: buf.readInt32LE(102) / 1e7, minLat: buf.readInt32LE(106) / 1e7,
    maxLon: buf.readInt32LE(110) / 1e7, maxLat: buf.readInt32LE(114) / 1e7,
    centerZoom: buf.readUInt8(118), centerLon: buf.readInt32LE(119) / 1e7, centerLat: buf.readInt32LE(123) / 1e7,
  };
}

function internal(header: PmtilesHeader, bytes: Buffer): Buffer {
  return header.internalCompression === 2 ? zlib.gunzipSync(bytes) : bytes;
}

function parseDirectory(bytes: Buffer): TileEntry[] {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[pos++] ?? 0;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  };
  const n = varint();
  const entries: TileEntry[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) { id += varint(); entries.push({ tileId: id, offset: 0, length: 0, runLength: 0 }); }
  for (const e of entries) e.runLength = varint();
  for (const e of entries) e.length = varint();
  entries.forEach((e, i) => {
    const v = varint();
    const prev = entries[i - 1];
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  return entries;
}

export function readMetadata(buf: Buffer): unknown {
  const h = readHeader(buf);
  return JSON.parse(internal(h, buf.subarray(h.metadataOffset, h.metadataOffset + h.metadataLength)).toString('utf8'));
}

/** Every tile entry (run-length entries kept as they are), in tile-id order. */
export function readTileEntries(buf: Buffer): TileEntry[] {
  const h = readHeader(buf);
  const walk = (offset: number, length: number): TileEntry[] =>
    parseDirectory(internal(h, buf.subarray(offset, offset + length))).flatMap((e) =>
      e.runLength > 0 ? [e] : walk(h.leafOffset + e.offset, e.length));
  return walk(h.rootOffset, h.rootLength);
}

export function tileBytes(buf: Buffer, entry: TileEntry): Buffer {
  const h = readHeader(buf);
  return buf.subarray(h.dataOffset + entry.offset, h.dataOffset + entry.offset + entry.length);
}
