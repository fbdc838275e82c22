import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './db/client.ts';
test('timing', async () => {
  let t0 = performance.now();
  const tpl = await PGlite.create();
  console.log('create', performance.now() - t0); t0 = performance.now();
  const d = await openDatabase({ kind: 'pglite-instance', client: tpl });
  await d.migrate();
  console.log('migrate', performance.now() - t0); t0 = performance.now();
  const dump = await tpl.dumpDataDir('none');
  console.log('dump', performance.now() - t0, dump.size); t0 = performance.now();
  const c = await PGlite.create({ loadDataDir: dump });
  console.log('load', performance.now() - t0);
});
