/**
 * Server soak: `karavan serve` (buildServer, in its own process) on 127.0.0.1 and a random port,
 * over a fresh store with the embedded default data; 200 concurrent keep-alive clients
 * (autocannon, loopback only) for 60 s on the mixed workload of bench/server-workload.ts:
 * reports (JSON and tables), report sections, complexity, country and product searches (EN and
 * RU), CSV and XLSX downloads, the machinery planner, the dashboard's static files, and a few
 * product searches nobody asked before.
 *
 * Warm-up: every cached request once, then 5 s of the same load (JIT, heap and socket buffers
 * reach their working size); RSS is then taken as the start, sampled every 5 s and at the end.
 * Prints p50 / p95 / p99 / max per class and per kind, errors (any answer but 2xx/3xx, socket
 * errors, timeouts) and the load average. Targets: p99 < 250 ms for cached routes, no errors,
 * RSS growth < 10 %.
 *
 *   npx tsx bench/server-soak.bench.ts [seconds=60] [connections=200]
 */
import { loadavg } from 'node:os';
import { seed } from '../test/support/reliability.ts';
import { formatWorkload, launchServer, runWorkload, warm, workloadItems } from './server-workload.ts';

const seconds = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 200);
const server = await launchServer();
try {
  const items = await workloadItems(server.base, seed);
  const warmStarted = performance.now();
  await warm(server.base, items);
  const rssCold = await server.rss();
  const burst = await runWorkload({
    base: server.base,
    items,
    connections,
    seconds: 5,
    seed: seed + 1,
    rss: server.rss,
  });
  process.stdout.write(
    `warm-up: every request once (${((performance.now() - warmStarted) / 1000).toFixed(1)} s in all with a 5 s burst of ${burst.requests} requests); RSS after the single requests ${(rssCold / 1048576).toFixed(0)} MB\n`,
  );
  const load = loadavg();
  const result = await runWorkload({ base: server.base, items, connections, seconds, seed, rss: server.rss });
  const after = loadavg();
  process.stdout.write(
    `\nserver soak (seed ${seed}), load average before ${load.map((x) => x.toFixed(2)).join(' ')}, after ${after.map((x) => x.toFixed(2)).join(' ')}\n`,
  );
  process.stdout.write(formatWorkload(result) + '\n');
  const cached = result.byClass['cached']!;
  const errors = Object.values(result.badStatus).reduce((a, b) => a + b, 0) + result.socketErrors;
  const growth = result.rss[result.rss.length - 1]! / result.rss[0]! - 1;
  const checks = [
    [`cached p99 ${cached.p99.toFixed(1)} ms < 250 ms`, cached.p99 < 250],
    [`no errors (${errors})`, errors === 0],
    [`RSS growth ${(growth * 100).toFixed(1)} % < 10 %`, growth < 0.1],
  ] as const;
  for (const [text, ok] of checks) process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${text}\n`);
} finally {
  await server.close();
}
