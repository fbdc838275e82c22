/**
 * The evaluators named on each unit (granted on the unit or above, active people only), read once
 * for a whole list of evaluations: two queries, however many units.
 */
import { eq } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import type { Db } from '../../db/client.ts';
import { units } from '../../db/schema/index.ts';
import { loadNamedPeople } from '../named-people.ts';

export interface EvaluatorDirectory {
  /** The unit's evaluators, nearest grant first, then by name; each person once. */
  evaluators(unitId: string): { id: string; name: string }[];
}

export async function loadEvaluatorDirectory(db: Db, organisationId: string): Promise<EvaluatorDirectory> {
  const tree = new Access([], await db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, organisationId)));
  return { evaluators: await loadNamedPeople(db, organisationId, 'evaluator', tree) };
}
