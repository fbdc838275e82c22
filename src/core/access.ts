/**
 * Who may do what in which unit. Built from a person's role grants and the organisation's
 * unit tree (id → parent id); pure and synchronous, so services ask it many times per request.
 */
import { type Action, type Role, roleAllows } from './roles.ts';

export interface Grant {
  role: Role;
  /** null for the organisation-wide administrator role. */
  unitId: string | null;
}

export interface UnitNode {
  id: string;
  parentId: string | null;
}

export class Access {
  readonly isAdmin: boolean;
  private readonly grantsByUnit: Map<string, Role[]>;
  private readonly parentOf: Map<string, string | null>;

  constructor(grants: readonly Grant[], units: readonly UnitNode[]) {
    this.isAdmin = grants.some((g) => g.role === 'admin');
    this.grantsByUnit = new Map();
    for (const g of grants) {
      if (g.unitId === null) continue;
      const list = this.grantsByUnit.get(g.unitId) ?? [];
      list.push(g.role);
      this.grantsByUnit.set(g.unitId, list);
    }
    this.parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  }

  /** The unit and its ancestors, nearest first. Stops at a cycle rather than looping. */
  ancestry(unitId: string): string[] {
    const chain: string[] = [];
    const seen = new Set<string>();
    let current: string | null | undefined = unitId;
    while (current && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      current = this.parentOf.get(current);
    }
    return chain;
  }

  /** May this person do `action` in `unitId` (through a role there or on an ancestor)? */
  can(action: Action, unitId: string): boolean {
    if (this.isAdmin) return true;
    if (!this.parentOf.has(unitId)) return false;
    for (const id of this.ancestry(unitId)) {
      for (const role of this.grantsByUnit.get(id) ?? []) {
        if (roleAllows(role, action)) return true;
      }
    }
    return false;
  }

  /** May the person do `action` anywhere at all (used to show or hide whole pages)? */
  canAnywhere(action: Action): boolean {
    if (this.isAdmin) return true;
    for (const roles of this.grantsByUnit.values()) {
      if (roles.some((r) => roleAllows(r, action))) return true;
    }
    return false;
  }

  /** Every unit id in which `action` is allowed. */
  unitsWhere(action: Action): string[] {
    return [...this.parentOf.keys()].filter((id) => this.can(action, id));
  }

  /** The roles held on `unitId`, directly or inherited, with where each comes from. */
  effectiveRoles(unitId: string): { role: Role; fromUnitId: string | null }[] {
    const out: { role: Role; fromUnitId: string | null }[] = [];
    if (this.isAdmin) out.push({ role: 'admin', fromUnitId: null });
    for (const id of this.ancestry(unitId)) {
      for (const role of this.grantsByUnit.get(id) ?? []) out.push({ role, fromUnitId: id });
    }
    return out;
  }
}

/** True when `candidateId` is `unitId` itself or lies below it in the tree. */
export function isWithin(units: readonly UnitNode[], candidateId: string, unitId: string): boolean {
  const access = new Access([], units);
  return access.ancestry(candidateId).includes(unitId);
}
