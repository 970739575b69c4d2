import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import postgres from 'postgres';
import { inject } from 'vitest';
import { connectPostgres, type Database } from '../../server/db/client.ts';
import { createTestUser } from '../support/accounts.ts';
import { TEMPLATE_DATABASE } from './setup.ts';

/** A database of its own for one test, cloned from the loaded template (tests/reliability/setup.ts). */
export async function cloneShippedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const cluster = inject('reliabilityCluster');
  const name = `rel_${randomBytes(5).toString('hex')}`;
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await connectPostgres(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * Headers that allow an import over HTTP. Written for accounts (server/auth): an admin with an API
 * token, created straight in the database. Were imports to be authorised otherwise, only this changes.
 */
export async function importAuthorization(url: string): Promise<Record<string, string>> {
  const token = `peta_${randomBytes(24).toString('hex')}`;
  await withDatabase(url, (db) => createTestUser(db, { email: `importer-${randomBytes(3).toString('hex')}@peta.test`, role: 'admin', apiToken: token }));
  return { authorization: `Bearer ${token}` };
}

/** POSTs a CSV file to /api/imports as the upload form does. */
export function postImport(baseUrl: string, headers: Record<string, string>, csv: string, filename = 'impor.csv'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), filename);
  return fetch(`${baseUrl}/api/imports`, { method: 'POST', headers, body: form });
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Every desa code of the region list (geodata/regions.csv.gz), in code order. */
export function desaCodes(): string[] {
  const text = gunzipSync(readFileSync('geodata/regions.csv.gz')).toString('utf8');
  const codes: string[] = [];
  for (const line of text.split('\n')) {
    const [kode, level] = line.split(',', 2);
    if (level === 'desa' && kode) codes.push(kode);
  }
  return codes;
}

/** A long-format import file: each desa, each indicator, numerator from `numerator(i)` out of 100. */
export function coverageCsv(codes: string[], indicators: string[], period: number, numerator: (i: number) => number): string {
  const lines = ['kode,indikator,periode,pembilang,penyebut'];
  let i = 0;
  for (const indicator of indicators) for (const kode of codes) lines.push(`${kode},${indicator},${period},${numerator(i++)},100`);
  return `${lines.join('\n')}\n`;
}
