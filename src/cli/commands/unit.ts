/** `maalbar unit list | create`: the organisation's unit tree. */
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { unitKinds } from '../../core/platforms.ts';
import { UnitCreateInput } from '../../contract/units.ts';
import { createUnit } from '../../services/units/create-unit.ts';
import { listUnits } from '../../services/units/list-units.ts';
import { unitTree } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

export function registerUnit(program: Command): void {
  const unit = program.command('unit').description('units: list the tree, create');

  unit
    .command('list')
    .description('the unit tree (an indented tree as text; a flat, depth-first array with --json)')
    .option('--archived', 'include archived units')
    .action(
      action(async (opts: { archived?: boolean }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const list = await withOperator('unit list', options, (ctx) => listUnits(ctx, { includeArchived: opts.archived === true }));
        output(options, list, unitTree);
      }),
    );

  unit
    .command('create')
    .description('create a unit (below the top unit of the organisation unless --parent is given)')
    .requiredOption('--name <name>', 'name, e.g. "Institutt for fysikk"')
    .option('--parent <slug>', 'the parent unit (slug or id)')
    .option('--kind <kind>', `one of ${unitKinds.join(', ')}`, 'department')
    .option('--slug <slug>', 'short name for URLs and the command line (default: made from the name)')
    .action(
      action(async (opts: { name: string; parent?: string; kind: string; slug?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(UnitCreateInput, { name: opts.name, parent: opts.parent, kind: opts.kind, slug: opts.slug });
        const created = await withOperator('unit create', options, async (ctx) => {
          let parent = input.parent;
          if (!parent) {
            // An organisation has one top unit; a new unit goes below it.
            const tops = (await listUnits(ctx)).filter((u) => u.parentId === null);
            if (tops.length !== 1) {
              throw new AppError('validation_failed', `Choose the parent unit with --parent (one of the top units: ${tops.map((u) => u.slug).join(', ')}).`, [
                { path: '--parent', message: 'required' },
              ]);
            }
            parent = tops[0]!.id;
          }
          return createUnit(ctx, { ...input, parent });
        });
        output(options, created, (u) => `Created unit ${u.name} (slug ${u.slug}, ${u.kind}).`);
      }),
    );
}
