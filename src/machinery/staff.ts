/**
 * Staff and training for a fleet ("подготовка кадров"): how many operators, mechanics and service engineers a fleet
 * needs, how many training hours each role takes, a schedule that ends before the season, and its cost.
 *
 *   (S1) operators = ⌈ machines · shifts · (1 + reserve share) ⌉     (34 combines · 2 shifts · 1.1 = 74.8 → 75)
 *   (S2) mechanics = ⌈ machines / machines per mechanic ⌉; service engineers = ⌈ machines / machines per engineer ⌉
 *   (S3) training: each role in groups of at most `groupSize`, `hours` each at `hoursPerDay`, one group after
 *        another; the last group ends `leadDays` before the season starts
 *   (S4) cost = trainees · hours · cost per trainee-hour, by role
 *
 * The ratios and hours are placeholders tagged [M] (Karavan's assumptions, no retrieved source) unless the user
 * gives them ([user]); every output shows the tag beside the number. Pure. docs/machinery.md § Staff and training.
 */
import { MachineryInputError } from '../errors.ts';
import { tagged, type TaggedValue } from './tags.ts';
import { requireInteger, requireNonNegative, requirePositive, requireShareOrZero } from './validate.ts';

export type StaffRole = 'operator' | 'mechanic' | 'serviceEngineer';

/** Karavan's placeholders: unconfirmed ([M]); replace with the maker's or the farm's own figures. */
export const staffPlaceholders = Object.freeze({
  machinesPerMechanic: tagged(
    8,
    'M',
    'Karavan placeholder: one mechanic per 8 machines in season; no retrieved source',
  ),
  machinesPerServiceEngineer: tagged(25, 'M', "Karavan placeholder: one dealer's service engineer per 25 machines"),
  trainingHours: {
    operator: tagged(40, 'M', 'Karavan placeholder: a one-week operator course'),
    mechanic: tagged(80, 'M', 'Karavan placeholder: a two-week mechanic course'),
    serviceEngineer: tagged(120, 'M', 'Karavan placeholder: a three-week service-engineer course'),
  },
  groupSize: tagged(12, 'M', 'Karavan placeholder: trainees per group on one machine'),
  hoursPerDay: tagged(8, 'M', 'Karavan placeholder: training hours a day'),
  leadDays: tagged(14, 'M', 'Karavan placeholder: days between the last course and the season'),
  /** For the staff plan of a fleet: a shift's length (shifts = working hours a day / this, rounded up). */
  shiftHours: tagged(10, 'M', 'Karavan placeholder: an operator works at most 10 h a shift in harvest'),
  /** For the staff plan of a fleet: operators in reserve for leave and sickness. */
  reserveShare: tagged(0.1, 'M', 'Karavan placeholder: one operator in reserve per ten on shift'),
});

export interface StaffInput {
  machines: number;
  shifts: number;
  /** Operators in reserve (leave, sickness) as a share of those on shift, in [0, 1). */
  reserveShare: number;
  machinesPerMechanic?: number;
  machinesPerServiceEngineer?: number;
  trainingHours?: Partial<Record<StaffRole, number>>;
  groupSize?: number;
  hoursPerDay?: number;
  leadDays?: number;
  /** First day of the season (YYYY-MM-DD), for the schedule. */
  seasonStart?: string;
  /** Training cost per trainee-hour, in the user's currency: without it the training is not costed. */
  costPerTraineeHour?: number;
}

export interface StaffRolePlan {
  role: StaffRole;
  people: number;
  formula: string;
  trainingHours: TaggedValue;
  groups: number;
  trainingDays: number;
  /** Dates of the role's courses (YYYY-MM-DD), when a season start is given. */
  from: string | null;
  to: string | null;
  cost: number | null;
}

export interface StaffPlan {
  roles: StaffRolePlan[];
  people: number;
  trainingDays: number;
  totalCost: number | null;
  parameters: Record<string, TaggedValue>;
  /** Names of the [M] parameters used. */
  unconfirmedParameters: string[];
}

const dayMs = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function planStaff(input: StaffInput): StaffPlan {
  const machines = requireInteger('machines', input.machines, 1);
  const shifts = requireInteger('shifts', input.shifts, 1);
  if (shifts > 3)
    throw new MachineryInputError(`invalid shifts: ${shifts} (at most 3 a day)`, {
      column: 'shifts',
      value: `${shifts}`,
    });
  const reserveShare = requireShareOrZero('reserveShare', input.reserveShare);
  const given = (
    name: string,
    value: number | undefined,
    placeholder: TaggedValue,
    check: (n: string, v: number) => number,
  ) => (value === undefined ? placeholder : tagged(check(name, value), 'user', 'given by the user'));
  const parameters: Record<string, TaggedValue> = {
    machinesPerMechanic: given(
      'machinesPerMechanic',
      input.machinesPerMechanic,
      staffPlaceholders.machinesPerMechanic,
      requirePositive,
    ),
    machinesPerServiceEngineer: given(
      'machinesPerServiceEngineer',
      input.machinesPerServiceEngineer,
      staffPlaceholders.machinesPerServiceEngineer,
      requirePositive,
    ),
    groupSize: given('groupSize', input.groupSize, staffPlaceholders.groupSize, (n, v) => requireInteger(n, v, 1)),
    hoursPerDay: given('hoursPerDay', input.hoursPerDay, staffPlaceholders.hoursPerDay, requirePositive),
    leadDays: given('leadDays', input.leadDays, staffPlaceholders.leadDays, requireNonNegative),
  };
  const hours = (role: StaffRole) =>
    given(`trainingHours.${role}`, input.trainingHours?.[role], staffPlaceholders.trainingHours[role], requirePositive);
  const cost =
    input.costPerTraineeHour === undefined ? null : requireNonNegative('costPerTraineeHour', input.costPerTraineeHour);
  let season: number | null = null;
  if (input.seasonStart !== undefined) {
    season = Date.parse(`${input.seasonStart}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.seasonStart) || !Number.isFinite(season))
      throw new MachineryInputError(`invalid seasonStart: ${input.seasonStart} (a date, YYYY-MM-DD)`, {
        column: 'seasonStart',
        value: input.seasonStart,
      });
  }

  const counts: [StaffRole, number, string][] = [
    [
      'operator',
      Math.ceil(machines * shifts * (1 + reserveShare) - 1e-9),
      `S1: ⌈${machines} · ${shifts} · (1 + ${reserveShare})⌉`,
    ],
    [
      'mechanic',
      Math.ceil(machines / parameters['machinesPerMechanic']!.value - 1e-9),
      `S2: ⌈${machines} / ${parameters['machinesPerMechanic']!.value}⌉`,
    ],
    [
      'serviceEngineer',
      Math.ceil(machines / parameters['machinesPerServiceEngineer']!.value - 1e-9),
      `S2: ⌈${machines} / ${parameters['machinesPerServiceEngineer']!.value}⌉`,
    ],
  ];
  const groupSize = parameters['groupSize']!.value;
  const hoursPerDay = parameters['hoursPerDay']!.value;
  const planned = counts.map(([role, people, formula]) => {
    const trainingHours = hours(role);
    const groups = Math.ceil(people / groupSize);
    const trainingDays = groups * Math.ceil(trainingHours.value / hoursPerDay);
    return {
      role,
      people,
      formula,
      trainingHours,
      groups,
      trainingDays,
      cost: cost === null ? null : people * trainingHours.value * cost,
    };
  });
  // S3: courses one after another, the last ending leadDays before the season.
  const trainingDays = planned.reduce((sum, r) => sum + r.trainingDays, 0);
  let cursor = season === null ? null : season - (parameters['leadDays']!.value + trainingDays) * dayMs;
  const roles: StaffRolePlan[] = planned.map((r) => {
    if (cursor === null) return { ...r, from: null, to: null };
    const from = cursor;
    cursor += r.trainingDays * dayMs;
    return { ...r, from: isoDate(from), to: isoDate(cursor - dayMs) };
  });
  for (const r of roles) parameters[`trainingHours.${r.role}`] = r.trainingHours;
  return {
    roles,
    people: roles.reduce((sum, r) => sum + r.people, 0),
    trainingDays,
    totalCost: cost === null ? null : roles.reduce((sum, r) => sum + r.cost!, 0),
    parameters,
    unconfirmedParameters: Object.entries(parameters)
      .filter(([, v]) => v.tag === 'M')
      .map(([k]) => k),
  };
}
