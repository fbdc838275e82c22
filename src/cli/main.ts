/**
 * The `maalbar` command line. Each command lives in commands/<noun>.ts and calls the same
 * services as the HTTP API, on the database named by DATABASE_URL or MAALBAR_DATA_DIR.
 */
import { Command } from 'commander';
import { registerServe } from './commands/serve.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('maalbar')
    .description('Målbar: goals, statistics and evaluations for social media accounts')
    .option('--json', 'machine-readable output')
    .option('--org <slug>', 'organisation (when the database holds more than one)')
    .showHelpAfterError();
  registerServe(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
