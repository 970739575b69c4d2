import type { Context } from 'hono';
import { once } from 'node:events';
import { createGzip, gunzipSync } from 'node:zlib';

/**
 * Finished JSON responses, kept compressed and keyed by the data version and the request, so a
 * repeated request (the same map view, another user) costs a lookup instead of a query, a
 * serialisation and a compression. Entries of older data versions are simply never asked for again
 * and fall out as the oldest. Bounded by entries and by bytes (all desa of one indicator is ~1 MB).
 */
export interface CachedResponse {
  etag: string;
  gzipped: Uint8Array<ArrayBuffer>;
}

/**
 * gzip level 4: the first request after a data change waits for this compression. On the 6.5 MB of
 * all desa (IH-1 2024), level 6 took twice the time of level 4 for a body 8% smaller (929 against
 * 1,012 KB); level 1 is barely faster than 4 but 14% larger, and every later request (and every
 * client) pays for the size. zlib runs on the libuv thread pool, so the event loop keeps serving.
 */
const GZIP_OPTIONS = { level: 4, chunkSize: 256 * 1024 };

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = 48 * 2 ** 20,
  ) {}

  /** The cached response of `key`, built from a JSON-able value on a miss. */
  get(key: string, build: () => Promise<unknown>): Promise<CachedResponse> {
    return this.getJson(key, async () => JSON.stringify(await build()));
  }

  /** The cached response of `key`, built on a miss from JSON text, its UTF-8 bytes, or those in chunks. */
  async getJson(key: string, build: () => Promise<string | Uint8Array | Iterable<Uint8Array>>): Promise<CachedResponse> {
    const hit = this.entries.get(key);
    if (hit) {
      // re-insert: Map order is the eviction order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = await build();
    const entry: CachedResponse = { etag: `"${hash(key)}"`, gzipped: await gzipChunks(typeof body === 'string' || body instanceof Uint8Array ? [body] : body) };
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.gzipped.byteLength;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.gzipped.byteLength;
    while (this.entries.size > 1 && (this.entries.size > this.maxEntries || this.bytes > this.maxBytes)) {
      const [oldest, evicted] = this.entries.entries().next().value ?? [];
      if (oldest === undefined || !evicted) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.gzipped.byteLength;
    }
    return entry;
  }
}

/**
 * Compresses on the thread pool while the next chunk is produced: writing chunk k+1 overlaps
 * compressing chunk k (zlib's chunkSize is one chunk, so each is compressed in one go).
 */
async function gzipChunks(chunks: Iterable<string | Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const gzip = createGzip(GZIP_OPTIONS);
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = once(gzip, 'end');
  try {
    let drained: Promise<unknown> | null = null;
    for (const chunk of chunks) {
      if (drained) await drained;
      drained = gzip.write(chunk) ? null : once(gzip, 'drain');
    }
    gzip.end();
    await ended;
  } catch (error) {
    gzip.destroy();
    throw error;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** FNV-1a: a short, stable tag of the cache key for the ETag; not for security. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Sends a cached response: 304 when the client has it, gzip as stored when the client takes it, and
 * unzipped for the rare client that does not (not worth keeping a second copy of every body for).
 */
export function sendCached(c: Context, response: CachedResponse) {
  c.header('etag', response.etag);
  c.header('cache-control', 'no-cache');
  c.header('vary', 'accept-encoding');
  if (c.req.header('if-none-match') === response.etag) return c.body(null, 304);
  c.header('content-type', 'application/json; charset=utf-8');
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('content-encoding', 'gzip');
    return c.body(response.gzipped);
  }
  return c.body(new Uint8Array(gunzipSync(response.gzipped)));
}
