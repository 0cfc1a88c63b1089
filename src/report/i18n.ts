/** Labels of the report in Russian and English, and number formatting per locale (Intl). */
import type { FleetReplacement } from '../machinery/index.ts';
import { t, type MessageId, type MessageValue } from '../messages/index.ts';

export type ReportLang = 'ru' | 'en';

/**
 * The report's labels, typed for the renderers: every word comes from the message catalog
 * (src/messages/catalog/report.ts), formatted in the report's language.
 */
function reportLabels(lang: ReportLang) {
  const m = (id: MessageId, values?: Record<string, MessageValue>) => t(lang, id, values);
  return {
    title: (a: string, b: string) => m('report.title', { a, b }),
    generated: m('report.generated'),
    store: m('report.store'),
    coverage: m('report.coverage'),
    section: m('report.section'),
    status: m('report.status'),
    basis: m('report.basis'),
    missing: m('report.missing'),
    sectionNames: {
      turnover: m('report.sectionNames.turnover'),
      basket: m('report.sectionNames.basket'),
      needs: m('report.sectionNames.needs'),
      supply: m('report.sectionNames.supply'),
      potential: m('report.sectionNames.potential'),
      rivals: m('report.sectionNames.rivals'),
      jointProduction: m('report.sectionNames.jointProduction'),
      surplus: m('report.sectionNames.surplus'),
      complexity: m('report.sectionNames.complexity'),
      machinery: m('report.sectionNames.machinery'),
      data: m('report.sectionNames.data'),
    } as Record<string, string>,
    year: m('report.year'),
    source: m('report.source'),
    exports: (a: string, b: string) => m('report.exports', { a, b }),
    turnoverCol: m('report.turnoverCol'),
    growth: m('report.growth'),
    shareExp: (a: string) => m('report.shareExp', { a }),
    shareImp: (b: string) => m('report.shareImp', { b }),
    official: m('report.official'),
    measure: m('report.measure'),
    reporterSide: m('report.reporterSide'),
    valueUsdM: m('report.valueUsdM'),
    link: m('report.link'),
    target: m('report.target'),
    targetExample: m('report.targetExample'),
    targetLine: (cur: string, y0: number, tgt: string, y1: number, cagr: string) =>
      m('report.targetLine', { cur, y0: String(y0), tgt, y1: String(y1), cagr }),
    targetCover: (share: string) => m('report.targetCover', { share }),
    product: m('report.product'),
    name: m('report.name'),
    importsUsdM: m('report.importsUsdM'),
    trend: m('report.trend'),
    usdK: m('report.usdK'),
    flowCol: m('report.flowCol'),
    basketShareOfBuyer: m('report.basketShareOfBuyer'),
    levelCol: m('report.levelCol'),
    basketLevels: {
      section: m('report.basketLevels.section'),
      chapter: m('report.basketLevels.chapter'),
      heading: m('report.basketLevels.heading'),
      product: m('report.basketLevels.product'),
    } as Record<string, string>,
    basketShare: (buyer: string) => m('report.basketShare', { buyer }),
    basketProducts: m('report.basketProducts'),
    basketBySeller: (seller: string) => m('report.basketBySeller', { seller }),
    basketByBuyer: (buyer: string) => m('report.basketByBuyer', { buyer }),
    basketFlow: (seller: string, buyer: string, year: number, totalUsdK: string, products: number) =>
      m('report.basketFlow', { seller, buyer, year: String(year), totalUsdK, products }),
    basketUnknown: (seller: string, buyer: string, year: number) =>
      m('report.basketUnknown', { seller, buyer, year: String(year) }),
    basketShown: (shown: number) => m('report.basketShown', { shown }),
    cagr: m('report.cagr'),
    topSuppliers: m('report.topSuppliers'),
    hhi: m('report.hhi'),
    exporterShare: (a: string) => m('report.exporterShare', { a }),
    worldDemand: (y: number, s: string) => m('report.worldDemand', { y: String(y), s }),
    worldDemandLeftOut: (importer: string, n: number, examples: string) =>
      m('report.worldDemandLeftOut', { importer, n, examples }),
    worldTradeUsdM: m('report.worldTradeUsdM'),
    worldShareOf: (a: string) => m('report.worldShareOf', { a }),
    exportsUsdM: m('report.exportsUsdM'),
    worldShare: m('report.worldShare'),
    rca: m('report.rca'),
    pci: m('report.pci'),
    supplySummary: (n: number, share: string, eci: string) => m('report.supplySummary', { n, share, eci }),
    eciRank: (rank: number, ranked: number, leftOut: number) => m('report.eciRank', { rank, ranked, leftOut }),
    potentialUsdM: m('report.potentialUsdM'),
    actualUsdM: m('report.actualUsdM'),
    untappedUsdM: m('report.untappedUsdM'),
    realized: m('report.realized'),
    supplyShare: m('report.supplyShare'),
    demandUsdM: m('report.demandUsdM'),
    potentialSummary: (p: string, a: string, u: string, r: string, e: string) =>
      m('report.potentialSummary', { p, a, u, r, e }),
    bySection: m('report.bySection'),
    hsSection: m('report.hsSection'),
    supplier: m('report.supplier'),
    share: m('report.share'),
    shareChange: m('report.shareChange'),
    unitValue: m('report.unitValue'),
    flags: m('report.flags'),
    priceAdvantage: (a: string, v: string, basis: string) => m('report.priceAdvantage', { a, v, basis }),
    rivalsUv: (v: string, adv: string) => m('report.rivalsUv', { v, adv }),
    score: m('report.score'),
    density: m('report.density'),
    cog: m('report.cog'),
    demandUsd: m('report.demandUsd'),
    reason: m('report.reason'),
    datasetFormat: (format: string) => m('datasetFormat', { format }),
    weights: (w: { demand: number; density: number; cog: number; pci: number }) => m('report.weights', { ...w }),
    rivalsUsdM: m('report.rivalsUsdM'),
    leader: m('report.leader'),
    file: m('report.file'),
    format: m('report.format'),
    rows: m('report.rows'),
    years: m('report.years'),
    licence: m('report.licence'),
    glossary: m('report.glossary'),
    regionsTitle: (machine: string, days: number) => m('report.regionsTitle', { machine, days }),
    regionsMore: m('report.regionsMore'),
    demandTitle: m('report.demandTitle'),
    demandMachine: (machine: string) => m('report.demandMachine', { machine }),
    demandFleet: m('report.demandFleet'),
    demandAtRate: m('report.demandAtRate'),
    demandToHold: (limit: number) => m('report.demandToHold', { limit }),
    demandBacklog: (limit: number) => m('report.demandBacklog', { limit }),
    demandClear: (years: number) => m('report.demandClear', { years }),
    /** The dated facts behind a fleet's replacement demand, with their sources. */
    demandFacts: (f: FleetReplacement) =>
      m('report.demandFacts', {
        machine: f.machine,
        fleet: f.facts.fleet.value,
        fleetAsOf: f.facts.fleet.asOf,
        over: f.facts.over.value,
        limit: f.limitYears,
        overAsOf: f.facts.over.asOf,
        rate: f.facts.rate.value,
        rateAsOf: f.facts.rate.asOf,
        fleetUrl: f.facts.fleet.sourceUrl,
        rateUrl: f.facts.rate.sourceUrl,
      }),
    productsChosen: m('label.products'),
    /** RCA, ECI, PCI, COG, density and HHI spelled out, once per report. */
    glossaryTerms: [
      m('report.glossaryRca'),
      m('report.glossaryEci'),
      m('report.glossaryPci'),
      m('report.glossaryCog'),
      m('report.glossaryDensity'),
      m('report.glossaryHhi'),
    ],
    storeFooter: (version: string) => m('report.storeFooter', { version }),
    contents: m('report.contents'),
    statusLine: m('report.statusLine'),
    chartTurnover: (a: string, b: string) => m('report.chartTurnover', { a, b }),
    chartOfficial: (side: string) => m('report.chartOfficial', { side }),
    chartStats: (source: string) => m('report.chartStats', { source }),
    noRows: m('report.noRows'),
    chartNeeds: (b: string, a: string) => m('report.chartNeeds', { b, a }),
    chartFrom: (a: string) => m('report.chartFrom', { a }),
    chartOthers: m('report.chartOthers'),
    chartWorldDemand: (a: string) => m('report.chartWorldDemand', { a }),
    chartOtherExporters: m('report.chartOtherExporters'),
    chartSupply: (a: string) => m('report.chartSupply', { a }),
    chartPotential: m('report.chartPotential'),
    chartRivals: (product: string) => m('report.chartRivals', { product }),
    chartJoint: m('report.chartJoint'),
    sheets: {
      coverage: m('report.sheets.coverage'),
      turnover: m('report.sheets.turnover'),
      basket: m('report.sheets.basket'),
      official: m('report.sheets.official'),
      target: m('report.sheets.target'),
      needs: m('report.sheets.needs'),
      worldDemand: m('report.sheets.worldDemand'),
      supply: m('report.sheets.supply'),
      potential: m('report.sheets.potential'),
      potentialBySection: m('report.sheets.potentialBySection'),
      rivals: m('report.sheets.rivals'),
      jointProduction: m('report.sheets.jointProduction'),
      surplus: m('report.sheets.surplus'),
      machinery: m('report.sheets.machinery'),
      machineryDemand: m('report.sheets.machineryDemand'),
      data: m('report.sheets.data'),
    },
    usd: {
      exports: (a: string, b: string) => m('report.usd.exports', { a, b }),
      turnover: m('report.usd.turnover'),
      value: m('report.usd.value'),
      reportedBySeller: m('report.usd.reportedBySeller'),
      reportedByBuyer: m('report.usd.reportedByBuyer'),
      imports: m('report.usd.imports'),
      productImports: m('report.usd.productImports'),
      worldTrade: m('report.usd.worldTrade'),
      exportsCol: m('report.usd.exportsCol'),
      worldExports: m('report.usd.worldExports'),
      potential: m('report.usd.potential'),
      actual: m('report.usd.actual'),
      untapped: m('report.usd.untapped'),
      cumulative: m('report.usd.cumulative'),
      demand: m('report.usd.demand'),
      rivals: m('report.usd.rivals'),
      fromExporter: (a: string) => m('report.usd.fromExporter', { a }),
      exportsOf: (a: string) => m('report.usd.exportsOf', { a }),
      current: m('report.usd.current'),
      targetValue: m('report.usd.targetValue'),
      gap: m('report.usd.gap'),
      total: m('report.usd.total'),
      exporterUv: (a: string) => m('report.usd.exporterUv', { a }),
      rivalsUv: m('report.usd.rivalsUv'),
    },
    period: m('report.period'),
    value: m('report.value'),
    note: m('report.note'),
    reporter: m('report.reporter'),
    baseYear: m('report.baseYear'),
    targetYear: m('report.targetYear'),
    requiredCagr: m('report.requiredCagr'),
    potentialCoverage: m('report.potentialCoverage'),
    example: m('report.example'),
    yes: m('report.yes'),
    no: m('report.no'),
    path: m('report.path'),
    coveringGroups: m('report.coveringGroups'),
    cumulativeUsdM: m('report.cumulativeUsdM'),
    group: m('report.group'),
    suppliersCount: m('report.suppliersCount'),
    competitive: m('report.competitive'),
    demandBasis: m('report.demandBasis'),
    densityPercentile: m('report.densityPercentile'),
    uvBasis: m('report.uvBasis'),
    priceAdvantageCol: m('report.priceAdvantageCol'),
    kind: m('report.kind'),
    hsRevision: m('report.hsRevision'),
    exporters: m('report.exporters'),
    importers: m('report.importers'),
    importedAt: m('report.importedAt'),
    none: m('report.none'),
  };
}

export const labels = { en: reportLabels('en'), ru: reportLabels('ru') };

export type Labels = (typeof labels)['en'];

export function formatters(lang: ReportLang) {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-US';
  const million = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const smallPct = new Intl.NumberFormat(locale, { style: 'percent', maximumSignificantDigits: 2 });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const na = lang === 'ru' ? 'н/д' : 'n/a';
  const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  return {
    usdM: (usd: number | null | undefined) => (ok(usd) ? million.format(usd / 1e6) : na),
    usdK: (usd: number | null | undefined) => (ok(usd) ? million.format(usd / 1e3) : na),
    // A share under 0.1 % keeps two significant digits (0.017 %), so a small share is not printed as 0 %.
    pct: (x: number | null | undefined) =>
      ok(x) ? (x !== 0 && Math.abs(x) < 0.001 ? smallPct.format(x) : pct.format(x)) : na,
    num: (x: number | null | undefined) => (ok(x) ? num.format(x) : na),
    /** The largest suppliers by name with their shares, as every table of the importer's needs shows them. */
    suppliers: (list: ReadonlyArray<{ nameEn: string; nameRu: string; share: number }>) =>
      list
        .map((s) => {
          const share = s.share !== 0 && Math.abs(s.share) < 0.001 ? smallPct.format(s.share) : pct.format(s.share);
          return `${lang === 'ru' ? s.nameRu : s.nameEn} ${share}`;
        })
        .join(', '),
    whole: (x: number | null | undefined) => (ok(x) ? whole.format(x) : na),
    date: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date(iso),
      ) + ' UTC',
  };
}
