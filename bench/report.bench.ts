/**
 * Report benchmark (report issue): a BACI-sized year, generated deterministically (~11 million
 * HS6 flows: 220 exporters x 219 importers x ~230 of 5,000 products each, BACI layout), ingested
 * into a fresh store; then the pair report BLR -> KAZ:
 *   cold: `node bin/karavan.js report --from BLR --to KAZ --format json`, the compiled CLI as a
 *     user runs it (dist/, built first with tsconfig.build.json), a new process each time, from
 *     spawn to exit (start-up, store open, every section, JSON written) — target < 3 s; run
 *     KARAVAN_BENCH_COLD_RUNS times (default 3), median printed; per-section times of the first
 *     cold run from the report's own timingsMs;
 *   warm: buildReport twice in one process (the sources through tsx; first, then warm) — target
 *     < 0.5 s; per-section times printed; peak RSS of that process.
 * Baseline in the same run: DuckDB summing the value column of the flows (one scan), to read the
 * ratios against. The load average is printed with the figures (the machine may be shared).
 *
 *   npx tsx bench/report.bench.ts [flows=11000000]
 *
 * KARAVAN_BENCH_DIR=/path keeps the generated CSV and store; a later run with the same folder
 * reuses the store (no generation, no ingest).
 */
import { readFixtureText } from '../test/support/fixtures.ts';
import { scaleCountryCodes } from './scale-data.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const target = Number(process.argv[2] ?? 11_000_000);
const repo = new URL('..', import.meta.url).pathname;
const dir = process.env['KARAVAN_BENCH_DIR'] ?? mkdtempSync(join(tmpdir(), 'karavan-bench-report-'));
const home = join(dir, 'home');
const csv = join(dir, 'BACI_HS17_Y2021_bench.csv');

async function generate(): Promise<number> {
  const codes = scaleCountryCodes();
  const products = readFixtureText('baci-codes/product_codes_HS17_V202201.csv')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',')[0]!)
    .filter((c) => /^\d{6}$/.test(c))
    .slice(0, 5000);
  const perPair = Math.ceil(target / (codes.length * (codes.length - 1)));
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out = createWriteStream(csv);
  out.write('"t","i","j","k","v","q"\r\n');
  let rows = 0;
  for (const i of codes) {
    let chunk = '';
    for (const j of codes) {
      if (i === j || rows >= target) continue;
      const start = Math.floor(random() * products.length);
      const step = 1 + Math.floor(random() * 17);
      for (let n = 0; n < perPair && rows < target; n++) {
        const k = products[(start + n * step) % products.length]!;
        const v = Math.exp(random() * 9) / 10; // thousand USD, 0.1 .. 810
        const q = random() < 0.05 ? 'NA' : (v / (0.5 + random() * 20)).toFixed(3);
        chunk += `2021,${i},${j},${Number(k)},${v.toFixed(3)},"${q.padStart(13)}"\r\n`;
        rows++;
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

function child(script: string): { out: Record<string, unknown>; ms: number } {
  const path = join(repo, `bench/.report-${process.pid}.ts`);
  writeFileSync(path, script);
  const started = performance.now();
  try {
    const text = execFileSync(process.execPath, ['--import', 'tsx', path], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return { out: JSON.parse(text.trim().split('\n').at(-1)!), ms: performance.now() - started };
  } finally {
    rmSync(path, { force: true });
  }
}

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/**
 * One cold report: the compiled CLI in a new process, spawn to exit. Through GNU time when the
 * machine has it, for the process's CPU time (user + system, every thread) and peak RSS: on a
 * shared machine wall time depends on what else runs, CPU time much less.
 */
function coldReport(): {
  ms: number;
  cpuMs: number | null;
  peakRssMb: number | null;
  sections: Record<string, number>;
} {
  const gnuTime = '/usr/bin/time';
  const cli = [
    process.execPath,
    join(repo, 'bin/karavan.js'),
    'report',
    '--from',
    'BLR',
    '--to',
    'KAZ',
    '--format',
    'json',
  ];
  const timed = existsSync(gnuTime);
  const started = performance.now();
  const result = spawnSync(timed ? gnuTime : cli[0]!, timed ? ['-f', 'KRVTIME %U %S %M', ...cli] : cli.slice(1), {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, KARAVAN_HOME: home },
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`karavan report failed (${result.status}): ${result.stderr}`);
  const usage = /KRVTIME ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  return {
    ms,
    cpuMs: usage ? (Number(usage[1]) + Number(usage[2])) * 1000 : null,
    peakRssMb: usage ? Number(usage[3]) / 1024 : null,
    sections: (JSON.parse(result.stdout) as { timingsMs: Record<string, number> }).timingsMs,
  };
}

try {
  const data = JSON.stringify(join(repo, 'src/data/index.ts'));
  const analysis = JSON.stringify(join(repo, 'src/analysis/index.ts'));
  let rows = target;
  if (process.env['KARAVAN_BENCH_DIR'] && existsSync(join(home, 'manifest.json'))) {
    console.log(`reusing the store in ${home} (no generation, no ingest)`);
  } else {
    console.log(`generating ~${target.toLocaleString('en')} BACI-shaped HS6 flows for 2021 (deterministic)...`);
    rows = await generate();
    const ingest = child(`import { TradeStore } from ${data};
const store = await TradeStore.open({ home: ${JSON.stringify(home)} });
const t = performance.now(); const r = await store.ingest(${JSON.stringify(csv)}); const ms = performance.now() - t;
store.closeSync();
console.log(JSON.stringify({ rows: r.dataset.rows, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));`);
    console.log(
      `ingested ${rows.toLocaleString('en')} rows in ${((ingest.out['ms'] as number) / 1000).toFixed(1)} s (peak RSS ${Math.round(ingest.out['peakRssMb'] as number)} MB; ${load()})`,
    );
  }
  // The compiled CLI is what users run; build it from the sources of this tree. tsc emits even
  // when it reports type errors (in files this bench does not run), so those are only shown.
  try {
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: repo,
      encoding: 'utf8',
    });
  } catch (error) {
    console.log(
      `tsc -p tsconfig.build.json reported errors (dist/ emitted anyway):\n${(error as { stdout?: string }).stdout ?? error}`,
    );
  }
  const warm = child(`import { TradeStore } from ${data};
import { buildReport } from ${analysis};
const store = await TradeStore.open({ home: ${JSON.stringify(home)} });
const b = performance.now(); await store.query("SELECT sum(value_usd) FROM flows"); const scanMs = performance.now() - b;
const t1 = performance.now(); const r1 = await buildReport(store, {}); const firstMs = performance.now() - t1;
const t2 = performance.now(); const r2 = await buildReport(store, {}); const warmMs = performance.now() - t2;
store.closeSync();
console.log(JSON.stringify({ scanMs, firstMs, warmMs, sections: r2.timingsMs, firstSections: r1.timingsMs, potential: r2.potential.status, rows: r2.potential.rows.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));`);
  const o = warm.out as {
    scanMs: number;
    firstMs: number;
    warmMs: number;
    sections: Record<string, number>;
    firstSections: Record<string, number>;
    potential: string;
    peakRssMb: number;
  };
  const coldRuns = Array.from({ length: Number(process.env['KARAVAN_BENCH_COLD_RUNS'] ?? 3) }, () => {
    const run = coldReport();
    const cpu =
      run.cpuMs === null ? '' : `, CPU ${(run.cpuMs / 1000).toFixed(2)} s, peak RSS ${Math.round(run.peakRssMb!)} MB`;
    console.log(`cold run: ${(run.ms / 1000).toFixed(2)} s${cpu} (${load()})`);
    return run;
  });
  const coldMedianMs = [...coldRuns.map((r) => r.ms)].sort((a, b) => a - b)[Math.floor(coldRuns.length / 2)]!;
  console.log(
    `\nbaseline (one DuckDB scan summing value_usd over ${rows.toLocaleString('en')} flows): ${o.scanMs.toFixed(0)} ms`,
  );
  console.log(
    `cold (node bin/karavan.js report, spawn to exit), median of ${coldRuns.length}: ${(coldMedianMs / 1000).toFixed(2)} s  (target < 3 s)  ratio ${(coldMedianMs / o.scanMs).toFixed(1)}x baseline`,
  );
  console.log(
    `in one process (tsx): first report ${(o.firstMs / 1000).toFixed(2)} s; warm report: ${(o.warmMs / 1000).toFixed(2)} s (target < 0.5 s) ratio ${(o.warmMs / o.scanMs).toFixed(1)}x baseline`,
  );
  console.log(
    `peak RSS (warm process) ${Math.round(o.peakRssMb)} MB (target < 2048 MB); potential: ${o.potential}; ${load()}`,
  );
  console.log('\nsection         cold ms  first ms   warm ms');
  for (const [name, ms] of Object.entries(o.sections))
    console.log(
      `${name.padEnd(16)} ${coldRuns[0]!.sections[name]!.toFixed(0).padStart(7)} ${o.firstSections[name]!.toFixed(0).padStart(9)} ${ms.toFixed(0).padStart(9)}`,
    );
} finally {
  // KARAVAN_BENCH_DIR keeps the generated store for profiling.
  if (!process.env['KARAVAN_BENCH_DIR']) rmSync(dir, { recursive: true, force: true });
}
