/**
 * Cost of a fleet of N units for one season: per machine (ownership F9-F12, operating F6/F7,
 * F13, F15, F16), for the fleet, timeliness (F19), and per hectare and per tonne (F17).
 * Every total is the sum of the parts listed next to it.
 */
import { hoursPerYearPerMachine } from './annual-use.ts';
import { effectiveFieldCapacityHaPerHour } from './capacity.ts';
import { daysNeeded } from './days-needed.ts';
import { operatingCostUsdPerYear, type OperatingCost } from './operating-cost.ts';
import { ownershipCostUsdPerYear, type OwnershipCost } from './ownership-cost.ts';
import type { PlanInputs } from './plan-inputs.ts';
import { timelinessCostUsd, type TimelinessCost } from './timeliness.ts';
import { requireInteger } from './validate.ts';

export interface MachineYearCost {
  role: 'machine' | 'tractor';
  machineId: string;
  listPriceUsd: number;
  purchasePriceUsd: number;
  lifeHours: number;
  /** Accumulated hours at sale exceed the estimated life: R&M is extrapolated past the D497 data. */
  exceedsLifeHours: boolean;
  ownership: OwnershipCost;
  operating: OperatingCost;
  /** ownership + operating, USD/yr. */
  totalUsdPerYear: number;
}

/** One cost split into its parts; `total` is their sum. */
export interface CostParts {
  ownership: number;
  repair: number;
  fuel: number;
  lubrication: number;
  labour: number;
  /** ownership + repair + fuel + lubrication + labour. */
  machine: number;
  timeliness: number;
  /** machine + timeliness. */
  total: number;
}

export interface FleetCost {
  machines: number;
  capacityHaPerHour: number;
  /** F4. */
  hoursPerYearPerMachine: number;
  /** F5 at the scenario's workable share. */
  daysNeeded: number;
  meetsWindow: boolean;
  /** One unit's machines (the machine, and its tractor if towed), USD/yr each. */
  perMachine: MachineYearCost[];
  /** All machines of one unit, USD/yr. */
  unitUsdPerYear: number;
  timeliness: TimelinessCost;
  usdPerYear: CostParts;
  usdPerHa: CostParts;
  /** Per tonne harvested (area x yield). */
  usdPerT: CostParts;
}

function scale(parts: CostParts, divisor: number): CostParts {
  return {
    ownership: parts.ownership / divisor,
    repair: parts.repair / divisor,
    fuel: parts.fuel / divisor,
    lubrication: parts.lubrication / divisor,
    labour: parts.labour / divisor,
    machine: parts.machine / divisor,
    timeliness: parts.timeliness / divisor,
    total: parts.total / divisor,
  };
}

export function capacityOf(inputs: PlanInputs): number {
  // A capacity measured on the field replaces F1 (its speed, width and efficiency are then only descriptive).
  if (inputs.measuredCapacityHaPerHour !== undefined) return inputs.measuredCapacityHaPerHour;
  return effectiveFieldCapacityHaPerHour({
    speedKmh: inputs.speedKmh,
    widthM: inputs.widthM,
    fieldEfficiency: inputs.fieldEfficiency,
  });
}

/** Costs of `machines` units covering the scenario's area. */
export function fleetCostAt(
  inputs: PlanInputs,
  machines: number,
  capacityHaPerHour: number = capacityOf(inputs),
): FleetCost {
  requireInteger('machines', machines, 1);
  const hoursPerYear = hoursPerYearPerMachine(inputs.areaHa, machines, capacityHaPerHour);
  const days = daysNeeded(inputs.areaHa, machines, capacityHaPerHour, inputs.hoursPerDay, inputs.workableShare);
  const perMachine = inputs.costed.map((m): MachineYearCost => {
    const accumulatedHours = hoursPerYear * inputs.ownershipYears;
    const ownership = ownershipCostUsdPerYear({
      listPriceUsd: m.listPriceUsd,
      purchasePriceUsd: m.purchasePriceUsd,
      ownershipYears: inputs.ownershipYears,
      accumulatedHours,
      realInterestRate: inputs.realInterestRate,
      taxesInsuranceHousingShare: inputs.taxesInsuranceHousingShare,
      remainingValue: m.remainingValue,
    });
    const operating = operatingCostUsdPerYear({
      listPriceUsd: m.listPriceUsd,
      repairFactors: { rf1: m.repairFactor1, rf2: m.repairFactor2 },
      hoursPerYear,
      ownershipYears: inputs.ownershipYears,
      fuelLitresPerHour: m.fuelLitresPerHour,
      fuelPriceUsdPerLitre: inputs.fuelPriceUsdPerLitre,
      lubricationShareOfFuel: inputs.lubricationShareOfFuel,
      labourFactor: m.labourFactor,
      wageUsdPerHour: inputs.wageUsdPerHour,
    });
    return {
      role: m.role,
      machineId: m.machineId,
      listPriceUsd: m.listPriceUsd,
      purchasePriceUsd: m.purchasePriceUsd,
      lifeHours: m.lifeHours,
      exceedsLifeHours: accumulatedHours > m.lifeHours,
      ownership,
      operating,
      totalUsdPerYear: ownership.ownershipUsdPerYear + operating.operatingUsdPerYear,
    };
  });
  const sum = (pick: (m: MachineYearCost) => number) => machines * perMachine.reduce((total, m) => total + pick(m), 0);
  const timeliness = timelinessCostUsd({
    lossSharePerDay: inputs.timelinessLossSharePerDay,
    yieldTPerHa: inputs.yieldTPerHa,
    grainPriceUsdPerT: inputs.grainPriceUsdPerT,
    areaHa: inputs.areaHa,
    daysNeeded: days,
    zDivisor: inputs.zDivisor,
  });
  const ownership = sum((m) => m.ownership.ownershipUsdPerYear);
  const repair = sum((m) => m.operating.repairUsdPerYear);
  const fuel = sum((m) => m.operating.fuelUsdPerYear);
  const lubrication = sum((m) => m.operating.lubricationUsdPerYear);
  const labour = sum((m) => m.operating.labourUsdPerYear);
  const machine = ownership + repair + fuel + lubrication + labour;
  const usdPerYear: CostParts = {
    ownership,
    repair,
    fuel,
    lubrication,
    labour,
    machine,
    timeliness: timeliness.timelinessUsdPerYear,
    total: machine + timeliness.timelinessUsdPerYear,
  };
  return {
    machines,
    capacityHaPerHour,
    hoursPerYearPerMachine: hoursPerYear,
    daysNeeded: days,
    meetsWindow: days <= inputs.windowDays * (1 + 1e-9),
    perMachine,
    unitUsdPerYear: perMachine.reduce((total, m) => total + m.totalUsdPerYear, 0),
    timeliness,
    usdPerYear,
    usdPerHa: scale(usdPerYear, inputs.areaHa),
    usdPerT: scale(usdPerYear, inputs.areaHa * inputs.yieldTPerHa),
  };
}
