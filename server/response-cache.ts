import type { Context } from 'hono';
import { gzipSync } from 'node:zlib';

/**
 * Finished JSON responses, kept compressed and keyed by the data version and the request, so a
 * repeated request (the same map view, another user) costs a lookup instead of a query, a
 * serialisation and a compression. Entries of older data versions are simply never asked for again
 * and fall out as the oldest.
 */
export interface CachedResponse {
  etag: string;
  json: string;
  gzipped: Uint8Array<ArrayBuffer>;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(private readonly maxEntries = 64) {}

  async get(key: string, build: () => Promise<unknown>): Promise<CachedResponse> {
    const hit = this.entries.get(key);
    if (hit) {
      // re-insert: Map order is the eviction order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const json = JSON.stringify(await build());
    const entry = { etag: `"${hash(key)}"`, json, gzipped: new Uint8Array(gzipSync(json, { level: 6 })) };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
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

/** Sends a cached response: 304 when the client has it, gzip as stored when the client takes it. */
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
  return c.body(response.json);
}
