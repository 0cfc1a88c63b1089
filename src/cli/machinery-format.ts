/**
 * Plain-text rendering of machinery results for the terminal: readable tables, every number
 * with its parts, every parameter with its source tag. `--json` prints the objects instead.
 * Every word comes from the message catalog (src/messages/catalog/machinery.ts) in the reader's
 * language; numbers go through Intl (a decimal comma and a no-break space between thousands in
 * Russian). The core's own sentences (notes, warnings, formulas) are English in its result
 * objects, which the JSON keeps; in Russian the formatter says them again from the catalog, from
 * the same numbers. Source citations quoted from data/machinery/*.json stay as they are written.
 */
import type {
  Catalog,
  DemoPlan,
  DemoResults,
  FleetPlan,
  FleetResult,
  HaulagePlan,
  MachineComparison,
  Preset,
  PresetCatalog,
  PresetFact,
  ReplacementDemand,
  Showcase,
  StaffPlan,
  TaggedRange,
  TaggedValue,
} from '../machinery/index.ts';
import type { RivalsResult } from '../analysis/index.ts';
import {
  catalog,
  formatMessage,
  hasBasis,
  statusText,
  t,
  type Lang,
  type MessageId,
  type MessageValue,
} from '../messages/index.ts';
import { formatTable } from './output.ts';

type Values = Record<string, MessageValue>;

const locales: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the reader's locale with `min` to `max` decimals (cached: the tables format thousands of cells). */
function intl(lang: Lang, value: number, min: number, max: number, grouping = true): string {
  const key = `${lang}|${min}|${max}|${grouping}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locales[lang], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Select keys in the catalog are identifiers: "combine-sp", "ha/h" and "machine.lifeHours" become "combine_sp", "ha_h", "machine_lifeHours". */
function key(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '_');
}

/** The data files' sentences the catalog translates (`machinery.data.*`), by their exact English. */
let dataSentences: Map<string, MessageId> | undefined;

function dataSentence(text: string): MessageId | undefined {
  dataSentences ??= new Map(
    Object.entries(catalog)
      .filter(([id]) => id.startsWith('machinery.data.'))
      .map(([id, entry]) => [entry.en, id as MessageId]),
  );
  return dataSentences.get(text);
}

/** The words of one language: `w(id, values)` is `t(lang, id, values)`; numbers in that language's locale. */
class Words {
  constructor(readonly lang: Lang) {}

  w(id: MessageId, values?: Values): string {
    return t(this.lang, id, values);
  }

  /** Fixed decimals: "1,234.5" in English, "1 234,5" in Russian. */
  fmt(value: number, digits = 1, grouping = true): string {
    if (!Number.isFinite(value)) return '-';
    return intl(this.lang, value, digits, digits, grouping);
  }

  /** A parameter's value: integers grouped, others to 1, 3 or 4 significant decimals as entered. */
  number(value: number): string {
    if (Number.isInteger(value)) return intl(this.lang, value, 0, 0);
    const abs = Math.abs(value);
    const digits = abs >= 100 ? 1 : abs >= 1 ? 3 : 4;
    // English keeps the plain JavaScript rendering (no grouping), as before the catalog.
    return this.lang === 'en' ? String(Number(value.toFixed(digits))) : intl(this.lang, value, 0, digits);
  }

  usd(value: number, digits = 0): string {
    if (!Number.isFinite(value)) return '-';
    const amount = this.w('machinery.usd', { amount: this.fmt(Math.abs(value), digits) });
    return `${value < 0 ? '-' : ''}${amount}`;
  }

  pct(share: number, digits = 1): string {
    return `${this.fmt(share * 100, digits)} %`;
  }

  range(r: TaggedRange | undefined, digits = 1): string {
    if (!r) return '';
    return r.min === r.max
      ? `${this.fmt(r.typical, digits)} ${tag(r)}`
      : `${this.fmt(r.typical, digits)} (${this.fmt(r.min, digits)}-${this.fmt(r.max, digits)}) ${tag(r)}`;
  }

  /** A rounded number for a table cell: numeric in English (formatTable right-aligns it), Intl text in Russian. */
  r(value: number, digits = 1): number | Cell {
    const rounded = Number(value.toFixed(digits));
    return this.lang === 'en' ? rounded : new Cell(intl(this.lang, rounded, 0, digits));
  }

  /** A count or other plain number for a table cell, as `r`. */
  n(value: number): number | Cell {
    return this.lang === 'en' ? value : new Cell(intl(this.lang, value, 0, 20));
  }

  /** A scenario or staff parameter by its id, named in the reader's language ("machine.lifeHours", "speedKmh"). */
  param(name: string): string {
    const owner = /^(machine|tractor)\.(.+)$/.exec(name);
    if (owner) return this.w('machinery.paramOf', { owner: owner[1]!, name: this.param(owner[2]!) });
    return this.pick('machinery.param', 'name', name);
  }

  /**
   * A sentence of the data files (a note, a preset's title) in the reader's language when the
   * catalog has it for exactly this English, else as the file says it.
   */
  quote(text: string): string {
    if (this.lang === 'en') return text;
    const id = dataSentence(text);
    return id === undefined ? text : this.w(id);
  }

  /** Between the names in a list: Russian names hold commas themselves («ширина захвата, м»). */
  get separator(): string {
    return this.lang === 'en' ? ', ' : '; ';
  }

  /** A select message keyed by a value's identifier form, the value itself when the catalog has no word for it. */
  pick(id: MessageId, name: string, value: string): string {
    return this.w(id, { key: key(value), [name]: value });
  }

  table(headers: string[], rows: (string | number | Cell | null | undefined)[][]): string {
    return table(headers, rows);
  }

  section(title: string): string {
    return `\n${title}\n${'='.repeat(title.length)}\n`;
  }

  /** A fact's date as the data gives it ("2024-03-26", "2023-Q1"), or "unknown year" in the reader's words. */
  date(asOf: string): string {
    return asOf === 'unknown year' ? this.w('machinery.unknownYear') : asOf;
  }

  /** The currency of an amount per unit: "$" or "долл." for USD, the code otherwise. */
  cur(code: string): string {
    return this.w('machinery.currencyUnit', { code });
  }
}

/** Formatted number text that a table right-aligns as a number. */
class Cell {
  constructor(readonly text: string) {}
}

/** formatTable, with Russian numbers (text) right-aligned like numbers. */
function table(headers: string[], rows: (string | number | Cell | null | undefined)[][]): string {
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 &&
      rows.some((row) => row[i] instanceof Cell) &&
      rows.every(
        (row) => row[i] === null || row[i] === undefined || typeof row[i] === 'number' || row[i] instanceof Cell,
      ),
  );
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] instanceof Cell ? (row[i] as Cell).text.length : 0))),
  );
  return formatTable(
    headers,
    rows.map((row) =>
      row.map((cell, i) => (cell instanceof Cell ? (numeric[i] ? cell.text.padStart(widths[i]!) : cell.text) : cell)),
    ),
  );
}

/** English number formats, for callers outside the formatter (kept as before the catalog). */
const english = new Words('en');

export function fmt(value: number, digits = 1): string {
  return english.fmt(value, digits);
}

export function usd(value: number, digits = 0): string {
  return english.usd(value, digits);
}

function tag(value: { tag: string }): string {
  return `[${value.tag}]`;
}

function notes(lines: readonly string[]): string {
  return lines.map((n) => `- ${n}`).join('\n') + '\n';
}

/**
 * A parameter's source in the reader's language: the data files' and the core's sentences the
 * catalog translates, the purchase price's product and a missing timeliness K (read back from the
 * one form the core writes each in, src/machinery/plan-inputs.ts), or the citation as written.
 */
function sourceText(x: Words, source: string, preset?: string): string {
  if (x.lang === 'en') return source;
  if (preset !== undefined) return preset;
  if (source === 'user input') return x.w('machinery.fleet.userInput');
  const purchase = /^purchasePriceShare ([\d.]+) x list price ([\d.]+)$/.exec(source);
  if (purchase)
    return x.w('machinery.fleet.purchasePriceSource', {
      share: x.number(Number(purchase[1])),
      price: x.number(Number(purchase[2])),
    });
  const noK = /^no timeliness K for (\S+) (\S+) in the catalog; timeliness not costed$/.exec(source);
  if (noK)
    return x.w('machinery.fleet.noKSource', {
      crop: x.w('machinery.crop', { crop: noK[1]!, name: noK[1]! }),
      operation: x.w('machinery.operation', { operation: noK[2]! }),
    });
  return x.quote(source);
}

/**
 * A preset value's source in Russian, built again from the preset file's facts the way the core
 * builds the English (src/machinery/scenario.ts): measure and scope, address, note, conversions.
 */
function presetSource(x: Words, presets: PresetCatalog | undefined, presetId: string | undefined, name: string) {
  if (x.lang === 'en' || presets === undefined || presetId === undefined) return undefined;
  const entry = presets.presets.find((p) => p.id === presetId)?.values[name as keyof Preset['values']];
  const fact = entry && presets.facts.find((f) => f.id === entry.fact);
  if (!entry || !fact) return undefined;
  const note = entry.note ?? fact.note;
  const converted = (entry.per ?? []).map((id) => {
    const d = presets.facts.find((f) => f.id === id)!;
    return x.w('machinery.fleet.presetDivisor', {
      ...factWords(x, d),
      value: x.number(d.value),
      date: x.date(d.asOf),
      url: x.quote(d.sourceUrl),
    });
  });
  return x.w('machinery.fleet.presetSource', {
    ...factWords(x, fact),
    url: x.quote(fact.sourceUrl),
    note: note ? `; ${x.quote(note)}` : '',
    converted: converted.join(''),
  });
}

function parameterTable(
  x: Words,
  parameters: Record<string, TaggedValue>,
  presets?: PresetCatalog,
  presetId?: string,
): string {
  return x.table(
    [x.w('machinery.col.parameter'), x.w('machinery.col.value'), x.w('machinery.col.tag'), x.w('machinery.col.source')],
    Object.entries(parameters).map(([name, p]) => [
      x.param(name),
      x.number(p.value),
      tag(p),
      `${sourceText(x, p.source, p.tag === 'preset' ? presetSource(x, presets, presetId, name) : undefined)}${p.asOf ? ` (${x.w('machinery.asOf', { date: x.date(p.asOf) })})` : ''}`,
    ]),
  );
}

/** A dated fact's measure, unit and scope in the reader's language (the citation itself stays as written). */
function factWords(x: Words, f: PresetFact) {
  return {
    measure: x.w('machinery.factMeasure', { id: f.id, measure: f.measure }),
    unit: x.pick('machinery.factUnit', 'unit', f.unit),
    scope: x.pick('machinery.factScope', 'scope', f.scope),
  };
}

/**
 * A machine's name: the catalog's English name, or in Russian its make and model (names are the
 * same in every language) or, for a generic class, its kind.
 */
function machineName(x: Words, m: { name: string; kind: string; make?: string; model?: string }): string {
  if (x.lang === 'en') return m.name;
  if (m.make !== undefined && m.model !== undefined) return `${m.make} ${m.model}`;
  return x.pick('machinery.kind', 'kind', m.kind);
}

function presetBlock(x: Words, plan: FleetPlan, presets?: PresetCatalog): string {
  if (!plan.preset) return '';
  const p = plan.preset;
  const lines = [x.w('machinery.fleet.preset', { id: p.id, title: x.quote(p.title) })];
  const fromPreset = Object.entries(plan.parameters).filter(([, v]) => v.tag === 'preset');
  for (const [name, v] of fromPreset)
    lines.push(
      `  ${x.w('machinery.fleet.presetValue', {
        name: x.lang === 'en' ? name : x.param(name),
        value: x.number(v.value),
        date: v.asOf === undefined ? x.w('machinery.unknownDate') : x.date(v.asOf),
        source: sourceText(x, v.source, presetSource(x, presets, p.id, name)),
      })}`,
    );
  if (p.context.length > 0) {
    lines.push(`  ${x.w('machinery.fleet.context')}`);
    for (const f of p.context) {
      const words = factWords(x, f);
      lines.push(
        `    ${x.w('machinery.fleet.contextFact', { ...words, value: x.number(f.value), date: x.date(f.asOf), url: x.quote(f.sourceUrl) })}${f.note ? ` - ${x.quote(f.note)}` : ''}`,
      );
    }
  }
  for (const note of p.notes) lines.push(`  ${x.w('machinery.note', { text: x.quote(note) })}`);
  return lines.join('\n') + '\n';
}

/** The currency a fleet plan is printed in: units per USD at a dated rate (`--currency`; USD by default). */
export interface CurrencyShown {
  code: string;
  perUsd: number;
  /** "444.32 KZT per USD, from 444.32 KZT/USD (2024-04-24): URL"; without it, the rate's words in the reader's language. */
  basis?: string;
  /** The dated sources of the rate, for `basis` in the reader's language. */
  sources?: readonly string[];
}

export const usdShown: CurrencyShown = { code: 'USD', perUsd: 1 };

function currencyBasis(x: Words, currency: CurrencyShown): string {
  if (currency.basis !== undefined) return currency.basis;
  if (currency.code === 'USD') return x.w('machinery.fleet.usdBasis');
  const digits = currency.perUsd >= 10 ? 2 : 4;
  return x.w('machinery.fleet.rateBasis', {
    rate: x.fmt(currency.perUsd, digits),
    code: currency.code,
    sources: (currency.sources ?? []).join('; '),
  });
}

/** The staff table of `machinery staff`, and of the fleet plan's staff section. */
export function renderStaffPlan(plan: StaffPlan, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const total =
    x.w('machinery.staff.total', { people: plan.people, days: plan.trainingDays }) +
    (plan.totalCost === null ? '' : x.w('machinery.staff.totalCost', { cost: x.fmt(Math.round(plan.totalCost), 0) }));
  return (
    x.table(
      [
        x.w('machinery.staff.role'),
        x.w('machinery.staff.people'),
        x.w('machinery.staff.formula'),
        x.w('machinery.staff.trainingHours'),
        x.w('machinery.staff.groups'),
        x.w('machinery.staff.days'),
        x.w('machinery.staff.from'),
        x.w('machinery.staff.to'),
        x.w('machinery.staff.cost'),
      ],
      plan.roles.map((r) => [
        x.w('machinery.role', { role: r.role }),
        x.n(r.people),
        lang === 'en' ? r.formula : r.formula.replace(/\d+\.\d+/g, (d) => x.number(Number(d))),
        `${x.number(r.trainingHours.value)} [${r.trainingHours.tag}]`,
        x.n(r.groups),
        x.n(r.trainingDays),
        r.from ?? '',
        r.to ?? '',
        r.cost === null ? '' : x.n(Math.round(r.cost)),
      ]),
    ) +
    // English keeps its plain integers ("cost 1234"), as before the catalog.
    (lang === 'en'
      ? `${plan.people} people; ${plan.trainingDays} days of courses${plan.totalCost === null ? '' : `; cost ${Math.round(plan.totalCost)}`}\n`
      : `${total}\n`) +
    (plan.unconfirmedParameters.length > 0
      ? `${x.w('machinery.staff.placeholders', { names: plan.unconfirmedParameters.map((n) => x.param(n)).join(x.separator) })}\n`
      : '')
  );
}

/** The fleet plan's notes: the core's English, or the same notes said again in Russian from the plan's numbers. */
function fleetNotes(x: Words, plan: FleetPlan): string[] {
  if (x.lang === 'en') return plan.notes;
  return plan.notes.map((note) => {
    const life = /^(\S+): (\d+) h at sale exceed its estimated life of ([\d.]+) h/.exec(note);
    if (life)
      return x.w('machinery.fleet.noteLife', {
        machine: life[1]!,
        hours: x.fmt(Number(life[2]), 0),
        life: x.number(Number(life[3])),
      });
    if (note.startsWith('The cost-minimising fleet'))
      return x.w('machinery.fleet.noteSmallerOptimum', {
        optimum: plan.costMinimisingFleet.machines,
        needed: plan.window.machines,
      });
    if (/^\d+ parameters are unconfirmed/.test(note))
      return x.w('machinery.fleet.noteUnconfirmed', {
        count: plan.unconfirmedParameters.length,
        names: plan.unconfirmedParameters.map((n) => x.param(n)).join(x.separator),
      });
    if (note.startsWith('No timeliness coefficient K'))
      return x.w('machinery.fleet.noteNoK', {
        crop: x.w('machinery.crop', { crop: plan.cropId, name: plan.cropName }),
        operation: x.w('machinery.operation', { operation: plan.operation }),
      });
    if (note.startsWith('The tractor ') && plan.tractor)
      return x.w('machinery.fleet.noteTractor', { tractor: plan.tractor.id });
    return note;
  });
}

/** A warning in the reader's language, from its code and the plan's numbers; the core's English otherwise. */
function warningText(x: Words, plan: FleetPlan, warning: FleetPlan['warnings'][number]): string {
  if (x.lang === 'en') return warning.message;
  const numbers = warning.message.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  switch (warning.code) {
    case 'cost-above-grain-price':
      return x.w('machinery.warning.costAboveGrainPrice', {
        cost: x.fmt(plan.windowFleet.usdPerT.total, 2),
        price: x.fmt(plan.inputs.grainPriceUsdPerT, 2),
      });
    case 'window-not-met':
      return x.w('machinery.warning.windowNotMet', {
        machines: plan.windowFleet.machines,
        days: x.fmt(plan.windowFleet.daysNeeded, 1),
        window: x.number(plan.inputs.windowDays),
      });
    case 'area-per-machine-far-from-national': {
      const factor = /more than ([\d.]+)x apart/.exec(warning.message)?.[1];
      return x.w('machinery.warning.areaPerMachine', {
        ours: x.fmt(numbers[0] ?? Number.NaN, 0),
        national: x.fmt(numbers[1] ?? Number.NaN, 0),
        factor: factor === undefined ? '?' : x.number(Number(factor)),
      });
    }
    case 'parameter-outside-range': {
      // The one form src/machinery/plan-fleet.ts writes: "<key> <value> is outside the documented range of <id>, <min> to <max> [<tag>] <source>".
      const m = /^(\w+) (\S+) is outside the documented range of (\S+), (\S+) to (\S+) \[([^\]]+)\] (.*)$/.exec(
        warning.message,
      );
      if (!m) return warning.message;
      return `${x.w('machinery.warning.outsideRange', {
        name: x.param(m[1]!),
        value: x.number(Number(m[2])),
        id: m[3]!,
        min: x.number(Number(m[4])),
        max: x.number(Number(m[5])),
        tag: m[6]!,
      })} ${sourceText(x, m[7]!)}`;
    }
    default:
      return warning.message;
  }
}

export function renderFleetPlan(
  result: FleetResult,
  currency: CurrencyShown = usdShown,
  lang: Lang = 'en',
  /** The preset file, to say a preset value's source in Russian from its facts. */
  presets?: PresetCatalog,
): string {
  const x = new Words(lang);
  const { plan, fleetSizeTable: sizes, sensitivity, staff } = result;
  // Amounts are computed in USD; --currency prints them at one dated rate (said in the header).
  const money = (value: number, digits = 0) =>
    currency.code === 'USD' ? x.usd(value, digits) : `${x.fmt(value * currency.perUsd, digits)} ${currency.code}`;
  const cur = x.cur(currency.code);
  /** A USD amount in the shown currency, kept numeric for the tables. */
  const k = (valueUsd: number) => (currency.code === 'USD' ? valueUsd : valueUsd * currency.perUsd);
  const w = plan.window;
  const c = plan.capacity;
  const fleet = plan.windowFleet;
  const best = plan.costMinimisingFleet;
  const unit = plan.tractor
    ? x.w('machinery.fleet.pulledBy', { machine: plan.machine.id, tractor: plan.tractor.id })
    : plan.machine.id;
  let out = `${x.w('machinery.fleet.title', {
    crop:
      lang === 'en' ? plan.cropName.toLowerCase() : x.w('machinery.cropOf', { crop: plan.cropId, name: plan.cropName }),
    operation: x.w('machinery.operation', { operation: plan.operation }),
    area: x.fmt(plan.inputs.areaHa, 0),
    unit,
    name: machineName(x, plan.machine),
  })}\n`;
  if (currency.code !== 'USD')
    out += `${x.w('machinery.fleet.amountsIn', { code: currency.code, basis: currencyBasis(x, currency) })}\n`;
  out += presetBlock(x, plan, presets);
  out += x.section(x.w('machinery.fleet.capacitySection'));
  out += `${x.w('machinery.fleet.f1', { speed: x.number(c.speedKmh), width: x.number(c.widthM), eff: x.number(c.fieldEfficiency), rate: x.fmt(c.haPerHour, 2) })}\n`;
  out += `${x.w('machinery.fleet.f2', { rate: x.fmt(c.haPerHour, 2), hours: x.number(w.hoursPerDay), days: x.number(w.windowDays), pwd: x.number(w.workableShare), area: x.fmt(w.areaPerMachineHa, 1) })}\n`;
  out += `${x.w('machinery.fleet.f3', { area: x.fmt(plan.inputs.areaHa, 0), perMachine: x.fmt(w.areaPerMachineHa, 1), exact: x.fmt(w.exactMachines, 2), machines: String(w.machines) })}\n`;
  out += `${x.w('machinery.fleet.f4', { hours: x.fmt(fleet.hoursPerYearPerMachine, 1), total: x.fmt(fleet.hoursPerYearPerMachine * plan.inputs.ownershipYears, 0), years: x.number(plan.inputs.ownershipYears) })}\n`;
  out += `${x.w('machinery.fleet.f5', { days: x.fmt(fleet.daysNeeded, 1), window: x.number(w.windowDays) })}\n`;
  out += x.section(x.w('machinery.fleet.costSection'));
  const row = (label: string, pick: (f: typeof fleet) => number, digits = 1, isMoney = true) => [
    label,
    isMoney ? money(pick(fleet), digits) : x.fmt(pick(fleet), digits),
    isMoney ? money(pick(best.cost), digits) : x.fmt(pick(best.cost), digits),
  ];
  const yesNo = (yes: boolean) => x.w(yes ? 'machinery.yes' : 'machinery.no');
  out += x.table(
    ['', x.w('machinery.fleet.windowFleet'), x.w('machinery.fleet.costMinimising')],
    [
      [x.w('machinery.fleet.row.machines'), String(fleet.machines), String(best.machines)],
      row(x.w('machinery.fleet.row.hoursPerMachine'), (f) => f.hoursPerYearPerMachine, 1, false),
      row(x.w('machinery.fleet.row.daysNeeded'), (f) => f.daysNeeded, 1, false),
      [x.w('machinery.fleet.row.finishes'), yesNo(fleet.meetsWindow), yesNo(best.meetsWindow)],
      row(x.w('machinery.fleet.row.ownership', { cur }), (f) => f.usdPerHa.ownership),
      row(x.w('machinery.fleet.row.repairs', { cur }), (f) => f.usdPerHa.repair),
      row(x.w('machinery.fleet.row.fuel', { cur }), (f) => f.usdPerHa.fuel),
      row(x.w('machinery.fleet.row.lubrication', { cur }), (f) => f.usdPerHa.lubrication),
      row(x.w('machinery.fleet.row.labour', { cur }), (f) => f.usdPerHa.labour),
      row(x.w('machinery.fleet.row.machineCost', { cur }), (f) => f.usdPerHa.machine),
      row(x.w('machinery.fleet.row.timeliness', { cur }), (f) => f.usdPerHa.timeliness),
      row(x.w('machinery.fleet.row.totalHa', { cur }), (f) => f.usdPerHa.total),
      row(x.w('machinery.fleet.row.totalT', { cur }), (f) => f.usdPerT.total, 2),
      row(x.w('machinery.fleet.row.totalYear', { cur }), (f) => f.usdPerYear.total, 0),
    ],
  );
  out += `${x.w('machinery.fleet.f20', {
    approx: x.fmt(best.approximateMachines, 1),
    cm: money(best.approximationUnitOwnershipUsdPerYear),
    from: String(best.searchedFromMachines),
    to: String(best.searchedToMachines),
    found: String(best.machines),
  })}\n`;
  out += x.section(x.w('machinery.fleet.unitSection'));
  const parts = fleet.perMachine;
  const col = (pick: (m: (typeof parts)[number]) => string) => parts.map(pick);
  out += x.table(
    ['', ...parts.map((m) => x.w('machinery.fleet.unitColumn', { role: m.role, id: m.machineId }))],
    [
      [x.w('machinery.fleet.unit.listPrice'), ...col((m) => money(m.listPriceUsd))],
      [x.w('machinery.fleet.unit.purchasePrice'), ...col((m) => money(m.purchasePriceUsd))],
      [x.w('machinery.fleet.unit.hoursAtSale'), ...col((m) => x.fmt(m.operating.accumulatedHours, 0))],
      [x.w('machinery.fleet.unit.life'), ...col((m) => x.fmt(m.lifeHours, 0))],
      ['CRF(i, n) (F10)', ...col((m) => x.fmt(m.ownership.capitalRecoveryFactor, 4))],
      [x.w('machinery.fleet.unit.remainingValue'), ...col((m) => x.pct(m.ownership.remainingValueShare))],
      [x.w('machinery.fleet.unit.salvage'), ...col((m) => money(m.ownership.salvageValueUsd))],
      ['(PP - S) x CRF', ...col((m) => money(m.ownership.depreciationAndInterestUsdPerYear))],
      ['S x i', ...col((m) => money(m.ownership.salvageInterestUsdPerYear))],
      [x.w('machinery.fleet.unit.tih'), ...col((m) => money(m.ownership.taxesInsuranceHousingUsdPerYear))],
      [x.w('machinery.fleet.unit.ownership'), ...col((m) => money(m.ownership.ownershipUsdPerYear))],
      [x.w('machinery.fleet.unit.repairs'), ...col((m) => money(m.operating.repairUsdPerYear))],
      [
        x.w('machinery.fleet.unit.fuel'),
        ...col((m) =>
          x.w('machinery.fleet.withLitres', {
            amount: money(m.operating.fuelUsdPerYear),
            litres: x.fmt(m.operating.fuelLitresPerYear, 0),
          }),
        ),
      ],
      [x.w('machinery.fleet.unit.lubrication'), ...col((m) => money(m.operating.lubricationUsdPerYear))],
      [
        x.w('machinery.fleet.unit.labour'),
        ...col((m) =>
          x.w('machinery.fleet.withHours', {
            amount: money(m.operating.labourUsdPerYear),
            hours: x.fmt(m.operating.labourHoursPerYear, 0),
          }),
        ),
      ],
      [x.w('machinery.fleet.unit.operating'), ...col((m) => money(m.operating.operatingUsdPerYear))],
      [x.w('machinery.fleet.unit.total'), ...col((m) => money(m.totalUsdPerYear))],
    ],
  );
  const tl = fleet.timeliness;
  out += `${x.w('machinery.fleet.timeliness', {
    k: x.number(plan.inputs.timelinessLossSharePerDay),
    yield: x.number(plan.inputs.yieldTPerHa),
    price: money(plan.inputs.grainPriceUsdPerT),
    area: x.fmt(plan.inputs.areaHa, 0),
    days: x.fmt(fleet.daysNeeded, 2),
    z: x.number(plan.inputs.zDivisor),
    cost: money(tl.timelinessUsdPerYear),
    lost: x.fmt(tl.lostTonnes, 0),
  })}\n`;
  const alt = x.number(sizes.alternativeWorkableShare);
  out += x.section(x.w('machinery.fleet.sizesSection', { pwd: x.number(sizes.workableShare), alt }));
  out += x.table(
    [
      x.w('machinery.col.machines'),
      x.w('machinery.fleet.size.daysNeeded'),
      x.w('machinery.fleet.size.machine', { cur }),
      x.w('machinery.fleet.size.timeliness', { cur }),
      x.w('machinery.fleet.size.total', { cur }),
      x.w('machinery.fleet.size.inWindow'),
      x.w('machinery.fleet.size.altDays', { alt }),
      x.w('machinery.fleet.size.altTotal', { cur, alt }),
    ],
    sizes.rows.map((row) => [
      x.n(row.machines),
      x.r(row.daysNeeded),
      x.r(k(row.machineUsdPerHa)),
      x.r(k(row.timelinessUsdPerHa)),
      x.r(k(row.totalUsdPerHa)),
      yesNo(row.meetsWindow),
      x.r(row.alternativeDaysNeeded),
      x.r(k(row.alternativeTotalUsdPerHa)),
    ]),
  );
  out += x.section(x.w('machinery.fleet.sensitivitySection'));
  out += `${x.w('machinery.fleet.sensitivityBase', { machines: sensitivity.base.machines, total: x.fmt(k(sensitivity.base.totalUsdPerHa)), cur })}\n`;
  out += x.table(
    [
      x.w('machinery.col.parameter'),
      x.w('machinery.fleet.sens.factor'),
      x.w('machinery.col.value'),
      x.w('machinery.col.machines'),
      x.w('machinery.fleet.sens.days'),
      x.w('machinery.fleet.sens.total', { cur }),
      x.w('machinery.fleet.sens.change', { cur }),
      x.w('machinery.fleet.sens.changePct'),
      x.w('machinery.fleet.sens.note'),
    ],
    sensitivity.rows.map((row) =>
      row.skipped
        ? [
            x.param(row.parameter),
            `x${x.number(row.factor)}`,
            x.number(row.value),
            null,
            null,
            null,
            null,
            null,
            lang === 'en' || row.skipped !== 'above 1, outside (0, 1]'
              ? `skipped: ${row.skipped}`
              : x.w('machinery.fleet.sens.skippedAboveOne'),
          ]
        : [
            x.param(row.parameter),
            `x${x.number(row.factor)}`,
            x.number(row.value),
            x.n(row.machines!),
            x.r(row.daysNeeded!),
            x.r(k(row.totalUsdPerHa!)),
            x.r(k(row.changeUsdPerHa!)),
            x.r(row.changeShare! * 100),
            '',
          ],
    ),
  );
  out += x.section(
    x.w('machinery.fleet.staffSection', {
      shifts: staff.shifts,
      hours: x.number(staff.shiftHours.value),
      hoursTag: staff.shiftHours.tag,
      day: x.number(plan.inputs.hoursPerDay),
      reserve: x.pct(staff.reserveShare.value),
      reserveTag: staff.reserveShare.tag,
    }),
  );
  out += renderStaffPlan(staff, lang);
  out += x.section(x.w('machinery.fleet.parametersSection'));
  out += parameterTable(x, plan.parameters, presets, plan.preset?.id);
  if (plan.machine.remainingValueRow)
    out += `${x.w('machinery.fleet.remainingValueRow', { owner: 'machine', row: x.pick('machinery.remainingValueRowName', 'row', plan.machine.remainingValueRow) })}\n`;
  if (plan.tractor?.remainingValueRow)
    out += `${x.w('machinery.fleet.remainingValueRow', { owner: 'tractor', row: x.pick('machinery.remainingValueRowName', 'row', plan.tractor.remainingValueRow) })}\n`;
  if (plan.machine.note) out += `${x.w('machinery.fleet.machineNote', { note: x.quote(plan.machine.note) })}\n`;
  const planNotes = fleetNotes(x, plan);
  if (planNotes.length > 0) out += x.section(x.w('machinery.section.notes')) + notes(planNotes);
  if (plan.warnings.length > 0)
    out +=
      x.section(x.w('machinery.section.warnings')) +
      plan.warnings.map((warning) => `- ${warningText(x, plan, warning)} [${warning.code}]`).join('\n') +
      '\n';
  return out;
}

/**
 * The sums behind a measured rate in the reader's language. The core writes them in one fixed
 * form (src/machinery/measured-rates.ts), read back here; any other source is shown as written.
 */
function measuredSource(x: Words, source: string): string {
  if (x.lang === 'en') return source;
  const m1 = /^M1: ([\d.]+) ha \/ ([\d.]+) h over (\d+) of (\d+) rows of (.+)$/.exec(source);
  if (m1)
    return x.w('machinery.compare.m1', {
      area: x.number(Number(m1[1])),
      hours: x.number(Number(m1[2])),
      used: m1[3]!,
      rows: m1[4]!,
      sheet: m1[5]!,
    });
  const m2 = /^M2: ([\d.]+) L \/ ([\d.]+) ha over (\d+) of (\d+) rows of (.+)$/.exec(source);
  if (m2)
    return x.w('machinery.compare.m2', {
      litres: x.number(Number(m2[1])),
      area: x.number(Number(m2[2])),
      used: m2[3]!,
      rows: m2[4]!,
      sheet: m2[5]!,
    });
  return source;
}

/** The comparison's notes: the core's English, or the same notes said again in Russian from the comparison. */
function compareNotes(x: Words, c: MachineComparison): string[] {
  if (x.lang === 'en') return c.notes;
  const { a, b } = c.plans;
  const operation = (op: string) => x.w('machinery.operation', { operation: op });
  const unconfirmed = [...new Set([...a.unconfirmedParameters, ...b.unconfirmedParameters])];
  const measured = [c.a, c.b].flatMap((s) => {
    if (!s.measured) return [];
    const parts = [
      s.measured.haPerHour &&
        x.w('machinery.compare.measuredCapacity', {
          value: x.fmt(s.measured.haPerHour.value, 3),
          source: measuredSource(x, s.measured.haPerHour.source),
        }),
      s.measured.fuelLitresPerHa &&
        x.w('machinery.compare.measuredFuel', {
          value: x.fmt(s.measured.fuelLitresPerHa.value, 2),
          source: measuredSource(x, s.measured.fuelLitresPerHa.source),
        }),
    ].filter(Boolean);
    return [x.w('machinery.compare.noteMeasured', { machine: s.machineId, parts: parts.join('; ') })];
  });
  return [
    ...(a.operation === b.operation
      ? []
      : [x.w('machinery.compare.noteOperations', { a: operation(a.operation), b: operation(b.operation) })]),
    x.w('machinery.compare.noteSameWindow'),
    ...measured,
    ...(Boolean(c.a.measured?.haPerHour) === Boolean(c.b.measured?.haPerHour)
      ? []
      : [x.w('machinery.compare.noteOneSide')]),
    ...(unconfirmed.length > 0
      ? [x.w('machinery.compare.noteUnconfirmed', { names: unconfirmed.map((n) => x.param(n)).join(x.separator) })]
      : []),
  ];
}

export function renderComparison(c: MachineComparison, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const a = c.a;
  const b = c.b;
  const cur = x.cur('USD');
  let out = `${x.w('machinery.compare.title', {
    crop: lang === 'en' ? c.cropId : x.w('machinery.crop', { crop: c.cropId, name: c.cropId }),
    area: x.fmt(c.areaHa, 0),
    window: x.number(c.windowDays),
  })}\n\n`;
  const side = (label: string, pick: (s: typeof a) => string) => [label, pick(a), pick(b)];
  out += x.table(
    ['', `A: ${a.machineId}`, `B: ${b.machineId}`],
    [
      side(x.w('machinery.compare.name'), (s) =>
        machineName(x, { ...(s === a ? c.plans.a : c.plans.b).machine, name: s.name }),
      ),
      side(x.w('machinery.compare.tractor'), (s) => s.tractorId ?? '-'),
      side(x.w('machinery.compare.listPrice'), (s) => x.usd(s.listPriceUsd)),
      side(
        x.w('machinery.compare.capacity'),
        (s) => `${x.fmt(s.capacityHaPerHour, 2)} ${s.capacitySource === 'measured' ? '[measured]' : '(F1)'}`,
      ),
      ...(a.measured?.fuelLitresPerHa || b.measured?.fuelLitresPerHa
        ? [
            side(x.w('machinery.compare.fuel'), (s) =>
              s.measured?.fuelLitresPerHa ? `${x.fmt(s.measured.fuelLitresPerHa.value, 2)} [measured]` : '(F13)',
            ),
          ]
        : []),
      side(x.w('machinery.compare.machines'), (s) => String(s.machines)),
      side(x.w('machinery.compare.daysNeeded'), (s) => x.fmt(s.daysNeeded, 1)),
      side(x.w('machinery.compare.machineCost', { cur }), (s) => x.fmt(s.machineUsdPerHa)),
      side(x.w('machinery.compare.timeliness', { cur }), (s) => x.fmt(s.timelinessUsdPerHa)),
      side(x.w('machinery.compare.totalHa', { cur }), (s) => x.fmt(s.totalUsdPerHa)),
      side(x.w('machinery.compare.totalT', { cur }), (s) => x.fmt(s.totalUsdPerT, 2)),
      side(x.w('machinery.compare.totalYear', { cur }), (s) => x.usd(s.totalUsdPerYear)),
      side(x.w('machinery.compare.costMinimising'), (s) =>
        x.w('machinery.compare.costMinimisingValue', {
          machines: String(s.costMinimisingMachines),
          total: x.fmt(s.costMinimisingTotalUsdPerHa),
          cur,
        }),
      ),
      side(x.w('machinery.compare.perListPrice', { cur, thousand: x.usd(1000) }), (s) =>
        x.fmt(s.usdPerHaPerListPriceUsd * 1000, 3),
      ),
      side(x.w('machinery.compare.breakEven'), (s) =>
        s.breakEvenListPriceUsd === null
          ? x.w('machinery.compare.noBreakEven', { zero: x.usd(0) })
          : x.usd(s.breakEvenListPriceUsd),
      ),
      side(x.w('machinery.compare.headroom'), (s) =>
        s.listPriceHeadroomUsd === null ? '-' : x.usd(s.listPriceHeadroomUsd),
      ),
    ],
  );
  out += '\n';
  if (c.winner === 'tie') out += `${x.w('machinery.compare.tie', { tolerance: x.usd(0.005, 3) })}\n`;
  else {
    const [win, lose] = c.winner === 'a' ? [a, b] : [b, a];
    out += `${x.w('machinery.compare.wins', {
      winner: win.machineId,
      perHa: x.usd(c.marginUsdPerHa, 2),
      share: x.pct(c.marginShare),
      loser: lose.machineId,
      perT: x.usd(c.marginUsdPerT, 2),
      perYear: x.usd(c.marginUsdPerYear),
      area: x.fmt(c.areaHa, 0),
    })}\n`;
  }
  if (c.breakEvenListPriceDifferenceUsd !== null) {
    const d = c.breakEvenListPriceDifferenceUsd;
    out += `${x.w(d >= 0 ? 'machinery.compare.breakEvenAbove' : 'machinery.compare.breakEvenBelow', {
      price: x.usd(b.breakEvenListPriceUsd!),
      difference: x.usd(Math.abs(d)),
    })}\n`;
  }
  out += compareNotes(x, c)
    .map((n) => `${x.w('machinery.note', { text: n })}\n`)
    .join('');
  return out;
}

/** A measure's label, unit and direction in the reader's language (the core keeps the English). */
function measureWords(x: Words, m: { id: string; label: string; unit: string; better: string }) {
  if (x.lang === 'en') return { label: m.label, unit: m.unit, better: m.better };
  return {
    label: x.w('machinery.measure.label', { id: m.id }),
    unit: x.pick('machinery.measure.unit', 'unit', m.unit.replace(/^% of mass$/, 'percent of mass')),
    better: x.w('machinery.better', { better: m.better }),
  };
}

function dayText(x: Words, start: number, end: number): string {
  if (x.lang === 'en') return start === end ? `day ${start}` : `days ${start}-${end}`;
  return start === end
    ? x.w('machinery.day', { day: String(start) })
    : x.w('machinery.days', { from: String(start), to: String(end) });
}

/** The demonstration plan's notes in Russian, from its options; the core's English otherwise. */
function demoNotes(x: Words, plan: DemoPlan): string[] {
  if (x.lang === 'en') return plan.notes;
  const welch = plan.notes.find((n) => n.startsWith('With '));
  const df = welch === undefined ? undefined : /at most (\d+) degrees/.exec(welch)?.[1];
  return [
    x.w('machinery.demo.noteGradient'),
    x.w('machinery.demo.noteSameDay'),
    x.w('machinery.demo.noteSameVariety'),
    x.w('machinery.demo.noteRates'),
    ...(df === undefined ? [] : [x.w('machinery.demo.noteWelch', { blocks: plan.options.replicates, df })]),
  ];
}

export function renderDemoPlan(plan: DemoPlan, sheetPath?: string, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const o = plan.options;
  let out = `${x.w('machinery.demo.title', { area: x.fmt(o.areaHa, 0), machines: o.machineIds.length, blocks: o.replicates, seed: String(o.seed) })}\n`;
  out += `${x.w('machinery.demo.trialPlots', {
    machines: String(o.machineIds.length),
    blocks: String(o.replicates),
    plot: x.number(o.plotAreaHa),
    trial: x.fmt(plan.trialAreaHa, 0),
    rest: x.fmt(plan.remainingAreaHa, 0),
  })}\n`;
  out += `${x.w('machinery.demo.eachPlot', { length: x.number(o.stripLengthM), width: x.fmt((o.plotAreaHa * 10_000) / o.stripLengthM, 1) })}\n`;
  out += x.section(x.w('machinery.section.machines'));
  out += x.table(
    [
      x.w('machinery.col.machine'),
      x.w('machinery.col.widthM'),
      x.w('machinery.col.speedKmh'),
      x.w('machinery.col.efficiency'),
      x.w('machinery.demo.plannedRate'),
      x.w('machinery.demo.passes'),
      x.w('machinery.demo.hoursPerPlot'),
      x.w('machinery.demo.trialHours', { units: o.unitsPerMachine }),
    ],
    plan.machines.map((m) => [
      m.machineId,
      `${x.number(m.widthM.value)} ${tag(m.widthM)}`,
      `${x.number(m.speedKmh.value)} ${tag(m.speedKmh)}`,
      `${x.number(m.fieldEfficiency.value)} ${tag(m.fieldEfficiency)}`,
      x.fmt(m.plannedHaPerHour, 2),
      x.n(m.passesPerPlot),
      x.fmt(m.hoursPerPlot, 1),
      x.fmt(m.trialHours / o.unitsPerMachine, 1),
    ]),
  );
  out += x.section(x.w('machinery.demo.blocksSection'));
  out += x.table(
    [
      x.w('machinery.demo.block'),
      x.w('machinery.demo.plotOrder'),
      x.w('machinery.col.hours'),
      x.w('machinery.col.days'),
    ],
    plan.blocks.map((b) => [
      x.n(b.block),
      b.order.map((id, i) => `P${i + 1} ${id}`).join(' | '),
      x.fmt(b.hours, 1),
      dayText(x, b.startDay, b.endDay),
    ]),
  );
  out += `${x.w('machinery.demo.trial', { hours: x.fmt(plan.trialHours, 1), days: plan.trialDays, perDay: x.number(o.hoursPerDay) })}\n`;
  out += x.section(x.w('machinery.demo.measureSection'));
  out += x.table(
    [
      x.w('machinery.col.measure'),
      x.w('machinery.col.unit'),
      x.w('machinery.col.better'),
      x.w('machinery.col.fromSheet'),
      x.w('machinery.demo.how'),
    ],
    plan.measures.map((m) => {
      const words = measureWords(x, m);
      return [
        words.label,
        words.unit,
        words.better,
        m.fromSheet,
        lang === 'en' ? m.howToMeasure : x.w('machinery.measure.demoHow', { id: m.id }),
      ];
    }),
  );
  out += x.section(x.w('machinery.section.notes')) + notes(demoNotes(x, plan));
  out += sheetPath
    ? `\n${x.w('machinery.demo.written', { path: sheetPath, plots: plan.plots.length })}\n`
    : `\n${x.w('machinery.demo.writeHint')}\n`;
  return out;
}

/** Where the showcase's sheets went: the block sheet, and (CSV) the plot sheet beside it. */
export interface ShowcaseSheetPaths {
  blocks: string;
  plots?: string;
}

/** The showcase's notes and formulas in Russian, from its numbers; the core's English otherwise. */
function showcaseNotes(x: Words, s: Showcase): { notes: string[]; formulas: string[] } {
  if (x.lang === 'en') return { notes: s.notes, formulas: s.formulas };
  const replicates = s.plots.options.replicates;
  const unconfirmed = Object.entries(s.parameters)
    .filter(([, v]) => v.tag === 'M')
    .map(([name]) => name);
  const pwd = s.parameters.workableShare!.value;
  const notesRu = [
    x.w(s.split === 'capacity' ? 'machinery.showcase.noteSplitCapacity' : 'machinery.showcase.noteSplitEqual'),
    x.w('machinery.showcase.noteAdjacent'),
    x.w('machinery.showcase.notePlotsInSets', { replicates: String(replicates) }),
    x.w('machinery.showcase.noteRates'),
    x.w('machinery.showcase.noteNoGuards'),
    x.w('machinery.showcase.noteMeasuredToCompare'),
    ...(s.calendarDays > s.windowDays
      ? [
          x.w('machinery.showcase.noteBeyondWindow', {
            calendarDays: x.fmt(s.calendarDays, 1),
            workingDays: s.workingDays,
            pwd: x.number(pwd),
            windowDays: x.number(s.windowDays),
          }),
        ]
      : []),
    ...(unconfirmed.length > 0
      ? [
          x.w('machinery.showcase.noteUnconfirmed', {
            count: unconfirmed.length,
            names: unconfirmed.map((n) => showcaseParam(x, n)).join(x.separator),
          }),
        ]
      : []),
  ];
  const formulas = s.formulas.map((f) => {
    const id = /^SC\d/.exec(f)?.[0] ?? '';
    const variant = id === 'SC2' ? s.split : id === 'SC4' ? (f.endsWith('given') ? 'given' : 'computed') : 'one';
    return x.w('machinery.showcase.formula', { id, variant });
  });
  return { notes: notesRu, formulas };
}

/** A showcase parameter: the scenario's ("hoursPerDay") or a machine's ("combine-sp-9m.widthM"). */
function showcaseParam(x: Words, name: string): string {
  const machine = /^(.+)\.(units|widthM|speedKmh|fieldEfficiency)$/.exec(name);
  return machine ? `${machine[1]}: ${x.param(machine[2]!)}` : x.param(name);
}

export function renderShowcase(s: Showcase, written?: ShowcaseSheetPaths, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const o = s.plots.options;
  const p = s.parameters;
  let out = `${x.w('machinery.showcase.title', {
    area: x.fmt(s.areaHa, 0),
    crop: lang === 'en' ? s.cropId : x.w('machinery.cropOf', { crop: s.cropId, name: s.cropId }),
    machines: s.machines.length,
    sets: s.sets,
    split: s.split,
    replicates: String(o.replicates),
  })}\n`;
  out += `${x.w('machinery.showcase.setsLine', {
    setArea: x.fmt(s.areaHa / s.sets, 1),
    blockArea: x.fmt(s.blockAreaHa, 0),
    machines: String(o.machineIds.length),
    replicates: String(o.replicates),
    plot: x.number(o.plotAreaHa),
    plots: x.fmt(s.plots.trialAreaHa, 0),
  })}\n`;
  out += `${x.w('machinery.showcase.daysLine', {
    workingDays: s.workingDays,
    hours: x.number(p.hoursPerDay!.value),
    hoursTag: tag(p.hoursPerDay!),
    calendarDays: x.fmt(s.calendarDays, 1),
    pwd: x.number(p.workableShare!.value),
    pwdTag: tag(p.workableShare!),
    window: x.number(s.windowDays),
    windowTag: tag(p.windowDays!),
    fits: s.fitsWindow ? 'yes' : 'no',
  })}\n`;
  out += x.section(x.w('machinery.section.machines'));
  out += x.table(
    [
      x.w('machinery.col.machine'),
      x.w('machinery.showcase.units'),
      x.w('machinery.col.widthM'),
      x.w('machinery.col.speedKmh'),
      x.w('machinery.col.efficiency'),
      x.w('machinery.showcase.ratePerUnit'),
      x.w('machinery.showcase.blockArea'),
      x.w('machinery.showcase.plotHa'),
      x.w('machinery.showcase.hoursPerUnit'),
      x.w('machinery.showcase.workingDays'),
      x.w('machinery.showcase.calendarDays'),
      x.w('machinery.showcase.expectedT', { tag: tag(p.yieldTPerHa!) }),
    ],
    s.machines.map((m) => [
      m.machineId,
      `${m.units.value} ${tag(m.units)}`,
      `${x.number(m.widthM.value)} ${tag(m.widthM)}`,
      `${x.number(m.speedKmh.value)} ${tag(m.speedKmh)}`,
      `${x.number(m.fieldEfficiency.value)} ${tag(m.fieldEfficiency)}`,
      x.fmt(m.plannedHaPerHour, 2),
      x.fmt(m.areaHa, 0),
      x.fmt(m.plotAreaHa, 0),
      x.fmt(m.hours, 1),
      x.fmt(m.workingDays, 1),
      x.fmt(m.calendarDays, 1),
      x.fmt(m.expectedGrainT, 0),
    ]),
  );
  const plotBlock = (block: number) => x.w('machinery.showcase.plotBlockN', { block: String(block) });
  out += x.section(x.w('machinery.showcase.setsSection'));
  out += x.table(
    [
      x.w('machinery.showcase.set'),
      x.w('machinery.showcase.blocksAcross'),
      x.w('machinery.showcase.setHa'),
      x.w('machinery.col.hours'),
      x.w('machinery.col.day'),
      x.w('machinery.showcase.doneHa'),
    ],
    s.setList.map((set) => [
      x.n(set.set),
      [
        ...(set.plotBlock === null ? [] : [plotBlock(set.plotBlock)]),
        ...s.blocks
          .filter((b) => b.set === set.set)
          .map((b) => `${b.blockId} ${b.machineId} ${x.fmt(b.areaHa, 1)} ${x.w('machinery.unit.ha')}`),
      ].join(' | '),
      x.fmt(set.areaHa, 1),
      x.fmt(set.hours, 1),
      dayText(x, set.startDay, set.endDay),
      x.fmt(set.cumulativeAreaHa, 0),
    ]),
  );
  out += x.section(x.w('machinery.showcase.plotsSection'));
  out += x.table(
    [
      x.w('machinery.showcase.plotBlock'),
      x.w('machinery.demo.plotOrder'),
      x.w('machinery.col.hours'),
      x.w('machinery.col.days'),
    ],
    s.plots.blocks.map((b) => [
      x.n(b.block),
      b.order.map((id, i) => `P${i + 1} ${id}`).join(' | '),
      x.fmt(b.hours, 1),
      dayText(x, b.startDay, b.endDay),
    ]),
  );
  out += x.section(x.w('machinery.showcase.visitorSection'));
  out += x.table(
    [
      x.w('machinery.showcase.visit'),
      x.w('machinery.col.day'),
      x.w('machinery.showcase.inTheField'),
      x.w('machinery.showcase.show'),
    ],
    s.visitorDays.map((v) => [
      lang === 'en' ? v.label : x.w(`machinery.showcase.visitor.${v.id}`),
      x.n(v.day),
      lang === 'en'
        ? v.working.join(', ')
        : v.working.map((w) => w.replace(/^plot block (\d+)$/, (_, n: string) => plotBlock(Number(n)))).join(', '),
      lang === 'en' ? v.show : x.w(`machinery.showcase.visitor.${v.id}.show`),
    ]),
  );
  out += x.section(x.w('machinery.showcase.measureSection'));
  out += x.table(
    [
      x.w('machinery.col.measure'),
      x.w('machinery.col.unit'),
      x.w('machinery.col.better'),
      x.w('machinery.col.fromSheet'),
      x.w('machinery.showcase.instrument'),
    ],
    s.measures.map((m) => {
      const words = measureWords(x, { id: m.id, label: m.label.en, unit: m.unit, better: m.better });
      return [
        lang === 'en' ? m.label.en : m.label.ru,
        words.unit,
        words.better,
        m.fromSheet,
        lang === 'en' ? m.instrument : x.w(`machinery.showcase.measure.${m.id}.instrument`),
      ];
    }),
  );
  const said = showcaseNotes(x, s);
  out += x.section(x.w('machinery.section.formulas')) + notes(said.formulas);
  out += x.section(x.w('machinery.section.notes')) + notes(said.notes);
  out += written
    ? `\n${x.w(written.plots ? 'machinery.showcase.writtenCsv' : 'machinery.showcase.writtenBook', {
        blocks: written.blocks,
        blockCount: s.blocks.length,
        plots: written.plots ?? written.blocks,
        plotCount: s.plots.plots.length,
      })}\n`
    : `\n${x.w('machinery.showcase.writeHint')}\n`;
  return out;
}

export function renderDemoResults(results: DemoResults, lang: Lang = 'en'): string {
  const x = new Words(lang);
  let out = `${x.w('machinery.results.title', { plots: results.plots, blocks: results.blocks, machines: results.machineIds.join(', ') })}\n`;
  const level = String(Math.round(results.confidenceLevel * 100));
  for (const m of results.measures) {
    const words = measureWords(x, m.measure);
    out += x.section(
      x.w('machinery.results.measure', { label: words.label, unit: words.unit, better: m.measure.better }),
    );
    out += x.table(
      [
        x.w('machinery.col.machine'),
        x.w('machinery.results.plots'),
        x.w('machinery.results.mean'),
        x.w('machinery.results.sd'),
        x.w('machinery.results.missing'),
      ],
      m.machines.map((s) => [s.machineId, x.n(s.n), x.r(s.mean, 3), x.r(s.standardDeviation, 3), x.n(s.missingPlots)]),
    );
    if (m.skipped) {
      const few = /^fewer than 2 plots with data for (.+)$/.exec(m.skipped);
      const reason = lang !== 'en' && few ? x.w('machinery.results.fewPlots', { machines: few[1]! }) : m.skipped;
      out += `${x.w('machinery.results.noComparison', { reason })}\n`;
      continue;
    }
    out += x.table(
      [
        'A - B',
        x.w('machinery.results.difference'),
        x.w('machinery.results.interval', { level }),
        x.w('machinery.results.df'),
        x.w('machinery.results.relative'),
        x.w('machinery.col.better'),
      ],
      m.comparisons.map((c) => [
        `${c.a} - ${c.b}`,
        x.fmt(c.differenceOfMeans, 3),
        x.w('machinery.results.range', { lower: x.fmt(c.lower, 3), upper: x.fmt(c.upper, 3) }),
        x.fmt(c.degreesOfFreedom, 1),
        x.pct(c.relativeDifference),
        c.better ?? x.w('machinery.results.noClearDifference'),
      ]),
    );
  }
  const resultNotes =
    lang === 'en'
      ? results.notes
      : [x.w('machinery.results.noteWelch', { level }), x.w('machinery.results.noteBlocks')];
  out += '\n' + resultNotes.map((n) => `${x.w('machinery.note', { text: n })}\n`).join('');
  return out;
}

export function renderCatalog(catalog: Catalog, presets: PresetCatalog, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const kind = (k: string) => x.pick('machinery.kind', 'kind', k);
  let out = x.section(x.w('machinery.catalog.machinesSection'));
  out += x.table(
    [
      x.w('machinery.catalog.id'),
      x.w('machinery.catalog.kind'),
      x.w('machinery.col.widthM'),
      x.w('machinery.col.speedKmh'),
      x.w('machinery.col.efficiency'),
      x.w('machinery.catalog.power'),
      x.w('machinery.catalog.listPrice'),
      'RF1 / RF2',
      x.w('machinery.catalog.life'),
    ],
    catalog.machines.map((m) => [
      m.origin === 'user' ? x.w('machinery.catalog.userMachine', { id: m.id, base: m.baseClassId ?? '' }) : m.id,
      m.selfPropelled || m.kind.startsWith('tractor') || m.kind === 'mining-truck'
        ? kind(m.kind)
        : x.w('machinery.towed', { kind: kind(m.kind) }),
      x.range(m.widthM),
      x.range(m.speedKmh),
      x.range(m.fieldEfficiency, 2),
      m.kind === 'mining-truck'
        ? x.w('machinery.catalog.payload', { power: x.range(m.powerKw, 0), payload: x.range(m.payloadT, 0) })
        : x.range(m.powerKw, 0),
      x.range(m.listPriceUsd, 0),
      m.repairFactor1 && m.repairFactor2
        ? `${x.number(m.repairFactor1.value)} / ${x.number(m.repairFactor2.value)} ${tag(m.repairFactor1)}`
        : '',
      m.lifeHours ? `${x.fmt(m.lifeHours.value, 0)} ${tag(m.lifeHours)}` : '',
    ]),
  );
  // Makers' models: what each maker publishes, every figure with its tag; the source list names the pages.
  const named = catalog.machines.filter((m) => m.origin === 'named' || (m.origin === 'user' && m.countryOfMake));
  if (named.length > 0) {
    out += x.section(x.w('machinery.catalog.namedSection'));
    const base = (m: (typeof named)[number]) => catalog.machines.find((c) => c.id === m.baseClassId);
    out += x.table(
      [
        x.w('machinery.catalog.id'),
        x.w('machinery.catalog.maker'),
        x.w('machinery.catalog.model'),
        x.w('machinery.catalog.countryOfMake'),
        x.w('machinery.catalog.basedOn'),
        x.w('machinery.catalog.figures'),
      ],
      named.map((m) => {
        const b = base(m);
        const own = (['widthM', 'powerKw', 'payloadT'] as const)
          .filter((key) => m[key] !== undefined && m[key] !== b?.[key])
          .map((key) => `${x.w('machinery.spec', { name: key })} ${x.number(m[key]!.typical)} ${tag(m[key]!)}`);
        const specs = Object.entries(m.specs ?? {}).map(
          ([name, v]) => `${x.w('machinery.spec', { name })} ${x.number(v.value)} ${tag(v)}`,
        );
        return [
          m.id,
          m.make ?? '',
          m.model ?? '',
          m.countryOfMake ?? '',
          m.baseClassId ?? '',
          [...own, ...specs].join('; '),
        ];
      }),
    );
  }
  out += x.section(x.w('machinery.catalog.cropsSection'));
  const giveOne = x.w('machinery.catalog.giveOne');
  out += x.table(
    [
      x.w('machinery.catalog.crop'),
      x.w('machinery.catalog.yield'),
      x.w('machinery.catalog.price'),
      x.w('machinery.catalog.kByOperation'),
    ],
    catalog.crops.map((c) => [
      lang === 'en' ? c.id : `${x.w('machinery.crop', { crop: c.id, name: c.id })} (${c.id})`,
      c.yieldTPerHa ? `${x.number(c.yieldTPerHa.value)} ${tag(c.yieldTPerHa)}` : giveOne,
      c.grainPriceUsdPerT ? `${x.number(c.grainPriceUsdPerT.value)} ${tag(c.grainPriceUsdPerT)}` : giveOne,
      Object.entries(c.timelinessLossSharePerDay)
        .map(([op, k]) => `${x.w('machinery.operation', { operation: op })} ${x.number(k.value)} ${tag(k)}`)
        .join(', '),
    ]),
  );
  out += x.section(x.w('machinery.catalog.presetsSection'));
  out += x.table(
    [x.w('machinery.catalog.preset'), x.w('machinery.catalog.title'), x.w('machinery.catalog.sets')],
    presets.presets.map((p) => [
      p.id,
      x.quote(p.title),
      Object.entries(p.values)
        .map(([name, v]) => {
          const f = presets.facts.find((each) => each.id === v.fact)!;
          return `${x.param(name)} ${x.number(v.value ?? f.value)} (${x.date(f.asOf)})`;
        })
        .join(', '),
    ]),
  );
  out += x.section(x.w('machinery.section.notes')) + notes(catalog.notes.map((n) => x.quote(n)));
  return out;
}

export function renderHaulage(plan: HaulagePlan, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const c = plan.cycle;
  // English keeps its ungrouped decimals (toFixed), as before the catalog; Russian groups thousands.
  const f = (value: number, digits: number) => x.fmt(value, digits, lang !== 'en');
  const state = plan.matchFactor > 1 ? 'queue' : plan.matchFactor < 1 ? 'wait' : 'balanced';
  const lines = [
    x.w('machinery.haulage.cycle', {
      total: f(c.totalMin, 2),
      load: x.number(c.loadMin),
      haul: f(c.haulMin, 2),
      dump: x.number(c.dumpMin),
      back: f(c.returnMin, 2),
      spot: x.number(c.spotMin),
    }),
    x.w('machinery.haulage.rate', {
      rate: f(plan.tonnesPerTruckHour, 1),
      hours: f(plan.operatingHoursPerTruck, 0),
    }),
    x.w('machinery.haulage.trucks', {
      exact: f(plan.trucksExact, 2),
      trucks: String(plan.trucks),
      share: f(plan.capacityShare * 100, 0),
    }),
    x.w('machinery.haulage.match', { factor: f(plan.matchFactor, 2), state }),
  ];
  if (plan.cost) {
    const h = plan.cost.perHour;
    lines.push(
      x.w('machinery.haulage.cost', {
        total: f(h.total, 2),
        ownership: f(h.ownership, 2),
        fuel: f(h.fuel, 2),
        tyres: f(h.tyres, 2),
        repairs: f(h.repairs, 2),
        operators: f(h.operators, 2),
        perT: f(plan.cost.perTonne, 4),
      }),
    );
    if (plan.cost.leftOut.length > 0) {
      const parts = plan.cost.leftOut.map((part) =>
        lang === 'en' ? part : x.w('machinery.haulage.leftOut', { part: part.split(' ')[0]! }),
      );
      lines.push(x.w('machinery.haulage.notCosted', { parts: parts.join('; ') }));
    }
  }
  lines.push(
    ...plan.formulas.map((f) => (lang === 'en' ? f : x.w('machinery.haulage.formula', { id: f.split(':')[0]! }))),
  );
  return `${lines.join('\n')}\n`;
}

/** What `machinery replacement` prints: the demand, the dated facts behind it and the formulas. */
export interface ReplacementView {
  machine: string;
  limitYears: number;
  facts: { fleet: PresetFact; over: PresetFact; rate: PresetFact };
  demand: ReplacementDemand;
}

export function renderReplacement(view: ReplacementView, lang: Lang = 'en'): string {
  const x = new Words(lang);
  const { demand, facts, limitYears } = view;
  // English keeps its plain integers ("2310 units"), as before the catalog.
  const units = (value: number) => (lang === 'en' ? String(Math.round(value)) : x.fmt(Math.round(value), 0));
  const factLine = (f: PresetFact) => {
    const words = factWords(x, f);
    return `  ${x.w('machinery.replacement.fact', { measure: words.measure, value: lang === 'en' ? String(f.value) : x.number(f.value), unit: words.unit, date: x.date(f.asOf), url: x.quote(f.sourceUrl) })}`;
  };
  const fleet = facts.fleet.value;
  const rate = facts.rate.value / 100;
  const over = facts.over.value / 100;
  const formulas =
    lang === 'en'
      ? demand.formulas
      : [
          x.w('machinery.replacement.r1', { fleet: units(fleet), rate: x.number(rate), units: units(fleet * rate) }),
          x.w('machinery.replacement.r2', {
            fleet: units(fleet),
            limit: String(limitYears),
            units: units(demand.toHoldAgeUnitsPerYear),
          }),
          x.w('machinery.replacement.r3', {
            fleet: units(fleet),
            over: x.number(over),
            units: units(demand.backlogUnits),
            limit: String(limitYears),
          }),
          x.w('machinery.replacement.r4', {
            hold: units(demand.toHoldAgeUnitsPerYear),
            backlog: units(demand.backlogUnits),
            years: String(demand.clearBacklogYears),
            units: units(demand.toClearBacklogUnitsPerYear),
          }),
        ];
  return (
    [
      x.w('machinery.replacement.title', { machine: view.machine }),
      `  ${x.w('machinery.replacement.observed', { units: units(demand.atObservedRateUnitsPerYear) })}`,
      `  ${x.w('machinery.replacement.hold', { limit: String(limitYears), units: units(demand.toHoldAgeUnitsPerYear) })}`,
      `  ${x.w('machinery.replacement.backlog', { limit: String(limitYears), units: units(demand.backlogUnits) })}`,
      `  ${x.w('machinery.replacement.clear', { years: String(demand.clearBacklogYears), units: units(demand.toClearBacklogUnitsPerYear) })}`,
      x.w('machinery.replacement.facts'),
      factLine(facts.fleet),
      factLine(facts.over),
      factLine(facts.rate),
      ...formulas,
    ].join('\n') + '\n'
  );
}

export function renderMarket(result: RivalsResult, importer: string, lang: Lang = 'en'): string {
  const x = new Words(lang);
  // As the section commands say it (src/cli/commands/sections.ts): the basis only when there is one.
  const basis = hasBasis(result.basis)
    ? ` — ${x.w('label.basis').toLowerCase()}: ${formatMessage(result.basis, lang)}`
    : '';
  let out = `${x.w('label.status')}: ${statusText(lang, result.status, 'machinery')}${basis}\n`;
  if (result.missing) out += `${x.w('label.missing')}: ${formatMessage(result.missing, lang)}\n`;
  for (const p of result.products) {
    out += `\n${x.w('machinery.market.imports', { code: p.product, name: lang === 'en' ? p.nameEn : p.nameRu, importer, value: x.fmt(p.importsUsd / 1e6, 1) })}\n`;
    const rows = [...(p.exporter ? [p.exporter] : []), ...p.suppliers];
    out += x.table(
      [
        x.w('machinery.market.supplier'),
        x.w('machinery.market.valueUsdM'),
        x.w('machinery.market.share'),
        x.w('machinery.market.unitValue'),
        x.w('machinery.market.flags'),
      ],
      rows.map((r) => [
        r.supplier,
        x.n(Math.round(r.valueUsd / 1e4) / 100),
        x.n(Math.round(r.share * 1000) / 10),
        r.unitValueUsdPerTonne === null ? null : x.n(Math.round(r.unitValueUsdPerTonne)),
        r.flags.join(','),
      ]),
    );
  }
  return out;
}
