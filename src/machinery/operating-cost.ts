/**
 * Annual operating cost of one machine:
 * repairs (F6/F7), fuel (F13 or an override in L/h), lubrication (F15: a share of fuel cost)
 * and labour (F16: labour factor * wage per machine hour).
 */
import { repairCostUsdPerYear, type RepairFactors } from './repair-cost.ts';
import { requireNonNegative, requirePositive } from './validate.ts';

export interface OperatingInput {
  listPriceUsd: number;
  repairFactors: RepairFactors;
  hoursPerYear: number;
  ownershipYears: number;
  /** Fuel burnt per machine hour; 0 for an implement (its tractor burns the fuel). */
  fuelLitresPerHour: number;
  fuelPriceUsdPerLitre: number;
  /** F15: lubrication as a share of fuel cost (0.15). */
  lubricationShareOfFuel: number;
  /** F16: operator hours per machine hour (1.1 tractors, 1.2 self-propelled); 0 for an implement. */
  labourFactor: number;
  wageUsdPerHour: number;
}

export interface OperatingCost {
  accumulatedHours: number;
  accumulatedRepairUsd: number;
  repairUsdPerYear: number;
  fuelLitresPerYear: number;
  fuelUsdPerYear: number;
  lubricationUsdPerYear: number;
  labourHoursPerYear: number;
  labourUsdPerYear: number;
  operatingUsdPerYear: number;
}

export function operatingCostUsdPerYear(input: OperatingInput): OperatingCost {
  requireNonNegative('fuelLitresPerHour', input.fuelLitresPerHour);
  requireNonNegative('fuelPriceUsdPerLitre', input.fuelPriceUsdPerLitre);
  requireNonNegative('lubricationShareOfFuel', input.lubricationShareOfFuel);
  requireNonNegative('labourFactor', input.labourFactor);
  requireNonNegative('wageUsdPerHour', input.wageUsdPerHour);
  requirePositive('ownershipYears', input.ownershipYears);
  const repair = repairCostUsdPerYear(
    input.listPriceUsd,
    input.repairFactors,
    input.hoursPerYear,
    input.ownershipYears,
  );
  const fuelLitresPerYear = input.fuelLitresPerHour * input.hoursPerYear;
  const fuelUsdPerYear = fuelLitresPerYear * input.fuelPriceUsdPerLitre;
  const lubricationUsdPerYear = input.lubricationShareOfFuel * fuelUsdPerYear;
  const labourHoursPerYear = input.labourFactor * input.hoursPerYear;
  const labourUsdPerYear = labourHoursPerYear * input.wageUsdPerHour;
  return {
    accumulatedHours: repair.accumulatedHours,
    accumulatedRepairUsd: repair.accumulatedRepairUsd,
    repairUsdPerYear: repair.repairUsdPerYear,
    fuelLitresPerYear,
    fuelUsdPerYear,
    lubricationUsdPerYear,
    labourHoursPerYear,
    labourUsdPerYear,
    operatingUsdPerYear: repair.repairUsdPerYear + fuelUsdPerYear + lubricationUsdPerYear + labourUsdPerYear,
  };
}
