/**
 * Roles and what they allow. A role is granted to a person on a unit and holds in every
 * sub-unit below it; the organisation administrator role is granted on the organisation
 * (no unit). Pure: no I/O.
 */
export const roles = ['admin', 'manager', 'editor', 'reporter', 'evaluator', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Roles granted on a unit (everything but admin). */
export const unitRoles = ['manager', 'editor', 'reporter', 'evaluator', 'viewer'] as const;
export type UnitRole = (typeof unitRoles)[number];

export const actions = [
  /** See the unit's accounts, goals, statistics, evaluations, people with roles there. */
  'read',
  /** Create, rename, move and archive sub-units. */
  'unit.manage',
  /** Grant and revoke unit roles within the unit's subtree. */
  'role.grant',
  /** Register and edit accounts (profile, audience, content plan). */
  'account.write',
  /** Set goals and KPIs. */
  'goal.write',
  /** Document statistics (imports, manual entry). */
  'statistics.write',
  /** Write and sign evaluations. */
  'evaluation.write',
  /** Reopen a signed evaluation (with a reason): the unit manager's call, not the evaluator's. */
  'evaluation.reopen',
  /** Read (and export) the audit trail of changes in the unit's subtree: the manager's, not the others'. */
  'audit.read',
] as const;
export type Action = (typeof actions)[number];

const allowed: Record<UnitRole, readonly Action[]> = {
  manager: actions,
  editor: ['read', 'account.write', 'goal.write', 'statistics.write'],
  reporter: ['read', 'statistics.write'],
  evaluator: ['read', 'evaluation.write'],
  viewer: ['read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  if (role === 'admin') return true;
  return allowed[role].includes(action);
}
