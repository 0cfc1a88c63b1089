/**
 * Head-to-head comparison of two machines on the same scenario: each gets its own window fleet
 * (F3) and cost (F17 + F19); the cheaper total $/ha wins. The break-even list price is the
 * price at which a machine's total $/ha equals the other's: cost is linear in list price at a
 * fixed fleet (ownership, salvage and repairs all scale with it), so it is exact.
 */
import type { Catalog } from './catalog.ts';
import { fleetCostAt } from './fleet-cost.ts';
import { planFleetForUnit, type FleetPlan } from './plan-fleet.ts';
import type { MeasuredRates, PlanInputs } from './plan-inputs.ts';
import type { ResolvedScenario } from './scenario.ts';
import type { TaggedValue } from './tags.ts';
import { withParameter } from './sensitivity.ts';
import { resolveUnit } from './unit.ts';

export interface CompareSide {
  machineId: string;
  tractorId?: string;
  /** Rates measured in a demonstration: they replace the catalog's capacity (F1) and fuel (F13). */
  measured?: MeasuredRates;
}

export interface ComparisonSide {
  machineId: string;
  name: string;
  tractorId?: string;
  listPriceUsd: number;
  capacityHaPerHour: number;
  /** Where the capacity comes from: [measured] on the field, or F1 from speed, width and efficiency (weakest tag). */
  capacitySource: 'measured' | 'F1';
  /** The measured rates used, as given (each tagged [measured] with its sums and sheet). */
  measured?: { haPerHour?: TaggedValue; fuelLitresPerHa?: TaggedValue };
  machines: number;
  daysNeeded: number;
  machineUsdPerHa: number;
  timelinessUsdPerHa: number;
  totalUsdPerHa: number;
  totalUsdPerT: number;
  totalUsdPerYear: number;
  costMinimisingMachines: number;
  costMinimisingTotalUsdPerHa: number;
  /** List price at which this machine's total $/ha equals the other's (null if even 0 is not enough). */
  breakEvenListPriceUsd: number | null;
  /** breakEvenListPriceUsd - listPriceUsd: how much more (or, if negative, less) it could cost and still tie. */
  listPriceHeadroomUsd: number | null;
  /** d(total $/ha) / d(list price): the $/ha one more dollar of list price adds. */
  usdPerHaPerListPriceUsd: number;
}

export interface MachineComparison {
  kind: 'karavan.machinery.comparison';
  version: 1;
  cropId: string;
  areaHa: number;
  windowDays: number;
  a: ComparisonSide;
  b: ComparisonSide;
  /** 'tie' when totals differ by less than $0.005/ha. */
  winner: 'a' | 'b' | 'tie';
  winnerMachineId: string | null;
  /** Loser's total $/ha minus the winner's. */
  marginUsdPerHa: number;
  marginUsdPerT: number;
  /** Over the whole area per year. */
  marginUsdPerYear: number;
  /** Margin as a share of the loser's total $/ha. */
  marginShare: number;
  /** List price of B at which B ties A, minus A's list price: the premium B can carry over A. */
  breakEvenListPriceDifferenceUsd: number | null;
  plans: { a: FleetPlan; b: FleetPlan };
  notes: string[];
}

function totalAtWindowFleet(inputs: PlanInputs, machines: number): number {
  return fleetCostAt(inputs, machines).usdPerHa.total;
}

function side(plan: FleetPlan, otherTotalUsdPerHa: number): ComparisonSide {
  const inputs = plan.inputs;
  const listPriceUsd = inputs.costed[0]!.listPriceUsd;
  const machines = plan.window.machines;
  const total = plan.windowFleet.usdPerHa.total;
  const probe = totalAtWindowFleet(withParameter(inputs, 'listPriceUsd', listPriceUsd * 2), machines);
  const slope = (probe - total) / listPriceUsd;
  const breakEven = slope > 0 ? listPriceUsd + (otherTotalUsdPerHa - total) / slope : null;
  const valid = breakEven !== null && breakEven > 0 ? breakEven : null;
  const result: ComparisonSide = {
    machineId: plan.machine.id,
    name: plan.machine.name,
    listPriceUsd,
    capacityHaPerHour: plan.capacity.haPerHour,
    capacitySource: plan.inputs.measuredCapacityHaPerHour === undefined ? 'F1' : 'measured',
    machines,
    daysNeeded: plan.windowFleet.daysNeeded,
    machineUsdPerHa: plan.windowFleet.usdPerHa.machine,
    timelinessUsdPerHa: plan.windowFleet.usdPerHa.timeliness,
    totalUsdPerHa: total,
    totalUsdPerT: plan.windowFleet.usdPerT.total,
    totalUsdPerYear: plan.windowFleet.usdPerYear.total,
    costMinimisingMachines: plan.costMinimisingFleet.machines,
    costMinimisingTotalUsdPerHa: plan.costMinimisingFleet.cost.usdPerHa.total,
    breakEvenListPriceUsd: valid,
    listPriceHeadroomUsd: valid === null ? null : valid - listPriceUsd,
    usdPerHaPerListPriceUsd: slope,
  };
  if (plan.tractor) result.tractorId = plan.tractor.id;
  return result;
}

function withMeasured(side: ComparisonSide, measured: MeasuredRates | undefined): ComparisonSide {
  if (!measured || (!measured.haPerHour && !measured.fuelLitresPerHa)) return side;
  return {
    ...side,
    measured: {
      ...(measured.haPerHour && { haPerHour: measured.haPerHour }),
      ...(measured.fuelLitresPerHa && { fuelLitresPerHa: measured.fuelLitresPerHa }),
    },
  };
}

export function compareMachines(
  scenario: ResolvedScenario,
  catalog: Catalog,
  a: CompareSide,
  b: CompareSide,
): MachineComparison {
  const planA = planFleetForUnit(
    { ...scenario, machineId: a.machineId },
    resolveUnit(catalog, a.machineId, a.tractorId),
    catalog,
    a.measured,
  );
  const planB = planFleetForUnit(
    { ...scenario, machineId: b.machineId },
    resolveUnit(catalog, b.machineId, b.tractorId),
    catalog,
    b.measured,
  );
  const totalA = planA.windowFleet.usdPerHa.total;
  const totalB = planB.windowFleet.usdPerHa.total;
  const sideA = withMeasured(side(planA, totalB), a.measured);
  const sideB = withMeasured(side(planB, totalA), b.measured);
  const difference = totalA - totalB;
  const winner = Math.abs(difference) < 0.005 ? 'tie' : difference > 0 ? 'b' : 'a';
  const loserTotal = Math.max(totalA, totalB);
  const yieldTPerHa = planA.inputs.yieldTPerHa;
  const notes: string[] = [];
  if (planA.operation !== planB.operation)
    notes.push(
      `The machines do different operations (${planA.operation} vs ${planB.operation}): the comparison is of cost only.`,
    );
  notes.push(
    'Both machines are sized to finish inside the same window; each gets its own fleet (F3). Break-even prices hold that fleet fixed.',
  );
  for (const s of [sideA, sideB]) {
    if (!s.measured) continue;
    const parts = [
      s.measured.haPerHour && `capacity ${s.measured.haPerHour.value.toFixed(3)} ha/h (${s.measured.haPerHour.source})`,
      s.measured.fuelLitresPerHa &&
        `fuel ${s.measured.fuelLitresPerHa.value.toFixed(2)} L/ha (${s.measured.fuelLitresPerHa.source})`,
    ].filter(Boolean);
    notes.push(`${s.machineId}: measured rates replace the catalog's [measured]: ${parts.join('; ')}.`);
  }
  const measuredOnOneSide = Boolean(sideA.measured?.haPerHour) !== Boolean(sideB.measured?.haPerHour);
  if (measuredOnOneSide)
    notes.push(
      'Only one machine has a measured capacity: the other keeps its catalog F1 rate, so the comparison mixes a field measurement with a catalog figure.',
    );
  const unconfirmed = new Set([...planA.unconfirmedParameters, ...planB.unconfirmedParameters]);
  if (unconfirmed.size > 0)
    notes.push(
      `Unconfirmed [M] parameters enter both sides (${[...unconfirmed].join(', ')}); differences driven by them are not verified.`,
    );
  return {
    kind: 'karavan.machinery.comparison',
    version: 1,
    cropId: planA.cropId,
    areaHa: planA.inputs.areaHa,
    windowDays: planA.inputs.windowDays,
    a: sideA,
    b: sideB,
    winner,
    winnerMachineId: winner === 'tie' ? null : winner === 'a' ? sideA.machineId : sideB.machineId,
    marginUsdPerHa: Math.abs(difference),
    marginUsdPerT: Math.abs(difference) / yieldTPerHa,
    marginUsdPerYear: Math.abs(difference) * planA.inputs.areaHa,
    marginShare: loserTotal > 0 ? Math.abs(difference) / loserTotal : 0,
    breakEvenListPriceDifferenceUsd:
      sideB.breakEvenListPriceUsd === null ? null : sideB.breakEvenListPriceUsd - sideA.listPriceUsd,
    plans: { a: planA, b: planB },
    notes,
  };
}
