/**
 * `maalbar demo [--load-only]`: loads the demo organisation "Universitetet i Nordvik" (unless it
 * is already there) and starts the web server on it. Without DATABASE_URL and MAALBAR_DATA_DIR
 * the demo keeps its own data directory, ./data-demo, so it never mixes with real data in ./data.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../../config.ts';
import { loadDemo, type DemoSummary } from '../../demo/load-demo.ts';
import { plural, table } from '../format.ts';
import { action, DEMO_DATA_DIR, describeDatabase, output, withDatabase, type GlobalOptions } from '../run.ts';

function portOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('Not a port number (0–65535).');
  return n;
}

/** The demo's configuration: its own data directory unless a database is configured. */
export function demoConfig(env: NodeJS.ProcessEnv, port: number | undefined): { config: Config; ownDataDir: boolean } {
  const ownDataDir = !env.DATABASE_URL && !env.MAALBAR_DATA_DIR;
  const config = loadConfig(ownDataDir ? { ...env, MAALBAR_DATA_DIR: DEMO_DATA_DIR } : env, port === undefined ? {} : { port });
  return { config, ownDataDir };
}

function signInText(summary: DemoSummary): string {
  return [
    `Sign in with the password "${summary.password}" as:`,
    table(summary.signIn.map((s) => [`  ${s.role}`, s.name, s.email, `${s.title} (${s.where})`])),
  ].join('\n');
}

function loadedText(summary: DemoSummary, where: string, ms: number): string {
  const c = summary.counts;
  const counts =
    `${plural(c.units, 'unit')}, ${plural(c.people, 'person', 'people')}, ${plural(c.accounts, 'account')}, ` +
    `${plural(c.strategicGoals, 'strategic goal')}, ${plural(c.goals, 'goal')} with ${plural(c.kpis, 'KPI')}, ${c.observations.toLocaleString('en')} documented values`;
  return summary.status === 'loaded'
    ? `Loaded the demo organisation "${summary.organisation.name}" into ${where}: ${counts} (${(ms / 1000).toFixed(1)} s).`
    : `The demo organisation "${summary.organisation.name}" is already in ${where} (${counts}); it was not loaded again.`;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(`load the demo organisation (a fictional university) and start the web server on it; data in ./${DEMO_DATA_DIR} unless DATABASE_URL or MAALBAR_DATA_DIR is set`)
    .option('--load-only', 'load the demo organisation and exit')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)', portOption)
    .action(
      action(async (opts: { loadOnly?: boolean; port?: number }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const { config, ownDataDir } = demoConfig(process.env, opts.port);
        const where = describeDatabase(config);
        let ms = 0;
        const summary = await withDatabase(
          'demo',
          async (database) => {
            const started = performance.now();
            const loaded = await loadDemo(database.db);
            ms = performance.now() - started;
            return loaded;
          },
          config,
        );

        if (opts.loadOnly) {
          output(options, { ...summary, database: where }, (s) => {
            const lines = [loadedText(s, where, ms)];
            if (ownDataDir) {
              lines.push(
                `Start it with \`maalbar demo\` (or \`npm run demo\`). The other commands reach it with MAALBAR_DATA_DIR=${DEMO_DATA_DIR}, e.g.`,
                `  MAALBAR_DATA_DIR=${DEMO_DATA_DIR} npx maalbar account list`,
              );
            }
            lines.push(signInText(s));
            return lines.join('\n');
          });
          return;
        }

        const { startServer, stopOnSignals } = await import('../../server/serve.ts');
        const server = await startServer(config);
        stopOnSignals(server);
        output(options, { ...summary, database: where, url: server.url }, (s) =>
          [
            loadedText(s, where, ms),
            '',
            `Målbar runs at ${server.url} with the demo organisation. Stop with Ctrl+C.`,
            signInText(s),
          ].join('\n'),
        );
      }),
    );
}
