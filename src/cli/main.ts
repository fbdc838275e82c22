/**
 * The `maalbar` command line. Each command lives in commands/<noun>.ts and calls the same
 * services as the HTTP API, on the database named by DATABASE_URL or MAALBAR_DATA_DIR, acting as
 * the operator (administrator rights) in the only organisation or the one given with --org.
 * Every command takes --json; errors go to stderr with a non-zero exit code (see run.ts).
 */
import { Command } from 'commander';
import { registerAccount } from './commands/account.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCompetitor } from './commands/competitor.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDetect } from './commands/detect.ts';
import { registerDue } from './commands/due.ts';
import { registerEvaluation } from './commands/evaluation.ts';
import { registerReport } from './commands/report.ts';
import { registerAnnualReport } from './commands/annual-report.ts';
import { registerGoal } from './commands/goal.ts';
import { registerGrant } from './commands/grant.ts';
import { registerImport } from './commands/import.ts';
import { registerKpi } from './commands/kpi.ts';
import { registerMapping } from './commands/mapping.ts';
import { registerReminders } from './commands/reminders.ts';
import { registerServe } from './commands/serve.ts';
import { registerUnit } from './commands/unit.ts';
import { registerUser } from './commands/user.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('maalbar')
    .description('Målbar: goals, statistics and evaluations for social media accounts')
    .option('--json', 'machine-readable output')
    .option('--org <slug>', 'organisation (when the database holds more than one)')
    .showHelpAfterError();
  registerServe(program);
  registerDemo(program);
  registerUser(program);
  registerUnit(program);
  registerAccount(program);
  registerGrant(program);
  registerGoal(program);
  registerKpi(program);
  registerDetect(program);
  registerDue(program);
  registerImport(program);
  registerCompetitor(program);
  registerMapping(program);
  registerEvaluation(program);
  registerReminders(program);
  registerReport(program);
  registerAnnualReport(program);
  registerBackup(program);
  registerAudit(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
