import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';
import { realValues } from '../../server/db/values.ts';
import { DATABASE_KINDS, freshDatabase } from '../support/databases.ts';

const PATHS = { geodataDir: 'geodata', dataDir: 'data' };

describe.each(DATABASE_KINDS)('shipped data on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(() => db?.close());

  async function counts() {
    const [row] = await db.sql<{ regions: number; observations: number; provinsi: number; desa: number }[]>`
      SELECT (SELECT count(*)::int FROM region) AS regions,
             (SELECT count(*)::int FROM observation) AS observations,
             (SELECT count(*)::int FROM region WHERE level = 'provinsi') AS provinsi,
             (SELECT count(*)::int FROM region WHERE level = 'desa') AS desa`;
    return row;
  }

  it('loads every region of the code list, Indonesia included, and the real prevalence figures', async () => {
    expect(await loadShippedData(db, PATHS)).toEqual({ changed: true });
    expect(await counts()).toEqual({ regions: 91_600, observations: 307, provinsi: 38, desa: 83_762 });
    const ntt = await realValues(db, { indicator: 'prevalensi_stunting', period: '2022', level: 'provinsi' });
    expect(ntt.find((row) => row.kode === '53')).toMatchObject({ value: 35.3, source: 'SSGI 2022, Kemenkes' });
  });

  it('is idempotent: a second start changes nothing', async () => {
    const before = await counts();
    expect(await loadShippedData(db, PATHS)).toEqual({ changed: false });
    expect(await counts()).toEqual(before);
  });

  it('reloads when the shipped files changed, without duplicating anything', async () => {
    await db.sql`UPDATE shipped_dataset SET checksum = 'outdated'`;
    const before = await counts();
    expect(await loadShippedData(db, PATHS)).toEqual({ changed: true });
    expect(await counts()).toEqual(before);
  });
});
