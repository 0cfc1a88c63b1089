/**
 * The fleet plan for one machine on one scenario: capacity (F1), the window-constrained fleet
 * (F2-F5) with its full cost (F6-F19), and the cost-minimising fleet (F20) next to it.
 * The result is a plain, JSON-serialisable object that shows every part and every parameter's tag.
 */
import { findCrop, type Catalog, type Machine, type Operation } from './catalog.ts';
import { capacityOf, fleetCostAt, type FleetCost } from './fleet-cost.ts';
import { machinesNeeded, type MachinesNeeded } from './fleet-size.ts';
import { costMinimisingFleet, type OptimalFleet } from './optimal-fleet.ts';
import { buildPlanInputs, type MeasuredRates, type PlanInputs } from './plan-inputs.ts';
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

export interface FleetPlanWarning {
  code: 'cost-above-grain-price' | 'area-per-machine-far-from-national' | 'window-not-met' | 'parameter-outside-range';
  message: string;
}

/** A fleet's hectares per machine this many times above or below the national figure gets a warning. */
export const nationalAreaPerMachineFactor = 3;

/**
 * Sanity checks of a plan (the planner issue's "implausible costs pass without a warning"): machine cost per tonne
 * above the grain's price; hectares per machine far from the national figure the preset's dated facts give
 * (harvest only: harvested area / combines registered); a fleet that does not finish within its window.
 */
export function fleetPlanWarnings(
  plan: Pick<FleetPlan, 'operation' | 'windowFleet' | 'preset'> & {
    inputs: { areaHa: number; grainPriceUsdPerT: number; windowDays: number };
  },
): FleetPlanWarning[] {
  const warnings: FleetPlanWarning[] = [];
  const costPerT = plan.windowFleet.usdPerT.total;
  const price = plan.inputs.grainPriceUsdPerT;
  if (price > 0 && costPerT > price)
    warnings.push({
      code: 'cost-above-grain-price',
      message: `the machinery costs ${costPerT.toFixed(2)} USD per tonne, more than the grain's price of ${price.toFixed(2)} USD per tonne: check the yield, the prices and the fleet`,
    });
  if (!plan.windowFleet.meetsWindow)
    warnings.push({
      code: 'window-not-met',
      message: `${plan.windowFleet.machines} machines need ${plan.windowFleet.daysNeeded.toFixed(1)} days, longer than the ${plan.inputs.windowDays}-day window`,
    });
  const facts = plan.preset?.context ?? [];
  const area = facts.find((f) => /harvested area/.test(f.measure) && f.unit === 'ha');
  const combines = facts.find((f) => /combine harvesters registered/.test(f.measure));
  if (plan.operation === 'harvest' && area && combines && combines.value > 0) {
    const national = area.value / combines.value;
    const ours = plan.inputs.areaHa / plan.windowFleet.machines;
    if (ours > national * nationalAreaPerMachineFactor || ours < national / nationalAreaPerMachineFactor)
      warnings.push({
        code: 'area-per-machine-far-from-national',
        message: `${Math.round(ours)} ha per combine, against ${Math.round(national)} nationally (${area.measure} ${area.asOf} / ${combines.measure} ${combines.asOf}): more than ${nationalAreaPerMachineFactor}x apart`,
      });
  }
  return warnings;
}

/** The parameters checked against their class's documented range (min..max of the catalog entry). */
export const rangeCheckedParameters = Object.freeze(['widthM', 'speedKmh', 'fieldEfficiency'] as const);

/**
 * A value the plan uses outside the documented range of the machine's class: a user's machine is checked against
 * the class it is based on (`baseClassId`), a class against its own range; a scenario's override of speed, width
 * or field efficiency likewise. The range is the catalog's min..max, whose tag and source the message repeats.
 */
export function parameterRangeWarnings(
  used: Pick<PlanInputs, (typeof rangeCheckedParameters)[number]>,
  machine: Machine,
  catalog: Catalog,
): FleetPlanWarning[] {
  const reference =
    machine.baseClassId !== undefined ? catalog.machines.find((m) => m.id === machine.baseClassId) : machine;
  if (!reference) return [];
  const warnings: FleetPlanWarning[] = [];
  for (const key of rangeCheckedParameters) {
    const range = reference[key];
    const value = used[key];
    if (!range || !(value < range.min || value > range.max)) continue;
    warnings.push({
      code: 'parameter-outside-range',
      message: `${key} ${value} is outside the documented range of ${reference.id}, ${range.min} to ${range.max} [${range.tag}] ${range.source}`,
    });
  }
  return warnings;
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
  /** Figures a reader should not take at face value: each with a stable code and the numbers behind it. */
  warnings: FleetPlanWarning[];
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
export function planFleetForUnit(
  scenario: ResolvedScenario,
  unit: MachineUnit,
  catalog: Catalog,
  measured?: MeasuredRates,
): FleetPlan {
  const crop = findCrop(catalog, scenario.cropId);
  const built = buildPlanInputs(scenario, unit, crop.timelinessLossSharePerDay[unit.machine.operation], measured);
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
      formula:
        inputs.measuredCapacityHaPerHour === undefined
          ? 'F1: C_e = v [km/h] * w [m] * E_f / 10'
          : `measured: C_e = worked area / machine hours on the field (${built.parameters.capacityHaPerHour!.source}), replaces F1`,
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
    warnings: [],
    inputs,
  };
  if (unit.tractor) plan.tractor = summariseMachine(unit.tractor);
  if (scenario.preset) plan.preset = scenario.preset;
  plan.warnings = [...fleetPlanWarnings(plan), ...parameterRangeWarnings(inputs, unit.machine, catalog)];
  return plan;
}

/** The plan for the scenario's machine (and tractor). */
export function planFleet(scenario: ResolvedScenario, catalog: Catalog): FleetPlan {
  return planFleetForUnit(scenario, resolveUnit(catalog, scenario.machineId, scenario.tractorId), catalog);
}
