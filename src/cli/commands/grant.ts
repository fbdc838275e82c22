/** `maalbar grant` and `maalbar revoke`: roles of people on units (or administrator). */
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { roles } from '../../core/roles.ts';
import { RoleGrantCreateInput } from '../../contract/people.ts';
import { findUnit } from '../../services/lookup.ts';
import { getPerson } from '../../services/people/list-people.ts';
import { grantRole, revokeRole } from '../../services/people/role-grants.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

interface GrantOptions {
  email: string;
  role: string;
  unit?: string;
}

const describe = (role: string, unit?: string | null) => (unit ? `${role} on ${unit}` : role === 'admin' ? 'administrator' : role);

export function registerGrant(program: Command): void {
  const roleHelp = `one of ${roles.join(', ')}`;
  program
    .command('grant')
    .description('give a person a role on a unit (and the units below it), or make them administrator')
    .requiredOption('--email <email>', "the person's e-mail address")
    .requiredOption('--role <role>', roleHelp)
    .option('--unit <slug>', 'the unit (required for every role but admin)')
    .action(
      action(async (opts: GrantOptions, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(RoleGrantCreateInput, { person: opts.email, role: opts.role, unit: opts.unit }, { person: '--email' });
        const grant = await withOperator('grant', options, (ctx) => grantRole(ctx, input));
        output(options, grant, () => `${opts.email} is now ${describe(grant.role, opts.unit)}.`);
      }),
    );

  program
    .command('revoke')
    .description('take a role away from a person')
    .requiredOption('--email <email>', "the person's e-mail address")
    .requiredOption('--role <role>', roleHelp)
    .option('--unit <slug>', 'the unit the role was granted on (every role but admin)')
    .action(
      action(async (opts: GrantOptions, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(RoleGrantCreateInput, { person: opts.email, role: opts.role, unit: opts.unit }, { person: '--email' });
        const revoked = await withOperator('revoke', options, async (ctx) => {
          const person = await getPerson(ctx, input.person);
          const unitId = input.unit ? (await findUnit(ctx.db, ctx.actor.organisationId, input.unit)).id : null;
          const grant = person.grants.find((g) => g.role === input.role && g.unitId === unitId);
          if (!grant) throw new AppError('not_found', `${person.email} is not ${describe(input.role, input.unit)}.`);
          await revokeRole(ctx, grant.id);
          return { revoked: true, id: grant.id, email: person.email, role: input.role, unit: input.unit ?? null };
        });
        output(options, revoked, (r) => `${r.email} is no longer ${describe(r.role, r.unit)}.`);
      }),
    );
}
