import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShowcaseSheet, planShowcase } from '../../../src/machinery/index.ts';
import { catalog, presets } from '../../machinery/helpers.ts';
import { testServer, type TestServer } from '../helpers.ts';

// The hand-computed case of test/machinery/showcase.test.ts: 7 one-day sets of 142.9 ha, plot blocks in sets 1-2.
const body = {
  areaHa: 1000,
  machineIds: ['combine-sp-9m', 'combine-sp-12m'],
  units: 2,
  replicates: 2,
  plotAreaHa: 10,
  hoursPerDay: 10,
  workableShare: 0.5,
  windowDays: 10,
  yieldTPerHa: 2,
};

describe('POST /api/machinery/showcase and compare with measuredSheet', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());
  const post = (url: string, payload: object) => s.app.inject({ method: 'POST', url, payload });

  it('answers with the core plan, as the CLI prints it with --json', async () => {
    const r = await post('/api/machinery/showcase', body);
    expect(r.statusCode).toBe(200);
    const plan = JSON.parse(r.body);
    expect(plan.sets).toBe(7);
    expect(plan.workingDays).toBe(7);
    expect(plan.visitorDays.map((v: { day: number }) => v.day)).toEqual([1, 4, 7]);
    expect(plan).toEqual(JSON.parse(JSON.stringify(planShowcase(body, { catalog, presets }))));
  });

  it('format=xlsx is the workbook of --out sheet.xlsx; format=csv&table=blocks reads back as a block sheet', async () => {
    const x = await post('/api/machinery/showcase?format=xlsx', body);
    expect(x.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(6);
    const csv = await post('/api/machinery/showcase?format=csv&table=blocks', body);
    expect(csv.statusCode).toBe(200);
    // Headed by the English labels; the reader knows them.
    expect(csv.body).toContain('Machine hours (all units)');
    const rows = parseShowcaseSheet(csv.body.replace(/^\ufeff/, ''), 'download.csv');
    expect(rows).toHaveLength(14);
    expect(rows[0]!.units).toBe(2);
  });

  it('compare takes the filled sheet and replaces the catalog rates, tagged measured', async () => {
    const sheet =
      'block_id,machine_id,worked_area_ha,machine_hours,fuel_litres,grain_t,grain_loss_kg_per_ha,moisture_pct,broken_grain_pct,dockage_pct,downtime_hours\n' +
      'S1-B1,combine-sp-9m,100,25,1500,,,,,,\nS1-B2,combine-sp-12m,120,20,2000,,,,,,\n';
    const r = await post('/api/machinery/compare', {
      scenario: { areaHa: 10000, windowDays: 20 },
      a: { machineId: 'combine-sp-9m' },
      b: { machineId: 'combine-sp-12m' },
      measuredSheet: sheet,
    });
    expect(r.statusCode).toBe(200);
    const c = JSON.parse(r.body);
    // 100 / 25 = 4 ha/h and 120 / 20 = 6 ha/h; 15 and 16.67 L/ha.
    expect(c.a).toMatchObject({ capacityHaPerHour: 4, capacitySource: 'measured' });
    expect(c.b.capacityHaPerHour).toBeCloseTo(6, 12);
    expect(c.b.measured.fuelLitresPerHa.value).toBeCloseTo(2000 / 120, 12);
    expect(c.plans.a.parameters.capacityHaPerHour.tag).toBe('measured');
    const neither = await post('/api/machinery/compare', {
      scenario: { areaHa: 10000 },
      a: { machineId: 'combine-sp-7m' },
      b: { machineId: 'combine-sp-12m' },
      measuredSheet: sheet.replace(/combine-sp-12m/g, 'x'),
    });
    expect(neither.statusCode).toBe(400);
    expect(JSON.parse(neither.body).message).toMatch(/has neither combine-sp-7m nor combine-sp-12m/);
  });

  it('refuses bad input with 400 naming the field, unknown machines with 404', async () => {
    const split = await post('/api/machinery/showcase', { ...body, split: 'half' });
    expect(split.statusCode).toBe(400);
    const units = await post('/api/machinery/showcase', { ...body, units: [1, 2, 3] });
    expect(units.statusCode).toBe(400);
    expect(JSON.parse(units.body)).toMatchObject({ code: 'KRV_MACH_BAD_INPUT', column: 'units' });
    const unknown = await post('/api/machinery/showcase', { ...body, machineIds: ['combine-sp-9m', 'combine-xyz'] });
    expect(unknown.statusCode).toBe(404);
  });
});
