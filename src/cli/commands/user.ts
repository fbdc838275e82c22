/**
 * `maalbar user create | list | reset-password`: people of the organisation, as the operator.
 * Passwords are never logged; a generated one is printed once, to stdout only.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password } from '../../contract/common.ts';
import { PersonCreateInput, type PersonOut } from '../../contract/people.ts';
import { createPerson } from '../../services/people/create-person.ts';
import { listPeople } from '../../services/people/list-people.ts';
import { grantRole } from '../../services/people/role-grants.ts';
import { updatePerson } from '../../services/people/update-person.ts';
import { listUnits } from '../../services/units/list-units.ts';
import { randomSecret } from '../../services/secrets.ts';
import type { Context } from '../../services/context.ts';
import { table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, hint, output, withOperator, type GlobalOptions } from '../run.ts';

/** "admin", "editor @ hf", … with unit slugs instead of ids. */
async function describeGrants(ctx: Context, people: PersonOut[]): Promise<Map<string, string>> {
  const slugOf = new Map((await listUnits(ctx, { includeArchived: true })).map((u) => [u.id, u.slug]));
  return new Map(
    people.map((p) => [p.id, p.grants.map((g) => (g.unitId ? `${g.role} @ ${slugOf.get(g.unitId) ?? g.unitId}` : g.role)).join(', ')]),
  );
}

/** A strong random password: 144 random bits in base64url (24 characters). */
export function generatePassword(): string {
  return randomSecret(18);
}

const ResetInput = z.object({ email: Email, password: Password.optional() });

export function registerUser(program: Command): void {
  const user = program.command('user').description('people: create, list, reset passwords');

  user
    .command('create')
    .description('add a person (without --password they cannot sign in until a password is set)')
    .requiredOption('--email <email>', 'e-mail address (used to sign in)')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'initial password (at least 10 characters)')
    .option('--admin', 'make the person an administrator of the organisation')
    .option('--locale <locale>', 'language of the web app: nb or en', 'nb')
    .action(
      action(async (opts: { email: string; name: string; password?: string; admin?: boolean; locale: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(PersonCreateInput, { email: opts.email, name: opts.name, password: opts.password, locale: opts.locale });
        const person = await withOperator('user create', options, async (ctx) => {
          const created = await createPerson(ctx, input);
          if (!opts.admin) return created;
          const grant = await grantRole(ctx, { person: created.id, role: 'admin' });
          return { ...created, grants: [grant] };
        });
        output(options, person, (p) => `Created ${p.name} <${p.email}>${opts.admin ? ' as administrator' : ''}.`);
        if (!person.hasPassword) {
          hint(`${person.email} has no password yet and cannot sign in; set one with: maalbar user reset-password --email ${person.email}`);
        }
        if (!opts.admin) hint(`Give them a role with: maalbar grant --email ${person.email} --role editor --unit <unit-slug>`);
      }),
    );

  user
    .command('list')
    .description("the organisation's people and their roles")
    .action(
      action(async (_opts: object, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const { people, roles } = await withOperator('user list', options, async (ctx) => {
          const list = await listPeople(ctx);
          return { people: list, roles: options.json ? null : await describeGrants(ctx, list) };
        });
        output(options, people, (list) =>
          list.length === 0
            ? 'No people.'
            : table(
                list.map((p) => [
                  p.name,
                  p.email,
                  roles?.get(p.id) || '-',
                  [p.active ? '' : 'inactive', p.hasPassword ? '' : 'no password'].filter(Boolean).join(', '),
                ]),
                ['NAME', 'E-MAIL', 'ROLES', ''],
              ),
        );
      }),
    );

  user
    .command('reset-password')
    .description('set a new password (without --password a strong one is generated and printed once)')
    .requiredOption('--email <email>', "the person's e-mail address")
    .option('--password <password>', 'the new password (at least 10 characters)')
    .action(
      action(async (opts: { email: string; password?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(ResetInput, { email: opts.email, password: opts.password });
        const generated = input.password === undefined;
        const password = input.password ?? generatePassword();
        const person = await withOperator('user reset-password', options, (ctx) => updatePerson(ctx, input.email, { password }));
        const result = { email: person.email, name: person.name, ...(generated ? { password } : {}), sessionsEnded: true };
        output(options, result, (r) =>
          generated
            ? `New password for ${r.name} <${r.email}>:\n\n  ${password}\n\nIt is shown only this once. Their sessions have been ended.`
            : `The password of ${r.name} <${r.email}> has been changed. Their sessions have been ended.`,
        );
      }),
    );
}
