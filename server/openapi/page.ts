import type { JsonSchema, OpenApiDocument, OperationObject, Parameter, ResponseObject } from './document.ts';
import { API_PAGE_STYLE } from './page-style.ts';

/** The page's one script (copy buttons); a constant, so the Content-Security-Policy can allow it by hash. */
export const API_PAGE_SCRIPT = `
for (const pre of document.querySelectorAll('pre.copy')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Salin';
  button.addEventListener('click', () => navigator.clipboard.writeText(pre.querySelector('code').textContent).then(() => { button.textContent = 'Tersalin'; setTimeout(() => { button.textContent = 'Salin'; }, 1500); }));
  pre.append(button);
}
`;

/**
 * The API page at GET /api: the OpenAPI document rendered on the server as plain HTML, Bahasa
 * Indonesia first. No script or style is loaded from elsewhere (the product runs without internet);
 * the only script is a few lines that add "Salin" (copy) buttons.
 */
export function renderApiPage(document: OpenApiDocument, origin: string): string {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
  const byTag = document.tags.map((tag) => ({ tag, operations: operations.filter(({ operation }) => operation.tags.includes(tag.name)) }));
  const problemExample = firstExample(document.components.schemas.Problem);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)}</title>
<meta name="description" content="${escape(document.info.summary)}">
<link rel="icon" href="data:,">
<style>${API_PAGE_STYLE}</style>
</head>
<body>
<header class="top">
  <p class="crumb"><a href="/">← Peta Konvergensi Stunting</a></p>
  <h1>${escape(document.info.title)} <span class="version">versi ${escape(document.info.version)}</span></h1>
  ${markdown(document.info.description)}
  <p>Dokumen mesin: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI ${escape(document.openapi)}). Alamat dasar: <code>${escape(origin)}</code>. Lisensi kode: ${escape(document.info.license.name)}.</p>
</header>
<nav aria-label="Daftar endpoint" class="toc">
  <h2>Endpoint</h2>
  ${byTag
    .map(
      ({ tag, operations: list }) => `<h3>${escape(tag.name)}</h3><ul>${list
        .map(({ path, method, operation }) => `<li><a href="#${operation.operationId}"><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></a> <span class="muted">${escape(operation.summary)}</span></li>`)
        .join('')}</ul>`,
    )
    .join('\n')}
  <p><a href="#kesalahan">Format kesalahan</a> · <a href="#skema">Skema jawaban</a></p>
</nav>
<main>
${byTag
  .map(
    ({ tag, operations: list }) => `<section aria-labelledby="tag-${slug(tag.name)}">
<h2 id="tag-${slug(tag.name)}">${escape(tag.name)}</h2>
<p class="muted">${escape(tag.description)}</p>
${list.map(({ path, method, operation }) => operationSection(path, method, operation, origin, document)).join('\n')}
</section>`,
  )
  .join('\n')}
<section id="kesalahan" aria-labelledby="kesalahan-judul">
<h2 id="kesalahan-judul">Format kesalahan</h2>
<p>Setiap kesalahan dijawab dengan status 4xx atau 5xx dan isi <code>application/problem+json</code> (RFC 9457): <code>title</code> merangkum jenisnya, <code>detail</code> menyebut apa yang harus diperbaiki, <code>status</code> sama dengan status HTTP. Untuk parameter yang salah, <code>errors</code> berisi satu entri per parameter; untuk berkas impor yang bermasalah (422), <code>problems</code> berisi setiap baris. Hanya kesalahan server sungguhan yang menjadi 500.</p>
${codeBlock(JSON.stringify(problemExample, null, 2))}
${codeBlock(`curl -i '${origin}/api/values?indicator=prevalensi_stunting&period=22&level=provinsi'`)}
</section>
<section id="skema" aria-labelledby="skema-judul">
<h2 id="skema-judul">Skema jawaban</h2>
${Object.entries(document.components.schemas)
  .map(([name, schema]) => schemaSection(name, schema))
  .join('\n')}
</section>
</main>
<footer>
  <p>${document.info['x-data-attribution'].map((line) => markdownInline(line)).join('<br>')}</p>
  <p>Kode berlisensi ${escape(document.info.license.name)}. <a href="/">Kembali ke peta</a>.</p>
</footer>
<script>${API_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function operationSection(path: string, method: string, operation: OperationObject, origin: string, document: OpenApiDocument): string {
  const example = operation['x-example'];
  const auth = operation.security !== undefined;
  const linkable = method === 'get' && !auth && !example.includes('{');
  const exampleSchema = successSchemaExample(operation, document);
  return `<article id="${operation.operationId}" class="operation">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(operation.summary)}</p>
${markdown(operation.description)}
${auth ? `<p class="note">${authText(operation)}</p>` : ''}
<h4>Contoh</h4>
${linkable ? `<p><a href="${escape(example)}">${escape(origin + example)}</a></p>` : ''}
${codeBlock(curl(method, origin + example, operation))}
${parameterTable(operation.parameters)}
${operation.requestBody ? requestBodyText(operation) : ''}
<h4>Jawaban</h4>
${responseTable(operation.responses)}
${exampleSchema === undefined ? '' : `<details><summary>Contoh isi jawaban</summary>${codeBlock(exampleSchema)}</details>`}
</article>`;
}

/** Who may call it: any account, or only some roles (the scopes of the security requirement). */
function authText(operation: OperationObject): string {
  const roles = Object.values(operation.security?.[0] ?? {})[0] ?? [];
  const who = roles.length > 0 ? `akun dengan peran ${roles.map((role) => `<code>${escape(role)}</code>`).join(' atau ')}` : 'akun';
  return `Perlu ${who}: token API (<code>Authorization: Bearer &lt;token&gt;</code>, dibuat dengan <code>POST /api/auth/tokens</code>) atau sesi browser setelah <a href="#postApiAuthLogin">masuk</a>.`;
}

function curl(method: string, url: string, operation: OperationObject): string {
  const parts = ['curl'];
  if (method !== 'get') parts.push(`-X ${method.toUpperCase()}`);
  if (operation.security) parts.push('-H "Authorization: Bearer $PETA_TOKEN"');
  const body = operation.requestBody?.content;
  if (body?.['multipart/form-data']) parts.push('-F file=@capaian_2024.csv');
  const json = body?.['application/json']?.schema;
  if (json) {
    const required = (json.required as string[] | undefined) ?? Object.keys((json.properties as object | undefined) ?? {}).slice(0, 1);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    parts.push(`-H 'content-type: application/json' -d '${JSON.stringify(Object.fromEntries(required.map((name) => [name, placeholder(properties[name] ?? {})])))}'`);
  }
  const success = operation.responses['200'];
  const types = Object.keys(success?.content ?? {});
  const fileName = url.split('?')[0]?.split('/').pop() ?? 'jawaban';
  if (types.some((type) => type === 'text/csv' || type === 'application/vnd.mapbox-vector-tile')) parts.push(`--compressed -o ${fileName}`);
  parts.push(`'${url}'`);
  return parts.join(' ');
}

/** A value to show in a sample JSON body: the schema's example, else a number or "…". */
function placeholder(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples)) return schema.examples[0];
  const types = [schema, ...((schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[])].map((s) => s.type);
  return types.includes('number') || types.includes('integer') ? 0 : '…';
}

function parameterTable(parameters: Parameter[]): string {
  if (parameters.length === 0) return '<p class="muted">Tanpa parameter.</p>';
  const rows = parameters
    .map(
      (p) => `<tr><td><code>${escape(p.name)}</code></td><td>${PLACES[p.in]}</td><td>${p.required ? 'ya' : 'tidak'}</td><td>${typeText(p.schema)}</td><td>${markdownInline(p.description ?? '')}${
        p.example === undefined ? '' : ` <span class="muted">Contoh: <code>${escape(String(p.example))}</code></span>`
      }</td></tr>`,
    )
    .join('');
  return `<h4>Parameter</h4><div class="scroll"><table><thead><tr><th>Nama</th><th>Di</th><th>Wajib</th><th>Nilai</th><th>Keterangan</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

const PLACES: Record<Parameter['in'], string> = { path: 'path', query: 'query', header: 'header' };

function requestBodyText(operation: OperationObject): string {
  const entries = Object.entries(operation.requestBody?.content ?? {});
  return `<h4>Isi permintaan</h4>${entries
    .map(([type, media]) => {
      const schema = media.schema ?? {};
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const rows = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
        .map(([name, property]) => `<tr><td><code>${escape(name)}</code></td><td>${required.has(name) ? 'ya' : 'tidak'}</td><td>${typeText(property)}</td><td>${markdownInline(String(property.description ?? ''))}</td></tr>`)
        .join('');
      return `<p><code>${escape(type)}</code></p><div class="scroll"><table><thead><tr><th>Kolom</th><th>Wajib</th><th>Nilai</th><th>Keterangan</th></tr></thead><tbody>${rows}</tbody></table></div>`;
    })
    .join('')}`;
}

function responseTable(responses: Record<string, ResponseObject>): string {
  const rows = Object.entries(responses)
    .map(([status, response]) => {
      const bodies = Object.entries(response.content ?? {})
        .map(([type, media]) => `<code>${escape(type)}</code>${media.schema ? ` ${typeText(media.schema)}` : ''}`)
        .join('<br>');
      return `<tr><td><strong>${escape(status)}</strong></td><td>${markdownInline(response.description)}</td><td>${bodies || '<span class="muted">tanpa isi</span>'}</td></tr>`;
    })
    .join('');
  return `<div class="scroll"><table><thead><tr><th>Status</th><th>Arti</th><th>Isi</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The example of the operation's first successful JSON body, or its literal example (CSV). */
function successSchemaExample(operation: OperationObject, document: OpenApiDocument): string | undefined {
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2')) continue;
    for (const media of Object.values(response.content ?? {})) {
      if (typeof media.example === 'string') return media.example;
      const ref = typeof media.schema?.$ref === 'string' ? media.schema.$ref : undefined;
      const example = ref ? firstExample(document.components.schemas[ref.split('/').pop() ?? '']) : undefined;
      if (example !== undefined) return JSON.stringify(example, null, 2);
    }
  }
  return undefined;
}

function firstExample(schema: JsonSchema | undefined): unknown {
  return Array.isArray(schema?.examples) ? schema.examples[0] : undefined;
}

function schemaSection(name: string, schema: JsonSchema): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties)
    .map(
      ([field, property]) =>
        `<tr><td><code>${escape(field)}</code></td><td>${typeText(property)}</td><td>${required.has(field) ? 'selalu' : 'bila berlaku'}</td><td>${markdownInline(String(property.description ?? ''))}</td></tr>`,
    )
    .join('');
  return `<article id="skema-${escape(name)}" class="schema">
<h3><code>${escape(name)}</code></h3>
${schema.description ? `<p>${markdownInline(String(schema.description))}</p>` : ''}
${rows ? `<div class="scroll"><table><thead><tr><th>Kolom</th><th>Tipe</th><th>Ada</th><th>Keterangan</th></tr></thead><tbody>${rows}</tbody></table></div>` : ''}
</article>`;
}

/** A JSON Schema in a few words: "integer 1–50, bawaan 10", "daftar RegionRef", "provinsi | kabkota". */
export function typeText(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop() ?? '';
    return `<a href="#skema-${escape(name)}"><code>${escape(name)}</code></a>`;
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const nonNull = alternatives.filter((alternative) => alternative.type !== 'null');
    const text = nonNull.map(typeText).join(' atau ');
    return nonNull.length < alternatives.length ? `${text} atau <code>null</code>` : text;
  }
  if (schema.const !== undefined) return `<code>${escape(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `<code>${escape(String(value))}</code>`).join(' | ');
  const notes: string[] = [];
  let text: string;
  switch (schema.type) {
    case 'array':
      if (Array.isArray(schema.prefixItems)) text = `[${(schema.prefixItems as JsonSchema[]).map(typeText).join(', ')}]`;
      else text = `daftar ${schema.items ? typeText(schema.items as JsonSchema) : ''}`;
      break;
    case 'object':
      text = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? `objek: kunci → ${typeText(schema.additionalProperties as JsonSchema)}` : 'objek';
      break;
    case undefined:
      text = 'apa saja';
      break;
    default:
      text = escape(String(schema.type));
  }
  if (typeof schema.pattern === 'string') notes.push(`pola <code>${escape(schema.pattern)}</code>`);
  const min = schema.minimum ?? schema.exclusiveMinimum;
  if (min !== undefined || schema.maximum !== undefined) {
    const low = schema.exclusiveMinimum !== undefined ? `> ${String(schema.exclusiveMinimum)}` : min === undefined ? '' : `≥ ${String(min)}`;
    const high = schema.maximum === undefined ? '' : `≤ ${String(schema.maximum)}`;
    notes.push([low, high].filter(Boolean).join(', '));
  }
  if (typeof schema.maxLength === 'number') notes.push(`paling panjang ${schema.maxLength}`);
  if (schema.format) notes.push(escape(String(schema.format)));
  if (schema.default !== undefined) notes.push(`bawaan <code>${escape(JSON.stringify(schema.default))}</code>`);
  return notes.length > 0 ? `${text} <span class="muted">(${notes.join('; ')})</span>` : text;
}

function codeBlock(text: string): string {
  return `<pre class="copy"><code>${escape(text)}</code></pre>`;
}

/** The little Markdown the descriptions use: paragraphs, "- " lists, `code`, **bold**, *italic*. */
function markdown(text: string): string {
  return text
    .split(/\n\n+/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith('- '))) return `<ul>${lines.map((line) => `<li>${markdownInline(line.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${markdownInline(block)}</p>`;
    })
    .join('\n');
}

function markdownInline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
