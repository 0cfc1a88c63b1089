/**
 * Words every interface shares: section names, statuses (agreeing in Russian with the section's
 * noun: «Потребности импортёра: рассчитаны», «Экспортный потенциал: рассчитан»), and the labels
 * around a section's basis and gaps.
 */
const agree = (masc: string, fem: string, neut: string, plural: string) =>
  `{gender, select, masc {${masc}} fem {${fem}} plural {${plural}} other {${neut}}}`;

export const commonMessages = {
  'section.turnover': { en: 'Turnover monitor', ru: 'Мониторинг товарооборота' },
  'section.basket': { en: 'Trade basket of the pair', ru: 'Товарная структура торговли пары' },
  'section.needs': { en: 'Importer needs', ru: 'Потребности импортёра' },
  'section.supply': { en: 'Exporter supply', ru: 'Экспортное предложение' },
  'section.potential': { en: 'Export potential', ru: 'Экспортный потенциал' },
  'section.rivals': { en: 'Rivals and unit values', ru: 'Конкуренты и удельные цены' },
  'section.jointProduction': { en: 'Joint-production candidates', ru: 'Кандидаты для совместного производства' },
  'section.surplus': { en: 'Surplus placement', ru: 'Размещение излишков' },
  'section.complexity': { en: 'Economic complexity', ru: 'Экономическая сложность' },
  'section.machinery': { en: 'Machinery market (HS 8433, 8701, 8704)', ru: 'Рынок техники (ТН ВЭД 8433, 8701, 8704)' },
  'section.data': { en: 'Data sources', ru: 'Источники данных' },
  'section.target': { en: 'Target planner', ru: 'Планировщик цели' },
  /** The grammatical gender and number of each section's name in Russian, for the status to agree with. */
  'section.gender': {
    en: 'other',
    ru: '{section, select, turnover {masc} basket {fem} needs {plural} supply {neut} potential {masc} rivals {plural} jointProduction {plural} surplus {neut} complexity {fem} machinery {masc} data {plural} target {masc} other {neut}}',
  },
  'status.computed': { en: 'computed', ru: agree('рассчитан', 'рассчитана', 'рассчитано', 'рассчитаны') },
  'status.partial': {
    en: 'partial',
    ru: agree('рассчитан частично', 'рассчитана частично', 'рассчитано частично', 'рассчитаны частично'),
  },
  'status.missing': {
    en: 'not computed',
    ru: agree('не рассчитан', 'не рассчитана', 'не рассчитано', 'не рассчитаны'),
  },
  'status.official-only': { en: 'official totals only', ru: 'только официальные итоги' },
  /** The file layouts Karavan reads (src/data/readers): source names stay as they are. */
  datasetFormat: {
    en: '{format, select, exports {export table} baci {BACI} comtrade {UN Comtrade} wits {WITS} other {{format}}}',
    ru: '{format, select, exports {таблица экспорта} baci {BACI} comtrade {UN Comtrade} wits {WITS} other {{format}}}',
  },
  'label.status': { en: 'Status', ru: 'Статус' },
  'cli.wrote': { en: 'wrote {file}', ru: 'записан файл {file}' },
  'label.products': { en: 'Products', ru: 'Товары' },
  'products.code': { en: 'HS code', ru: 'Код ТН ВЭД' },
  'products.level': { en: 'Level', ru: 'Уровень' },
  'products.section': { en: 'HS section', ru: 'Раздел' },
  'products.name': { en: 'Product', ru: 'Товар' },
  'products.none': { en: 'no product matches "{search}"', ru: 'ни один товар не подходит под «{search}»' },
  'label.basis': { en: 'Computed from', ru: 'Источник расчёта' },
  'label.missing': { en: 'Missing, and how to add it', ru: 'Чего не хватает и как добавить' },
  'label.none': { en: '—', ru: '—' },
  'label.notAvailable': { en: 'n/a', ru: 'н/д' },
} as const;
