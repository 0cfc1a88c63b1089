/**
 * (F20) The cost-minimising fleet: the N that minimises N * (annual machine cost) + TC(N).
 * Ownership grows with N, timeliness falls as 1/N. Found by scanning N (costs are cheap), and
 * reported next to the closed-form approximation `N* ~ sqrt(K Y V A^2 / (Z G pwd C_e c_m))`,
 * which holds c_m (one unit's ownership cost per year) fixed and so ignores that repairs and
 * salvage depend on hours per machine.
 */
import { fleetCostAt, type FleetCost } from './fleet-cost.ts';
import type { PlanInputs } from './plan-inputs.ts';
import { requireInteger } from './validate.ts';

export interface OptimalFleet {
  machines: number;
  cost: FleetCost;
  /** Whether this fleet also finishes inside the window (often it does not: the window is then a constraint). */
  meetsWindow: boolean;
  /** Range of N scanned. */
  searchedFromMachines: number;
  searchedToMachines: number;
  /** F20 closed-form approximation, with c_m = ownership of one unit at the optimum. */
  approximateMachines: number;
  /** The c_m used in the approximation, USD/yr. */
  approximationUnitOwnershipUsdPerYear: number;
}

/** Largest N scanned. */
export const maxScannedMachines = 100_000;

export function costMinimisingFleet(
  inputs: PlanInputs,
  capacityHaPerHour: number,
  windowMachines: number,
): OptimalFleet {
  requireInteger('windowMachines', windowMachines, 1);
  let upper = Math.min(maxScannedMachines, Math.max(10, 2 * windowMachines));
  let best = fleetCostAt(inputs, 1, capacityHaPerHour);
  let n = 2;
  for (;;) {
    for (; n <= upper; n++) {
      const cost = fleetCostAt(inputs, n, capacityHaPerHour);
      if (cost.usdPerYear.total < best.usdPerYear.total) best = cost;
    }
    // Keep going while the best N sits in the top half of the range scanned.
    if (best.machines * 2 <= upper || upper >= maxScannedMachines) break;
    upper = Math.min(maxScannedMachines, upper * 2);
  }
  const unitOwnership = best.perMachine.reduce((total, m) => total + m.ownership.ownershipUsdPerYear, 0);
  const numerator =
    inputs.timelinessLossSharePerDay * inputs.yieldTPerHa * inputs.grainPriceUsdPerT * inputs.areaHa ** 2;
  const denominator = inputs.zDivisor * inputs.hoursPerDay * inputs.workableShare * capacityHaPerHour * unitOwnership;
  return {
    machines: best.machines,
    cost: best,
    meetsWindow: best.meetsWindow,
    searchedFromMachines: 1,
    searchedToMachines: upper,
    approximateMachines: denominator > 0 ? Math.sqrt(numerator / denominator) : 0,
    approximationUnitOwnershipUsdPerYear: unitOwnership,
  };
}
