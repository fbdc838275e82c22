/** Guards that services call before they read or change anything in a unit. */
import type { Action } from '../core/roles.ts';
import { AppError } from '../core/errors.ts';
import type { Context } from './context.ts';

/**
 * Throws unless the actor may take `action` in `unitId`. Someone who may not even read the unit
 * is told `not_found`, so that other units' accounts and goals do not reveal they exist.
 */
export function authorize(ctx: Context, action: Action, unitId: string, what = 'resource'): void {
  const { access } = ctx.actor;
  if (access.can(action, unitId)) return;
  if (action !== 'read' && access.can('read', unitId)) {
    throw new AppError('forbidden', `You may not ${describe(action)} in this unit.`);
  }
  throw new AppError('not_found', `No such ${what}.`);
}

export function requireAdmin(ctx: Context): void {
  if (!ctx.actor.access.isAdmin) throw new AppError('forbidden', 'Only an organisation administrator may do this.');
}

function describe(action: Action): string {
  switch (action) {
    case 'read':
      return 'read';
    case 'unit.manage':
      return 'manage units';
    case 'role.grant':
      return 'grant roles';
    case 'account.write':
      return 'change accounts';
    case 'goal.write':
      return 'change goals';
    case 'statistics.write':
      return 'document statistics';
    case 'evaluation.write':
      return 'write evaluations';
    case 'evaluation.reopen':
      return 'reopen signed evaluations';
    case 'audit.read':
      return 'read the audit trail';
  }
}
