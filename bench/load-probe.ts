/**
 * Loaded into the server process by bench/load.ts (`node --import ./bench/load-probe.ts …`):
 * appends the process's memory (RSS, V8 heap used and total, external, array buffers) as one JSON
 * line to $MAALBAR_BENCH_MEMORY_FILE every second, for the soak's memory curve. Measurement only;
 * the server has no endpoint for it.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.MAALBAR_BENCH_MEMORY_FILE;
if (file) {
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, JSON.stringify({ t: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers }) + '\n');
  }, 1000);
  timer.unref();
}
