import type postgres from 'postgres';

/** National targets of indicators (columns of `indicator`), as admins set them. */
export interface TargetRecord {
  id: string;
  nama: string;
  unit: string;
  direction: string;
  target: number | null;
  target_year: number | null;
  target_source: string | null;
  target_edited_at: Date | null;
  target_edited_by: number | null;
}

export interface TargetValue {
  target: number | null;
  target_year: number | null;
  target_source: string | null;
}

export async function findTargetForUpdate(sql: postgres.TransactionSql, id: string): Promise<TargetRecord | undefined> {
  const [row] = await sql<TargetRecord[]>`
    SELECT id, nama, unit, direction, target, target_year, target_source, target_edited_at, target_edited_by
    FROM indicator WHERE id = ${id} FOR UPDATE`;
  return row;
}

/** Sets the target and marks it as edited, so that reloading the shipped catalogue keeps it. */
export async function writeTarget(sql: postgres.TransactionSql, id: string, value: TargetValue, userId: number | null, now: Date): Promise<TargetRecord> {
  const [row] = await sql<TargetRecord[]>`
    UPDATE indicator SET target = ${value.target}, target_year = ${value.target_year}, target_source = ${value.target_source},
                         target_edited_at = ${now}, target_edited_by = ${userId}
    WHERE id = ${id}
    RETURNING id, nama, unit, direction, target, target_year, target_source, target_edited_at, target_edited_by`;
  if (!row) throw new Error(`no indicator ${id} to set a target on`);
  return row;
}
