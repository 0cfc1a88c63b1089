/**
 * Turns a resolved scenario and a machine unit into the plain numbers the cost functions use,
 * plus the tagged parameter list every result shows (name -> value, tag, source).
 */
import { MachineryInputError } from '../errors.ts';
import type { Machine } from './catalog.ts';
import type { ResolvedScenario } from './scenario.ts';
import { tagged, typicalOf, type SourceTag, type TaggedRange, type TaggedValue } from './tags.ts';
import type { MachineUnit } from './unit.ts';

export interface CostedMachineInputs {
  role: 'machine' | 'tractor';
  machineId: string;
  listPriceUsd: number;
  purchasePriceUsd: number;
  lifeHours: number;
  repairFactor1: number;
  repairFactor2: number;
  remainingValue: { c1: number; c2: number; c3: number };
  /** 0 for a towed machine: its tractor burns the fuel. */
  fuelLitresPerHour: number;
  /** 0 for a towed machine: the tractor's operator is counted once. */
  labourFactor: number;
}

/** Every number a fleet calculation needs. */
export interface PlanInputs {
  areaHa: number;
  windowDays: number;
  hoursPerDay: number;
  workableShare: number;
  widthM: number;
  speedKmh: number;
  fieldEfficiency: number;
  ownershipYears: number;
  realInterestRate: number;
  taxesInsuranceHousingShare: number;
  fuelPriceUsdPerLitre: number;
  wageUsdPerHour: number;
  lubricationShareOfFuel: number;
  yieldTPerHa: number;
  grainPriceUsdPerT: number;
  timelinessLossSharePerDay: number;
  zDivisor: number;
  /** A measured effective field capacity, ha/h, that replaces F1 (see MeasuredRates). */
  measuredCapacityHaPerHour?: number;
  /** The machine first, then its tractor if towed. */
  costed: CostedMachineInputs[];
}

export interface BuiltPlanInputs {
  inputs: PlanInputs;
  /** Every parameter used, with its tag and source ("machine.repairFactor1", "tractor.powerKw", ...). */
  parameters: Record<string, TaggedValue>;
  notes: string[];
}

// A field measurement of this machine on this farm outranks every other source of its rate.
const strength: Record<SourceTag, number> = { M: 0, 'V*': 1, V: 2, preset: 3, user: 4, measured: 5 };

/** The weakest of several tags: a value derived from an unconfirmed one is unconfirmed. */
export function weakestTag(tags: SourceTag[]): SourceTag {
  return tags.reduce((weakest, tag) => (strength[tag] < strength[weakest] ? tag : weakest));
}

function need<T>(value: T | undefined, machine: Machine, field: string): T {
  if (value === undefined) {
    throw new MachineryInputError(`invalid machine: ${machine.id} has no ${field} in the catalog`, {
      column: field,
      value: machine.id,
      hint: 'add it in your catalog file',
    });
  }
  return value;
}

/**
 * Rates measured on the field for one machine (`measuredRates`, src/machinery/measured-rates.ts):
 * each replaces the catalog's figure in a plan, tagged [measured].
 */
export interface MeasuredRates {
  machineId: string;
  /** Effective field capacity per unit, ha/h: replaces F1. */
  haPerHour?: TaggedValue;
  /** Fuel per ha: replaces F13 (L/h = L/ha x the capacity used, so fuel per ha is the measured one). */
  fuelLitresPerHa?: TaggedValue;
}

function costedMachine(
  machine: Machine,
  role: 'machine' | 'tractor',
  listPrice: TaggedValue,
  scenario: ResolvedScenario,
  parameters: Record<string, TaggedValue>,
  burnsFuel: boolean,
  measuredFuel?: TaggedValue,
): CostedMachineInputs {
  const p = (name: string, value: TaggedValue) => {
    parameters[`${role}.${name}`] = value;
    return value.value;
  };
  const listPriceUsd = p('listPriceUsd', listPrice);
  const share = scenario.purchasePriceShare;
  const purchasePriceUsd = p(
    'purchasePriceUsd',
    tagged(
      listPriceUsd * share.value,
      weakestTag([listPrice.tag, share.tag]),
      `purchasePriceShare ${share.value} x list price ${listPriceUsd}`,
    ),
  );
  const rv = need(machine.remainingValue, machine, 'remainingValue');
  let fuelLitresPerHour = 0;
  let labourFactor = 0;
  if (burnsFuel) {
    const power = typicalOf(need(machine.powerKw, machine, 'powerKw'));
    // With a measured fuel rate the power enters nothing, so it is not listed as a parameter used.
    if (!measuredFuel) p('powerKw', power);
    if (measuredFuel) fuelLitresPerHour = p('fuelLitresPerHour', measuredFuel);
    else if (machine.fuelLitresPerHour) fuelLitresPerHour = p('fuelLitresPerHour', machine.fuelLitresPerHour);
    else {
      const perKwh = scenario.fuelLitresPerKwh;
      fuelLitresPerHour = p(
        'fuelLitresPerHour',
        tagged(
          perKwh.value * power.value,
          weakestTag([perKwh.tag, power.tag]),
          `F13: ${perKwh.value} L/kWh x ${power.value} kW`,
        ),
      );
    }
    labourFactor = p('labourFactor', need(machine.labourFactor, machine, 'labourFactor'));
  }
  return {
    role,
    machineId: machine.id,
    listPriceUsd,
    purchasePriceUsd,
    lifeHours: p('lifeHours', need(machine.lifeHours, machine, 'lifeHours')),
    repairFactor1: p('repairFactor1', need(machine.repairFactor1, machine, 'repairFactor1')),
    repairFactor2: p('repairFactor2', need(machine.repairFactor2, machine, 'repairFactor2')),
    remainingValue: {
      c1: p('remainingValue.c1', rv.c1),
      c2: p('remainingValue.c2', rv.c2),
      c3: p('remainingValue.c3', rv.c3),
    },
    fuelLitresPerHour,
    labourFactor,
  };
}

function typical(range: TaggedRange | undefined, machine: Machine, field: string): TaggedValue {
  return typicalOf(need(range, machine, field));
}

export function buildPlanInputs(
  scenario: ResolvedScenario,
  unit: MachineUnit,
  cropTimeliness?: TaggedValue,
  measured?: MeasuredRates,
): BuiltPlanInputs {
  const { machine, tractor } = unit;
  const notes: string[] = [];
  const parameters: Record<string, TaggedValue> = {};
  const s = (name: keyof ResolvedScenario & string, value: TaggedValue) => {
    parameters[name] = value;
    return value.value;
  };
  const widthM = scenario.widthM ?? typical(machine.widthM, machine, 'widthM');
  const speedKmh = scenario.speedKmh ?? typical(machine.speedKmh, machine, 'speedKmh');
  const fieldEfficiency = scenario.fieldEfficiency ?? typical(machine.fieldEfficiency, machine, 'fieldEfficiency');
  let timeliness = scenario.timelinessLossSharePerDay ?? cropTimeliness;
  if (!timeliness) {
    timeliness = tagged(
      0,
      'M',
      `no timeliness K for ${scenario.cropId} ${machine.operation} in the catalog; timeliness not costed`,
    );
    notes.push(
      `No timeliness coefficient K is known for ${scenario.cropName.toLowerCase()} ${machine.operation}: timeliness cost is 0 (set --timeliness-k-per-day to cost it).`,
    );
  }
  const f1 = (speedKmh.value * widthM.value * fieldEfficiency.value) / 10;
  const capacity = measured?.haPerHour;
  if (capacity) parameters.capacityHaPerHour = capacity;
  // Fuel per hour that reproduces the measured fuel per ha at the capacity the plan uses; it goes to whichever
  // unit burns the fuel (the tractor of a towed machine).
  const measuredFuel =
    measured?.fuelLitresPerHa &&
    tagged(
      measured.fuelLitresPerHa.value * (capacity?.value ?? f1),
      'measured',
      `${measured.fuelLitresPerHa.value.toFixed(2)} L/ha measured x ${(capacity?.value ?? f1).toFixed(3)} ha/h ${capacity ? 'measured' : 'F1'} (fuel per ha is the measured one whatever the capacity); ${measured.fuelLitresPerHa.source}`,
    );
  const costed = [
    costedMachine(
      machine,
      'machine',
      scenario.listPriceUsd ?? typicalOf(machine.listPriceUsd),
      scenario,
      parameters,
      tractor === undefined,
      tractor === undefined ? measuredFuel : undefined,
    ),
  ];
  if (tractor) {
    costed.push(
      costedMachine(tractor, 'tractor', typicalOf(tractor.listPriceUsd), scenario, parameters, true, measuredFuel),
    );
    notes.push(
      `The tractor ${tractor.id} is costed as dedicated to this operation (all its hours here); a tractor shared with other work costs less per ha.`,
    );
  }
  const inputs: PlanInputs = {
    areaHa: s('areaHa', scenario.areaHa),
    windowDays: s('windowDays', scenario.windowDays),
    hoursPerDay: s('hoursPerDay', scenario.hoursPerDay),
    workableShare: s('workableShare', scenario.workableShare),
    // With a measured capacity, speed, width and efficiency enter nothing: kept for the plan's description (and
    // range warnings), not listed as parameters used (so their [M] tags do not count as unconfirmed inputs).
    widthM: capacity ? widthM.value : s('widthM', widthM),
    speedKmh: capacity ? speedKmh.value : s('speedKmh', speedKmh),
    fieldEfficiency: capacity ? fieldEfficiency.value : s('fieldEfficiency', fieldEfficiency),
    ownershipYears: s('ownershipYears', scenario.ownershipYears),
    realInterestRate: s('realInterestRate', scenario.realInterestRate),
    taxesInsuranceHousingShare: s('taxesInsuranceHousingShare', scenario.taxesInsuranceHousingShare),
    fuelPriceUsdPerLitre: s('fuelPriceUsdPerLitre', scenario.fuelPriceUsdPerLitre),
    wageUsdPerHour: s('wageUsdPerHour', scenario.wageUsdPerHour),
    lubricationShareOfFuel: s('lubricationShareOfFuel', scenario.lubricationShareOfFuel),
    yieldTPerHa: s('yieldTPerHa', scenario.yieldTPerHa),
    grainPriceUsdPerT: s('grainPriceUsdPerT', scenario.grainPriceUsdPerT),
    timelinessLossSharePerDay: s('timelinessLossSharePerDay', timeliness),
    zDivisor: s('zDivisor', scenario.zDivisor),
    ...(capacity && { measuredCapacityHaPerHour: capacity.value }),
    costed,
  };
  parameters.fuelLitresPerKwh = scenario.fuelLitresPerKwh;
  parameters.purchasePriceShare = scenario.purchasePriceShare;
  return { inputs, parameters, notes };
}
