/**
 * Load, the short version for CI of bench/server-soak.bench.ts: the same server process and the
 * same mixed workload (bench/server-workload.ts), 200 concurrent loopback clients for 8 s
 * after every request was made once (the whole file ~20 s: the server process and its store take
 * a few seconds to start, the warm-up computes every result once). Asserts no errors (every
 * answer 2xx/3xx, no socket error, no timeout) and a lenient p99 for cached results.
 *
 * Leniency: the soak target is p99 < 250 ms for cached routes on a quiet machine. CI machines are
 * shared and noisy, `npm test` runs the other test files beside this one, and the load generator shares the machine with the
 * server; on the 2-core development machine with a load average of 6 the cached p99 measured 0.6 to
 * 2.4 s. So here the bound is 5 s (20 times the target: it catches a server that stalls, not one
 * that is slow), and the p99 is only reported, not asserted, when the 1-minute load average at the
 * start exceeds twice the cores; the error count is asserted always. Under
 * KARAVAN_RELIABILITY=full it runs 60 s (the soak's length) with the same assertions.
 *
 *   npx vitest run test/reliability/load.test.ts
 */
import { cpus, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatWorkload,
  launchServer,
  runWorkload,
  warm,
  workloadItems,
  type LaunchedServer,
  type WorkloadItem,
} from '../../bench/server-workload.ts';
import { full, pick, seed } from '../support/reliability.ts';

const seconds = pick(8, 60);
const connections = 200;
const lenientP99Ms = 5_000;

describe('server under load', () => {
  let server: LaunchedServer;
  let items: WorkloadItem[];

  beforeAll(async () => {
    server = await launchServer();
    items = await workloadItems(server.base, seed);
    await warm(server.base, items);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it(
    `${connections} clients on the mixed workload: no errors, cached p99 under ${lenientP99Ms} ms`,
    async () => {
      const load = loadavg()[0]!;
      const result = await runWorkload({ base: server.base, items, connections, seconds, seed, rss: server.rss });
      const cached = result.byClass['cached']!;
      const errors = Object.values(result.badStatus).reduce((a, b) => a + b, 0) + result.socketErrors;
      const growth = (result.rss[result.rss.length - 1]! / result.rss[0]! - 1) * 100;
      process.stdout.write(formatWorkload(result) + '\n');
      const noisy = load > 2 * cpus().length;
      console.log(
        `reliability: load level=${full ? 'full' : 'short'} seed=${seed} clients=${connections} seconds=${seconds} requests=${result.requests} rps=${result.rps.toFixed(0)} ` +
          `errors=${errors} cached-p50=${cached.p50.toFixed(1)}ms cached-p95=${cached.p95.toFixed(1)}ms cached-p99=${cached.p99.toFixed(1)}ms ` +
          `rss-growth=${growth.toFixed(1)}% load-average=${load.toFixed(2)}${noisy ? ' (noisy: p99 not asserted)' : ''}`,
      );
      expect(result.errorSamples).toEqual([]);
      expect(errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.requests).toBeGreaterThan(connections);
      if (!noisy) expect(cached.p99).toBeLessThan(lenientP99Ms);
    },
    (seconds + 60) * 1000,
  );
});
