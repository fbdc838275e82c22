/** `maalbar serve` runs the web server; `maalbar migrate` applies database migrations and exits. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { action, output, withDatabase, type GlobalOptions } from '../run.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web server (PORT, DATABASE_URL, MAALBAR_DATA_DIR)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .action(
      action(async (opts: { port?: string }) => {
        const port = opts.port === undefined ? undefined : Number(opts.port);
        const config = loadConfig(process.env, port === undefined || Number.isNaN(port) ? {} : { port });
        const { startServer, stopOnSignals } = await import('../../server/serve.ts');
        const server = await startServer(config);
        stopOnSignals(server);
        process.stderr.write(`Målbar runs at ${server.url} (${server.database.kind}). Stop with Ctrl+C.\n`);
      }),
    );

  program
    .command('migrate')
    .description('apply database migrations and exit')
    .action(
      action(async (_opts: object, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const kind = await withDatabase('migrate', async (db) => db.kind);
        output(options, { migrated: true, database: kind }, () => `Database (${kind}) is up to date.`);
      }),
    );
}
