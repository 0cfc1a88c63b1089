import { describe, expect, it } from 'vitest';
import { planStaff, staffPlaceholders } from '../../src/machinery/staff.ts';

describe('planStaff', () => {
  it('reproduces the example: 34 combines x 2 shifts x 1.1 -> 75 operators', () => {
    const plan = planStaff({ machines: 34, shifts: 2, reserveShare: 0.1 });
    const operators = plan.roles.find((r) => r.role === 'operator')!;
    expect(operators.people).toBe(75); // 74.8 rounded up
    // The placeholders, by hand: 34 / 8 -> 5 mechanics, 34 / 25 -> 2 engineers.
    expect(plan.roles.map((r) => [r.role, r.people])).toEqual([
      ['operator', 75],
      ['mechanic', 5],
      ['serviceEngineer', 2],
    ]);
    expect(plan.people).toBe(82);
    // 75 operators in groups of 12 -> 7 groups of 40 h at 8 h a day (5 days) = 35 days; 1 x 10; 1 x 15.
    expect(plan.roles.map((r) => r.trainingDays)).toEqual([35, 10, 15]);
    expect(plan.unconfirmedParameters.sort()).toEqual(
      [
        'groupSize',
        'hoursPerDay',
        'leadDays',
        'machinesPerMechanic',
        'machinesPerServiceEngineer',
        'trainingHours.mechanic',
        'trainingHours.operator',
        'trainingHours.serviceEngineer',
      ].sort(),
    );
    expect(plan.totalCost).toBeNull();
    expect(staffPlaceholders.groupSize.tag).toBe('M');
  });

  it('schedules the courses to end before the season and costs them with the user figures', () => {
    const plan = planStaff({
      machines: 34,
      shifts: 2,
      reserveShare: 0.1,
      seasonStart: '2027-07-20',
      leadDays: 10,
      costPerTraineeHour: 15,
      machinesPerMechanic: 10,
    });
    // 60 days of courses ending 10 days before 20 July: from 11 May to 9 July.
    expect(plan.trainingDays).toBe(35 + 5 * 2 + 15);
    expect(plan.roles[0]!.from).toBe('2027-05-11');
    expect(plan.roles.at(-1)!.to).toBe('2027-07-09');
    expect(plan.roles[1]).toMatchObject({ people: 4, from: '2027-06-15', to: '2027-06-24' });
    expect(plan.totalCost).toBe(75 * 40 * 15 + 4 * 80 * 15 + 2 * 120 * 15);
    expect(plan.parameters['machinesPerMechanic']).toMatchObject({ value: 10, tag: 'user' });
    expect(plan.unconfirmedParameters).not.toContain('leadDays');
  });

  it('refuses values outside their domain, naming the field', () => {
    expect(() => planStaff({ machines: 0, shifts: 2, reserveShare: 0.1 })).toThrow(/invalid machines/);
    expect(() => planStaff({ machines: 3, shifts: 4, reserveShare: 0.1 })).toThrow(/invalid shifts: 4/);
    expect(() => planStaff({ machines: 3, shifts: 1, reserveShare: 1.5 })).toThrow(/invalid reserveShare/);
    expect(() => planStaff({ machines: 3, shifts: 1, reserveShare: 0, seasonStart: '20 July' })).toThrow(
      /invalid seasonStart/,
    );
  });
});

describe('the staff of a fleet plan', () => {
  it('§8: 34 combines on 8-hour days, one shift, 10 % reserve [M]: 38 operators, 5 mechanics, 2 engineers', async () => {
    const { fleetResult, planFleet } = await import('../../src/machinery/index.ts');
    const { catalog, resolve, section8 } = await import('./helpers.ts');
    const result = fleetResult(planFleet(resolve(section8), catalog));
    expect(result.staff.shifts).toBe(1);
    expect(result.staff.reserveShare).toMatchObject({ value: 0.1, tag: 'M' });
    expect(result.staff.roles.map((r) => [r.role, r.people])).toEqual([
      ['operator', Math.ceil(34 * 1.1)],
      ['mechanic', Math.ceil(34 / 8)],
      ['serviceEngineer', Math.ceil(34 / 25)],
    ]);
    // A 14-hour harvest day needs two shifts of at most 10 h: 34 x 2 x 1.1 = 74.8, so 75 operators (the example).
    const long = fleetResult(planFleet(resolve({ ...section8, hoursPerDay: 14, windowDays: 6 }), catalog));
    expect(long.staff.shifts).toBe(2);
    expect(long.staff.roles[0]!.people).toBe(Math.ceil(long.plan.window.machines * 2 * 1.1 - 1e-9));
    // The fleet-size table and the sensitivity come with it, the default sizes around the window fleet.
    expect(result.fleetSizeTable.rows.map((r) => r.machines)).toContain(34);
  });
});
