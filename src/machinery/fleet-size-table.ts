/**
 * Cost by fleet size: for each N, days needed and $/ha (machine, timeliness, total), at the
 * scenario's workable share and at an alternative one (the methods doc §8 sensitivity table).
 */
import { fleetCostAt } from './fleet-cost.ts';
import type { PlanInputs } from './plan-inputs.ts';
import { requireInteger, requireShare } from './validate.ts';
import { capacityOf } from './fleet-cost.ts';

export interface FleetSizeRow {
  machines: number;
  daysNeeded: number;
  machineUsdPerHa: number;
  timelinessUsdPerHa: number;
  totalUsdPerHa: number;
  meetsWindow: boolean;
  /** The same fleet when only `alternativeWorkableShare` of days are workable. */
  alternativeDaysNeeded: number;
  alternativeTotalUsdPerHa: number;
}

export interface FleetSizeTable {
  workableShare: number;
  alternativeWorkableShare: number;
  rows: FleetSizeRow[];
}

export function fleetSizeTable(
  inputs: PlanInputs,
  sizes: readonly number[],
  alternativeWorkableShare: number,
): FleetSizeTable {
  requireShare('alternativeWorkableShare', alternativeWorkableShare);
  const capacity = capacityOf(inputs);
  const alternative: PlanInputs = { ...inputs, workableShare: alternativeWorkableShare };
  const rows = sizes.map((machines) => {
    requireInteger('machines', machines, 1);
    const base = fleetCostAt(inputs, machines, capacity);
    const alt = fleetCostAt(alternative, machines, capacity);
    return {
      machines,
      daysNeeded: base.daysNeeded,
      machineUsdPerHa: base.usdPerHa.machine,
      timelinessUsdPerHa: base.usdPerHa.timeliness,
      totalUsdPerHa: base.usdPerHa.total,
      meetsWindow: base.meetsWindow,
      alternativeDaysNeeded: alt.daysNeeded,
      alternativeTotalUsdPerHa: alt.usdPerHa.total,
    };
  });
  return { workableShare: inputs.workableShare, alternativeWorkableShare, rows };
}
