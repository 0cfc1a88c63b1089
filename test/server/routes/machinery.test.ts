import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalogUrl, shippedPresetsUrl } from '../../../src/machinery/index.ts';
import { testServer, type TestServer } from '../helpers.ts';

/** The shipped catalog and presets as plain JSON, read here: the source of the hand-computed figures. */
interface TypicalValue {
  typical: number;
}
const rawCatalog = JSON.parse(readFileSync(shippedCatalogUrl, 'utf8')) as {
  classes: Array<{ id: string; widthM: TypicalValue; speedKmh: TypicalValue; fieldEfficiency: TypicalValue }>;
};
const rawPresets = JSON.parse(readFileSync(shippedPresetsUrl, 'utf8')) as {
  presets: Array<{ id: string; values: Record<string, { value: number } | undefined> }>;
};

describe('machinery routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());
  const post = (url: string, payload: object) => s.app.inject({ method: 'POST', url, payload });

  it('lists the catalog and presets', async () => {
    const r = await s.app.inject({ url: '/api/machinery/catalog' });
    const body = JSON.parse(r.body);
    expect(body.machines.map((m: { id: string }) => m.id)).toContain('combine-sp-9m');
    expect(body.presets.presets.map((p: { id: string }) => p.id)).toContain('kz-wheat-2023');
  });

  it('fleet: capacity and fleet size worked out by hand from the catalog and preset files (F1-F3)', async () => {
    const scenario = { areaHa: 10000, presetId: 'kz-wheat-2023', workableShare: 0.7 };
    const r = await post('/api/machinery/fleet', { scenario });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(r.body);
    expect(Object.keys(body).sort()).toEqual(['fleetSizeTable', 'plan', 'sensitivity', 'staff']);
    // The window fleet's staff, as `machinery fleet` prints it: one shift for an 8-hour day, 10 % reserve [M].
    expect(body.staff.roles[0]).toMatchObject({ role: 'operator', people: Math.ceil(body.plan.window.machines * 1.1) });
    // F1: C_e = v * w * E_f / 10 with the catalog's typical values (5 km/h, 9 m, 0.7 -> 3.15 ha/h).
    const combine = rawCatalog.classes.find((c) => c.id === 'combine-sp-9m')!;
    const haPerHour = (combine.speedKmh.typical * combine.widthM.typical * combine.fieldEfficiency.typical) / 10;
    expect(body.plan.machine.id).toBe('combine-sp-9m');
    expect(body.plan.capacity.haPerHour).toBeCloseTo(haPerHour, 12);
    // F2, F3: A_m = C_e * 8 h/day * the preset's 20-day window * 0.7 workable; N = ceil(10,000 / A_m) = 29.
    const windowDays = rawPresets.presets.find((p) => p.id === 'kz-wheat-2023')!.values.windowDays!.value;
    const areaPerMachine = haPerHour * 8 * windowDays * 0.7;
    expect(body.plan.window.areaPerMachineHa).toBeCloseTo(areaPerMachine, 9);
    expect(body.plan.window.machines).toBe(Math.ceil(10000 / areaPerMachine));
    expect(body.plan.window.machines).toBe(29);
  });

  it('fleet: out-of-domain values and unknown fields give 400 naming the field, unknown machines 404', async () => {
    const negative = await post('/api/machinery/fleet', { scenario: { areaHa: -5 } });
    expect(negative.statusCode).toBe(400);
    expect(JSON.parse(negative.body)).toMatchObject({ code: 'KRV_MACH_BAD_INPUT', column: 'areaHa' });
    const share = await post('/api/machinery/fleet', { scenario: { areaHa: 100, workableShare: 1.5 } });
    expect(share.statusCode).toBe(400);
    const unknownField = await post('/api/machinery/fleet', { scenario: { areaHa: 100, areaHectares: 5 } });
    expect(unknownField.statusCode).toBe(400);
    const machine = await post('/api/machinery/fleet', { scenario: { areaHa: 100, machineId: 'combine-xyz' } });
    expect(machine.statusCode).toBe(404);
    expect(JSON.parse(machine.body).code).toBe('KRV_MACH_UNKNOWN_MACHINE');
    const text = await post('/api/machinery/fleet', { scenario: { areaHa: 'lots' } });
    expect(text.statusCode).toBe(400);
    const sizes = await post('/api/machinery/fleet', { scenario: { areaHa: 100 }, sizes: [0] });
    expect(sizes.statusCode).toBe(400);
  });

  it('fleet: a catalog in the body is layered over the shipped one', async () => {
    const own = {
      version: 1,
      machines: [
        {
          id: 'my-combine',
          baseClass: 'combine-sp-9m',
          name: 'My combine',
          make: 'Test',
          model: 'T-1',
          listPriceUsd: 500000,
        },
      ],
    };
    const r = await post('/api/machinery/fleet', { scenario: { areaHa: 5000, machineId: 'my-combine' }, catalog: own });
    expect(r.statusCode, r.body).toBe(200);
    expect(JSON.parse(r.body).plan.machine.id).toBe('my-combine');
    const bad = await post('/api/machinery/fleet', { scenario: { areaHa: 5000 }, catalog: { version: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('KRV_MACH_BAD_CATALOG');
  });

  // Found by the API fuzzer: a value nested deeper than the stack (JSON.stringify of it for the
  // message overflowed) answered 500; now 400 naming the field, for the catalog and the body alike.
  it('a catalog or body nested 100,000 deep is a 400, not a 500', async () => {
    const deep = (o: string, c: string) => o.repeat(100_000) + '1' + c.repeat(100_000);
    const json = { 'content-type': 'application/json' };
    const catalog = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/fleet',
      headers: json,
      payload: `{"scenario":{"areaHa":1000},"catalog":{"machines":${deep('[', ']')}}}`,
    });
    expect(catalog.statusCode).toBe(400);
    expect(JSON.parse(catalog.body)).toMatchObject({
      code: 'KRV_MACH_BAD_CATALOG',
      column: 'machines[0]',
      value: '[...]',
    });
    const body = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/fleet',
      headers: json,
      payload: deep('[', ']'),
    });
    expect(body.statusCode).toBe(400);
    expect(JSON.parse(body.body)).toMatchObject({
      code: 'KRV_OPT_INVALID',
      message: 'invalid body: [...] (must be object)',
    });
  });

  it('compare: the core comparison; machine-specific scenario fields are refused', async () => {
    const body = {
      scenario: { areaHa: 8000, windowDays: 12 },
      a: { machineId: 'combine-sp-9m' },
      b: { machineId: 'combine-sp-12m' },
    };
    const r = await post('/api/machinery/compare', body);
    expect(r.statusCode).toBe(200);
    // F1 and F3 by hand for each machine: 8 h/day, 12 days, all days workable (the scenario defaults).
    const result = JSON.parse(r.body);
    for (const [side, id] of [
      ['a', 'combine-sp-9m'],
      ['b', 'combine-sp-12m'],
    ] as const) {
      const machine = rawCatalog.classes.find((c) => c.id === id)!;
      const haPerHour = (machine.speedKmh.typical * machine.widthM.typical * machine.fieldEfficiency.typical) / 10;
      expect(result[side].capacityHaPerHour, id).toBeCloseTo(haPerHour, 12);
      expect(result[side].machines, id).toBe(Math.ceil(8000 / (haPerHour * 8 * 12)));
    }
    expect([result.a.machines, result.b.machines]).toEqual([27, 20]);
    const refused = await post('/api/machinery/compare', { ...body, scenario: { areaHa: 8000, widthM: 9 } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).column).toBe('widthM');
  });

  it('demo: the plan, and its measurement sheet as CSV; demo-results reads the sheet back', async () => {
    const body = { areaHa: 400, machineIds: ['combine-sp-9m', 'combine-sp-12m'], replicates: 4 };
    const r = await post('/api/machinery/demo', body);
    expect(r.statusCode).toBe(200);
    // By hand: 2 machines x 4 blocks = 8 plots of the default 20 ha; 160 ha of trial, 240 ha left;
    // each block lasts as long as the slower machine (9 m: 20 ha / 3.15 ha/h).
    const demo = JSON.parse(r.body);
    expect(demo.plots).toHaveLength(8);
    expect(demo.trialAreaHa).toBeCloseTo(2 * 4 * 20, 9);
    expect(demo.remainingAreaHa).toBeCloseTo(400 - 2 * 4 * 20, 9);
    const slower = rawCatalog.classes.find((c) => c.id === 'combine-sp-9m')!;
    const slowerHaPerHour = (slower.speedKmh.typical * slower.widthM.typical * slower.fieldEfficiency.typical) / 10;
    for (const block of demo.blocks) expect(block.hours).toBeCloseTo(20 / slowerHaPerHour, 9);
    expect(demo.blocks.map((b: { order: string[] }) => [...b.order].sort())).toEqual(
      Array.from({ length: 4 }, () => ['combine-sp-12m', 'combine-sp-9m']),
    );
    const sheet = await post('/api/machinery/demo?format=csv&table=sheet', body);
    expect(sheet.headers['content-type']).toBe('text/csv; charset=utf-8');
    // Fill the sheet: machine B is faster on every plot.
    const lines = sheet.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1 + 8);
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const filled = [
      lines[0]!,
      ...lines.slice(1).map((line, i) => {
        const cells = line.split(',');
        const b = cells[col('machine_id')] === 'combine-sp-12m';
        cells[col('worked_area_ha')] = cells[col('plot_area_ha')]!;
        cells[col('work_hours')] = String((b ? 4 : 6) + (i % 3) * 0.1);
        cells[col('fuel_litres')] = String(300 + i);
        cells[col('grain_loss_kg_per_ha')] = String(40 + (i % 2));
        cells[col('downtime_hours')] = '0.5';
        return cells.join(',');
      }),
    ].join('\n');
    const results = await post('/api/machinery/demo-results', { sheet: filled });
    expect(results.statusCode, results.body).toBe(200);
    const capacity = JSON.parse(results.body).measures.find(
      (m: { measure: { id: string } }) => m.measure.id === 'haPerHour',
    );
    expect(capacity.comparisons[0].better).toBe('combine-sp-12m');
    const empty = await post('/api/machinery/demo-results', { sheet: 'plot_id\n' });
    expect(empty.statusCode).toBe(400);
  });

  it('downloads a POST result as XLSX; text that looks like a formula stays text', async () => {
    const r = await post('/api/machinery/fleet?format=xlsx&lang=ru', { scenario: { areaHa: 10000 } });
    expect(r.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      // Cut at a word boundary (issue 18), not mid-word as 'Затраты на га и на т (парк п'.
      'Затраты на га и на т (парк под…',
      'Затраты по размеру парка',
      'Чувствительность',
      'Параметры и источники',
      'Персонал и обучение',
    ]);
    const costs = workbook.worksheets[0]!;
    expect(costs.getRow(1).getCell(3).value).toBe('долл./га');
    expect(typeof costs.getRow(2).getCell(3).value).toBe('number');
  });
});
