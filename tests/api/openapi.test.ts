import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALUES_CSV_COLUMNS } from '../../shared/api/values.ts';
import { openApiPath, type JsonSchema, type OpenApiDocument, type OperationObject } from '../../server/openapi/document.ts';
import { OPERATIONS } from '../../server/openapi/operations.ts';
import { API_PAGE_SCRIPT } from '../../server/openapi/page.ts';
import { API_PAGE_STYLE } from '../../server/openapi/page-style.ts';
import type { Database } from '../../server/db/client.ts';
import { indicatorsResponseSchema, regionSchema, valuesResponseSchema } from '../../web/api/client.ts';
import { shippedApp } from '../support/app.ts';

const TOKEN = 'openapi-test-token-0123456789';
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
let document: OpenApiDocument;
let documentText: string;
let ajv: Ajv2020;
/** Operations a real response was checked against, with the statuses seen. */
const checked = new Map<string, Set<string>>();

beforeAll(async () => {
  ({ app, db } = await shippedApp({ importToken: TOKEN }));
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  documentText = await response.text();
  document = JSON.parse(documentText) as OpenApiDocument;
  // The components as $defs of one schema, so ajv resolves their $refs in strict mode.
  ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(toDefs({ $defs: document.components.schemas }), 'api');
});
afterAll(() => db?.close());

/** Rewrites `#/components/schemas/X` to `api#/$defs/X`. */
function toDefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"api#/$defs/')) as T;
}

function operation(method: string, path: string): OperationObject {
  const found = document.paths[path]?.[method as 'get' | 'post'];
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
}

function validatorFor(schema: JsonSchema): ValidateFunction {
  return ajv.compile(toDefs(schema));
}

/** Sends a request and checks the response against the document: status, content type and body. */
async function documented(method: 'get' | 'post', path: string, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await app.request(url, { method: method.toUpperCase(), ...init });
  const spec = operation(method, path).responses[String(response.status)];
  expect(spec, `${method} ${url} answered ${response.status}, which the document does not list for ${path}`).toBeDefined();
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const media = spec?.content?.[type];
  if (!spec?.content) {
    expect(response.body === null || (await response.clone().arrayBuffer()).byteLength === 0, `${url}: ${response.status} should have no body`).toBe(true);
  } else {
    expect(media, `${url}: content type "${type}" is not documented for ${response.status}`).toBeDefined();
    if (media?.schema && type.endsWith('json')) {
      const validate = validatorFor(media.schema);
      const body: unknown = await response.clone().json();
      expect(validate(body) ? [] : validate.errors, `${method} ${url} (${response.status}) does not match the document`).toEqual([]);
    }
  }
  const seen = checked.get(`${method} ${path}`) ?? new Set<string>();
  checked.set(`${method} ${path}`, seen.add(String(response.status)));
  return response;
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(documentText));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is open to other origins and names the version, the license and the data sources', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.info.license.identifier).toBe('MIT');
    expect(document.info.description).toMatch(/data demonstrasi/);
    expect(document.info.description).toMatch(/wilayah_boundaries/);
  });

  it('documents every route the app serves under /api, /tiles, /healthz and /ogc, and nothing else', () => {
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && !route.path.includes('*') && /^\/(api|tiles|healthz|ogc)(\/|$)/.test(route.path))
        .map((route) => `${route.method.toLowerCase()} ${route.path}`),
    );
    expect(served.size).toBeGreaterThanOrEqual(14);
    for (const route of served) {
      const [method = '', path = ''] = route.split(' ');
      const listed = OPERATIONS.find((op) => op.method === method && op.route === path);
      const documentedPath = listed?.path ?? openApiPath(path);
      expect(document.paths[documentedPath]?.[method as 'get' | 'post'], `${route} is not in the document`).toBeDefined();
    }
    for (const op of OPERATIONS) expect(served, `${op.method} ${op.route} is documented but not served`).toContain(`${op.method} ${op.route}`);
  });

  it('describes every route it lists (none is only listed as x-undocumented)', () => {
    const undescribed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) => (op['x-undocumented'] ? [`${method.toUpperCase()} ${path}`] : [])),
    );
    expect(undescribed, 'describe these in server/openapi/operations.ts').toEqual([]);
  });

  it('describes every parameter, with the Kemendagri code pattern and the level enum', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const op of Object.values(item)) {
        for (const parameter of op.parameters) expect(parameter.description, `${path} ${parameter.name}`).not.toBe('');
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort(), path).toEqual(templated.sort());
      }
    }
    const values = operation('get', '/api/values').parameters;
    expect(values.find((p) => p.name === 'level')?.schema.enum).toEqual(['provinsi', 'kabkota', 'kecamatan', 'desa']);
    const kode = operation('get', '/api/regions/{kode}').parameters.find((p) => p.name === 'kode');
    expect(new RegExp(String(kode?.schema.pattern)).test('53.01.01.2001')).toBe(true);
    expect(new RegExp(String(kode?.schema.pattern)).test('53.1')).toBe(false);
    expect(values.find((p) => p.name === 'period')).toMatchObject({ required: true, example: '2022', schema: { pattern: '^\\d{4}$' } });
  });

  it('has examples that match their own schemas', () => {
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      const validate = validatorFor({ $ref: `#/components/schemas/${name}` });
      for (const example of (schema.examples as unknown[] | undefined) ?? []) {
        expect(validate(example) ? [] : validate.errors, `example of ${name}`).toEqual([]);
      }
    }
    for (const item of Object.values(document.paths)) {
      for (const op of Object.values(item)) {
        for (const parameter of op.parameters) {
          if (parameter.example === undefined) continue;
          const validate = validatorFor(parameter.schema);
          expect(validate(parameter.example) ? [] : validate.errors, `${op.operationId} ${parameter.name}`).toEqual([]);
        }
      }
    }
  });
});

describe('real responses match the document', () => {
  it('answers the sample request of every public GET operation as documented', async () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const op = item.get;
      if (!op || op.security) continue;
      const response = await documented('get', path, op['x-example']);
      // OGC items need the polygons of geodata/geometry, which an installation may not have built (503).
      if (!op.tags.includes('OGC API Features')) expect(response.status, op['x-example']).toBe(200);
    }
  });

  it.each([
    ['/api/values', '/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=51.71', 200],
    ['/api/values', '/api/values?indicator=kategori_kinerja&period=2023&level=kabkota&parent=53', 200],
    ['/api/values', '/api/values?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=91', 200],
    ['/api/values', '/api/values?indicator=prevalensi_stunting&period=22&level=negara', 400],
    ['/api/values', '/api/values?indicator=tidak_ada&period=2022&level=provinsi', 404],
    ['/api/values.csv', '/api/values.csv?indicator=prevalensi_stunting&period=x&level=provinsi', 400],
    ['/api/values.csv', '/api/values.csv?indicator=IH-1&period=2024&level=desa&parent=99.99.99', 404],
    ['/api/regions/{kode}', '/api/regions/ID', 200],
    ['/api/regions/{kode}', '/api/regions/51.71.01.1001?period=2024', 200],
    ['/api/regions/{kode}', '/api/regions/53.1', 400],
    ['/api/regions/{kode}', '/api/regions/99', 404],
    ['/api/regions/{kode}/children', '/api/regions/ID/children', 200],
    ['/api/regions/{kode}/children', '/api/regions/99/children', 404],
    ['/api/regions/{kode}/children', '/api/regions/32.01/children?level=desa', 200],
    ['/api/regions/{kode}/children', '/api/regions/32.01/children?level=kabkota', 400],
    ['/api/search', '/api/search?q=denpasar&level=kecamatan', 200],
    ['/api/search', '/api/search?q=51.71&within=51', 200],
    ['/api/search', '/api/search?q=', 400],
    ['/api/search', '/api/search?q=sukamaju&within=99', 404],
    ['/tiles/{level}.json', '/tiles/desa.json', 200],
    ['/tiles/{level}.json', '/tiles/negara.json', 404],
    ['/tiles/{level}.json', '/tiles/kabkota.json?indicator=IH-1&period=2024', 200],
    ['/tiles/{level}.json', '/tiles/provinsi.json?indicator=prevalensi_stunting', 400],
    ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/provinsi/4/13/8.mvt?indicator=prevalensi_stunting&period=2022', 200],
    ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/provinsi/4/13/8.mvt?indicator=tidak_ada&period=2022', 404],
    ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/provinsi/4/0/0.mvt', 204],
    ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/desa/2/0/0.mvt', 400],
    ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/negara/4/13/8.mvt', 404],
    ['/api/aksi/summary', '/api/aksi/summary', 200],
    ['/api/aksi', '/api/aksi?period=2021', 200],
    ['/api/aksi', '/api/aksi?period=2024&parent=5', 400],
    ['/api/aksi', '/api/aksi?period=2024&parent=99', 404],
  ])('GET %s: %s answers %i as documented', async (path, url, status) => {
    expect((await documented('get', path, url)).status).toBe(status);
  });

  it('answers conditional requests with 304', async () => {
    for (const [path, url] of [
      ['/api/values', '/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi'],
      ['/api/regions/{kode}', '/api/regions/53?period=2022'],
      ['/tiles/{level}/{z}/{x}/{y}.mvt', '/tiles/provinsi/4/13/8.mvt'],
    ] as const) {
      const etag = (await app.request(url)).headers.get('etag') ?? '';
      expect(etag, url).not.toBe('');
      expect((await documented('get', path, url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
  });

  it('answers the import endpoints as documented: refused, problems, dry run, import, list, rollback', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const form = (text: string) => {
      const body = new FormData();
      body.append('file', new File([text], 'capaian.csv', { type: 'text/csv' }));
      return body;
    };
    const good = 'kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n';
    expect((await documented('get', '/api/imports', '/api/imports')).status).toBe(401);
    expect((await documented('post', '/api/imports', '/api/imports', { body: form(good) })).status).toBe(401);
    expect((await documented('post', '/api/imports', '/api/imports', { headers: auth, body: 'kode' })).status).toBe(400);
    const bad = await documented('post', '/api/imports', '/api/imports', { headers: auth, body: form('kode,indikator,periode,nilai\n99.99,IH-1,2024,abc\n') });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
    expect((await documented('post', '/api/imports', '/api/imports?dry_run=1', { headers: auth, body: form(good) })).status).toBe(200);
    const done = await documented('post', '/api/imports', '/api/imports', { headers: auth, body: form(good) });
    expect(done.status).toBe(201);
    const { summary } = (await done.json()) as { summary: { batchId: number } };
    expect((await documented('get', '/api/imports', '/api/imports', { headers: auth })).status).toBe(200);
    const rollback = `/api/imports/${summary.batchId}/rollback`;
    expect((await documented('post', '/api/imports/{id}/rollback', rollback, { headers: auth })).status).toBe(200);
    expect((await documented('post', '/api/imports/{id}/rollback', rollback, { headers: auth })).status).toBe(409);
    expect((await documented('post', '/api/imports/{id}/rollback', '/api/imports/999999/rollback', { headers: auth })).status).toBe(404);
    expect((await documented('post', '/api/imports/{id}/rollback', '/api/imports/x/rollback', { headers: auth })).status).toBe(400);
  });

  it('checked a real response against every response schema of ours that the document names', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!status.startsWith('2')) continue;
          const named = Object.values(response.content ?? {}).some((media) => JSON.stringify(media.schema ?? {}).includes('#/components/schemas/'));
          if (named) expect(checked.get(`${method} ${path}`), `${method} ${path} ${status}`).toContain(status);
        }
      }
    }
  });

  it('sends the documented CSV columns', async () => {
    const text = await (await app.request('/api/values.csv?indicator=prevalensi_stunting&period=2022&level=provinsi')).text();
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(VALUES_CSV_COLUMNS.join(','));
  });

  it('is still what the web client parses', async () => {
    const values = valuesResponseSchema.parse(await (await app.request('/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi')).json());
    expect(values.values['53']).toMatchObject({ value: 35.3, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct' });
    const indicators = indicatorsResponseSchema.parse(await (await app.request('/api/indicators')).json());
    expect(indicators.indicators.find((i) => i.id === 'kategori_kinerja')?.categories).toHaveLength(3);
    expect(regionSchema.parse(await (await app.request('/api/regions/53.01')).json())).toMatchObject({ kode: '53.01', level: 'kabkota' });
  });
});

describe('GET /api (the API page)', () => {
  it('is one HTML page, in Bahasa Indonesia, listing every path with examples and the error format', async () => {
    const response = await app.request('/api');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="id">/);
    for (const path of Object.keys(document.paths)) expect(html, path).toContain(`<code>${path}</code>`);
    expect(html).toContain('<a href="/api/values?indicator=prevalensi_stunting&#38;period=2022&#38;level=provinsi">');
    expect(html).toContain('curl -X POST -H &#34;Authorization: Bearer $PETA_TOKEN&#34; -F file=@capaian_2024.csv');
    expect(html).toContain('application/problem+json');
    expect(html).toContain('id="skema-RegionValue"');
    // Nothing is loaded from elsewhere: the product runs without internet.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|@import|url\(/);
    // Its one inline style and script are allowed by hash, and nothing else inline is.
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const text of [API_PAGE_STYLE, API_PAGE_SCRIPT]) {
      expect(html).toContain(text);
      expect(policy).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    }
  });
});
