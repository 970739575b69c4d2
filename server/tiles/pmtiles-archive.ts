import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, findTile, readVarint, zxyToTileId, type Entry, type Header } from 'pmtiles';

/**
 * A PMTiles v3 archive held in memory. The archives are small enough (tens of MB) that keeping them
 * in memory beats any file or range reads, and a tile is then a zero-copy slice of one buffer, served
 * still gzip-compressed as it was written.
 *
 * The `pmtiles` package reads archives too, but always decompresses tile data; here only its header
 * parser and its directory lookup are used, and the directories are flattened once at open.
 */
export interface ArchiveTile {
  /** gzip-compressed MVT bytes */
  data: Uint8Array<ArrayBuffer>;
  /** stable identity of the bytes (archive offset), usable in an ETag */
  offset: number;
}

export class PmtilesArchive {
  readonly header: Header;
  readonly metadata: Record<string, unknown>;
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly entries: Entry[];

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    this.bytes = bytes;
    this.header = bytesToHeader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 127));
    if (this.header.tileCompression !== Compression.Gzip) throw new Error('only gzip-compressed tile archives are supported');
    const root = this.readDirectory(this.header.rootDirectoryOffset, this.header.rootDirectoryLength);
    this.entries = this.flatten(root);
    const metadataBytes = this.decompressInternal(this.header.jsonMetadataOffset, this.header.jsonMetadataLength);
    this.metadata = JSON.parse(new TextDecoder().decode(metadataBytes)) as Record<string, unknown>;
  }

  static open(path: string): PmtilesArchive {
    // Copied once into a buffer of its own, so tiles are slices that need no further copies.
    return new PmtilesArchive(new Uint8Array(readFileSync(path)));
  }

  getTile(z: number, x: number, y: number): ArchiveTile | undefined {
    const entry = findTile(this.entries, zxyToTileId(z, x, y));
    if (!entry || entry.runLength === 0) return undefined;
    const offset = this.header.tileDataOffset + entry.offset;
    return { data: this.bytes.subarray(offset, offset + entry.length), offset: entry.offset };
  }

  private decompressInternal(offset: number, length: number): Uint8Array {
    const raw = this.bytes.subarray(offset, offset + length);
    switch (this.header.internalCompression) {
      case Compression.Gzip:
        return new Uint8Array(gunzipSync(raw));
      case Compression.None:
        return raw;
      default:
        throw new Error(`unsupported directory compression ${this.header.internalCompression}`);
    }
  }

  private readDirectory(offset: number, length: number): Entry[] {
    const buf = this.decompressInternal(offset, length);
    const position = { buf, pos: 0 };
    const count = readVarint(position);
    const entries: Entry[] = [];
    let lastId = 0;
    for (let i = 0; i < count; i++) {
      lastId += readVarint(position);
      entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 1 });
    }
    for (const entry of entries) entry.runLength = readVarint(position);
    for (const entry of entries) entry.length = readVarint(position);
    entries.forEach((entry, i) => {
      const value = readVarint(position);
      const previous = entries[i - 1];
      // 0 means "right after the previous entry" (spec section 4.1)
      entry.offset = value === 0 && previous ? previous.offset + previous.length : value - 1;
    });
    return entries;
  }

  /** Replaces leaf-directory pointers (runLength 0) by the entries they point to, in tile-id order. */
  private flatten(entries: Entry[]): Entry[] {
    return entries.flatMap((entry) =>
      entry.runLength === 0
        ? this.flatten(this.readDirectory(this.header.leafDirectoryOffset + entry.offset, entry.length))
        : [entry],
    );
  }
}
