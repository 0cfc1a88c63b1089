/**
 * Economic complexity engine benchmarks (figures go to docs/benchmarks.md):
 *
 * 1. HS4, one year, 224 locations × 1,222 products (fixture ots-2017/exports_hs4.csv, see
 *    test/data/fixtures/README.md): the whole CLI run, process start to file written, against
 *    py-ecomplexity's `ecomplexity()` run as a Python process on the same file (read CSV, compute,
 *    write CSV), interleaved in the same run. Needs PY_ECOMPLEXITY_SRC (a checkout of
 *    github.com/cid-harvard/py-ecomplexity) and a Python with pandas and scikit-learn (PYTHON,
 *    default /usr/bin/python3); the Python side is skipped, with a message, when either is missing.
 * 2. The pieces in-process on that file: CSV read (DuckDB), compute, writing CSV and Parquet (DuckDB); and MᵀM
 *    (sparse) with the dense proximity and dense density, against the discrete path that never
 *    forms φ.
 * 3. HS6 scale: 30 years × 230 locations × 5,200 products generated deterministically, the core
 *    (src/analysis/complexity.ts, every measure of every year, then again written as CSV to
 *    /dev/null) on generated arrays, in a child process that reports its peak RSS; baseline in the
 *    same run: one pass summing every generated value.
 * 4. HS6 through the CLI: the same panel written as a long CSV, then `karavan complexity` (the
 *    compiled CLI) from process start to file written, with `--out x.csv` and `--out x.parquet`.
 *
 * The CLI runs are of the compiled CLI (bin/karavan.js runs dist/): build it first with
 * `npx tsc -p tsconfig.build.json`.
 *
 *   PY_ECOMPLEXITY_SRC=/tmp/py-ecomplexity npx tsx bench/complexity.bench.ts [--runs=5] [--py-runs=3]
 *     [--skip-hs4] [--skip-hs6] [--skip-hs6-cli] [--hs6-cli-runs=1] [--years=30]
 *     [--baseline-cli=/tmp/karavan-before/bin/karavan.js]   (section 4: an older build, same run)
 *     [--cli=/tmp/karavan-after/bin/karavan.js]   (the build under test; default this checkout's)
 */
import { fixturePath } from '../test/support/fixtures.ts';
import { rng } from '../test/support/reliability.ts';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { complexityPanelYear, writeComplexityYears, type ComplexityPanel } from '../src/analysis/complexity.ts';
import { readPanelCsv } from '../src/data/read-panel-csv.ts';
import {
  coOccurrence,
  columnSums,
  complexity,
  density,
  densityDiscrete,
  proximity,
  resolveComplexity,
} from '../src/metrics/index.ts';

const args = new Map<string, string | undefined>(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=');
    return [key!, value];
  }),
);
const root = new URL('..', import.meta.url).pathname;
const hs4File = fixturePath('ots-2017/exports_hs4.csv');
/** The CLI under test: this checkout's build by default, or another build (--cli=…/bin/karavan.js). */
const karavanCli = args.get('cli') ?? join(root, 'bin/karavan.js');
const hs4Columns = { time: 'year', location: 'reporter_iso', product: 'product_code', value: 'export_value_usd' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function timeRun(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

// ---- 1. HS4 CLI vs py-ecomplexity -------------------------------------------------------------
const pyScript = `
import sys
sys.path.insert(0, sys.argv[1])
import pandas as pd
from ecomplexity import ecomplexity
data = pd.read_csv(sys.argv[2], dtype={'product_code': str, 'reporter_iso': str})
out = ecomplexity(data, {'time': 'year', 'loc': 'reporter_iso', 'prod': 'product_code', 'val': 'export_value_usd'}, verbose=False)
out.to_csv(sys.argv[3], index=False)
`;

function pythonAvailable(): { python: string; src: string } | string {
  const src = process.env['PY_ECOMPLEXITY_SRC'];
  const python = process.env['PYTHON'] ?? '/usr/bin/python3';
  if (src === undefined) return 'PY_ECOMPLEXITY_SRC is not set';
  if (!existsSync(join(src, 'ecomplexity', 'ecomplexity.py'))) return `no ecomplexity/ecomplexity.py under ${src}`;
  const check = spawnSync(python, ['-c', 'import pandas, sklearn, numpy'], { encoding: 'utf8' });
  if (check.status !== 0) return `${python} cannot import pandas/sklearn/numpy`;
  return { python, src };
}

function benchHs4Cli(work: string): void {
  const runs = Number(args.get('runs') ?? 5);
  const pyRuns = Number(args.get('py-runs') ?? 3);
  const out = join(work, 'karavan-hs4.csv');
  const cli = [
    karavanCli,
    'complexity',
    '--input',
    hs4File,
    '--time',
    hs4Columns.time,
    '--location',
    hs4Columns.location,
    '--product',
    hs4Columns.product,
    '--value',
    hs4Columns.value,
    '--out',
    out,
  ];
  const py = pythonAvailable();
  const pyFile = join(work, 'run_ecomplexity.py');
  writeFileSync(pyFile, pyScript);
  timeRun(process.execPath, cli); // warm the OS file cache once, as any second run has it
  const karavan: CliRun[] = [];
  const launcher: number[] = [];
  const python: CliRun[] = [];
  for (let i = 0; i < Math.max(runs, typeof py === 'string' ? 0 : pyRuns); i++) {
    if (i < runs) karavan.push(timeCli(cli));
    if (i < runs) launcher.push(timeRun(process.execPath, [karavanCli, '--version']));
    if (typeof py !== 'string' && i < pyRuns)
      python.push(timeProcess(py.python, [pyFile, py.src, hs4File, join(work, 'py-hs4.csv')]));
  }
  console.log(
    `\n1. HS4 2017, 224 × 1,222 (${statSync(hs4File).size} bytes in, ${statSync(out).size} bytes out), process start to file written`,
  );
  console.log(`   karavan complexity   ${describeRuns(karavan)}`);
  console.log(
    `   of which the launcher: karavan --version median ${fmt(median(launcher))} (node + the compiled CLI's --version path)`,
  );
  if (typeof py === 'string') {
    console.log(`   py-ecomplexity       skipped: ${py}`);
  } else {
    console.log(`   py-ecomplexity       ${describeRuns(python)}`);
    const wall = (rs: CliRun[]) => median(rs.map((r) => r.ms));
    const cpu = (rs: CliRun[]) => median(rs.map((r) => r.cpuS ?? Number.NaN));
    console.log(
      `   ratio                ${(wall(python) / wall(karavan)).toFixed(1)}× faster (wall, target >= 8×, aim 10×); CPU time ${(cpu(python) / cpu(karavan)).toFixed(1)}×`,
    );
  }
}

// ---- 2. pieces in-process ------------------------------------------------------------------
async function benchHs4Pieces(work: string): Promise<void> {
  let t = performance.now();
  const panel = await readPanelCsv(hs4File, hs4Columns);
  const readMs = performance.now() - t;
  const o = resolveComplexity({});
  t = performance.now();
  const y = complexityPanelYear(panel, 0, o);
  const computeMs = performance.now() - t;
  const keys: [string, string, string] = [hs4Columns.time, hs4Columns.location, hs4Columns.product];
  const writeMs = async (path: string) => {
    let given = false;
    const start = performance.now();
    await writeComplexityYears(
      path,
      { keys, advantageKind: 'rca' },
      () => (given ? undefined : ((given = true), y)),
      true,
    );
    return performance.now() - start;
  };
  const csvOut = join(work, 'pieces.csv');
  const parquetOut = join(work, 'pieces.parquet');
  const csvMs = [await writeMs(csvOut), await writeMs(csvOut), await writeMs(csvOut)];
  const parquetMs = [await writeMs(parquetOut), await writeMs(parquetOut), await writeMs(parquetOut)];
  const { rows, products } = y.result;
  const m = y.result.mcp;
  const computeAgain: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    complexity({ locations: rows, products, valuesUsd: y.valuesUsd });
    computeAgain.push(performance.now() - t);
  }
  t = performance.now();
  const cooc = coOccurrence(m, rows, products);
  const coocMs = performance.now() - t;
  t = performance.now();
  const phi = proximity(m, rows, products);
  const proximityMs = performance.now() - t;
  t = performance.now();
  density(m, rows, products, phi);
  const denseDensityMs = performance.now() - t;
  t = performance.now();
  densityDiscrete(m, rows, products);
  const discreteDensityMs = performance.now() - t;
  let nnz = 0;
  for (const x of m) nnz += x;
  console.log(
    `\n2. HS4 pieces in-process (${rows} × ${products}, nnz(M) = ${nnz}, C = MᵀM has ${cooc.length} cells, Σφ ${columnSums(
      phi,
      products,
    )
      .reduce((a, b) => a + b, 0)
      .toFixed(0)})`,
  );
  console.log(`   read CSV (DuckDB)          ${fmt(readMs)}`);
  console.log(`   compute, first call        ${fmt(computeMs)}   warm: ${computeAgain.map(fmt).join(', ')}`);
  console.log(
    `   write CSV (DuckDB, ${(statSync(csvOut).size / 1e6).toFixed(1)} MB)  ${csvMs.map(fmt).join(', ')}   Parquet (${(statSync(parquetOut).size / 1e6).toFixed(1)} MB) ${parquetMs.map(fmt).join(', ')}`,
  );
  console.log(`   MᵀM (sparse)               ${fmt(coocMs)}   proximity incl. MᵀM ${fmt(proximityMs)}`);
  console.log(
    `   density, dense M·φ         ${fmt(denseDensityMs)}   without φ (discrete path) ${fmt(discreteDensityMs)}  ratio ${(denseDensityMs / discreteDensityMs).toFixed(1)}×`,
  );
}

// ---- 3. HS6 scale ---------------------------------------------------------------------------
/**
 * A panel shaped like BACI HS6: location sizes lognormal, product sizes lognormal, a nested
 * capability structure (a location makes a product when its capability exceeds the product's
 * difficulty, with noise), values lognormal around size × size; years drift slowly. The share
 * of cells with M = 1 comes out at ~14 % (diversity 400–2,250), a little denser than the real 2017
 * HS4 file (10.5 %: 28,688 of 273,728), so the cost (which grows with nnz(M)) is not understated.
 */
export function generatePanel(years: number, locations: number, products: number, seed = 20171): ComplexityPanel {
  const random = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const size = Float64Array.from({ length: locations }, () => Math.exp(1.5 * normal()));
  const capability = Float64Array.from({ length: locations }, () => random() ** 5);
  const weight = Float64Array.from({ length: products }, () => Math.exp(1.2 * normal()));
  const difficulty = Float64Array.from({ length: products }, () => random());
  const valuesUsd: Float64Array[] = [];
  for (let y = 0; y < years; y++) {
    const values = new Float64Array(locations * products);
    for (let c = 0; c < locations; c++) {
      size[c]! *= Math.exp(0.03 + 0.05 * normal());
      const base = c * products;
      for (let p = 0; p < products; p++) {
        const makes = capability[c]! + 0.25 * normal() > difficulty[p]! || random() < 0.01;
        if (makes) values[base + p] = Math.round(1e6 * size[c]! * weight[p]! * Math.exp(normal()));
      }
    }
    valuesUsd.push(values);
  }
  return {
    years: Array.from({ length: years }, (_, y) => 1995 + y),
    locations: Array.from({ length: locations }, (_, c) => `l${String(c).padStart(3, '0')}`),
    products: Array.from({ length: products }, (_, p) => String(10000 + p).padStart(6, '0')),
    valuesUsd,
  };
}

async function hs6Child(): Promise<void> {
  const years = Number(args.get('years') ?? 30);
  let t = performance.now();
  const panel = generatePanel(years, 230, 5200);
  const generateMs = performance.now() - t;
  t = performance.now();
  let sum = 0;
  for (const values of panel.valuesUsd) for (let i = 0; i < values.length; i++) sum += values[i]!;
  const baselineMs = performance.now() - t;
  const o = resolveComplexity({});
  // Compute every year (no output), then compute and write every year as the CLI does (DuckDB
  // writes a year's CSV while the next is computed), to /dev/null.
  t = performance.now();
  let nnz = 0;
  const computeYear: number[] = [];
  for (let i = 0; i < panel.years.length; i++) {
    const start = performance.now();
    const y = complexityPanelYear(panel, i, o);
    for (const x of y.result.mcp) nnz += x;
    computeYear.push(performance.now() - start);
  }
  const computeMs = performance.now() - t;
  t = performance.now();
  let i = 0;
  const rows = await writeComplexityYears(
    '/dev/null',
    { keys: ['year', 'location', 'product'], advantageKind: 'rca' },
    () => (i < panel.years.length ? complexityPanelYear(panel, i++, o) : undefined),
    true,
    panel.years.length,
  );
  const writeMs = performance.now() - t;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ years, generateMs, baselineMs, computeMs, computeYear, writeMs, nnz, rows, rssMb, sum }) + '\n',
  );
}

function benchHs6(): void {
  const years = Number(args.get('years') ?? 30);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--hs6-child', `--years=${years}`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`HS6 child failed:\n${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    years: number;
    generateMs: number;
    baselineMs: number;
    computeMs: number;
    computeYear: number[];
    writeMs: number;
    nnz: number;
    rows: number;
    rssMb: number;
  };
  console.log(
    `\n3. HS6 scale, core on generated arrays: ${r.years} years × 230 × 5,200 (${(r.rows / 1e6).toFixed(1)} M output rows, nnz(M) ${(r.nnz / r.years / 1e3).toFixed(0)} k per year)`,
  );
  console.log(`   generate panel             ${fmt(r.generateMs)}`);
  console.log(`   baseline: sum all values   ${fmt(r.baselineMs)}`);
  console.log(
    `   all measures, every year   ${fmt(r.computeMs)}  (per year median ${fmt(median(r.computeYear))}, max ${fmt(Math.max(...r.computeYear))}); ratio to baseline ${(r.computeMs / r.baselineMs).toFixed(0)}×`,
  );
  console.log(
    `   same + CSV to /dev/null    ${fmt(r.writeMs)}  (as the CLI writes: DuckDB writes a year while the next is computed)`,
  );
  console.log(`   peak RSS                   ${r.rssMb.toFixed(0)} MB (targets: < 60 s, < 2,048 MB)`);
}

// ---- 4. HS6 through the CLI ---------------------------------------------------------------------
/** Writes the generated panel as a long CSV of its non-zero cells (year, location, product, value). */
function writePanelCsv(panel: ComplexityPanel, path: string): number {
  const fd = openSync(path, 'w');
  let rows = 0;
  try {
    writeSync(fd, 'year,location,product,value\n');
    const P = panel.products.length;
    panel.years.forEach((year, y) => {
      const values = panel.valuesUsd[y]!;
      const lines: string[] = [];
      for (let c = 0; c < panel.locations.length; c++) {
        const lead = `${year},${panel.locations[c]},`;
        for (let p = 0; p < P; p++) {
          const v = values[c * P + p]!;
          if (v > 0) lines.push(lead + panel.products[p] + ',' + v);
        }
      }
      rows += lines.length;
      writeSync(fd, lines.join('\n') + '\n');
    });
  } finally {
    closeSync(fd);
  }
  return rows;
}

interface CliRun {
  ms: number;
  /** Peak RSS and user + system CPU time, when /usr/bin/time is there to measure them. */
  rssMb?: number;
  cpuS?: number;
}

/** A CLI run of node + argv. */
const timeCli = (argv: string[]) => timeProcess(process.execPath, argv);

/** A process run under /usr/bin/time when present (peak RSS, CPU time), else timed only. */
function timeProcess(command: string, argv: string[]): CliRun {
  const gnuTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M cpu_s=%U+%S', command, ...argv], { encoding: 'utf8' })
    : spawnSync(command, argv, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr}`);
  const measured = /maxrss_kb=(\d+) cpu_s=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
  if (measured === null) return { ms };
  return { ms, rssMb: Number(measured[1]) / 1024, cpuS: Number(measured[2]) + Number(measured[3]) };
}

function describeRuns(runs: CliRun[]): string {
  const rss = runs.flatMap((r) => (r.rssMb === undefined ? [] : [r.rssMb]));
  const cpu = runs.flatMap((r) => (r.cpuS === undefined ? [] : [r.cpuS]));
  return (
    `median ${fmt(median(runs.map((r) => r.ms)))}  (runs: ${runs.map((r) => fmt(r.ms)).join(', ')}` +
    (cpu.length > 0 ? `; CPU ${cpu.map((c) => c.toFixed(1) + ' s').join(', ')}` : '') +
    (rss.length > 0 ? `; peak RSS ${Math.max(...rss).toFixed(0)} MB` : '') +
    ')'
  );
}

function benchHs6Cli(work: string): void {
  const years = Number(args.get('years') ?? 30);
  const runs = Number(args.get('hs6-cli-runs') ?? 1);
  const input = join(work, 'hs6-generated.csv');
  const inputRows = writePanelCsv(generatePanel(years, 230, 5200), input);
  console.log(
    `\n4. HS6 through the CLI: ${years} years × 230 × 5,200 generated, as a long CSV of ${(inputRows / 1e6).toFixed(2)} M non-zero cells (${(statSync(input).size / 1e6).toFixed(0)} MB); process start to file written`,
  );
  const cli = (out: string) => [
    karavanCli,
    'complexity',
    '--input',
    input,
    '--time',
    'year',
    '--location',
    'location',
    '--product',
    'product',
    '--value',
    'value',
    '--out',
    out,
  ];
  // Optional baseline in the same run: another build of the CLI (e.g. the commit before a change,
  // unpacked with git archive and built), on the same input, interleaved with this one.
  const baselineCli = args.get('baseline-cli');
  const outputs = [join(work, 'hs6-out.csv'), join(work, 'hs6-out.parquet')];
  const current: CliRun[][] = outputs.map(() => []);
  const baseline: CliRun[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < runs; i++) {
    outputs.forEach((out, k) => {
      current[k]!.push(timeCli(cli(out)));
      sizes[k] = statSync(out).size;
      rmSync(out, { force: true });
    });
    if (baselineCli !== undefined) {
      const argv = cli(outputs[0]!);
      argv[0] = baselineCli;
      baseline.push(timeCli(argv));
      rmSync(outputs[0]!, { force: true });
    }
  }
  outputs.forEach((out, k) =>
    console.log(
      `   --out ${out.endsWith('.parquet') ? 'x.parquet' : 'x.csv    '}  ${describeRuns(current[k]!)}, ${(sizes[k]! / 1e6).toFixed(0)} MB out; target < 60 s`,
    ),
  );
  if (baselineCli !== undefined) {
    console.log(`   baseline ${baselineCli} --out x.csv  ${describeRuns(baseline)}`);
    console.log(
      `   ratio baseline / this, CSV: ${(median(baseline.map((r) => r.ms)) / median(current[0]!.map((r) => r.ms))).toFixed(2)}× (wall)`,
    );
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && args.has('hs6-child')) {
  await hs6Child();
} else if (isMain) {
  const work = mkdtempSync(join(tmpdir(), 'karavan-complexity-bench-'));
  try {
    console.log(`complexity bench, node ${process.version}, ${new Date().toISOString()}`);
    if (!args.has('skip-hs4')) {
      benchHs4Cli(work);
      await benchHs4Pieces(work);
    }
    if (!args.has('skip-hs6')) benchHs6();
    if (!args.has('skip-hs6-cli')) benchHs6Cli(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
