/**
 * (F19) Timeliness cost of an operation that starts (or ends) on the optimum date:
 * `TC [$/yr] = K * Y * V * A * D / Z`, with Z = 2 when the operation starts or ends at the optimum
 * date (mean delay D/2) and Z = 4 when it is centred on it (mean deviation D/4).
 * EP496's expanded form `K * Y * V * A^2 / (Z * G * pwd * N * C_e)` is the same number.
 */
import { MachineryInputError } from '../errors.ts';
import { requireHoursPerDay, requireInteger, requireNonNegative, requirePositive, requireShare } from './validate.ts';

export interface TimelinessInput {
  /** K: share of yield lost per day of delay. */
  lossSharePerDay: number;
  yieldTPerHa: number;
  grainPriceUsdPerT: number;
  areaHa: number;
  /** D from F5. */
  daysNeeded: number;
  /** Z: 2 (starts/ends at the optimum) or 4 (centred on it). */
  zDivisor: number;
}

export interface TimelinessCost {
  /** D / Z: mean delay charged to every hectare, days. */
  meanDelayDays: number;
  /** K * D / Z: mean share of the yield lost. */
  meanYieldLossShare: number;
  /** Tonnes lost over the area. */
  lostTonnes: number;
  /** F19, USD per year. */
  timelinessUsdPerYear: number;
  timelinessUsdPerHa: number;
}

export function requireZDivisor(zDivisor: number): number {
  if (zDivisor !== 2 && zDivisor !== 4)
    throw new MachineryInputError(`invalid zDivisor: ${zDivisor} (must be 2 or 4)`, {
      column: 'zDivisor',
      value: String(zDivisor),
    });
  return zDivisor;
}

/** F19. */
export function timelinessCostUsd(input: TimelinessInput): TimelinessCost {
  requireNonNegative('timelinessLossSharePerDay', input.lossSharePerDay);
  requireNonNegative('yieldTPerHa', input.yieldTPerHa);
  requireNonNegative('grainPriceUsdPerT', input.grainPriceUsdPerT);
  requirePositive('areaHa', input.areaHa);
  requireNonNegative('daysNeeded', input.daysNeeded);
  requireZDivisor(input.zDivisor);
  const meanDelayDays = input.daysNeeded / input.zDivisor;
  const meanYieldLossShare = input.lossSharePerDay * meanDelayDays;
  const lostTonnes = meanYieldLossShare * input.yieldTPerHa * input.areaHa;
  const timelinessUsdPerYear = lostTonnes * input.grainPriceUsdPerT;
  return {
    meanDelayDays,
    meanYieldLossShare,
    lostTonnes,
    timelinessUsdPerYear,
    timelinessUsdPerHa: timelinessUsdPerYear / input.areaHa,
  };
}

export interface TimelinessExpandedInput {
  lossSharePerDay: number;
  yieldTPerHa: number;
  grainPriceUsdPerT: number;
  areaHa: number;
  zDivisor: number;
  hoursPerDay: number;
  workableShare: number;
  machines: number;
  capacityHaPerHour: number;
}

/** EP496 expanded form of F19, USD per year (identical to timelinessCostUsd with D from F5). */
export function timelinessCostUsdExpanded(input: TimelinessExpandedInput): number {
  requirePositive('areaHa', input.areaHa);
  requireHoursPerDay('hoursPerDay', input.hoursPerDay);
  requireShare('workableShare', input.workableShare);
  requireInteger('machines', input.machines, 1);
  requirePositive('capacityHaPerHour', input.capacityHaPerHour);
  requireZDivisor(input.zDivisor);
  return (
    (input.lossSharePerDay * input.yieldTPerHa * input.grainPriceUsdPerT * input.areaHa ** 2) /
    (input.zDivisor * input.hoursPerDay * input.workableShare * input.machines * input.capacityHaPerHour)
  );
}
