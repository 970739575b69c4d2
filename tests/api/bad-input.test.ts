import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../server/db/client.ts';
import { OPERATIONS } from '../../server/openapi/operations.ts';
import { LIMITS } from '../../server/security/limits.ts';
import { shippedApp } from '../support/app.ts';

/**
 * Hostile and broken input, everywhere the server takes input: each is answered with a 4xx (a 2xx
 * where the input is merely odd, e.g. a search for "'; DROP TABLE"), never a 500, and nothing in the
 * database changes. Every GET route of the app is walked, so a new route is covered without editing
 * this file.
 */
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
const TOKEN = 'peta_bad_input_admin_token_0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

interface Snapshot {
  batches: number;
  observations: number;
  rollups: number;
  regions: number;
  version: number;
}
let before: Snapshot;
const snapshot = async (): Promise<Snapshot> => {
  const [row] = await db.sql<Snapshot[]>`
    SELECT (SELECT count(*) FROM import_batch)::int AS batches, (SELECT count(*) FROM observation)::int AS observations,
           (SELECT count(*) FROM rollup)::int AS rollups, (SELECT count(*) FROM region)::int AS regions,
           (SELECT version FROM data_version)::int AS version`;
  if (!row) throw new Error('no snapshot');
  return row;
};

beforeAll(async () => {
  ({ app, db } = await shippedApp({ adminToken: TOKEN, webRoot: 'dist/web' }));
  before = await snapshot();
});
afterAll(async () => {
  await db?.close();
});

const upload = (bytes: Uint8Array | string, filename: string, query = '') => {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)]), filename);
  return app.request(`/api/imports${query}`, { method: 'POST', headers: auth, body: form });
};

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const HEADER = 'kode,indikator,periode,pembilang,penyebut';
const GOOD_ROW = '51.71.01.1001,IH-1,2024,5,10';

describe('bad import files', () => {
  const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
  const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

  it.each<[string, () => Promise<Uint8Array | string> | Uint8Array | string, string]>([
    ['an empty file', () => '', 'kosong.csv'],
    ['only a header', () => `${HEADER}\n`, 'judul.csv'],
    ['an unclosed quote', () => `${HEADER}\n"51.71.01.1001,IH-1,2024,5,10\n`, 'kutip.csv'],
    ['a file cut off mid-line', () => `${HEADER}\n${GOOD_ROW}\n51.71.01.1002,IH-1,20`, 'terpotong.csv'],
    ['binary junk named .csv', () => junk, 'sampah.csv'],
    ['binary junk named .xlsx', () => junk, 'sampah.xlsx'],
    ['a PNG', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...junk]), 'gambar.csv'],
    ['a zip that is not a workbook', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk]), 'rusak.xlsx'],
    ['a truncated workbook', async () => (await workbook([HEADER.split(','), GOOD_ROW.split(',')])).slice(0, 900), 'terpotong.xlsx'],
    ['UTF-16 text', () => utf16(`${HEADER}\n${GOOD_ROW}\n`), 'unicode.csv'],
    ['Latin-1 names (ñ, é)', () => latin1('kode,nama,indikator,periode,nilai\n51.71.01.1001,Peñé,IH-1,2024,5\n'), 'latin1.csv'],
    ['a formula in a value cell', () => `${HEADER}\n51.71.01.1001,IH-1,2024,=1+1,10\n`, 'rumus.csv'],
    ['a formula in a code cell', () => `${HEADER}\n=HYPERLINK("http://x";"klik"),IH-1,2024,5,10\n`, 'rumus-kode.csv'],
    ['a workbook formula without a saved result', () => workbook([HEADER.split(','), ['51.71.01.1001', 'IH-1', 2024, { formula: 'A1*2' }, 10]]), 'rumus.xlsx'],
    ['a number beyond float range (1e400)', () => `${HEADER}\n51.71.01.1001,IH-1,2024,1e400,10\n`, 'besar.csv'],
    ['a 40-digit number', () => `${HEADER}\n51.71.01.1001,IH-1,2024,${'9'.repeat(40)},${'9'.repeat(40)}\n`, 'panjang.csv'],
    ['NaN and Infinity', () => `kode,indikator,periode,nilai\n51.71.01.1001,IH-1,2024,NaN\n51.71.01.1002,IH-1,2024,Infinity\n`, 'nan.csv'],
    ['SQL in every cell', () => `${HEADER}\n'; DROP TABLE observation; --,IH-1' OR '1'='1,2024,5,10\n`, 'sql.csv'],
    ['path metacharacters in cells', () => `${HEADER}\n../../etc/passwd,IH-1,2024,5,10\n51.71.01.1001\u0000,IH-1,2024,5,10\n`, 'path.csv'],
    ['a 20,000-character cell', () => `${HEADER}\n${'5'.repeat(20_000)},IH-1,2024,5,10\n`, 'sel-panjang.csv'],
  ])('%s is refused with a 4xx problem', async (_what, bytes, filename) => {
    const response = await upload(await bytes(), filename);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a file name that would traverse or inject, as the sheet name too', async () => {
    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', 'a\u0000.csv', `${'x'.repeat(5000)}.csv`]) {
      const response = await upload(`${HEADER}\n51.71.01.1001,IH-1,2024,=1+1,10\n`, name);
      expect(response.status, name).toBe(422);
    }
    const response = await upload(await workbook([HEADER.split(','), GOOD_ROW.split(',')]), 'lembar.xlsx', `?sheet=${encodeURIComponent("'; DROP TABLE region; --")}`);
    expect(response.status).toBe(422);
  });

  it('refuses a file over the upload limit with 413, declared or streamed', async () => {
    const over = LIMITS.importBytes + 16 * 1024 * 1024;
    const declared = await app.request('/api/imports', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(over) },
      body: '--x--',
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Without a length: counted as it arrives, in 1 MB chunks, and cut off at the limit.
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= over) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await app.request('/api/imports', { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(over);
  });

  it('refuses a JSON body over 1 MB anywhere else with 413', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024 - 40) }),
    });
    expect(response.status).toBe(413);
  });

  it('writes nothing', async () => {
    expect(await snapshot()).toEqual(before);
  });
});

/** Values for every parameter; each is sent percent-encoded, as a client library would. */
const HOSTILE = [
  "'; DROP TABLE region; --",
  "1' OR '1'='1",
  '../../etc/passwd',
  'x'.repeat(5000),
  '1e400',
  '9'.repeat(40),
  '<script>alert(1)</script>',
  'ñé\u202e\uFFFF',
];
/** Sent exactly as written: a NUL, broken percent-encoding, encoded traversal. */
const RAW = ['%00', '%ff', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'];

/** A request that answers 200 for routes the OpenAPI list (server/openapi/operations.ts) has no example for. */
const EXTRA_EXAMPLES: Record<string, string> = {
  '/ogc': '/ogc?f=json',
  '/ogc/collections/:level': '/ogc/collections/provinsi',
  '/ogc/collections/:level/items': '/ogc/collections/provinsi/items?indicator=prevalensi_stunting&period=2022&limit=5&offset=0&bbox=100,-10,120,5',
  '/ogc/collections/:level/items/:kode': '/ogc/collections/provinsi/items/53?indicator=prevalensi_stunting&period=2022',
  '/api/users/:id': '/api/users/1',
  '/api/audit': '/api/audit?limit=5',
};

/** The route's example request, or the route with every parameter filled with "x". */
function exampleFor(route: string): string {
  return OPERATIONS.find((op) => op.method === 'get' && op.route === route)?.example ?? EXTRA_EXAMPLES[route] ?? route.replace(/:\w+(\{[^}]*\})?/g, 'x');
}

/** Every variant of the example with one path segment or query parameter replaced by `value` (already encoded). */
function variants(route: string, example: string, encodedValue: string): string[] {
  const [path = '', search = ''] = example.split('?');
  const routeSegments = route.split('/');
  const segments = path.split('/');
  const urls: string[] = [];
  routeSegments.forEach((segment, i) => {
    if (segment.startsWith(':')) urls.push([...segments.slice(0, i), encodedValue, ...segments.slice(i + 1)].join('/') + (search ? `?${search}` : ''));
  });
  const params = new URLSearchParams(search);
  const op = OPERATIONS.find((candidate) => candidate.method === 'get' && candidate.route === route);
  const names = new Set([...params.keys(), ...(op?.query instanceof z.ZodObject ? Object.keys(op.query.shape) : [])]);
  for (const name of names) {
    const others = [...params].filter(([key]) => key !== name).map(([key, v]) => `${key}=${encodeURIComponent(v)}`);
    urls.push(`${path}?${[...others, `${name}=${encodedValue}`].join('&')}`);
  }
  return urls;
}

describe('hostile parameters on every GET route', () => {
  const routes = () => [...new Set(app.routes.filter((r) => r.method === 'GET' && !r.path.includes('*')).map((r) => r.path))];

  it('walks at least the public read API', () => {
    expect(routes()).toEqual(expect.arrayContaining(['/api/values', '/api/values.csv', '/api/regions/:kode', '/api/search', '/tiles/:level/:z/:x/:file']));
  });

  it('answers every one without a server fault, problem+json when refused, and leaks nothing', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes()) {
      const example = exampleFor(route);
      const urls = [...HOSTILE.map(encodeURIComponent), ...RAW].flatMap((value) => variants(route, example, value));
      for (const url of urls) {
        requests++;
        const response = await app.request(url, { headers: auth });
        const text = await response.text();
        const type = response.headers.get('content-type') ?? '';
        const shown = `${route}: GET ${url.slice(0, 160)} -> ${response.status}`;
        // 503 is a deliberate "not available here" (e.g. /ogc without its polygons installed), not a fault.
        if (response.status >= 500 && response.status !== 503) failures.push(`${shown} ${text.slice(0, 200)}`);
        else if (response.status >= 400 && /^\/(api|ogc|tiles)/.test(url) && !type.startsWith('application/problem+json')) failures.push(`${shown} (${type})`);
        else if (text.includes('root:x:0:0')) failures.push(`${shown} served /etc/passwd`);
        else if (type.startsWith('text/html') && text.includes('<script>alert(1)</script>')) failures.push(`${shown} reflected a script`);
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it.skipIf(!existsSync('dist/web/index.html'))('serves nothing outside the web root', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5c..%5cpackage.json', '/assets/%00.js', '/%ff']) {
      const response = await app.request(path);
      const text = await response.text();
      expect(response.status, path).toBeLessThan(500);
      expect(text, path).not.toContain('root:x:0:0');
      expect(text, path).not.toContain('"devDependencies"');
    }
  });

  it('changes nothing in the database', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
