/**
 * `maalbar mapping list | show NAME [--json]`: the organisation's saved column mappings (made
 * once for an export Målbar did not know, applied to files with the same headers). JSON: list
 * `{"mappings": [ColumnMapping]}`, show a ColumnMapping (contract/column-mappings.ts). Mappings are
 * made and edited in the web app's import preview and admin page, or through the API.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { MappingName, type ColumnMappingOut } from '../../contract/column-mappings.ts';
import { getColumnMapping } from '../../services/column-mappings/get-mapping.ts';
import { listColumnMappings } from '../../services/column-mappings/list-mappings.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

function target(c: ColumnMappingOut['mapping']['columns'][number]): string {
  return c.target.kind === 'metric' ? c.target.metric + (c.target.cells && c.target.cells !== 'number' ? ` (${c.target.cells})` : '') : 'ignored';
}

function showText(m: ColumnMappingOut): string {
  const spec = m.mapping;
  const lines = [
    `${m.name} (version ${m.version}): ${spec.platform}, one row per ${spec.granularity}`,
    `date: "${spec.date.header}" as ${spec.date.format}`,
    ...(spec.post ? [`post id: "${spec.post.id}"${spec.post.url ? `, link: "${spec.post.url}"` : ''}${spec.post.text ? `, text: "${spec.post.text}"` : ''}${spec.post.type ? `, type: "${spec.post.type}"` : ''}`] : []),
    table(spec.columns.map((c) => [c.header, target(c)]), ['COLUMN', 'METRIC']),
    `headers: ${m.headers.join(' | ')}`,
    `made by ${m.createdBy?.name ?? 'the operator'} ${m.createdAt.slice(0, 16).replace('T', ' ')}, changed by ${m.updatedBy?.name ?? 'the operator'} ${m.updatedAt.slice(0, 16).replace('T', ' ')}`,
  ];
  return lines.join('\n');
}

export function registerMapping(program: Command): void {
  const mapping = program.command('mapping').description('saved column mappings for exports Målbar did not know: list, show');

  mapping
    .command('list')
    .description("the organisation's saved column mappings")
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const list = await withOperator('mapping list', options, (ctx) => listColumnMappings(ctx));
        output(options, list, (l) =>
          l.mappings.length === 0
            ? 'No column mappings saved.'
            : table(
                l.mappings.map((m) => [m.name, m.mapping.platform, m.mapping.granularity, String(m.mapping.columns.filter((c) => c.target.kind === 'metric').length), String(m.version), m.updatedAt.slice(0, 10)]),
                ['NAME', 'PLATFORM', 'PER', 'METRICS', 'VERSION', 'CHANGED'],
              ) + `\n${plural(l.mappings.length, 'mapping')}`,
        );
      }),
    );

  mapping
    .command('show')
    .description('one saved column mapping: its date column and format, and each column’s metric')
    .argument('<name>', 'the mapping’s name (or id)')
    .action(
      action(async (name: string, _opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ name: MappingName }), { name });
        const found = await withOperator('mapping show', options, (ctx) => getColumnMapping(ctx, input.name));
        output(options, found, showText);
      }),
    );
}
