import type { Actor } from './auth/guard.ts';
import { recordAudit } from './db/audit.ts';
import type { Database } from './db/client.ts';
import { bumpDataVersion } from './db/data-version.ts';
import { findTargetForUpdate, writeTarget, type TargetRecord, type TargetValue } from './db/targets.ts';
import { notFound } from './problem.ts';

/**
 * An admin sets an indicator's national target. The change, its audit entry and the data-version bump
 * (region profiles and the catalogue show the target, and their caches key on the version) are one
 * transaction.
 */
export async function setTarget(db: Database, actor: Actor, id: string, value: TargetValue, now: Date): Promise<TargetRecord> {
  return db.sql.begin(async (sql) => {
    const before = await findTargetForUpdate(sql, id);
    if (!before) throw notFound(`no indicator ${id}; see GET /api/indicators`);
    const after = await writeTarget(sql, id, value, actor.userId, now);
    await bumpDataVersion(sql);
    await recordAudit(sql, {
      at: now,
      userId: actor.userId,
      actor: actor.name,
      action: 'indicator.target',
      target: `indicator:${id}`,
      scope: null,
      before: { target: before.target, target_year: before.target_year, target_source: before.target_source },
      after: { target: after.target, target_year: after.target_year, target_source: after.target_source },
      ip: actor.ip,
    });
    return after;
  });
}
