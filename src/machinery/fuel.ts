/**
 * Fuel use of a power unit.
 * (F13) Average method, diesel: `Q [L/h] = 0.223 * P_pto,max [kW]` (0.044 gal/hp-h).
 * (F14) Operation-specific: `Q [L/h] = SFC(X) * P_eq [kW]`, X = P_eq / P_rated, with
 *   D497.4 diesel `SFC = 2.64 X + 3.91 - 0.203 sqrt(738 X + 173)` [L/kWh] and
 *   D497.7 diesel (Grisso) `SFC = 0.22 + 0.096 / X` [L/kWh] (unconfirmed, [M]).
 */
import { requirePositive, requireShare } from './validate.ts';

/** F13 coefficient, L per kWh of maximum PTO power, diesel. [V] S8 / DevTreks FuelAvgCostHr. */
export const dieselLitresPerKwhAverage = 0.223;

/** F13: average diesel use, L/h, from maximum PTO power. */
export function fuelLitresPerHourAverage(powerKw: number, litresPerKwh: number = dieselLitresPerKwhAverage): number {
  requirePositive('powerKw', powerKw);
  requirePositive('fuelLitresPerKwh', litresPerKwh);
  return litresPerKwh * powerKw;
}

/** F14, D497.4 diesel specific fuel consumption at load share X, L/kWh. */
export function specificFuelLitresPerKwhD4974(loadShare: number): number {
  requireShare('loadShare', loadShare);
  return 2.64 * loadShare + 3.91 - 0.203 * Math.sqrt(738 * loadShare + 173);
}

/** F14, D497.7 diesel specific fuel consumption at load share X (full throttle), L/kWh. [M] */
export function specificFuelLitresPerKwhD4977(loadShare: number): number {
  requireShare('loadShare', loadShare);
  return 0.22 + 0.096 / loadShare;
}
