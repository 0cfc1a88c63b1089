/**
 * Sensitivity table: each parameter is scaled by each factor, the window fleet is sized again
 * (F3) and costed (F17 + F19), and the change against the base plan is reported.
 */
import { MachineryInputError } from '../errors.ts';
import { capacityOf, fleetCostAt } from './fleet-cost.ts';
import { machinesNeeded } from './fleet-size.ts';
import type { PlanInputs } from './plan-inputs.ts';

export const sensitivityParameters = Object.freeze([
  'speedKmh',
  'widthM',
  'fieldEfficiency',
  'listPriceUsd',
  'windowDays',
  'workableShare',
] as const);
export type SensitivityParameter = (typeof sensitivityParameters)[number];

export interface SensitivityOptions {
  /** Multipliers applied to each parameter. @default [0.8, 0.9, 1.1, 1.2] */
  factors?: readonly number[];
  /** Parameters to vary. @default all of sensitivityParameters */
  parameters?: readonly SensitivityParameter[];
}

export interface ResolvedSensitivityOptions {
  factors: readonly number[];
  parameters: readonly SensitivityParameter[];
}

export const sensitivityDefaults: Readonly<ResolvedSensitivityOptions> = Object.freeze({
  factors: Object.freeze([0.8, 0.9, 1.1, 1.2]),
  parameters: sensitivityParameters,
});

export function resolveSensitivity(options: SensitivityOptions = {}): ResolvedSensitivityOptions {
  const factors = options.factors ?? sensitivityDefaults.factors;
  if (factors.length === 0)
    throw new MachineryInputError('invalid factors: [] (give at least one factor)', { column: 'factors' });
  for (const factor of factors) {
    if (!Number.isFinite(factor) || factor <= 0)
      throw new MachineryInputError(`invalid factors: ${factor} (each factor must be greater than 0)`, {
        column: 'factors',
        value: String(factor),
      });
  }
  const parameters = options.parameters ?? sensitivityDefaults.parameters;
  for (const parameter of parameters) {
    if (!sensitivityParameters.includes(parameter)) {
      throw new MachineryInputError(
        `invalid parameters: ${String(parameter)} (one of ${sensitivityParameters.join(', ')})`,
        { column: 'parameters', value: String(parameter) },
      );
    }
  }
  return { factors, parameters };
}

export interface SensitivityRow {
  parameter: SensitivityParameter;
  factor: number;
  value: number;
  /** Set when the scaled value is outside the parameter's domain (e.g. efficiency above 1); the row then has no results. */
  skipped?: string;
  machines?: number;
  daysNeeded?: number;
  totalUsdPerHa?: number;
  totalUsdPerT?: number;
  changeUsdPerHa?: number;
  /** Change of total $/ha as a share of the base. */
  changeShare?: number;
}

export interface SensitivityTable {
  base: { machines: number; daysNeeded: number; totalUsdPerHa: number; totalUsdPerT: number };
  rows: SensitivityRow[];
}

function baseValue(inputs: PlanInputs, parameter: SensitivityParameter): number {
  return parameter === 'listPriceUsd' ? inputs.costed[0]!.listPriceUsd : inputs[parameter];
}

/** The inputs with one parameter set to `value` (list price moves the purchase price with it). */
export function withParameter(inputs: PlanInputs, parameter: SensitivityParameter, value: number): PlanInputs {
  if (parameter !== 'listPriceUsd') return { ...inputs, [parameter]: value };
  const [machine, ...rest] = inputs.costed;
  const share = machine!.purchasePriceUsd / machine!.listPriceUsd;
  return { ...inputs, costed: [{ ...machine!, listPriceUsd: value, purchasePriceUsd: value * share }, ...rest] };
}

/** Window fleet and total cost for a set of inputs. */
export function windowFleetTotals(inputs: PlanInputs): {
  machines: number;
  daysNeeded: number;
  totalUsdPerHa: number;
  totalUsdPerT: number;
} {
  const capacity = capacityOf(inputs);
  const { machines } = machinesNeeded({
    areaHa: inputs.areaHa,
    capacityHaPerHour: capacity,
    hoursPerDay: inputs.hoursPerDay,
    windowDays: inputs.windowDays,
    workableShare: inputs.workableShare,
  });
  const cost = fleetCostAt(inputs, machines, capacity);
  return {
    machines,
    daysNeeded: cost.daysNeeded,
    totalUsdPerHa: cost.usdPerHa.total,
    totalUsdPerT: cost.usdPerT.total,
  };
}

export function sensitivityTable(inputs: PlanInputs, options: SensitivityOptions = {}): SensitivityTable {
  const resolved = resolveSensitivity(options);
  const base = windowFleetTotals(inputs);
  const rows: SensitivityRow[] = [];
  for (const parameter of resolved.parameters) {
    for (const factor of resolved.factors) {
      const value = baseValue(inputs, parameter) * factor;
      if ((parameter === 'fieldEfficiency' || parameter === 'workableShare') && value > 1) {
        rows.push({ parameter, factor, value, skipped: 'above 1, outside (0, 1]' });
        continue;
      }
      const result = windowFleetTotals(withParameter(inputs, parameter, value));
      rows.push({
        parameter,
        factor,
        value,
        ...result,
        changeUsdPerHa: result.totalUsdPerHa - base.totalUsdPerHa,
        changeShare: (result.totalUsdPerHa - base.totalUsdPerHa) / base.totalUsdPerHa,
      });
    }
  }
  return { base, rows };
}
