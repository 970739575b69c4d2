import { isLevel } from '../catalogue.ts';
import type { IndexedRegion } from '../search/region-index.ts';
import type { Database } from './client.ts';

/** Every region below Indonesia, for the search index (server/search/region-index.ts). */
export async function loadSearchRegions({ sql }: Database): Promise<IndexedRegion[]> {
  const rows = await sql<{ kode: string; level: string; nama: string; parent: string | null }[]>`
    SELECT kode, level, nama, NULLIF(parent, 'ID') AS parent FROM region WHERE level <> 'nasional'`;
  return rows.map(({ kode, level, nama, parent }) => {
    // The table's CHECK allows only these levels and 'nasional', which the query leaves out.
    if (!isLevel(level)) throw new Error(`region ${kode} has level "${level}", which search does not know`);
    return { kode, level, nama, parent };
  });
}
