/**
 * Replacement demand for a national fleet of one kind of machine: how many units a year the country must buy to
 * keep its fleet, from dated facts (fleet size, the share past a service-life limit, the observed renewal rate).
 *
 *   (R1) at the observed renewal rate: fleet · rate                       (42,000 combines · 5.5 % = 2,310 a year)
 *   (R2) to hold the fleet's age at the limit: fleet / limit years         (42,000 / 17 = 2,471 a year)
 *   (R3) the backlog past the limit: fleet · share older than the limit   (42,000 · 46 % = 19,320 units)
 *   (R4) to clear the backlog in N years on top of R2: R2 + R3 / N
 *
 * Each figure says which facts it used. Pure; the facts come from data/machinery/presets.json (dated, sourced).
 * docs/machinery.md § Market size.
 */
import { findFact, type PresetCatalog, type PresetFact } from './presets.ts';
import { requireInteger, requirePositive, requireShareOrZero } from './validate.ts';

export interface ReplacementDemandInput {
  fleetUnits: number;
  /** Observed renewal rate, a share a year (0.055 for 5.5 %). */
  renewalRatePerYear: number;
  /** Share of the fleet older than `limitYears`, in [0, 1]. */
  shareOverLimit: number;
  /** The service-life limit the age share refers to, years. */
  limitYears: number;
  /** Years in which to clear the backlog (R4). @default 10 */
  clearBacklogYears?: number;
}

export interface ReplacementDemand {
  atObservedRateUnitsPerYear: number;
  toHoldAgeUnitsPerYear: number;
  backlogUnits: number;
  toClearBacklogUnitsPerYear: number;
  clearBacklogYears: number;
  formulas: string[];
}

export function replacementDemand(input: ReplacementDemandInput): ReplacementDemand {
  const fleet = requirePositive('fleetUnits', input.fleetUnits);
  const rate = requireShareOrZero('renewalRatePerYear', input.renewalRatePerYear);
  const over = requireShareOrZero('shareOverLimit', input.shareOverLimit);
  const limit = requirePositive('limitYears', input.limitYears);
  const years = requireInteger('clearBacklogYears', input.clearBacklogYears ?? 10, 1);
  const toHold = fleet / limit;
  const backlog = fleet * over;
  return {
    atObservedRateUnitsPerYear: fleet * rate,
    toHoldAgeUnitsPerYear: toHold,
    backlogUnits: backlog,
    toClearBacklogUnitsPerYear: toHold + backlog / years,
    clearBacklogYears: years,
    formulas: [
      `R1: ${fleet} · ${rate} = ${Math.round(fleet * rate)} a year at the observed renewal rate`,
      `R2: ${fleet} / ${limit} = ${Math.round(toHold)} a year to hold the fleet at ${limit} years`,
      `R3: ${fleet} · ${over} = ${Math.round(backlog)} units older than ${limit} years`,
      `R4: ${Math.round(toHold)} + ${Math.round(backlog)} / ${years} = ${Math.round(toHold + backlog / years)} a year to clear the backlog in ${years} years`,
    ],
  };
}

/** Machines whose national fleet facts the shipped presets hold (Kazakhstan's). */
export type FleetMachine = 'combines' | 'tractors';

/** The dated facts (data/machinery/presets.json) behind each kind's replacement demand. */
export const fleetFactIds: Readonly<Record<FleetMachine, { fleet: string; over: string; rate: string }>> =
  Object.freeze({
    combines: { fleet: 'kz_combines_registered_2020', over: 'kz_combines_over17y_2020', rate: 'kz_fleet_renewal_2024' },
    tractors: { fleet: 'kz_tractors_registered_2020', over: 'kz_tractors_over17y_2020', rate: 'kz_fleet_renewal_2024' },
  });

export interface FleetReplacement extends ReplacementDemand {
  machine: FleetMachine;
  /** Where the facts apply (the presets' scope, "Kazakhstan"). */
  scope: string;
  limitYears: number;
  facts: { fleet: PresetFact; over: PresetFact; rate: PresetFact };
}

/**
 * Replacement demand of a national fleet from the presets' dated facts, assembled once for
 * `karavan machinery replacement`, the pair report and the API. The age share is reported as
 * "older than 17 years": the limit is read from the fact's measure, not assumed.
 */
export function fleetReplacement(
  presets: PresetCatalog,
  machine: FleetMachine,
  clearBacklogYears?: number,
): FleetReplacement {
  const ids = fleetFactIds[machine];
  const facts = {
    fleet: findFact(presets, ids.fleet),
    over: findFact(presets, ids.over),
    rate: findFact(presets, ids.rate),
  };
  const limitYears = Number(/older than (\d+) years/.exec(facts.over.measure)?.[1]);
  const demand = replacementDemand({
    fleetUnits: facts.fleet.value,
    renewalRatePerYear: facts.rate.value / 100,
    shareOverLimit: facts.over.value / 100,
    limitYears,
    ...(clearBacklogYears !== undefined && { clearBacklogYears }),
  });
  return { machine, scope: facts.fleet.scope, limitYears, facts, ...demand };
}
