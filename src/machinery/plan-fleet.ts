/**
 * The fleet plan for one machine on one scenario: capacity (F1), the window-constrained fleet
 * (F2-F5) with its full cost (F6-F19), and the cost-minimising fleet (F20) next to it.
 * The result is a plain, JSON-serialisable object that shows every part and every parameter's tag.
 */
import { findCrop, type Catalog, type Machine, type Operation } from './catalog.ts';
import { capacityOf, fleetCostAt, type FleetCost } from './fleet-cost.ts';
import { machinesNeeded, type MachinesNeeded } from './fleet-size.ts';
import { costMinimisingFleet, type OptimalFleet } from './optimal-fleet.ts';
import { buildPlanInputs, type PlanInputs } from './plan-inputs.ts';
import type { ResolvedScenario, ScenarioPresetInfo } from './scenario.ts';
import { isUnconfirmed, type TaggedValue } from './tags.ts';
import { resolveUnit, type MachineUnit } from './unit.ts';

export interface MachineSummary {
  id: string;
  name: string;
  kind: Machine['kind'];
  origin: Machine['origin'];
  make?: string;
  model?: string;
  baseClassId?: string;
  /** D497 remaining-value coefficient row used. */
  remainingValueRow?: string;
  note?: string;
}

export interface FleetPlan {
  kind: 'karavan.machinery.fleet-plan';
  version: 1;
  cropId: string;
  cropName: string;
  operation: Operation;
  machine: MachineSummary;
  tractor?: MachineSummary;
  preset?: ScenarioPresetInfo;
  /** F1, ha/h, with its parts. */
  capacity: { haPerHour: number; speedKmh: number; widthM: number; fieldEfficiency: number; formula: string };
  /** F2 + F3 for the window. */
  window: MachinesNeeded & { windowDays: number; hoursPerDay: number; workableShare: number; formula: string };
  /** Costs with the window-constrained fleet. */
  windowFleet: FleetCost;
  /** F20, reported next to the window-constrained fleet. */
  costMinimisingFleet: OptimalFleet;
  /** Every parameter used, with its value, tag and source. */
  parameters: Record<string, TaggedValue>;
  /** Names of parameters tagged [M]: never to be read as verified. */
  unconfirmedParameters: string[];
  notes: string[];
  /** The numbers behind this plan (for sensitivity tables and comparisons). */
  inputs: PlanInputs;
}

export function summariseMachine(machine: Machine): MachineSummary {
  const summary: MachineSummary = { id: machine.id, name: machine.name, kind: machine.kind, origin: machine.origin };
  if (machine.make !== undefined) summary.make = machine.make;
  if (machine.model !== undefined) summary.model = machine.model;
  if (machine.baseClassId !== undefined) summary.baseClassId = machine.baseClassId;
  if (machine.remainingValue) summary.remainingValueRow = machine.remainingValue.row;
  if (machine.note !== undefined) summary.note = machine.note;
  return summary;
}

/** The plan for a machine unit on a resolved scenario. */
export function planFleetForUnit(scenario: ResolvedScenario, unit: MachineUnit, catalog: Catalog): FleetPlan {
  const crop = findCrop(catalog, scenario.cropId);
  const built = buildPlanInputs(scenario, unit, crop.timelinessLossSharePerDay[unit.machine.operation]);
  const { inputs } = built;
  const capacityHaPerHour = capacityOf(inputs);
  const needed = machinesNeeded({
    areaHa: inputs.areaHa,
    capacityHaPerHour,
    hoursPerDay: inputs.hoursPerDay,
    windowDays: inputs.windowDays,
    workableShare: inputs.workableShare,
  });
  const windowFleet = fleetCostAt(inputs, needed.machines, capacityHaPerHour);
  const optimum = costMinimisingFleet(inputs, capacityHaPerHour, needed.machines);
  const notes = [...built.notes];
  for (const m of windowFleet.perMachine) {
    if (m.exceedsLifeHours) {
      notes.push(
        `${m.machineId}: ${Math.round(m.operating.accumulatedHours)} h at sale exceed its estimated life of ${m.lifeHours} h; repairs are extrapolated past the D497 data (shorten ownershipYears or add machines).`,
      );
    }
  }
  if (optimum.machines < needed.machines) {
    notes.push(
      `The cost-minimising fleet (${optimum.machines}) is smaller than the window needs (${needed.machines}): with a linear K the window is a constraint (quality, weather risk), not an economic optimum.`,
    );
  }
  const unconfirmedParameters = Object.entries(built.parameters)
    .filter(([, value]) => isUnconfirmed(value.tag))
    .map(([name]) => name);
  if (unconfirmedParameters.length > 0) {
    notes.push(
      `${unconfirmedParameters.length} parameters are unconfirmed [M] (${unconfirmedParameters.join(', ')}): check them against D497.7 or local data before relying on the totals.`,
    );
  }
  const plan: FleetPlan = {
    kind: 'karavan.machinery.fleet-plan',
    version: 1,
    cropId: crop.id,
    cropName: crop.name,
    operation: unit.machine.operation,
    machine: summariseMachine(unit.machine),
    capacity: {
      haPerHour: capacityHaPerHour,
      speedKmh: inputs.speedKmh,
      widthM: inputs.widthM,
      fieldEfficiency: inputs.fieldEfficiency,
      formula: 'F1: C_e = v [km/h] * w [m] * E_f / 10',
    },
    window: {
      ...needed,
      windowDays: inputs.windowDays,
      hoursPerDay: inputs.hoursPerDay,
      workableShare: inputs.workableShare,
      formula: 'F2: A_m = C_e * G * D_w * pwd; F3: N = ceil(A / A_m)',
    },
    windowFleet,
    costMinimisingFleet: optimum,
    parameters: built.parameters,
    unconfirmedParameters,
    notes,
    inputs,
  };
  if (unit.tractor) plan.tractor = summariseMachine(unit.tractor);
  if (scenario.preset) plan.preset = scenario.preset;
  return plan;
}

/** The plan for the scenario's machine (and tractor). */
export function planFleet(scenario: ResolvedScenario, catalog: Catalog): FleetPlan {
  return planFleetForUnit(scenario, resolveUnit(catalog, scenario.machineId, scenario.tractorId), catalog);
}
