import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'karavan-machinery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'karavan', 'machinery', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const section8 = [
  'fleet',
  '--crop',
  'wheat',
  '--area-ha',
  '10000',
  '--window-days',
  '10',
  '--hours-per-day',
  '8',
  '--width-m',
  '9',
  '--speed-kmh',
  '6',
  '--efficiency',
  '0.7',
];

describe('karavan machinery fleet', () => {
  it('prints the §8 plan: 3.78 ha/h, 34 combines, $311.2/ha, with tags', async () => {
    const { code, stdout } = await run(...section8);
    expect(code).toBe(0);
    expect(stdout).toContain('= 3.78 ha/h');
    expect(stdout).toContain('= 34');
    expect(stdout).toMatch(/total \$\/ha\s+\$311\.2\s+\$168\.9/);
    expect(stdout).toMatch(/machine\.repairFactor1\s+0\.04\s+\[V\*\]/);
    expect(stdout).toContain('[M]');
  });

  it('--currency KZT prints the amounts at the dated National Bank rate; the JSON stays in USD and says the rate', async () => {
    const args = ['fleet', '--preset', 'kz-wheat-2024-kzt', '--area-ha', '10000'];
    const json = JSON.parse((await run(...args, '--json')).stdout);
    const kzt = await run(...args, '--currency', 'KZT');
    expect(kzt.code).toBe(0);
    expect(kzt.stdout).toContain('Amounts in KZT: 444.32 KZT per USD, from 444.32 KZT/USD (2024-04-24)');
    const perT = Number(/total KZT\/t\s+([\d,.]+) KZT/.exec(kzt.stdout)![1]!.replaceAll(',', ''));
    expect(perT).toBeCloseTo(json.plan.windowFleet.usdPerT.total * 444.32, 1);
    const withRate = JSON.parse((await run(...args, '--currency', 'RUB', '--json')).stdout);
    expect(withRate.currency.perUsd).toBeCloseTo(444.32 / 4.76, 9);
    expect(withRate.plan.windowFleet.usdPerT.total).toBe(json.plan.windowFleet.usdPerT.total);
    const bad = await run(...args, '--currency', 'EUR');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid currency: EUR');
  });

  it('--json gives the full objects', async () => {
    const { stdout } = await run(...section8, '--workable-share', '0.7', '--json');
    const result = JSON.parse(stdout);
    expect(result.plan.window.machines).toBe(48);
    expect(result.plan.parameters.workableShare).toMatchObject({ value: 0.7, tag: 'user' });
    expect(result.fleetSizeTable.rows.length).toBeGreaterThan(3);
    expect(result.sensitivity.rows.length).toBe(24);
  });

  it('--preset shows the source and date of every preset number', async () => {
    const { stdout } = await run('fleet', '--area-ha', '10000', '--preset', 'kz-wheat-2023');
    expect(stdout).toMatch(/yieldTPerHa = 0\.85 \[preset\], as of 2023: .*https:\/\/introfair\.com/);
    expect(stdout).toMatch(/windowDays = 20 \[preset\], as of unknown year/);
  });

  it.each([
    [['--area-ha', '-5'], /error KRV_MACH_BAD_INPUT: invalid areaHa: -5/, /hint: set with --area-ha/],
    [['--area-ha', '0'], /invalid areaHa: 0/, /--area-ha/],
    [['--area-ha', '100', '--window-days', '0'], /invalid windowDays: 0/, /--window-days/],
    [['--area-ha', '100', '--width-m', '-9'], /invalid widthM: -9/, /--width-m/],
    [['--area-ha', '100', '--speed-kmh', '0'], /invalid speedKmh: 0/, /--speed-kmh/],
    [['--area-ha', '100', '--efficiency', '1.5'], /invalid fieldEfficiency: 1\.5/, /--efficiency/],
    [['--area-ha', '100', '--efficiency', '0'], /invalid fieldEfficiency: 0/, /--efficiency/],
    [['--area-ha', '100', '--workable-share', '1.2'], /invalid workableShare: 1\.2/, /--workable-share/],
    [['--area-ha', '100', '--workable-share', '0'], /invalid workableShare: 0/, /--workable-share/],
    [['--area-ha', 'lots'], /invalid --area-ha: lots \(expected a number\)/, /.*/],
    [
      ['--area-ha', '100', '--machine', 'combine-9m'],
      /error KRV_MACH_UNKNOWN_MACHINE: unknown machine: combine-9m/,
      /did you mean combine-sp-9m/,
    ],
  ])('rejects %j with a clear error naming the field', async (args, message, hint) => {
    const { code, stdout, stderr } = await run('fleet', ...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(hint);
  });

  it('a malformed catalog file is named with the field', async () => {
    const file = join(dir, 'bad-catalog.json');
    writeFileSync(
      file,
      JSON.stringify({
        machines: [{ id: 'x', baseClass: 'combine-sp-9m', make: 'A', model: 'B', listPriceUsd: 'cheap' }],
      }),
    );
    const { code, stderr } = await run('fleet', '--area-ha', '100', '--catalog', file);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `error KRV_MACH_BAD_CATALOG: ${file}: machines[0].listPriceUsd: expected a number, got "cheap"`,
    );
  });

  it('a catalog file that is not JSON is named', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "machines": [ ');
    const { stderr } = await run('fleet', '--area-ha', '100', '--catalog', file);
    expect(stderr).toContain(`error KRV_MACH_BAD_CATALOG: ${file}: not valid JSON`);
  });

  it('a missing catalog file is a file-not-found error', async () => {
    const { stderr } = await run('fleet', '--area-ha', '100', '--catalog', join(dir, 'nope.json'));
    expect(stderr).toMatch(/KRV_INGEST_FILE_NOT_FOUND: catalog file not found/);
  });
});

describe('karavan machinery compare', () => {
  const catalogFile = join(dir, 'own.json');
  writeFileSync(
    catalogFile,
    JSON.stringify({
      machines: [
        {
          id: 'seller-9',
          baseClass: 'combine-sp-9m',
          make: 'Seller',
          model: 'S9',
          listPriceUsd: 420000,
          widthM: 9,
          speedKmh: 6,
        },
        {
          id: 'rival-9',
          baseClass: 'combine-sp-9m',
          make: 'Rival',
          model: 'R9',
          listPriceUsd: 600000,
          widthM: 9,
          speedKmh: 6.5,
        },
      ],
    }),
  );
  const scenarioFile = join(dir, 'scenario.json');
  writeFileSync(
    scenarioFile,
    JSON.stringify({ crop: 'wheat', areaHa: 10000, windowDays: 10, preset: 'kz-wheat-2023' }),
  );

  it('compares two machines on the same scenario', async () => {
    const { code, stdout } = await run(
      'compare',
      'seller-9',
      'rival-9',
      '--scenario',
      scenarioFile,
      '--catalog',
      catalogFile,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Result: (seller-9|rival-9) wins by \$[\d.,]+\/ha/);
    expect(stdout).toMatch(/Break-even: B ties A when B's list price is/);
  });

  it('--json gives the comparison object', async () => {
    const { stdout } = await run(
      'compare',
      'seller-9',
      'rival-9',
      '--scenario',
      scenarioFile,
      '--catalog',
      catalogFile,
      '--json',
    );
    const c = JSON.parse(stdout);
    expect(c.kind).toBe('karavan.machinery.comparison');
    expect(c.a.machineId).toBe('seller-9');
    expect(c.plans.a.parameters.yieldTPerHa.tag).toBe('preset');
  });

  it('a malformed scenario file is named with the field', async () => {
    const bad = join(dir, 'bad-scenario.json');
    writeFileSync(bad, JSON.stringify({ areaHa: 10000, windowDays: -1 }));
    const { code, stderr } = await run('compare', 'seller-9', 'rival-9', '--scenario', bad, '--catalog', catalogFile);
    expect(code).toBe(1);
    expect(stderr).toContain(`error KRV_MACH_BAD_INPUT: ${bad}: invalid windowDays: -1`);
    const machineField = join(dir, 'machine-field.json');
    writeFileSync(machineField, JSON.stringify({ areaHa: 10000, speedKmh: 6 }));
    expect(
      (await run('compare', 'seller-9', 'rival-9', '--scenario', machineField, '--catalog', catalogFile)).stderr,
    ).toContain('speedKmh: a compare scenario cannot set speedKmh');
  });

  it('an unknown machine suggests close ids', async () => {
    const { stderr } = await run(
      'compare',
      'seller-9',
      'rival-8',
      '--scenario',
      scenarioFile,
      '--catalog',
      catalogFile,
    );
    expect(stderr).toMatch(/unknown machine: rival-8/);
    expect(stderr).toMatch(/did you mean rival-9/);
  });
});

describe('karavan machinery demo and demo-results', () => {
  it('plans a demonstration, writes the sheet, and reads it back filled', async () => {
    const sheet = join(dir, 'sheet.csv');
    const { code, stdout } = await run(
      'demo',
      '--area-ha',
      '3000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--replicates',
      '3',
      '--out',
      sheet,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('3 randomised blocks');
    expect(stdout).toContain(`Measurement sheet written to ${sheet}`);
    const lines = readFileSync(sheet, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 6);
    const header = lines[0]!.split(',');
    const filled = [
      lines[0],
      ...lines.slice(1).map((line, i) => {
        const cells = line.split(',');
        const twelve = cells[header.indexOf('machine_id')] === 'combine-sp-12m';
        cells[header.indexOf('worked_area_ha')] = '20';
        cells[header.indexOf('work_hours')] = String((twelve ? 4 : 6) + i * 0.05);
        cells[header.indexOf('fuel_litres')] = String(400 + i * 7);
        cells[header.indexOf('grain_loss_kg_per_ha')] = String(40 + (i % 3) * 5);
        cells[header.indexOf('downtime_hours')] = String(i % 2 === 0 ? 0.2 : 0);
        return cells.join(',');
      }),
    ].join('\n');
    const filledFile = join(dir, 'filled.csv');
    writeFileSync(filledFile, filled);
    const results = await run('demo-results', filledFile);
    expect(results.code).toBe(0);
    expect(results.stdout).toMatch(/Effective field capacity, ha\/h \(higher is better\)/);
    expect(results.stdout).toMatch(/combine-sp-9m - combine-sp-12m/);
    const json = JSON.parse((await run('demo-results', filledFile, '--json')).stdout);
    expect(json.measures[0].comparisons[0].better).toBe('combine-sp-12m');
  });

  it('rejects a bad demonstration request and a bad sheet', async () => {
    expect((await run('demo', '--area-ha', '-1', '--machines', 'combine-sp-9m,combine-sp-12m')).stderr).toMatch(
      /invalid areaHa: -1/,
    );
    expect((await run('demo', '--area-ha', '3000', '--machines', 'combine-sp-9m,combine-sp-1m')).stderr).toMatch(
      /unknown machine: combine-sp-1m/,
    );
    const bad = join(dir, 'bad-sheet.csv');
    writeFileSync(bad, 'plot_id,block,machine_id\nB1-P1,1,x\n');
    expect((await run('demo-results', bad)).stderr).toContain(`${bad}: missing column worked_area_ha`);
  });
});

describe('karavan machinery catalog', () => {
  it('lists classes with their tags, crops and presets', async () => {
    const { code, stdout } = await run('catalog');
    expect(code).toBe(0);
    expect(stdout).toMatch(/combine-sp-9m\s+combine-sp/);
    expect(stdout).toMatch(/0\.04 \/ 2\.1 \[V\*\]/);
    expect(stdout).toContain('mining-truck-220t');
    expect(stdout).toContain('kz-wheat-2023');
    const json = JSON.parse((await run('catalog', '--json')).stdout);
    expect(json.machines.length).toBeGreaterThan(15);
    expect(json.presets.presets[0].id).toBe('kz-wheat-2023');
  });
});

describe('karavan machinery haulage', () => {
  const example = [
    'haulage',
    '--payload-t',
    '130',
    '--distance-km',
    '3',
    '--speed-loaded-kmh',
    '20',
    '--speed-empty-kmh',
    '35',
    '--load-min',
    '3',
    '--dump-min',
    '1',
    '--spot-min',
    '1',
    '--tonnes-per-year',
    '20000000',
    '--scheduled-hours',
    '7000',
    '--availability',
    '0.85',
    '--utilization',
    '0.9',
  ];

  it('answers the contract: cycle 19.14 min, 407.5 t per truck-hour, 9.17 trucks, so 10', async () => {
    const r = await run(...example, '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.cycle.totalMin.toFixed(2)).toBe('19.14');
    expect(plan.tonnesPerTruckHour.toFixed(1)).toBe('407.5');
    expect(plan.trucksExact.toFixed(2)).toBe('9.17');
    expect(plan.trucks).toBe(10);
    expect(plan.cost).toBeNull();
    const text = await run(...example);
    expect(text.stdout).toContain('trucks: 9.17, so 10');
  });

  it('costs a tonne when the prices are given, and names a missing or bad flag', async () => {
    const r = await run(...example, '--fuel-l-per-h', '120', '--fuel-price', '0.6', '--json');
    expect(JSON.parse(r.stdout).cost.perHour.fuel).toBeCloseTo(72, 12);
    const missing = await run('haulage', '--payload-t', '130');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/KRV_OPT_MISSING: missing --distance-km/);
    const bad = await run(...example.slice(0, -2), '--utilization', '1.5');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid utilization: 1.5/);
  });
});

describe('karavan machinery staff', () => {
  it('plans 75 operators for 34 combines on 2 shifts with a 10 % reserve, and shows the [M] placeholders', async () => {
    const json = JSON.parse(
      (await run('staff', '--machines', '34', '--shifts', '2', '--reserve-share', '0.1', '--json')).stdout,
    );
    expect(json.roles[0]).toMatchObject({ role: 'operator', people: 75 });
    const text = await run('staff', '--machines', '34', '--shifts', '2', '--reserve-share', '0.1');
    expect(text.stdout).toMatch(/operator\s+75/);
    expect(text.stdout).toMatch(/\[M\] placeholders used/);
    const help = await run('staff', '--help');
    expect(help.stdout).toContain('(default: 8 [M], a Karavan placeholder)');
    // Each default printed once (commander's own "(default: …)" not added to one the description states).
    expect(help.stdout).not.toMatch(/\(default:[^)]*\)\s*\(default:/);
    const bad = await run('staff', '--machines', '34', '--shifts', '5');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid shifts: 5/);
  });
});

describe('karavan machinery fleet warnings', () => {
  it('the kz-wheat-2023 preset: machinery at 254.55 USD/t against grain at 220 USD/t is flagged', async () => {
    const r = await run('fleet', '--preset', 'kz-wheat-2023', '--area-ha', '10000', '--json');
    const json = JSON.parse(r.stdout);
    const plan = json.plan ?? json;
    expect(plan.windowFleet.usdPerT.total.toFixed(2)).toBe('254.55');
    expect(plan.warnings.map((w: { code: string }) => w.code)).toEqual(['cost-above-grain-price']);
    const text = await run('fleet', '--preset', 'kz-wheat-2023', '--area-ha', '10000');
    expect(text.stdout).toMatch(/Warnings[\s\S]*254\.55 USD per tonne, more than the grain's price of 220\.00/);
  });
});

describe('karavan machinery replacement', () => {
  it('combines: 2,310 a year at the 2024 renewal rate, 19,320 older than 17 years, from the dated facts', async () => {
    const json = JSON.parse((await run('replacement', '--json')).stdout);
    expect(json.facts.fleet).toMatchObject({ value: 42000, asOf: '2020-06-19' });
    expect(Math.round(json.atObservedRateUnitsPerYear)).toBe(2310);
    expect(Math.round(json.backlogUnits)).toBe(19320);
    expect(Math.round(json.toClearBacklogUnitsPerYear)).toBe(Math.round(42000 / 17 + 1932));
    const bad = await run('replacement', '--machine', 'trucks');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid --machine: trucks/);
  });
});
