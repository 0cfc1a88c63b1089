/**
 * Start-up cost of the CLI (`npx tsx bench/startup.bench.ts [--runs=7]`): wall time of whole processes, interleaved
 * round by round with the baseline, a bare `node -e 0`, so that the ratio holds when the machine's speed drifts.
 * Measures `node bin/karavan.js --version` (the target: within 2x of the baseline), `--help` and
 * `countries --search kaz` (commander and one command's modules), and the two other ways of launching:
 * `npm run -s karavan -- --version` and `npx karavan --version`. Needs the build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../', import.meta.url).pathname;
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
if (!existsSync(join(repo, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run npm run build first');

const bin = join(repo, 'bin/karavan.js');
const cases: [label: string, command: string, args: string[]][] = [
  ['baseline: node -e 0', process.execPath, ['-e', '0']],
  ['node bin/karavan.js --version', process.execPath, [bin, '--version']],
  ['node bin/karavan.js --help', process.execPath, [bin, '--help']],
  ['node bin/karavan.js countries --search kaz', process.execPath, [bin, 'countries', '--search', 'kaz']],
  ['npm run -s karavan -- --version', 'npm', ['run', '-s', 'karavan', '--', '--version']],
  ['npx karavan --version', 'npx', ['karavan', '--version']],
];

function wallMs(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    cwd: repo,
    stdio: 'ignore',
    env: { ...process.env, KARAVAN_HOME: join(repo, 'bench/out/startup-home') },
  });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = cases.map(() => [] as number[]);
for (const [, command, args] of cases) wallMs(command, args); // warm-up: file cache, the store's first build
for (let round = 0; round < runs; round++)
  cases.forEach(([, command, args], i) => times[i]!.push(wallMs(command, args)));

const base = median(times[0]!);
console.log(`start-up, ${runs} interleaved rounds, medians (Node ${process.version})`);
console.log('| command | wall | x node -e 0 |\n|---|---|---|');
cases.forEach(([label], i) => {
  const m = median(times[i]!);
  console.log(`| ${label} | ${m.toFixed(0)} ms | ${(m / base).toFixed(2)} |`);
});
