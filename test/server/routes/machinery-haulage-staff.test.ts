/** POST /api/machinery/haulage and /staff: the contract examples, worked by hand, and bad bodies as 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haulageExample } from '../../support/haulage.ts';
import { testServer, type TestServer } from '../helpers.ts';

const example = haulageExample;

describe('machinery haulage and staff routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('haulage: cycle 19.14 min, 407.5 t per truck-hour, 9.17 trucks, so 10; fuel costed from the body', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/haulage',
      payload: { ...example, cost: { fuelLitresPerHour: 120, fuelPricePerLitre: 0.6 } },
    });
    expect(r.statusCode).toBe(200);
    const plan = JSON.parse(r.body);
    // By hand: 3 + 9 + 1 + 180/35 + 1 minutes; 130 * 60 / cycle; 20e6 / (t/h * 7000 * 0.85 * 0.9).
    const cycle = 3 + 9 + 1 + 180 / 35 + 1;
    expect(plan.cycle.totalMin).toBeCloseTo(cycle, 12);
    expect(plan.tonnesPerTruckHour).toBeCloseTo((130 * 60) / cycle, 9);
    expect(plan.trucksExact).toBeCloseTo(20e6 / (((130 * 60) / cycle) * 7000 * 0.85 * 0.9), 9);
    expect(plan.trucks).toBe(10);
    expect(plan.cost.perHour.fuel).toBeCloseTo(72, 12);
  });

  it('staff: 34 combines, 2 shifts, 10 % reserve -> 75 operators, the placeholders named', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/staff',
      payload: { machines: 34, shifts: 2, reserveShare: 0.1, seasonStart: '2027-07-20' },
    });
    expect(r.statusCode).toBe(200);
    const plan = JSON.parse(r.body);
    expect(plan.roles[0]).toMatchObject({ role: 'operator', people: Math.ceil(34 * 2 * 1.1) });
    expect(plan.unconfirmedParameters).toContain('machinesPerMechanic');
  });

  it('refuses bodies out of shape (400 naming the field) and out of domain (the core names it)', async () => {
    for (const [url, payload, field] of [
      ['/api/machinery/haulage', { ...example, availability: 1.5 }, 'availability'],
      ['/api/machinery/haulage', { ...example, payloadT: undefined }, 'payloadT'],
      ['/api/machinery/haulage', { ...example, extra: 1 }, 'extra'],
      ['/api/machinery/staff', { machines: 3, shifts: 4 }, 'shifts'],
      ['/api/machinery/staff', { machines: 3, shifts: 1, seasonStart: '20 July' }, 'seasonStart'],
    ] as const) {
      const r = await s.app.inject({ method: 'POST', url, payload });
      expect(r.statusCode, `${url} ${field}`).toBe(400);
      expect(JSON.parse(r.body).message, field).toContain(field);
    }
  });
});
