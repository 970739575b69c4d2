import type { IndicatorDefinition } from '../catalogue.ts';
import type { Database } from '../db/client.ts';
import { findIndicator } from '../db/indicators.ts';

/**
 * The indicator definitions that value requests look up, kept after the first lookup so that a
 * cached answer costs no query for them. What values need of an indicator (id, kind, unit, levels)
 * ships with a release and changes only with a restart, like the region tree. The national target can
 * be edited while the server runs (PUT /api/indicators/{id}/target): read it from the database, never
 * from here. Unknown ids are asked again each time (they are rare, and answered 404).
 */
export class IndicatorCache {
  private readonly known = new Map<string, IndicatorDefinition>();

  constructor(private readonly db: Database) {}

  async find(id: string): Promise<IndicatorDefinition | undefined> {
    const cached = this.known.get(id);
    if (cached) return cached;
    const found = await findIndicator(this.db, id);
    if (found) this.known.set(id, found);
    return found;
  }
}
