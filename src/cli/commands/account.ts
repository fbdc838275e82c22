/** `maalbar account list | show | create`: the social media accounts of the organisation. */
import type { Command } from 'commander';
import { accountStatuses, ageGroups, platformNames, platforms } from '../../core/platforms.ts';
import { AccountCreateInput, AccountFilter, type AccountDetail } from '../../contract/accounts.ts';
import { IdOrSlug } from '../../contract/common.ts';
import { createAccount } from '../../services/accounts/create-account.ts';
import { getAccount } from '../../services/accounts/get-account.ts';
import { listAccounts } from '../../services/accounts/list-accounts.ts';
import { listUnits } from '../../services/units/list-units.ts';
import { z } from 'zod';
import { plural, table } from '../format.ts';
import { listOption, numberOption, parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

const nok = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

function showAccount(a: AccountDetail): string {
  const fromWhere = (p: { fromUnitId: string }) => (p.fromUnitId === a.unitId ? '' : ' (inherited from a unit above)');
  const people = (list: AccountDetail['reporters']) =>
    list.length === 0 ? '  (nobody named)' : list.map((p) => `  ${p.name} <${p.email}>${fromWhere(p)}`).join('\n');
  const field = (label: string, value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? [] : [[label, String(value)]];
  const rows = [
    ['Slug', a.slug],
    ['Platform', platformNames[a.platform]],
    ['Status', a.status + (a.closedAt ? ` (since ${a.closedAt.slice(0, 10)})` : '')],
    ['Unit', `${a.unit.name} (${a.unit.slug})`],
    ...field('Handle', a.handle),
    ...field('URL', a.url),
    ...field('Target audience', a.targetAudience),
    ...field('Age groups', a.targetAgeGroups.join(', ')),
    ...field('Audience needs', a.audienceNeeds),
    ...field('Why this platform', a.platformRationale),
    ...field('Content formats', a.contentFormats.join(', ')),
    ...field('Frequency', a.contentFrequency),
    ...field('Hours per month', a.plannedHoursPerMonth),
    ...field('Budget per year', a.budgetNokPerYear === null ? null : `NOK ${nok.format(a.budgetNokPerYear)}`),
  ];
  return [a.name, table(rows.map(([k, v]) => [`${k}:`, v!])), 'Reporters:', people(a.reporters), 'Evaluators:', people(a.evaluators)].join('\n');
}

interface CreateOptions {
  unit: string;
  platform: string;
  name: string;
  handle?: string;
  url?: string;
  slug?: string;
  status?: string;
  targetAudience?: string;
  ageGroups?: string[];
  audienceNeeds?: string;
  rationale?: string;
  formats?: string[];
  frequency?: string;
  hours?: number;
  budget?: number;
}

export function registerAccount(program: Command): void {
  const account = program.command('account').description('social media accounts: list, show, create');

  account
    .command('list')
    .description('accounts, optionally of one unit (with its sub-units), platform or status')
    .option('--unit <slug>', 'only this unit and the units below it')
    .option('--platform <platform>', `one of ${platforms.join(', ')}`)
    .option('--status <status>', `one of ${accountStatuses.join(', ')}`)
    .option('--search <text>', 'text in the name or handle')
    .action(
      action(async (opts: { unit?: string; platform?: string; status?: string; search?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const filter = parseInput(AccountFilter, { unit: opts.unit, platform: opts.platform, status: opts.status, q: opts.search }, { q: '--search' });
        const { list, slugOf } = await withOperator('account list', options, async (ctx) => ({
          list: await listAccounts(ctx, filter),
          slugOf: new Map((await listUnits(ctx, { includeArchived: true })).map((u) => [u.id, u.slug])),
        }));
        output(options, list, (l) =>
          l.length === 0
            ? 'No accounts.'
            : table(
                l.map((a) => [a.slug, platformNames[a.platform], a.status, slugOf.get(a.unitId) ?? '', a.name]),
                ['SLUG', 'PLATFORM', 'STATUS', 'UNIT', 'NAME'],
              ) + `\n${plural(l.length, 'account')}`,
        );
      }),
    );

  account
    .command('show')
    .description('one account with its profile and its unit’s reporters and evaluators')
    .argument('<slug>', 'the account’s slug (or id)')
    .action(
      action(async (slug: string, _opts: object, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const key = parseInput(z.object({ account: IdOrSlug }), { account: slug }, { account: 'account' }).account;
        const detail = await withOperator('account show', options, (ctx) => getAccount(ctx, key));
        output(options, detail, showAccount);
      }),
    );

  account
    .command('create')
    .description('register an account in a unit')
    .requiredOption('--unit <slug>', 'the unit that runs the account (slug or id)')
    .requiredOption('--platform <platform>', `one of ${platforms.join(', ')}`)
    .requiredOption('--name <name>', 'name of the account, e.g. "Studier i Nordvik"')
    .option('--handle <handle>', 'the handle on the platform, e.g. @studerinordvik')
    .option('--url <url>', 'address of the profile (http:// or https://)')
    .option('--slug <slug>', 'short name for URLs and the command line (default: made from name and platform)')
    .option('--status <status>', `one of ${accountStatuses.join(', ')}`)
    .option('--target-audience <text>', 'who the account is for, e.g. "Søkere til bachelorprogram, 18-24"')
    .option('--age-groups <list>', `target age groups, comma-separated: ${ageGroups.join(', ')}`, listOption)
    .option('--audience-needs <text>', 'what the target audience needs')
    .option('--rationale <text>', 'why this platform')
    .option('--formats <list>', 'content formats, comma-separated, e.g. "Reels,Stories"', listOption)
    .option('--frequency <text>', 'how often, e.g. "3 innlegg per uke"')
    .option('--hours <n>', 'planned hours per month', numberOption)
    .option('--budget <nok>', 'budget in NOK per year', numberOption)
    .action(
      action(async (opts: CreateOptions, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(
          AccountCreateInput,
          {
            unit: opts.unit,
            platform: opts.platform,
            name: opts.name,
            handle: opts.handle,
            url: opts.url,
            slug: opts.slug,
            status: opts.status,
            targetAudience: opts.targetAudience,
            targetAgeGroups: opts.ageGroups,
            audienceNeeds: opts.audienceNeeds,
            platformRationale: opts.rationale,
            contentFormats: opts.formats,
            contentFrequency: opts.frequency,
            plannedHoursPerMonth: opts.hours,
            budgetNokPerYear: opts.budget,
          },
          {
            targetAgeGroups: '--age-groups',
            platformRationale: '--rationale',
            contentFormats: '--formats',
            contentFrequency: '--frequency',
            plannedHoursPerMonth: '--hours',
            budgetNokPerYear: '--budget',
          },
        );
        const created = await withOperator('account create', options, (ctx) => createAccount(ctx, input));
        output(options, created, (a) => `Created account ${a.name} on ${platformNames[a.platform]} (slug ${a.slug}).`);
      }),
    );
}
