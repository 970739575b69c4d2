import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

interface Children {
  parent: string;
  children: { kode: string; level: string; nama: string }[];
}

async function children(path: string): Promise<Children> {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Children;
}

describe('GET /api/regions/{kode}/children?level=', () => {
  it('lists every desa of a kabupaten: the desa of each of its kecamatan, in code order', async () => {
    const all = await children('/api/regions/51.71/children?level=desa');
    const kecamatan = await children('/api/regions/51.71/children');
    const oneByOne: string[] = [];
    for (const { kode } of kecamatan.children) oneByOne.push(...(await children(`/api/regions/${kode}/children`)).children.map((c) => c.kode));
    expect(all.parent).toBe('51.71');
    expect(all.children.map((c) => c.kode)).toEqual(oneByOne);
    expect(all.children.every((c) => c.level === 'desa')).toBe(true);
    expect(oneByOne.length).toBeGreaterThan(kecamatan.children.length);
  });

  it('lists every kecamatan of Indonesia for ID', async () => {
    const all = await children('/api/regions/ID/children?level=kecamatan');
    expect(all.children).toHaveLength(7285);
    expect(new Set(all.children.map((c) => c.kode.slice(0, 2))).size).toBe(38);
  });

  it('keeps a code prefix from matching a longer code: 51.7 is not a region, 51.71 holds only its own', async () => {
    const all = await children('/api/regions/51.71/children?level=kecamatan');
    expect(all.children.length).toBeGreaterThan(0);
    expect(all.children.every((c) => c.kode.startsWith('51.71.'))).toBe(true);
  });

  it.each([
    ['the region\'s own level', '/api/regions/51.71/children?level=kabkota'],
    ['a level above it', '/api/regions/51.71.01/children?level=provinsi'],
    ['an unknown level', '/api/regions/51.71/children?level=dusun'],
  ])('refuses %s with a 400 that says what to give', async (_what, path) => {
    const response = await app.request(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/level/);
  });
});
