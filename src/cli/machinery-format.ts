/**
 * Plain-text rendering of machinery results for the terminal: readable tables, every number
 * with its parts, every parameter with its source tag. `--json` prints the objects instead.
 */
import type {
  Catalog,
  DemoPlan,
  DemoResults,
  FleetPlan,
  FleetResult,
  MachineComparison,
  PresetCatalog,
  Showcase,
  StaffPlan,
  TaggedRange,
  TaggedValue,
} from '../machinery/index.ts';
import { formatTable } from './output.ts';

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function usd(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '-';
  return `${value < 0 ? '-' : ''}$${fmt(Math.abs(value), digits)}`;
}

/** Rounded number, kept numeric so that formatTable right-aligns it. */
function r(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

function pct(share: number, digits = 1): string {
  return `${fmt(share * 100, digits)} %`;
}

function tag(value: { tag: string }): string {
  return `[${value.tag}]`;
}

function number(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 3 : 4;
  return String(Number(value.toFixed(digits)));
}

function range(r: TaggedRange | undefined, digits = 1): string {
  if (!r) return '';
  return r.min === r.max
    ? `${fmt(r.typical, digits)} ${tag(r)}`
    : `${fmt(r.typical, digits)} (${fmt(r.min, digits)}-${fmt(r.max, digits)}) ${tag(r)}`;
}

function section(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}\n`;
}

function parameterTable(parameters: Record<string, TaggedValue>): string {
  return formatTable(
    ['parameter', 'value', 'tag', 'source'],
    Object.entries(parameters).map(([name, p]) => [
      name,
      number(p.value),
      tag(p),
      `${p.source}${p.asOf ? ` (as of ${p.asOf})` : ''}`,
    ]),
  );
}

function presetBlock(plan: FleetPlan): string {
  if (!plan.preset) return '';
  const p = plan.preset;
  const lines = [`Preset ${p.id}: ${p.title}`];
  const fromPreset = Object.entries(plan.parameters).filter(([, v]) => v.tag === 'preset');
  for (const [name, v] of fromPreset)
    lines.push(`  ${name} = ${number(v.value)} [preset], as of ${v.asOf ?? '?'}: ${v.source}`);
  if (p.context.length > 0) {
    lines.push('  context (not used in the arithmetic):');
    for (const f of p.context)
      lines.push(
        `    ${f.measure}, ${f.scope}: ${number(f.value)} ${f.unit} [as of ${f.asOf}; source: ${f.sourceUrl}]${f.note ? ` - ${f.note}` : ''}`,
      );
  }
  for (const note of p.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

/** The currency a fleet plan is printed in: units per USD at a dated rate (`--currency`; USD by default). */
export interface CurrencyShown {
  code: string;
  perUsd: number;
  /** "444.32 KZT per USD (2024-04-24, National Bank of Kazakhstan: URL)". */
  basis: string;
}

export const usdShown: CurrencyShown = { code: 'USD', perUsd: 1, basis: 'US dollars, as computed' };

/** The staff table of `machinery staff`, and of the fleet plan's staff section. */
export function renderStaffPlan(plan: StaffPlan): string {
  return (
    formatTable(
      ['role', 'people', 'formula', 'training h', 'groups', 'days', 'from', 'to', 'cost'],
      plan.roles.map((r) => [
        r.role,
        r.people,
        r.formula,
        `${r.trainingHours.value} [${r.trainingHours.tag}]`,
        r.groups,
        r.trainingDays,
        r.from ?? '',
        r.to ?? '',
        r.cost === null ? '' : Math.round(r.cost),
      ]),
    ) +
    `${plan.people} people; ${plan.trainingDays} days of courses${plan.totalCost === null ? '' : `; cost ${Math.round(plan.totalCost)}`}\n` +
    (plan.unconfirmedParameters.length > 0
      ? `[M] placeholders used (check against the maker's or the farm's figures): ${plan.unconfirmedParameters.join(', ')}\n`
      : '')
  );
}

export function renderFleetPlan(result: FleetResult, currency: CurrencyShown = usdShown): string {
  const { plan, fleetSizeTable: sizes, sensitivity, staff } = result;
  // Amounts are computed in USD; --currency prints them at one dated rate (said in the header).
  const money = (value: number, digits = 0) =>
    currency.code === 'USD' ? usd(value, digits) : `${fmt(value * currency.perUsd, digits)} ${currency.code}`;
  const cur = currency.code === 'USD' ? '$' : currency.code;
  /** A USD amount in the shown currency, kept numeric for the tables. */
  const k = (valueUsd: number) => (currency.code === 'USD' ? valueUsd : valueUsd * currency.perUsd);
  const w = plan.window;
  const c = plan.capacity;
  const fleet = plan.windowFleet;
  const best = plan.costMinimisingFleet;
  const unit = plan.tractor ? `${plan.machine.id} pulled by ${plan.tractor.id}` : plan.machine.id;
  let out = `Fleet plan: ${plan.cropName.toLowerCase()} ${plan.operation}, ${fmt(plan.inputs.areaHa, 0)} ha, ${unit} (${plan.machine.name})\n`;
  if (currency.code !== 'USD') out += `Amounts in ${currency.code}: ${currency.basis}\n`;
  out += presetBlock(plan);
  out += section('Capacity and fleet');
  out += `F1  capacity        ${number(c.speedKmh)} km/h x ${number(c.widthM)} m x ${number(c.fieldEfficiency)} / 10 = ${fmt(c.haPerHour, 2)} ha/h\n`;
  out += `F2  per machine     ${fmt(c.haPerHour, 2)} ha/h x ${number(w.hoursPerDay)} h/day x ${number(w.windowDays)} days x pwd ${number(w.workableShare)} = ${fmt(w.areaPerMachineHa, 1)} ha\n`;
  out += `F3  machines        ceil(${fmt(plan.inputs.areaHa, 0)} / ${fmt(w.areaPerMachineHa, 1)} = ${fmt(w.exactMachines, 2)}) = ${w.machines}\n`;
  out += `F4  hours/machine   ${fmt(fleet.hoursPerYearPerMachine, 1)} h/yr (${fmt(fleet.hoursPerYearPerMachine * plan.inputs.ownershipYears, 0)} h over ${number(plan.inputs.ownershipYears)} yr)\n`;
  out += `F5  days needed     ${fmt(fleet.daysNeeded, 1)} days (window ${number(w.windowDays)})\n`;
  out += section('Cost per hectare and per tonne: window fleet vs cost-minimising fleet (F20)');
  const row = (label: string, pick: (f: typeof fleet) => number, digits = 1, isMoney = true) => [
    label,
    isMoney ? money(pick(fleet), digits) : fmt(pick(fleet), digits),
    isMoney ? money(pick(best.cost), digits) : fmt(pick(best.cost), digits),
  ];
  out += formatTable(
    ['', `window fleet`, `cost-minimising`],
    [
      ['machines', String(fleet.machines), String(best.machines)],
      row('hours per machine per year (F4)', (f) => f.hoursPerYearPerMachine, 1, false),
      row('days needed (F5)', (f) => f.daysNeeded, 1, false),
      ['finishes inside the window', fleet.meetsWindow ? 'yes' : 'no', best.meetsWindow ? 'yes' : 'no'],
      row(`ownership ${cur}/ha (F9-F12)`, (f) => f.usdPerHa.ownership),
      row(`repairs ${cur}/ha (F6-F7)`, (f) => f.usdPerHa.repair),
      row(`fuel ${cur}/ha (F13)`, (f) => f.usdPerHa.fuel),
      row(`lubrication ${cur}/ha (F15)`, (f) => f.usdPerHa.lubrication),
      row(`labour ${cur}/ha (F16)`, (f) => f.usdPerHa.labour),
      row(`machine cost ${cur}/ha (F17)`, (f) => f.usdPerHa.machine),
      row(`timeliness ${cur}/ha (F19)`, (f) => f.usdPerHa.timeliness),
      row(`total ${cur}/ha`, (f) => f.usdPerHa.total),
      row(`total ${cur}/t`, (f) => f.usdPerT.total, 2),
      row(`total ${cur}/yr, whole area`, (f) => f.usdPerYear.total, 0),
    ],
  );
  out += `F20 approximation sqrt(K Y V A^2 / (Z G pwd C_e c_m)) = ${fmt(best.approximateMachines, 1)} machines (c_m = ${money(best.approximationUnitOwnershipUsdPerYear)}/yr ownership per unit; scan of N = ${best.searchedFromMachines}..${best.searchedToMachines} found ${best.machines})\n`;
  out += section('One unit per year, window fleet (parts of every total)');
  const parts = fleet.perMachine;
  const col = (pick: (m: (typeof parts)[number]) => string) => parts.map(pick);
  out += formatTable(
    ['', ...parts.map((m) => `${m.role}: ${m.machineId}`)],
    [
      ['list price LP', ...col((m) => money(m.listPriceUsd))],
      ['purchase price PP', ...col((m) => money(m.purchasePriceUsd))],
      ['hours at sale (h_yr x n)', ...col((m) => fmt(m.operating.accumulatedHours, 0))],
      ['estimated life, h', ...col((m) => fmt(m.lifeHours, 0))],
      ['CRF(i, n) (F10)', ...col((m) => fmt(m.ownership.capitalRecoveryFactor, 4))],
      ['remaining value, share of LP (F9)', ...col((m) => pct(m.ownership.remainingValueShare))],
      ['salvage value S', ...col((m) => money(m.ownership.salvageValueUsd))],
      ['(PP - S) x CRF', ...col((m) => money(m.ownership.depreciationAndInterestUsdPerYear))],
      ['S x i', ...col((m) => money(m.ownership.salvageInterestUsdPerYear))],
      ['taxes, insurance, housing (F12)', ...col((m) => money(m.ownership.taxesInsuranceHousingUsdPerYear))],
      ['ownership (F11 + F12)', ...col((m) => money(m.ownership.ownershipUsdPerYear))],
      ['repairs (F6/F7)', ...col((m) => money(m.operating.repairUsdPerYear))],
      [
        'fuel (F13)',
        ...col((m) => `${money(m.operating.fuelUsdPerYear)} (${fmt(m.operating.fuelLitresPerYear, 0)} L)`),
      ],
      ['lubrication (F15)', ...col((m) => money(m.operating.lubricationUsdPerYear))],
      [
        'labour (F16)',
        ...col((m) => `${money(m.operating.labourUsdPerYear)} (${fmt(m.operating.labourHoursPerYear, 0)} h)`),
      ],
      ['operating', ...col((m) => money(m.operating.operatingUsdPerYear))],
      ['total per year', ...col((m) => money(m.totalUsdPerYear))],
    ],
  );
  const t = fleet.timeliness;
  out += `Timeliness (F19): K ${number(plan.inputs.timelinessLossSharePerDay)}/day x ${number(plan.inputs.yieldTPerHa)} t/ha x ${money(plan.inputs.grainPriceUsdPerT)}/t x ${fmt(plan.inputs.areaHa, 0)} ha x ${fmt(fleet.daysNeeded, 2)} days / Z ${number(plan.inputs.zDivisor)} = ${money(t.timelinessUsdPerYear)}/yr (${fmt(t.lostTonnes, 0)} t lost)\n`;
  out += section(
    `Cost by fleet size (pwd ${number(sizes.workableShare)}, and pwd ${number(sizes.alternativeWorkableShare)})`,
  );
  out += formatTable(
    [
      'machines',
      'days needed',
      `machine ${cur}/ha`,
      `timeliness ${cur}/ha`,
      `total ${cur}/ha`,
      'in window',
      `days @ pwd ${number(sizes.alternativeWorkableShare)}`,
      `total ${cur}/ha @ pwd ${number(sizes.alternativeWorkableShare)}`,
    ],
    sizes.rows.map((row) => [
      row.machines,
      r(row.daysNeeded),
      r(k(row.machineUsdPerHa)),
      r(k(row.timelinessUsdPerHa)),
      r(k(row.totalUsdPerHa)),
      row.meetsWindow ? 'yes' : 'no',
      r(row.alternativeDaysNeeded),
      r(k(row.alternativeTotalUsdPerHa)),
    ]),
  );
  out += section('Sensitivity (each parameter scaled alone; fleet re-sized to the window)');
  out += `base: ${sensitivity.base.machines} machines, ${fmt(k(sensitivity.base.totalUsdPerHa))} ${cur}/ha\n`;
  out += formatTable(
    ['parameter', 'factor', 'value', 'machines', 'days', `total ${cur}/ha`, `change ${cur}/ha`, 'change %', 'note'],
    sensitivity.rows.map((row) =>
      row.skipped
        ? [
            row.parameter,
            `x${number(row.factor)}`,
            number(row.value),
            null,
            null,
            null,
            null,
            null,
            `skipped: ${row.skipped}`,
          ]
        : [
            row.parameter,
            `x${number(row.factor)}`,
            number(row.value),
            row.machines!,
            r(row.daysNeeded!),
            r(k(row.totalUsdPerHa!)),
            r(k(row.changeUsdPerHa!)),
            r(row.changeShare! * 100),
            '',
          ],
    ),
  );
  out += section(
    `Staff for the window fleet: ${staff.shifts} shift(s) of at most ${number(staff.shiftHours.value)} h [${staff.shiftHours.tag}] for ${number(plan.inputs.hoursPerDay)} h a day, reserve ${pct(staff.reserveShare.value)} [${staff.reserveShare.tag}]`,
  );
  out += renderStaffPlan(staff);
  out += section('Parameters used ([V] verified, [V*] derived, [M] unconfirmed, [user], [preset])');
  out += parameterTable(plan.parameters);
  if (plan.machine.remainingValueRow) out += `remaining-value row (machine): ${plan.machine.remainingValueRow}\n`;
  if (plan.tractor?.remainingValueRow) out += `remaining-value row (tractor): ${plan.tractor.remainingValueRow}\n`;
  if (plan.machine.note) out += `machine note: ${plan.machine.note}\n`;
  if (plan.notes.length > 0) out += section('Notes') + plan.notes.map((n) => `- ${n}`).join('\n') + '\n';
  if (plan.warnings.length > 0)
    out += section('Warnings') + plan.warnings.map((w) => `- ${w.message} [${w.code}]`).join('\n') + '\n';
  return out;
}

export function renderComparison(c: MachineComparison): string {
  const a = c.a;
  const b = c.b;
  let out = `Comparison on the same scenario: ${c.cropId}, ${fmt(c.areaHa, 0)} ha, window ${number(c.windowDays)} days\n\n`;
  const side = (label: string, pick: (s: typeof a) => string) => [label, pick(a), pick(b)];
  out += formatTable(
    ['', `A: ${a.machineId}`, `B: ${b.machineId}`],
    [
      side('name', (s) => s.name),
      side('tractor', (s) => s.tractorId ?? '-'),
      side('list price', (s) => usd(s.listPriceUsd)),
      side(
        'capacity, ha/h',
        (s) => `${fmt(s.capacityHaPerHour, 2)} ${s.capacitySource === 'measured' ? '[measured]' : '(F1)'}`,
      ),
      ...(a.measured?.fuelLitresPerHa || b.measured?.fuelLitresPerHa
        ? [
            side('fuel, L/ha', (s) =>
              s.measured?.fuelLitresPerHa ? `${fmt(s.measured.fuelLitresPerHa.value, 2)} [measured]` : '(F13)',
            ),
          ]
        : []),
      side('machines for the window (F3)', (s) => String(s.machines)),
      side('days needed (F5)', (s) => fmt(s.daysNeeded, 1)),
      side('machine cost $/ha (F17)', (s) => fmt(s.machineUsdPerHa)),
      side('timeliness $/ha (F19)', (s) => fmt(s.timelinessUsdPerHa)),
      side('total $/ha', (s) => fmt(s.totalUsdPerHa)),
      side('total $/t', (s) => fmt(s.totalUsdPerT, 2)),
      side('total $/yr', (s) => usd(s.totalUsdPerYear)),
      side(
        'cost-minimising fleet (F20)',
        (s) => `${s.costMinimisingMachines} at ${fmt(s.costMinimisingTotalUsdPerHa)} $/ha`,
      ),
      side('$/ha per $1,000 of list price', (s) => fmt(s.usdPerHaPerListPriceUsd * 1000, 3)),
      side('break-even list price', (s) =>
        s.breakEvenListPriceUsd === null ? 'none (cannot tie even at $0)' : usd(s.breakEvenListPriceUsd),
      ),
      side('headroom vs its list price', (s) => (s.listPriceHeadroomUsd === null ? '-' : usd(s.listPriceHeadroomUsd))),
    ],
  );
  out += '\n';
  if (c.winner === 'tie') out += `Result: a tie (totals within $0.005/ha).\n`;
  else {
    const [w, l] = c.winner === 'a' ? [a, b] : [b, a];
    out += `Result: ${w.machineId} wins by ${usd(c.marginUsdPerHa, 2)}/ha (${pct(c.marginShare)} of ${l.machineId}'s cost), ${usd(c.marginUsdPerT, 2)}/t, ${usd(c.marginUsdPerYear)}/yr over ${fmt(c.areaHa, 0)} ha.\n`;
  }
  if (c.breakEvenListPriceDifferenceUsd !== null) {
    const d = c.breakEvenListPriceDifferenceUsd;
    out += `Break-even: B ties A when B's list price is ${usd(b.breakEvenListPriceUsd!)}, i.e. ${d >= 0 ? `up to ${usd(d)} above` : `${usd(-d)} below`} A's list price.\n`;
  }
  out += c.notes.map((n) => `note: ${n}\n`).join('');
  return out;
}

export function renderDemoPlan(plan: DemoPlan, sheetPath?: string): string {
  const o = plan.options;
  let out = `Demonstration plan: ${fmt(o.areaHa, 0)} ha field, ${o.machineIds.length} machines, ${o.replicates} randomised blocks (seed ${o.seed})\n`;
  out += `Trial plots: ${o.machineIds.length} x ${o.replicates} x ${number(o.plotAreaHa)} ha = ${fmt(plan.trialAreaHa, 0)} ha; the other ${fmt(plan.remainingAreaHa, 0)} ha are worked normally (headlands, guard strips, the rest of the harvest).\n`;
  out += `Each plot: strips ${number(o.stripLengthM)} m long, ${fmt((o.plotAreaHa * 10_000) / o.stripLengthM, 1)} m wide in all.\n`;
  out += section('Machines');
  out += formatTable(
    [
      'machine',
      'width m',
      'speed km/h',
      'efficiency',
      'planned ha/h (F1)',
      'passes/plot',
      'h/plot',
      `trial h (${o.unitsPerMachine} unit${o.unitsPerMachine > 1 ? 's' : ''})`,
    ],
    plan.machines.map((m) => [
      m.machineId,
      `${number(m.widthM.value)} ${tag(m.widthM)}`,
      `${number(m.speedKmh.value)} ${tag(m.speedKmh)}`,
      `${number(m.fieldEfficiency.value)} ${tag(m.fieldEfficiency)}`,
      fmt(m.plannedHaPerHour, 2),
      m.passesPerPlot,
      fmt(m.hoursPerPlot, 1),
      fmt(m.trialHours / o.unitsPerMachine, 1),
    ]),
  );
  out += section('Blocks (plots side by side in this order, worked the same day)');
  out += formatTable(
    ['block', 'plot order across the block', 'hours', 'days'],
    plan.blocks.map((b) => [
      b.block,
      b.order.map((id, i) => `P${i + 1} ${id}`).join(' | '),
      fmt(b.hours, 1),
      b.startDay === b.endDay ? `day ${b.startDay}` : `days ${b.startDay}-${b.endDay}`,
    ]),
  );
  out += `Trial: ${fmt(plan.trialHours, 1)} h, ${plan.trialDays} working days of ${number(o.hoursPerDay)} h.\n`;
  out += section('What to measure on every plot');
  out += formatTable(
    ['measure', 'unit', 'better', 'from the sheet', 'how'],
    plan.measures.map((m) => [m.label, m.unit, m.better, m.fromSheet, m.howToMeasure]),
  );
  out += section('Notes') + plan.notes.map((n) => `- ${n}`).join('\n') + '\n';
  out += sheetPath
    ? `\nMeasurement sheet written to ${sheetPath} (${plan.plots.length} plots). Fill it in, then: karavan machinery demo-results ${sheetPath}\n`
    : `\nWrite the measurement sheet with --out sheet.csv, fill it in on the field, then run: karavan machinery demo-results sheet.csv\n`;
  return out;
}

/** Where the showcase's sheets went: the block sheet, and (CSV) the plot sheet beside it. */
export interface ShowcaseSheetPaths {
  blocks: string;
  plots?: string;
}

export function renderShowcase(s: Showcase, written?: ShowcaseSheetPaths): string {
  const o = s.plots.options;
  let out = `Whole-field showcase: ${fmt(s.areaHa, 0)} ha of ${s.cropId}, ${s.machines.length} machines, ${s.sets} sets of adjacent blocks (${s.split} split), randomised plots in sets 1-${o.replicates}\n`;
  out += `Sets of ${fmt(s.areaHa / s.sets, 1)} ha: blocks ${fmt(s.blockAreaHa, 0)} ha; plots ${o.machineIds.length} x ${o.replicates} x ${number(o.plotAreaHa)} ha = ${fmt(s.plots.trialAreaHa, 0)} ha, plot block r in set r.\n`;
  out += `Showcase: ${s.workingDays} working days of ${number(s.parameters.hoursPerDay!.value)} h ${tag(s.parameters.hoursPerDay!)}, ${fmt(s.calendarDays, 1)} calendar days at pwd ${number(s.parameters.workableShare!.value)} ${tag(s.parameters.workableShare!)} against a ${number(s.windowDays)}-day window ${tag(s.parameters.windowDays!)}: ${s.fitsWindow ? 'fits' : 'does not fit'}.\n`;
  out += section('Machines');
  out += formatTable(
    [
      'machine',
      'units',
      'width m',
      'speed km/h',
      'efficiency',
      'ha/h per unit (F1)',
      'block area ha',
      'plot ha',
      'hours per unit',
      'working days',
      'calendar days (F5)',
      `expected t ${tag(s.parameters.yieldTPerHa!)}`,
    ],
    s.machines.map((m) => [
      m.machineId,
      `${m.units.value} ${tag(m.units)}`,
      `${number(m.widthM.value)} ${tag(m.widthM)}`,
      `${number(m.speedKmh.value)} ${tag(m.speedKmh)}`,
      `${number(m.fieldEfficiency.value)} ${tag(m.fieldEfficiency)}`,
      fmt(m.plannedHaPerHour, 2),
      fmt(m.areaHa, 0),
      fmt(m.plotAreaHa, 0),
      fmt(m.hours, 1),
      fmt(m.workingDays, 1),
      fmt(m.calendarDays, 1),
      fmt(m.expectedGrainT, 0),
    ]),
  );
  out += section('Sets (adjacent blocks across the field, in this order, worked the same day)');
  out += formatTable(
    ['set', 'blocks across the set', 'set ha', 'hours', 'day', 'done ha'],
    s.setList.map((set) => [
      set.set,
      [
        ...(set.plotBlock === null ? [] : [`plot block ${set.plotBlock}`]),
        ...s.blocks.filter((b) => b.set === set.set).map((b) => `${b.blockId} ${b.machineId} ${fmt(b.areaHa, 1)} ha`),
      ].join(' | '),
      fmt(set.areaHa, 1),
      fmt(set.hours, 1),
      set.startDay === set.endDay ? `day ${set.startDay}` : `days ${set.startDay}-${set.endDay}`,
      fmt(set.cumulativeAreaHa, 0),
    ]),
  );
  out += section('Randomised plots (plot block r in set r, one unit of each machine on its plot)');
  out += formatTable(
    ['plot block', 'plot order across the block', 'hours', 'days'],
    s.plots.blocks.map((b) => [
      b.block,
      b.order.map((id, i) => `P${i + 1} ${id}`).join(' | '),
      fmt(b.hours, 1),
      b.startDay === b.endDay ? `day ${b.startDay}` : `days ${b.startDay}-${b.endDay}`,
    ]),
  );
  out += section('Visitor days');
  out += formatTable(
    ['visit', 'day', 'in the field', 'show'],
    s.visitorDays.map((v) => [v.label, v.day, v.working.join(', '), v.show]),
  );
  out += section('What to measure on every block');
  out += formatTable(
    ['measure', 'unit', 'better', 'from the sheet', 'instrument'],
    s.measures.map((m) => [m.label.en, m.unit, m.better, m.fromSheet, m.instrument]),
  );
  out += section('Formulas') + s.formulas.map((f) => `- ${f}`).join('\n') + '\n';
  out += section('Notes') + s.notes.map((n) => `- ${n}`).join('\n') + '\n';
  out += written
    ? `\nBlock sheet written to ${written.blocks} (${s.blocks.length} blocks)${written.plots ? `, plot sheet to ${written.plots} (${s.plots.plots.length} plots)` : ', plot sheet in the same workbook'}. Once filled: karavan machinery demo-results ${written.plots ?? written.blocks} (the plots), karavan machinery compare A B --scenario FILE --measured ${written.blocks} (the measured rates)\n`
    : `\nWrite the sheets with --out sheet.csv (block sheet, plot sheet beside it) or --out sheet.xlsx (one workbook).\n`;
  return out;
}

export function renderDemoResults(results: DemoResults): string {
  let out = `Demonstration results: ${results.plots} plots in ${results.blocks} blocks, machines ${results.machineIds.join(', ')}\n`;
  for (const m of results.measures) {
    out += section(`${m.measure.label}, ${m.measure.unit} (${m.measure.better} is better)`);
    out += formatTable(
      ['machine', 'plots', 'mean', 'sd', 'missing'],
      m.machines.map((s) => [s.machineId, s.n, r(s.mean, 3), r(s.standardDeviation, 3), s.missingPlots]),
    );
    if (m.skipped) {
      out += `no comparison: ${m.skipped}\n`;
      continue;
    }
    out += formatTable(
      ['A - B', 'difference', `${Math.round(results.confidenceLevel * 100)} % interval`, 'df', 'relative', 'better'],
      m.comparisons.map((c) => [
        `${c.a} - ${c.b}`,
        fmt(c.differenceOfMeans, 3),
        `${fmt(c.lower, 3)} to ${fmt(c.upper, 3)}`,
        fmt(c.degreesOfFreedom, 1),
        pct(c.relativeDifference),
        c.better ?? 'no clear difference',
      ]),
    );
  }
  out += '\n' + results.notes.map((n) => `note: ${n}\n`).join('');
  return out;
}

export function renderCatalog(catalog: Catalog, presets: PresetCatalog): string {
  let out = section('Machine classes and user machines');
  out += formatTable(
    ['id', 'kind', 'width m', 'speed km/h', 'efficiency', 'power kW', 'list price USD', 'RF1 / RF2', 'life h'],
    catalog.machines.map((m) => [
      m.origin === 'user' ? `${m.id} (user, ${m.baseClassId})` : m.id,
      m.kind + (m.selfPropelled || m.kind.startsWith('tractor') || m.kind === 'mining-truck' ? '' : ' (towed)'),
      range(m.widthM),
      range(m.speedKmh),
      range(m.fieldEfficiency, 2),
      m.kind === 'mining-truck' ? `${range(m.powerKw, 0)}; payload ${range(m.payloadT, 0)} t` : range(m.powerKw, 0),
      range(m.listPriceUsd, 0),
      m.repairFactor1 && m.repairFactor2
        ? `${number(m.repairFactor1.value)} / ${number(m.repairFactor2.value)} ${tag(m.repairFactor1)}`
        : '',
      m.lifeHours ? `${fmt(m.lifeHours.value, 0)} ${tag(m.lifeHours)}` : '',
    ]),
  );
  out += section('Crops (timeliness K per operation, share of yield lost per day)');
  out += formatTable(
    ['crop', 'yield t/ha', 'price USD/t', 'K by operation'],
    catalog.crops.map((c) => [
      c.id,
      c.yieldTPerHa ? `${number(c.yieldTPerHa.value)} ${tag(c.yieldTPerHa)}` : 'give one',
      c.grainPriceUsdPerT ? `${number(c.grainPriceUsdPerT.value)} ${tag(c.grainPriceUsdPerT)}` : 'give one',
      Object.entries(c.timelinessLossSharePerDay)
        .map(([op, k]) => `${op} ${number(k.value)} ${tag(k)}`)
        .join(', '),
    ]),
  );
  out += section('Presets (--preset ID)');
  out += formatTable(
    ['preset', 'title', 'sets'],
    presets.presets.map((p) => [
      p.id,
      p.title,
      Object.entries(p.values)
        .map(([key, v]) => {
          const fact = presets.facts.find((f) => f.id === v.fact)!;
          return `${key} ${number(v.value ?? fact.value)} (${fact.asOf})`;
        })
        .join(', '),
    ]),
  );
  out += section('Notes') + catalog.notes.map((n) => `- ${n}`).join('\n') + '\n';
  return out;
}
