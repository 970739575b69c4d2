import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { apiSchemas } from '../../shared/api/common.ts';
import { SESSION_COOKIE } from '../auth/request.ts';
import type { Body, Operation, ResponseSpec } from './operation.ts';
import { OPERATIONS, parameterText } from './operations.ts';

/**
 * The OpenAPI 3.1 document of the whole HTTP interface, generated from the routes' zod validators
 * (parameters) and the shared response schemas (shared/api/) with zod's own `z.toJSONSchema`; the
 * operations themselves are listed in operations.ts. Served at /api/openapi.json and rendered for
 * people at /api (page.ts).
 */

export type JsonSchema = { [key: string]: unknown };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType & { encoding?: unknown }> };
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  /** A sample request path with its query, shown and linked on the API page. */
  'x-example': string;
  /** Served, but not described in operations.ts yet. */
  'x-undocumented'?: true;
}

export type PathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OperationObject>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    summary: string;
    description: string;
    license: { name: string; identifier: string };
    'x-data-attribution': string[];
  };
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

/** A route as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string;
  path: string;
}

const ATTRIBUTION = [
  'Batas wilayah: cahyadsn/wilayah_boundaries (MIT); kode wilayah Kepmendagri 300.2.2-2138/2025 lewat cahyadsn/wilayah (MIT).',
  'Prevalensi stunting: publikasi survei Kemenkes (SSGI 2021, 2022, 2024; SKI 2023), dengan halaman sumber setiap baris di data/real/stunting_prevalence.csv.',
  'Indikator cakupan, anggaran dan aksi konvergensi: katalog Ditjen Bina Pembangunan Daerah, Kemendagri; nilainya data demonstrasi (`demo: true`) sampai data nyata diimpor.',
];

const INFO = {
  title: 'API Peta Konvergensi Stunting',
  version: packageJson.version,
  summary: 'Stunting prevalence, intervention coverage and convergence actions of Indonesia by province, regency/city, district and village, keyed by Kemendagri region code.',
  description: [
    'API peta konvergensi percepatan penurunan stunting Indonesia: prevalensi stunting dari survei nasional (SSGI, SKI), 31 indikator cakupan intervensi, kinerja aksi konvergensi dan anggaran, untuk 38 provinsi, 514 kabupaten/kota, 7.285 kecamatan dan 83.762 desa/kelurahan, dengan kunci kode wilayah Kemendagri.',
    'Hanya prevalensi stunting yang data nyata. Nilai lain adalah **data demonstrasi** yang ditandai `"demo": true` di setiap jawaban, dan diganti oleh data nyata yang diimpor.',
    'Semua kesalahan dijawab sebagai `application/problem+json` (RFC 9457) yang menyebut apa yang harus diperbaiki.',
    '*English:* a JSON API (read-only and open, plus authenticated endpoints for imports and accounts) for the Indonesian stunting-reduction programme: values keyed by Kemendagri region code, region lookup and search, and vector tiles of the boundaries. Only stunting prevalence is real data; everything marked `"demo": true` is generated demonstration data. Errors are RFC 9457 problem details.',
    `Sumber data / data sources:\n\n${ATTRIBUTION.map((line) => `- ${line}`).join('\n')}`,
  ].join('\n\n'),
  license: { name: 'MIT', identifier: 'MIT' },
  'x-data-attribution': ATTRIBUTION,
};

const TAGS = [
  { name: 'Nilai indikator', description: 'Katalog indikator dan nilainya per wilayah.' },
  { name: 'Wilayah', description: 'Wilayah administrasi menurut kode Kemendagri: satu wilayah, anak-anaknya, pencarian.' },
  { name: 'Aksi konvergensi', description: 'Aksi konvergensi kab/kota: ringkasan nasional per tahun dan status per kab/kota (data demonstrasi).' },
  { name: 'Pengawasan', description: 'Wilayah yang tertinggal dan kelompok spasial (LISA), untuk pengawasan provinsi dan kab/kota.' },
  { name: 'Ubin peta', description: 'Batas wilayah sebagai ubin vektor (MVT) dan TileJSON.' },
  { name: 'Impor', description: 'Impor berkas nilai indikator oleh operator (perlu akun).' },
  { name: 'Akun', description: 'Masuk, sesi, token API, pengguna, log audit dan target nasional.' },
  { name: 'OGC API Features', description: 'Wilayah dan nilai sebagai OGC API – Features.' },
  { name: 'Layanan', description: 'Keadaan server dan dokumentasi ini.' },
  { name: 'Lainnya', description: 'Endpoint yang belum dijelaskan.' },
];

/** The Hono route `/a/:b{[a-z]+}/:c` as an OpenAPI path `/a/{b}/{c}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

export function buildOpenApiDocument(routes: readonly RouteEntry[] = []): OpenApiDocument {
  const paths: Record<string, PathItem> = {};
  for (const operation of OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  }
  // A route nobody has described yet is still listed, marked `x-undocumented` (the test names it).
  const documented = new Set(OPERATIONS.map((operation) => `${operation.method} ${operation.route}`));
  for (const { method, path } of routes) {
    const lower = method.toLowerCase();
    if (!PUBLIC_PREFIX.test(path) || path.includes('*') || !isMethod(lower) || documented.has(`${lower} ${path}`)) continue;
    documented.add(`${lower} ${path}`);
    (paths[openApiPath(path)] ??= {})[lower] = undescribedOperation(lower, path);
  }
  return {
    openapi: '3.1.0',
    info: INFO,
    tags: TAGS.filter((tag) => Object.values(paths).some((item) => Object.values(item).some((op) => op.tags.includes(tag.name)))),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'Token API akun, dibuat dengan `POST /api/auth/tokens`: `Authorization: Bearer <token>`.' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Sesi browser setelah \`POST /api/auth/login\` (di https cookie bernama \`__Host-${SESSION_COOKIE}\`). Permintaan menulis dengan cookie juga mengirim \`X-CSRF-Token\`.`,
        },
      },
    },
  };
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, tidy(schema)]));
}

/** Drops the ±2^53 bounds zod gives every integer: true, but noise to a reader. */
function tidy<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(tidy) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'maximum' && value === Number.MAX_SAFE_INTEGER) || (key === 'minimum' && value === Number.MIN_SAFE_INTEGER)) continue;
    if (key === '$schema') continue;
    out[key] = tidy(value);
  }
  return out as T;
}

function operationObject(operation: Operation): OperationObject {
  const examples = exampleValues(operation);
  const parameters = [
    ...parametersOf(operation, operation.params, 'path', examples),
    ...parametersOf(operation, operation.query, 'query', examples),
    ...(operation.conditional
      ? [{ name: 'If-None-Match', in: 'header' as const, required: false, description: 'ETag jawaban sebelumnya; bila data belum berubah, jawabannya 304 tanpa isi.', schema: { type: 'string' } }]
      : []),
  ];
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    parameters,
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: tidy(z.toJSONSchema(operation.body, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })) as JsonSchema } },
          },
        }
      : {}),
    ...(operation.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { [operation.upload.field]: { type: 'string', contentMediaType: 'application/octet-stream', description: operation.upload.description } },
                  required: [operation.upload.field],
                },
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(operation.responses).map(([status, response]) => [status, responseObject(response)])),
    // Roles in the security requirement, as OpenAPI 3.1 allows for schemes other than OAuth.
    ...(operation.auth ? { security: [{ apiToken: [...(operation.auth.roles ?? [])] }, { session: [...(operation.auth.roles ?? [])] }] } : {}),
    'x-example': operation.example,
  };
}

/** `get /api/regions/{kode}/children` → getApiRegionsKodeChildren */
function operationId({ method, path }: Pick<Operation, 'path'> & { method: string }): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
}

/** The parameter values of the operation's sample request, by name. */
function exampleValues({ path, example }: Operation): Map<string, string> {
  const url = new URL(example, 'http://example.invalid');
  const values = new Map(url.searchParams);
  const names: string[] = [];
  const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+?)'))}$`);
  const match = pattern.exec(url.pathname);
  if (!match) throw new Error(`the example ${example} does not match ${path}`);
  names.forEach((name, index) => values.set(name, decodeURIComponent(match[index + 1] ?? '')));
  return values;
}

function parametersOf(operation: Operation, schema: z.ZodType | undefined, place: 'path' | 'query', examples: Map<string, string>): Parameter[] {
  if (!schema) return [];
  const json = tidy(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description: own, ...property }]) => {
    // Written in operations.ts, else on the validator itself (.describe()); the test requires one.
    const description = parameterText(operation, name) ?? (typeof own === 'string' ? own : undefined);
    const example = examples.get(name);
    return {
      name,
      in: place,
      required: place === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: property,
      ...(example === undefined ? {} : { example: property.type === 'integer' || property.type === 'number' ? Number(example) : example }),
    };
  });
}

function responseObject({ description, body, headers }: ResponseSpec): ResponseObject {
  return {
    description,
    ...(body ? { content: content(body) } : {}),
    ...(headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])) } : {}),
  };
}

function content(body: Body | 'problem'): Record<string, MediaType> {
  if (body === 'problem') return { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  if ('json' in body) {
    const refs = (Array.isArray(body.json) ? body.json : [body.json]).map((schema) => ({ $ref: `#/components/schemas/${componentName(schema)}` }));
    return { 'application/json': { schema: refs.length === 1 ? (refs[0] ?? {}) : { oneOf: refs } } };
  }
  return { [body.mediaType]: { ...(body.schema ? { schema: body.schema } : {}), ...(body.example === undefined ? {} : { example: body.example }) } };
}

function componentName(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error('a response body schema is not registered in apiSchemas (shared/api/common.ts)');
  return id;
}

/** The paths the document covers: the API, the tiles, OGC API Features and the health check. */
const PUBLIC_PREFIX = /^\/(api|tiles|ogc|healthz)(\/|$|\.)/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => (METHODS as readonly string[]).includes(method);

function undescribedOperation(method: Method, path: string): OperationObject {
  const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
  const ogc = path.startsWith('/ogc');
  return {
    operationId: operationId({ method, path: openApiPath(path) }),
    tags: [ogc ? 'OGC API Features' : 'Lainnya'],
    summary: `${method.toUpperCase()} ${openApiPath(path)}`,
    description: ogc
      ? 'Bagian OGC API – Features (lihat /ogc); jawabannya mengikuti standar OGC API – Features Part 1.'
      : 'Belum dijelaskan di server/openapi/operations.ts.',
    parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    responses: { default: { description: 'Jawaban endpoint ini; kesalahan sebagai application/problem+json.' } },
    'x-example': openApiPath(path),
    'x-undocumented': true,
  };
}

/** The document once per app: the routes do not change after start. */
export function openApiDocumentOf(routes: () => readonly RouteEntry[]): () => OpenApiDocument {
  let document: OpenApiDocument | undefined;
  return () => (document ??= buildOpenApiDocument(routes()));
}
