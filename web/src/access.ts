/**
 * What the signed-in person may do on a given unit, to show or hide controls. The server
 * decides anyway; this mirrors core/roles.ts (a role holds on its unit and every unit below).
 */
import { roleAllows, type Action } from '../../src/core/roles.ts';
import type { Me, UnitOut } from './api/index.ts';

/** The unit and its ancestors, nearest first. */
export function ancestry(unitId: string, units: readonly UnitOut[]): string[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const chain: string[] = [];
  let current: string | null | undefined = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parent.get(current);
  }
  return chain;
}

export function can(me: Me, action: Action, unitId: string, units: readonly UnitOut[]): boolean {
  if (me.isAdmin) return true;
  const chain = ancestry(unitId, units);
  return me.grants.some((g) => g.unitId !== null && chain.includes(g.unitId) && roleAllows(g.role, action));
}

export function canAnywhere(me: Me, action: Action): boolean {
  return me.isAdmin || me.abilities.includes(action);
}

/** Depth of each unit in the tree (top = 0). */
export function depths(units: readonly UnitOut[]): Map<string, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, number>();
  const depthOf = (u: UnitOut, seen: Set<string>): number => {
    const known = out.get(u.id);
    if (known !== undefined) return known;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const d = parent && !seen.has(parent.id) ? depthOf(parent, seen.add(u.id)) + 1 : 0;
    out.set(u.id, d);
    return d;
  };
  for (const u of units) depthOf(u, new Set());
  return out;
}

/** The ids of a unit and all units below it. */
export function subtree(unitId: string, units: readonly UnitOut[]): Set<string> {
  const out = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
