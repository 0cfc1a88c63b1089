import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadCatalogError } from '../../../src/errors.ts';
import {
  compareMachines,
  demoSheetToCsv,
  fleetSizeTable,
  parseCatalog,
  parseJsonText,
  parsePresets,
  planDemonstration,
  planFleet,
  resolveScenario,
  sensitivityTable,
  shippedCatalogName,
  shippedCatalogUrl,
  shippedPresetsName,
  shippedPresetsUrl,
} from '../../../src/machinery/index.ts';
import { toJson } from '../../../src/server/respond.ts';
import { defaultFleetSizes } from '../../../src/server/routes/machinery.ts';
import { testServer, type TestServer } from '../helpers.ts';

const catalog = parseCatalog(
  parseJsonText(readFileSync(shippedCatalogUrl, 'utf8'), shippedCatalogName, BadCatalogError),
  shippedCatalogName,
);
const presets = parsePresets(
  parseJsonText(readFileSync(shippedPresetsUrl, 'utf8'), shippedPresetsName, BadCatalogError),
  shippedPresetsName,
);
const plain = (value: unknown) => JSON.parse(toJson(value));

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

  it('fleet: the same plan, fleet-size table and sensitivity as `karavan machinery fleet --json`', async () => {
    const scenario = { areaHa: 10000, presetId: 'kz-wheat-2023', workableShare: 0.7 };
    const r = await post('/api/machinery/fleet', { scenario });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const plan = planFleet(resolveScenario(scenario, { catalog, presets }), catalog);
    const expected = {
      plan,
      fleetSizeTable: fleetSizeTable(plan.inputs, defaultFleetSizes(plan), 1),
      sensitivity: sensitivityTable(plan.inputs, {}),
    };
    expect(JSON.parse(r.body)).toEqual(plain(expected));
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
    const scenario = resolveScenario(
      { ...body.scenario, machineId: 'combine-sp-9m' },
      { catalog, presets, userSource: 'request body: scenario' },
    );
    expect(JSON.parse(r.body)).toEqual(plain(compareMachines(scenario, catalog, body.a, body.b)));
    const refused = await post('/api/machinery/compare', { ...body, scenario: { areaHa: 8000, widthM: 9 } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).column).toBe('widthM');
  });

  it('demo: the plan, and its measurement sheet as CSV; demo-results reads the sheet back', async () => {
    const body = { areaHa: 400, machineIds: ['combine-sp-9m', 'combine-sp-12m'], replicates: 4 };
    const r = await post('/api/machinery/demo', body);
    expect(r.statusCode).toBe(200);
    const plan = planDemonstration(body, catalog);
    expect(JSON.parse(r.body)).toEqual(plain(plan));
    const sheet = await post('/api/machinery/demo?format=csv&table=sheet', body);
    expect(sheet.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(sheet.body.replace(/^\ufeff/, '')).toBe(demoSheetToCsv(plan));
    // Fill the sheet: machine B is faster on every plot.
    const lines = demoSheetToCsv(plan).trim().split(/\r?\n/);
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
      'Затраты на га и на т (парк п',
      'Затраты по размеру парка',
      'Чувствительность',
      'Параметры и источники',
    ]);
    const costs = workbook.worksheets[0]!;
    expect(costs.getRow(1).getCell(3).value).toBe('долл./га');
    expect(typeof costs.getRow(2).getCell(3).value).toBe('number');
  });
});
