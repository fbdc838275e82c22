/**
 * The units of the organisation and the reporters named on each (granted on the unit or above),
 * read once for a whole list of accounts: two queries, however many units.
 */
import { eq } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import type { Db } from '../../db/client.ts';
import { units } from '../../db/schema/index.ts';
import { loadNamedPeople } from '../named-people.ts';

export interface UnitInfo {
  id: string;
  slug: string;
  name: string;
  path: string;
}

export interface UnitDirectory {
  unit(id: string): UnitInfo | undefined;
  /** Reporters on the unit, nearest grant first, then by name; each person once. */
  reporters(unitId: string): { id: string; name: string }[];
}

export async function loadUnitDirectory(db: Db, organisationId: string): Promise<UnitDirectory> {
  const unitRows = await db
    .select({ id: units.id, parentId: units.parentId, slug: units.slug, name: units.name, path: units.path })
    .from(units)
    .where(eq(units.organisationId, organisationId));
  const tree = new Access([], unitRows);
  const byId = new Map(unitRows.map((u) => [u.id, { id: u.id, slug: u.slug, name: u.name, path: u.path }]));
  const reporters = await loadNamedPeople(db, organisationId, 'reporter', tree);
  return { unit: (id) => byId.get(id), reporters };
}
