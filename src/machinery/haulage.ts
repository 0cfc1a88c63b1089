/**
 * Mining haulage by the cycle-time method (the method of truck makers' performance handbooks, e.g. Caterpillar's
 * "Mining and Earthmoving" chapter, and of open-pit planning texts): how many trucks move a year's tonnes, and what
 * a tonne costs, from one truck's cycle.
 *
 *   (H1) cycle [min] = load + haul + dump + return + spot/queue, haul = 60 * distance / loaded speed,
 *        return = 60 * distance / empty speed
 *   (H2) production [t per truck-hour] = payload [t] * 60 / cycle [min]
 *   (H3) trucks = annual tonnes / (production * scheduled hours * availability * utilisation), rounded up
 *   (H4) match factor = trucks * loading time per truck / (loaders * truck cycle); 1 is balanced, above 1 trucks
 *        queue at the loader, below 1 the loader waits
 *   (H5) cost per tonne = (ownership + fuel + tyres + repairs + operators) per operating hour / production
 *
 * Every number comes from the caller (a preset tags its own); nothing here is a default of unknown origin. Pure.
 * docs/machinery.md § Mining haulage.
 */
import { MachineryInputError } from '../errors.ts';
import { requireInteger, requireNonNegative, requirePositive, requireShare, requireShareOrZero } from './validate.ts';

export interface HaulageInput {
  payloadT: number;
  /** One-way haul distance, km. */
  distanceKm: number;
  speedLoadedKmh: number;
  speedEmptyKmh: number;
  /** Time under the loader, min. */
  loadMin: number;
  dumpMin: number;
  /** Spotting at the loader and the dump, and queueing, min. */
  spotMin: number;
  tonnesPerYear: number;
  /** Hours a year the fleet is scheduled to work. */
  scheduledHours: number;
  /** Mechanical availability, a share in (0, 1]. */
  availability: number;
  /** Use of the available hours, a share in (0, 1]. */
  utilization: number;
  /** Loading units serving the trucks, for the match factor. @default 1 */
  loaders?: number;
}

/** Per operating hour of one truck, in the caller's currency; each part optional, a missing one is left out. */
export interface HaulageCostInput {
  /**
   * Ownership: the price less its residual value spread over the life in operating hours, plus a year's interest
   * on the average investment spread over the year's operating hours.
   */
  truckPrice?: number;
  residualShare?: number;
  lifeHours?: number;
  interestRate?: number;
  fuelLitresPerHour?: number;
  fuelPricePerLitre?: number;
  /** A set of tyres and how many hours it lasts. */
  tyreSetPrice?: number;
  tyreLifeHours?: number;
  /** Repairs and maintenance as a share of the price per 1,000 operating hours. */
  repairShareOfPricePer1000h?: number;
  operatorWagePerHour?: number;
  /** Operators paid per operating hour (spare crews included). @default 1 */
  operatorsPerTruck?: number;
}

export interface HaulagePlan {
  cycle: { loadMin: number; haulMin: number; dumpMin: number; returnMin: number; spotMin: number; totalMin: number };
  tonnesPerTruckHour: number;
  /** Operating hours a truck gives a year: scheduled hours * availability * utilisation. */
  operatingHoursPerTruck: number;
  trucksExact: number;
  trucks: number;
  matchFactor: number;
  /** The fleet's capacity at `trucks` against the tonnes asked, a share (>= 1). */
  capacityShare: number;
  cost: HaulageCost | null;
  formulas: string[];
}

export interface HaulageCost {
  /** Per operating hour of one truck, by part. */
  perHour: { ownership: number; fuel: number; tyres: number; repairs: number; operators: number; total: number };
  perTonne: number;
  /** Parts that could not be costed for want of an input. */
  leftOut: string[];
}

export function planHaulage(input: HaulageInput, costInput?: HaulageCostInput): HaulagePlan {
  const payloadT = requirePositive('payloadT', input.payloadT);
  const distanceKm = requireNonNegative('distanceKm', input.distanceKm);
  const speedLoadedKmh = requirePositive('speedLoadedKmh', input.speedLoadedKmh);
  const speedEmptyKmh = requirePositive('speedEmptyKmh', input.speedEmptyKmh);
  const loadMin = requirePositive('loadMin', input.loadMin);
  const dumpMin = requireNonNegative('dumpMin', input.dumpMin);
  const spotMin = requireNonNegative('spotMin', input.spotMin);
  const tonnesPerYear = requirePositive('tonnesPerYear', input.tonnesPerYear);
  const scheduledHours = requirePositive('scheduledHours', input.scheduledHours);
  if (scheduledHours > 8784)
    throw new MachineryInputError(`invalid scheduledHours: ${scheduledHours} (a year has at most 8,784 hours)`, {
      column: 'scheduledHours',
      value: String(scheduledHours),
    });
  const availability = requireShare('availability', input.availability);
  const utilization = requireShare('utilization', input.utilization);
  const loaders = requireInteger('loaders', input.loaders ?? 1, 1);

  const haulMin = (60 * distanceKm) / speedLoadedKmh;
  const returnMin = (60 * distanceKm) / speedEmptyKmh;
  const totalMin = loadMin + haulMin + dumpMin + returnMin + spotMin;
  const tonnesPerTruckHour = (payloadT * 60) / totalMin;
  const operatingHoursPerTruck = scheduledHours * availability * utilization;
  const trucksExact = tonnesPerYear / (tonnesPerTruckHour * operatingHoursPerTruck);
  // A whole truck more only when the exact need is not already whole (to 1e-9, against rounding noise).
  const trucks = Math.max(1, Math.ceil(trucksExact - 1e-9));
  return {
    cycle: { loadMin, haulMin, dumpMin, returnMin, spotMin, totalMin },
    tonnesPerTruckHour,
    operatingHoursPerTruck,
    trucksExact,
    trucks,
    matchFactor: (trucks * loadMin) / (loaders * totalMin),
    capacityShare: (trucks * tonnesPerTruckHour * operatingHoursPerTruck) / tonnesPerYear,
    cost: costInput === undefined ? null : haulageCost(costInput, tonnesPerTruckHour, operatingHoursPerTruck),
    formulas: [
      'H1: cycle = load + 60 d / v_loaded + dump + 60 d / v_empty + spot',
      'H2: t per truck-hour = payload * 60 / cycle',
      'H3: trucks = ceil(tonnes a year / (t per truck-hour * scheduled hours * availability * utilisation))',
      'H4: match factor = trucks * load time / (loaders * cycle)',
      'H5: cost per t = (ownership + fuel + tyres + repairs + operators) per operating hour / t per truck-hour',
    ],
  };
}

function haulageCost(c: HaulageCostInput, tonnesPerTruckHour: number, operatingHoursPerYear: number): HaulageCost {
  const leftOut: string[] = [];
  let ownership = 0;
  if (c.truckPrice !== undefined && c.lifeHours !== undefined) {
    const price = requirePositive('truckPrice', c.truckPrice);
    const life = requirePositive('lifeHours', c.lifeHours);
    const residual = c.residualShare === undefined ? 0 : requireShareOrZero('residualShare', c.residualShare);
    const interest = c.interestRate === undefined ? 0 : requireNonNegative('interestRate', c.interestRate);
    // Straight-line depreciation over the life, plus a year's interest on the average investment (the mean of
    // the price and the residual value) spread over the truck's operating hours in a year.
    ownership = (price * (1 - residual)) / life + (interest * price * (1 + residual)) / 2 / operatingHoursPerYear;
  } else leftOut.push('ownership (truckPrice and lifeHours)');
  let fuel = 0;
  if (c.fuelLitresPerHour !== undefined && c.fuelPricePerLitre !== undefined)
    fuel =
      requireNonNegative('fuelLitresPerHour', c.fuelLitresPerHour) *
      requireNonNegative('fuelPricePerLitre', c.fuelPricePerLitre);
  else leftOut.push('fuel (fuelLitresPerHour and fuelPricePerLitre)');
  let tyres = 0;
  if (c.tyreSetPrice !== undefined && c.tyreLifeHours !== undefined)
    tyres = requireNonNegative('tyreSetPrice', c.tyreSetPrice) / requirePositive('tyreLifeHours', c.tyreLifeHours);
  else leftOut.push('tyres (tyreSetPrice and tyreLifeHours)');
  let repairs = 0;
  if (c.repairShareOfPricePer1000h !== undefined && c.truckPrice !== undefined)
    repairs =
      (requireNonNegative('repairShareOfPricePer1000h', c.repairShareOfPricePer1000h) *
        requirePositive('truckPrice', c.truckPrice)) /
      1000;
  else leftOut.push('repairs (repairShareOfPricePer1000h and truckPrice)');
  let operators = 0;
  if (c.operatorWagePerHour !== undefined)
    operators =
      requireNonNegative('operatorWagePerHour', c.operatorWagePerHour) *
      requirePositive('operatorsPerTruck', c.operatorsPerTruck ?? 1);
  else leftOut.push('operators (operatorWagePerHour)');
  const total = ownership + fuel + tyres + repairs + operators;
  return {
    perHour: { ownership, fuel, tyres, repairs, operators, total },
    perTonne: total / tonnesPerTruckHour,
    leftOut,
  };
}
