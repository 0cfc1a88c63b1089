/**
 * (F6) Accumulated repair and maintenance cost: `AR(h) = LP * RF1 * (h / 1000)^RF2`.
 * (F7) Average over the ownership period: `R [$/yr] = AR(h_yr * n) / n`.
 * LP is the current list price, not the purchase price. Hours are divided by 1000 (DevTreks'
 * division by 500 is a bug the methods doc warns about).
 */
import { requireNonNegative, requirePositive } from './validate.ts';

export interface RepairFactors {
  rf1: number;
  rf2: number;
}

/** F6: accumulated R&M cost to `accumulatedHours`, USD. */
export function accumulatedRepairCostUsd(
  listPriceUsd: number,
  factors: RepairFactors,
  accumulatedHours: number,
): number {
  requireNonNegative('listPriceUsd', listPriceUsd);
  requireNonNegative('rf1', factors.rf1);
  requirePositive('rf2', factors.rf2);
  requireNonNegative('accumulatedHours', accumulatedHours);
  return listPriceUsd * factors.rf1 * (accumulatedHours / 1000) ** factors.rf2;
}

export interface RepairCost {
  /** h_yr * n: hours on the machine when it is sold. */
  accumulatedHours: number;
  /** F6 at the accumulated hours, USD. */
  accumulatedRepairUsd: number;
  /** F7: average R&M per year of ownership, USD/yr. */
  repairUsdPerYear: number;
  /** Accumulated R&M as a share of list price. */
  accumulatedRepairShareOfListPrice: number;
}

/** F7: average yearly R&M over `ownershipYears` at `hoursPerYear`. */
export function repairCostUsdPerYear(
  listPriceUsd: number,
  factors: RepairFactors,
  hoursPerYear: number,
  ownershipYears: number,
): RepairCost {
  requireNonNegative('hoursPerYear', hoursPerYear);
  requirePositive('ownershipYears', ownershipYears);
  const accumulatedHours = hoursPerYear * ownershipYears;
  const accumulatedRepairUsd = accumulatedRepairCostUsd(listPriceUsd, factors, accumulatedHours);
  return {
    accumulatedHours,
    accumulatedRepairUsd,
    repairUsdPerYear: accumulatedRepairUsd / ownershipYears,
    accumulatedRepairShareOfListPrice: listPriceUsd > 0 ? accumulatedRepairUsd / listPriceUsd : 0,
  };
}
