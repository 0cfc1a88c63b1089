/**
 * The tables of each report section, defined once: the CLI's section commands print them, the API
 * serves them as table views and CSV / XLSX downloads.
 */
import { basketBlocks } from './basket-lines.ts';
import { formatters, labels } from './i18n.ts';
import type {
  BasketResult,
  JointProductionResult,
  MachineryDemand,
  NeedsResult,
  PotentialResult,
  ReportModel,
  RivalsResult,
  SectionCoverage,
  SupplyResult,
  SurplusResult,
  TargetPlan,
  TurnoverResult,
} from '../analysis/index.ts';
import type { Lang, ResultTable, TableColumn } from './table-model.ts';
import { formatMessage, statusText, t } from '../messages/index.ts';

type Named = { product: string; nameEn: string; nameRu: string };
const named = <T extends Named>(rows: readonly T[], lang: Lang) =>
  rows.map((r) => ({ ...r, name: lang === 'ru' ? r.nameRu : r.nameEn }));

const productColumns: TableColumn[] = [
  { key: 'product', en: 'HS code', ru: 'Код ТН ВЭД' },
  { key: 'name', en: 'Product', ru: 'Товар' },
];

type WithSeries = { series: ReadonlyArray<{ year: number; valueUsd: number }> };

/**
 * One column per year of the rows' series (as ITC Trade Map lays out "imported value in 2019,
 * 2020, ..."), so the CSV and XLSX downloads carry the time series, not only the growth rate.
 */
function yearColumns(rows: readonly WithSeries[], en: string, ru: string): TableColumn[] {
  const years = [...new Set(rows.flatMap((r) => r.series.map((p) => p.year)))].sort((a, b) => a - b);
  return years.map((year) => ({
    key: `usd${year}`,
    en: `${en} ${year}, USD`,
    ru: `${ru} ${year}, долл.`,
    kind: 'usd',
  }));
}

const yearCells = (row: WithSeries) => Object.fromEntries(row.series.map((p) => [`usd${p.year}`, p.valueUsd]));

/** Each section's status, what it is computed from and what is missing, in the reader's language. */
export function coverageTable(
  sections: readonly SectionCoverage[],
  lang: Lang,
  title = { id: 'sections', en: 'Data coverage by section', ru: 'Покрытие данными по разделам' },
): ResultTable {
  return {
    ...title,
    columns: [
      { key: 'sectionName', en: 'Section', ru: 'Раздел' },
      { key: 'status', en: 'Status', ru: 'Статус' },
      { key: 'basis', en: 'Computed from', ru: 'Основа расчёта' },
      { key: 'missing', en: 'Missing (what to ingest)', ru: 'Чего не хватает (что загрузить)' },
    ],
    rows: sections.map((s) => ({
      section: s.section,
      sectionName: t(lang, `section.${s.section}`),
      status: statusText(lang, s.status, s.section),
      basis: formatMessage(s.basis, lang),
      missing: s.missing ? formatMessage(s.missing, lang) : null,
    })),
  };
}

export function turnoverTables(turnover: TurnoverResult, target: TargetPlan | null, lang: Lang): ResultTable[] {
  return [
    {
      id: 'turnover',
      en: `Turnover ${turnover.exporter}-${turnover.importer}`,
      ru: `Товарооборот ${turnover.exporter}-${turnover.importer}`,
      columns: [
        { key: 'year', en: 'Year', ru: 'Год', kind: 'year' },
        { key: 'source', en: 'Source', ru: 'Источник' },
        { key: 'reporter', en: 'Reported by', ru: 'Отчитывается' },
        {
          key: 'exportsUsd',
          en: `${turnover.exporter}->${turnover.importer}, USD`,
          ru: `${turnover.exporter}->${turnover.importer}, долл.`,
          kind: 'usd',
        },
        {
          key: 'importsUsd',
          en: `${turnover.importer}->${turnover.exporter}, USD`,
          ru: `${turnover.importer}->${turnover.exporter}, долл.`,
          kind: 'usd',
        },
        { key: 'turnoverUsd', en: 'Turnover, USD', ru: 'Оборот, долл.', kind: 'usd' },
        { key: 'growth', en: 'Growth', ru: 'Рост', kind: 'share' },
      ],
      rows: turnover.rows,
    },
    {
      id: 'official',
      en: 'Officially stated totals',
      ru: 'Официальные итоги',
      columns: [
        { key: 'year', en: 'Year', ru: 'Год', kind: 'year' },
        { key: 'period', en: 'Period', ru: 'Период' },
        { key: 'measure', en: 'Measure', ru: 'Показатель' },
        { key: 'reporterSide', en: 'Stated by', ru: 'Кем заявлено' },
        { key: 'valueUsd', en: 'Value, USD', ru: 'Стоимость, долл.', kind: 'usd' },
        { key: 'sourceUrl', en: 'Source', ru: 'Источник' },
        { key: 'note', en: 'Note', ru: 'Примечание' },
      ],
      rows: turnover.official.map((o) => ({
        ...o,
        period: formatMessage(o.words.period, lang),
        measure: formatMessage(o.words.measure, lang),
        reporterSide: formatMessage(o.words.side, lang),
        note: o.words.note ? formatMessage(o.words.note, lang) : null,
      })),
    },
    {
      id: 'mirror',
      en: 'Mirror gap',
      ru: 'Зеркальное расхождение',
      columns: [
        { key: 'year', en: 'Year', ru: 'Год', kind: 'year' },
        { key: 'exporterReportsUsd', en: 'Exporter reports, USD', ru: 'По данным экспортёра, долл.', kind: 'usd' },
        { key: 'importerReportsUsd', en: 'Importer reports, USD', ru: 'По данным импортёра, долл.', kind: 'usd' },
        { key: 'gap', en: 'Gap', ru: 'Расхождение', kind: 'share' },
      ],
      rows: turnover.mirror,
    },
    {
      id: 'targetPath',
      en: 'Target path',
      ru: 'Траектория к цели',
      columns: [
        { key: 'year', en: 'Year', ru: 'Год', kind: 'year' },
        { key: 'valueUsd', en: 'Turnover, USD', ru: 'Оборот, долл.', kind: 'usd' },
      ],
      rows: target?.path ?? [],
    },
    {
      id: 'targetGroups',
      en: 'Groups covering the gap',
      ru: 'Группы, покрывающие разрыв',
      columns: [
        { key: 'key', en: 'HS section', ru: 'Раздел ТН ВЭД' },
        { key: 'untappedUsd', en: 'Untapped, USD', ru: 'Нереализовано, долл.', kind: 'usd' },
        { key: 'cumulativeUsd', en: 'Cumulative, USD', ru: 'Нарастающим итогом, долл.', kind: 'usd' },
      ],
      rows: target?.coveringGroups ?? [],
    },
  ];
}

/** The basket as one flat table, a row per HS section, chapter, heading and product of each direction (as in the XLSX). */
export function basketTables(basket: BasketResult, lang: Lang): ResultTable[] {
  // The same blocks (a direction's seller, buyer and tree lines) as the Markdown, HTML and XLSX renderers.
  const rows = basketBlocks(basket, lang).flatMap(({ seller, buyer, lines }) =>
    lines.map((line) => ({
      flow: `${seller} → ${buyer}`,
      level: t(lang, `report.basketLevels.${line.kind}`),
      product: line.code,
      name: lang === 'ru' ? line.nameRu : line.nameEn,
      valueUsd: line.valueUsd,
      shareOfBuyerImports: line.row?.shareOfBuyerImports ?? null,
      growth: line.row?.growth ?? null,
      products: line.products,
      reportedBySellerUsd: line.row?.reportedBySellerUsd ?? null,
      reportedByBuyerUsd: line.row?.reportedByBuyerUsd ?? null,
      ...(line.row ? yearCells(line.row) : {}),
    })),
  );
  return [
    {
      id: 'basket',
      en: `Trade basket ${basket.parties.exporter.en}–${basket.parties.importer.en}`,
      ru: `Структура торговли ${basket.parties.exporter.ru} — ${basket.parties.importer.ru}`,
      columns: [
        { key: 'flow', en: 'Flow', ru: 'Поток' },
        { key: 'level', en: 'Level', ru: 'Уровень' },
        ...productColumns,
        { key: 'valueUsd', en: 'USD', ru: 'Долл.', kind: 'usd' },
        {
          key: 'shareOfBuyerImports',
          en: "Share of the buyer's imports",
          ru: 'Доля в импорте покупателя',
          kind: 'share',
        },
        { key: 'growth', en: 'Growth a year', ru: 'Рост в год', kind: 'share' },
        { key: 'products', en: 'Products', ru: 'Товаров', kind: 'integer' },
        { key: 'reportedBySellerUsd', en: 'As the seller reports, USD', ru: 'По данным продавца, долл.', kind: 'usd' },
        { key: 'reportedByBuyerUsd', en: 'As the buyer reports, USD', ru: 'По данным покупателя, долл.', kind: 'usd' },
        ...yearColumns(basket.rows, 'Value', 'Стоимость'),
      ],
      rows,
    },
  ];
}

export function needsTables(needs: NeedsResult, lang: Lang): ResultTable[] {
  return [
    {
      id: 'needs',
      en: `Imports of ${needs.importer}`,
      ru: `Импорт ${needs.importer}`,
      columns: [
        ...productColumns,
        { key: 'importsUsd', en: 'Imports, USD', ru: 'Импорт, долл.', kind: 'usd' },
        { key: 'growth', en: 'Growth a year', ru: 'Рост в год', kind: 'share' },
        { key: 'suppliers', en: 'Suppliers', ru: 'Поставщиков', kind: 'integer' },
        { key: 'hhi', en: 'HHI', ru: 'ИХХ', kind: 'number' },
        { key: 'topSupplier', en: 'Largest supplier', ru: 'Крупнейший поставщик' },
        { key: 'exporterUsd', en: `From ${needs.exporter}, USD`, ru: `Из ${needs.exporter}, долл.`, kind: 'usd' },
        { key: 'exporterShare', en: `${needs.exporter} share`, ru: `Доля ${needs.exporter}`, kind: 'share' },
        ...yearColumns(needs.rows, 'Imports', 'Импорт'),
      ],
      rows: named(needs.rows, lang).map((r) => ({
        ...r,
        ...yearCells(r),
        topSupplier: r.topSuppliers[0] ? formatters(lang).suppliers([r.topSuppliers[0]]) : null,
      })),
    },
    {
      id: 'worldDemand',
      en: 'World trade by product (stand-in)',
      ru: 'Мировая торговля по товарам (замена)',
      columns: [
        ...productColumns,
        { key: 'worldTradeUsd', en: 'World trade, USD', ru: 'Мировая торговля, долл.', kind: 'usd' },
        {
          key: 'exporterWorldShare',
          en: `${needs.exporter} world share`,
          ru: `Мировая доля ${needs.exporter}`,
          kind: 'share',
        },
      ],
      rows: named(needs.worldDemand?.rows ?? [], lang),
    },
  ];
}

export function supplyTables(supply: SupplyResult, lang: Lang): ResultTable[] {
  return [
    {
      id: 'supply',
      en: `Exports of ${supply.exporter}`,
      ru: `Экспорт ${supply.exporter}`,
      columns: [
        ...productColumns,
        { key: 'exportsUsd', en: 'Exports, USD', ru: 'Экспорт, долл.', kind: 'usd' },
        { key: 'worldShare', en: 'World share', ru: 'Мировая доля', kind: 'share' },
        { key: 'rca', en: 'RCA', ru: 'RCA', kind: 'number' },
        { key: 'competitive', en: 'Competitive (RCA > 1)', ru: 'Конкурентоспособен (RCA > 1)' },
        { key: 'growth', en: 'Growth a year', ru: 'Рост в год', kind: 'share' },
        { key: 'pci', en: 'PCI', ru: 'PCI', kind: 'number' },
        ...yearColumns(supply.rows, 'Exports', 'Экспорт'),
      ],
      rows: named(supply.rows, lang).map((r) => ({ ...r, ...yearCells(r) })),
    },
  ];
}

export function potentialTables(potential: PotentialResult, lang: Lang): ResultTable[] {
  return [
    {
      id: 'potential',
      en: `Export potential ${potential.exporter}->${potential.importer}`,
      ru: `Экспортный потенциал ${potential.exporter}->${potential.importer}`,
      columns: [
        ...productColumns,
        { key: 'section', en: 'HS section', ru: 'Раздел' },
        { key: 'potentialUsd', en: 'Potential, USD', ru: 'Потенциал, долл.', kind: 'usd' },
        { key: 'actualUsd', en: 'Actual, USD', ru: 'Факт, долл.', kind: 'usd' },
        { key: 'untappedUsd', en: 'Untapped, USD', ru: 'Нереализовано, долл.', kind: 'usd' },
        { key: 'realizedShare', en: 'Realised', ru: 'Реализовано', kind: 'share' },
        { key: 'supplyShare', en: 'Supply share', ru: 'Доля предложения', kind: 'share' },
        { key: 'demandUsd', en: 'Demand, USD', ru: 'Спрос, долл.', kind: 'usd' },
      ],
      rows: named(potential.rows, lang),
    },
    {
      id: 'bySection',
      en: 'Potential by HS section',
      ru: 'Потенциал по разделам',
      columns: [
        { key: 'section', en: 'HS section', ru: 'Раздел' },
        { key: 'potentialUsd', en: 'Potential, USD', ru: 'Потенциал, долл.', kind: 'usd' },
        { key: 'actualUsd', en: 'Actual, USD', ru: 'Факт, долл.', kind: 'usd' },
        { key: 'untappedUsd', en: 'Untapped, USD', ru: 'Нереализовано, долл.', kind: 'usd' },
        { key: 'realizedShare', en: 'Realised', ru: 'Реализовано', kind: 'share' },
      ],
      rows: potential.bySection,
    },
  ];
}

export function rivalsTables(rivals: RivalsResult, lang: Lang, prefix = ''): ResultTable[] {
  const products = named(rivals.products, lang);
  return [
    {
      id: `${prefix}suppliers`,
      en: `${prefix ? 'Machinery: ' : ''}Suppliers of ${rivals.importer}`,
      ru: `${prefix ? 'Техника: ' : ''}Поставщики ${rivals.importer}`,
      columns: [
        ...productColumns,
        { key: 'supplier', en: 'Supplier', ru: 'Поставщик' },
        { key: 'valueUsd', en: 'Value, USD', ru: 'Стоимость, долл.', kind: 'usd' },
        { key: 'share', en: 'Share', ru: 'Доля', kind: 'share' },
        { key: 'shareChange', en: 'Share change', ru: 'Изменение доли', kind: 'share' },
        { key: 'unitValueUsdPerTonne', en: 'Unit value, USD/t', ru: 'Цена, долл./т', kind: 'number' },
        { key: 'flags', en: 'Flags', ru: 'Отметки' },
      ],
      rows: products.flatMap((p) =>
        [
          ...p.suppliers,
          ...(p.exporter && !p.suppliers.some((s) => s.supplier === p.exporter!.supplier) ? [p.exporter] : []),
        ].map((s) => ({ product: p.product, name: p.name, ...s })),
      ),
    },
    {
      id: `${prefix}history`,
      en: `${prefix ? 'Machinery: ' : ''}Market shares by year`,
      ru: `${prefix ? 'Техника: ' : ''}Доли рынка по годам`,
      columns: [
        ...productColumns,
        { key: 'year', en: 'Year', ru: 'Год', kind: 'year' },
        { key: 'supplier', en: 'Supplier', ru: 'Поставщик' },
        { key: 'share', en: 'Share', ru: 'Доля', kind: 'share' },
      ],
      rows: products.flatMap((p) => p.history.map((x) => ({ product: p.product, name: p.name, ...x }))),
    },
  ];
}

export function jointTables(joint: JointProductionResult, lang: Lang): ResultTable[] {
  return [
    {
      id: 'joint',
      en: 'Joint-production candidates',
      ru: 'Кандидаты для совместного производства',
      columns: [
        ...productColumns,
        { key: 'score', en: 'Score', ru: 'Оценка', kind: 'number' },
        { key: 'demandUsd', en: 'Demand, USD', ru: 'Спрос, долл.', kind: 'usd' },
        { key: 'exporterRca', en: `RCA ${joint.exporter}`, ru: `RCA ${joint.exporter}`, kind: 'number' },
        { key: 'importerRca', en: `RCA ${joint.importer}`, ru: `RCA ${joint.importer}`, kind: 'number' },
        { key: 'importerDensity', en: `Density ${joint.importer}`, ru: `Плотность ${joint.importer}`, kind: 'number' },
        { key: 'cog', en: 'COG', ru: 'COG', kind: 'number' },
        { key: 'pci', en: 'PCI', ru: 'PCI', kind: 'number' },
        { key: 'reason', en: 'Why', ru: 'Почему' },
      ],
      rows: named(joint.rows, lang).map((r) => ({ ...r, reason: formatMessage(r.reason, lang) })),
    },
  ];
}

export function surplusTables(surplus: SurplusResult, lang: Lang): ResultTable[] {
  return [
    {
      id: 'surplus',
      en: 'Surplus placement',
      ru: 'Размещение излишков',
      columns: [
        ...productColumns,
        { key: 'exporterRca', en: `RCA ${surplus.exporter}`, ru: `RCA ${surplus.exporter}`, kind: 'number' },
        {
          key: 'importsUsd',
          en: `Imports of ${surplus.importer}, USD`,
          ru: `Импорт ${surplus.importer}, долл.`,
          kind: 'usd',
        },
        { key: 'growth', en: 'Growth a year', ru: 'Рост в год', kind: 'share' },
        { key: 'exporterShare', en: `${surplus.exporter} share`, ru: `Доля ${surplus.exporter}`, kind: 'share' },
        { key: 'rivalsUsd', en: 'Rivals, USD', ru: 'Конкуренты, долл.', kind: 'usd' },
        { key: 'leadingRivalText', en: 'Leading rival', ru: 'Главный конкурент' },
      ],
      rows: named(surplus.rows, lang).map((r) => ({
        ...r,
        leadingRivalText: r.leadingRival
          ? `${r.leadingRival.iso3} (${(r.leadingRival.share * 100).toFixed(1)}%)`
          : null,
      })),
    },
  ];
}

/** The importer's fleets' yearly replacement demand (analysis/machinery-demand.ts), a row per machine. */
export function machineryDemandTable(demand: MachineryDemand, lang: Lang): ResultTable {
  const limit = demand.fleets[0]?.limitYears ?? 0;
  const years = demand.fleets[0]?.clearBacklogYears ?? 0;
  return {
    id: 'machineryDemand',
    en: t('en', 'report.demandTitle'),
    ru: t('ru', 'report.demandTitle'),
    columns: [
      { key: 'machineName', en: 'Machine', ru: 'Техника' },
      { key: 'fleetUnits', en: t('en', 'report.demandFleet'), ru: t('ru', 'report.demandFleet'), kind: 'integer' },
      {
        key: 'atObservedRateUnitsPerYear',
        en: t('en', 'report.demandAtRate'),
        ru: t('ru', 'report.demandAtRate'),
        kind: 'integer',
      },
      {
        key: 'toHoldAgeUnitsPerYear',
        en: t('en', 'report.demandToHold', { limit }),
        ru: t('ru', 'report.demandToHold', { limit }),
        kind: 'integer',
      },
      {
        key: 'backlogUnits',
        en: t('en', 'report.demandBacklog', { limit }),
        ru: t('ru', 'report.demandBacklog', { limit }),
        kind: 'integer',
      },
      {
        key: 'toClearBacklogUnitsPerYear',
        en: t('en', 'report.demandClear', { years }),
        ru: t('ru', 'report.demandClear', { years }),
        kind: 'integer',
      },
      { key: 'facts', en: 'Facts and sources', ru: 'Данные и источники' },
    ],
    rows: demand.fleets.map((x) => ({
      machine: x.machine,
      machineName: labels[lang].demandMachine(x.machine),
      fleetUnits: x.facts.fleet.value,
      atObservedRateUnitsPerYear: Math.round(x.atObservedRateUnitsPerYear),
      toHoldAgeUnitsPerYear: Math.round(x.toHoldAgeUnitsPerYear),
      backlogUnits: Math.round(x.backlogUnits),
      toClearBacklogUnitsPerYear: Math.round(x.toClearBacklogUnitsPerYear),
      facts: labels[lang].demandFacts(x),
    })),
  };
}

export function reportTables(report: ReportModel, lang: Lang): ResultTable[] {
  return [
    coverageTable(report.coverage.sections, lang, { id: 'coverage', en: 'Data coverage', ru: 'Покрытие данными' }),
    ...turnoverTables(report.turnover, report.target, lang).filter((t) => t.rows.length > 0),
    ...basketTables(report.basket, lang),
    ...needsTables(report.needs, lang),
    ...supplyTables(report.supply, lang),
    ...potentialTables(report.potential, lang),
    ...rivalsTables(report.rivals, lang),
    ...jointTables(report.jointProduction, lang),
    ...surplusTables(report.surplus, lang),
    ...rivalsTables(report.machineryMarket, lang, 'machinery-'),
    machineryDemandTable(report.machineryDemand, lang),
  ];
}
