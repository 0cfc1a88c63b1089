/** Russian (default) and English texts, and number and date formats per locale (Intl). */
export type Lang = 'ru' | 'en';

/** Every dashboard-only text, in Russian and English (exported for the test that checks both are there). */
export const texts = {
  appTitle: { ru: 'Караван', en: 'Karavan' },
  appSubtitle: { ru: 'торговое сотрудничество пары стран', en: 'trade cooperation of a pair of countries' },
  exporter: { ru: 'Экспортёр', en: 'Exporter' },
  importer: { ru: 'Импортёр', en: 'Importer' },
  year: { ru: 'Год', en: 'Year' },
  latestYear: { ru: 'последний', en: 'latest' },
  hsLevel: { ru: 'Уровень ТН ВЭД', en: 'HS level' },
  language: { ru: 'English', en: 'Русский' },
  swap: { ru: 'Поменять местами', en: 'Swap' },
  viewOverview: { ru: 'Обзор', en: 'Overview' },
  viewNeeds: { ru: 'Потребности', en: 'Needs' },
  viewOpportunities: { ru: 'Возможности', en: 'Opportunities' },
  viewRivals: { ru: 'Конкуренты', en: 'Rivals' },
  viewProductSpace: { ru: 'Продуктовое пространство', en: 'Product space' },
  viewJoint: { ru: 'Совместное производство', en: 'Joint production' },
  viewMachinery: { ru: 'Техника', en: 'Machinery' },
  viewData: { ru: 'Данные', en: 'Data' },
  loading: { ru: 'Загрузка', en: 'Loading' },
  computing: { ru: 'Расчёт', en: 'Computing' },
  seconds: { ru: 'с', en: 's' },
  chart: { ru: 'График', en: 'Chart' },
  table: { ru: 'Таблица', en: 'Table' },
  download: { ru: 'Скачать', en: 'Download' },
  noRows: { ru: 'Нет строк', en: 'No rows' },
  noRowsForPair: {
    ru: 'Для этой пары в хранилище нет строк этого раздела',
    en: 'The store has no rows of this section for this pair',
  },
  error: { ru: 'Ошибка', en: 'Error' },
  hint: { ru: 'Подсказка', en: 'Hint' },
  statusComputed: { ru: 'рассчитано', en: 'computed' },
  statusPartial: { ru: 'частично', en: 'partial' },
  statusMissing: { ru: 'нет данных', en: 'missing' },
  coverageMissingTitle: {
    ru: 'В хранилище нет данных для этого раздела',
    en: 'The store lacks the data this view needs',
  },
  coveragePartialTitle: { ru: 'Данные неполные', en: 'The data are partial' },
  basis: { ru: 'Основа расчёта', en: 'Computed from' },
  whatToIngest: { ru: 'Что загрузить', en: 'What to ingest' },
  turnoverTitle: { ru: 'Товарооборот', en: 'Turnover' },
  exports: { ru: 'Экспорт', en: 'Exports' },
  imports: { ru: 'Импорт', en: 'Imports' },
  turnover: { ru: 'Оборот', en: 'Turnover' },
  officialFigures: {
    ru: 'Официальные данные (без товарной детализации)',
    en: 'Officially stated figures (no product detail)',
  },
  targetPlanner: { ru: 'Планировщик цели', en: 'Target planner' },
  targetUsd: { ru: 'Цель, млн долл. США', en: 'Target, USD million' },
  targetYear: { ru: 'К году', en: 'By year' },
  plan: { ru: 'Рассчитать', en: 'Plan' },
  requiredCagr: { ru: 'Нужный среднегодовой рост', en: 'Required annual growth' },
  gap: { ru: 'Разрыв', en: 'Gap' },
  path: { ru: 'Траектория', en: 'Path' },
  potentialCoverage: {
    ru: 'Доля разрыва, покрываемая нереализованным потенциалом',
    en: 'Share of the gap covered by untapped potential',
  },
  exampleTarget: { ru: 'Пример: удвоение за пять лет', en: 'Example: double in five years' },
  needsTitle: { ru: 'Импорт по товарам и доля экспортёра', en: "Imports by product and the exporter's share" },
  needsGrouping: {
    ru: 'Прямоугольники сгруппированы по разделам и группам ТН ВЭД; щелчок раскрывает группу.',
    en: 'Rectangles are grouped by HS section and chapter; a click opens a group.',
  },
  exporterShare: { ru: 'Доля экспортёра', en: "Exporter's share" },
  needsSeriesTitle: {
    ru: 'Импорт крупнейших товаров по годам',
    en: 'Imports of the largest products by year',
  },
  countriesRanked: { ru: 'Стран в расчёте сложности', en: 'Countries in the complexity measures' },
  countriesLeftOut: {
    ru: 'исключено фильтром Атласа (менее 1 млн жителей или менее 1 млрд долл. экспорта)',
    en: 'left out by the Atlas filter (under 1 M people or under 1 bn USD of exports)',
  },
  countriesNoFilter: { ru: 'все страны данных, без фильтра Атласа', en: 'every country of the data, no Atlas filter' },
  allCountriesOn: { ru: 'Рассчитать по всем странам', en: 'Compute over all countries' },
  atlasFilterOn: { ru: 'Вернуть фильтр Атласа', en: 'Apply the Atlas filter again' },
  totalImports: { ru: 'Весь импорт', en: 'Total imports' },
  opportunitiesTitle: { ru: 'Нереализованный экспортный потенциал', en: 'Untapped export potential' },
  bubbleTitle: { ru: 'Потенциал × сложность (PCI) × плотность', en: 'Potential × complexity (PCI) × density' },
  untapped: { ru: 'Нереализованный потенциал', en: 'Untapped potential' },
  pci: { ru: 'Сложность товара (PCI)', en: 'Product complexity (PCI)' },
  density: { ru: 'Плотность', en: 'Density' },
  noComplexity: {
    ru: 'Для этих товаров нет PCI на этом уровне ТН ВЭД',
    en: 'No PCI for these products at this HS level',
  },
  rivalsTitle: { ru: 'Доли поставщиков на рынке импортёра', en: "Suppliers' shares of the importer's market" },
  unitValues: { ru: 'Цена единицы, долл./т', en: 'Unit value, USD/t' },
  product: { ru: 'Товар', en: 'Product' },
  productSpaceTitle: { ru: 'Продуктовое пространство', en: 'Product space' },
  jointTitle: { ru: 'Кандидаты для совместного производства', en: 'Joint-production candidates' },
  score: { ru: 'Оценка', en: 'Score' },
  machineryTitle: { ru: 'Планировщик парка техники', en: 'Machinery fleet planner' },
  areaHa: { ru: 'Площадь, га', en: 'Area, ha' },
  windowDays: { ru: 'Окно, дней', en: 'Window, days' },
  workableShare: { ru: 'Доля рабочих дней', en: 'Workable share of days' },
  crop: { ru: 'Культура', en: 'Crop' },
  machine: { ru: 'Машина', en: 'Machine' },
  preset: { ru: 'Сценарий', en: 'Preset' },
  none: { ru: 'нет', en: 'none' },
  byDefault: { ru: 'по умолчанию', en: 'default' },
  calculate: { ru: 'Рассчитать', en: 'Calculate' },
  machinesNeeded: { ru: 'Машин нужно', en: 'Machines needed' },
  costPerHa: { ru: 'Затраты, долл./га', en: 'Cost, USD/ha' },
  costPerT: { ru: 'Затраты, долл./т', en: 'Cost, USD/t' },
  costMinimising: { ru: 'Парк минимальных затрат', en: 'Cost-minimising fleet' },
  costParts: { ru: 'Структура затрат, долл./га', en: 'Cost parts, USD/ha' },
  fleetSize: { ru: 'Затраты по размеру парка', en: 'Cost by fleet size' },
  sensitivity: { ru: 'Чувствительность', en: 'Sensitivity' },
  unconfirmed: { ru: 'Непроверенные допущения [M]', en: 'Unconfirmed assumptions [M]' },
  dataTitle: { ru: 'Наборы данных', en: 'Datasets' },
  coverageTitle: { ru: 'Покрытие данными', en: 'Data coverage' },
  howToAdd: { ru: 'Как добавить данные', en: 'How to add data' },
  baciHow: { ru: 'CEPII BACI (все страны, HS6)', en: 'CEPII BACI (all countries, HS6)' },
  comtradeHow: { ru: 'UN Comtrade (одна страна)', en: 'UN Comtrade (one country)' },
  upload: { ru: 'Загрузить файл', en: 'Upload a file' },
  uploadOff: {
    ru: 'Загрузка через браузер выключена: запустите karavan serve --allow-ingest или выполните команду в терминале.',
    en: 'Uploads are off: start karavan serve --allow-ingest, or run the command in a terminal.',
  },
  uploading: { ru: 'Передача файла', en: 'Uploading' },
  ingesting: { ru: 'Проверка и загрузка в хранилище', en: 'Checking and importing' },
  imported: { ru: 'Загружено', en: 'Imported' },
  unchanged: { ru: 'Уже загружен ранее', en: 'Already imported' },
  section: { ru: 'Раздел', en: 'Section' },
  status: { ru: 'Статус', en: 'Status' },
  sortHint: { ru: 'Нажмите на заголовок, чтобы отсортировать', en: 'Click a header to sort' },
  countryGroups: { ru: 'Группы стран', en: 'Country groups' },
  pairSame: { ru: 'Экспортёр и импортёр совпадают', en: 'Exporter and importer are the same' },
  docsLink: { ru: 'Описание API', en: 'API docs' },
  viewBasket: { ru: 'Торговля пары', en: 'Pair trade' },
  viewSupply: { ru: 'Предложение', en: 'Supply' },
  viewComplexity: { ru: 'Сложность экономик', en: 'Complexity ranking' },
  viewRegions: { ru: 'Регионы', en: 'Regions' },
  formerStates: { ru: 'Прежние государства', en: 'Former states' },
  until: { ru: 'до', en: 'until' },
  regionsOblasts: {
    ru: 'Области Казахстана: сколько комбайнов нужно для площади пшеницы и сколько работало',
    en: "Kazakhstan's oblasts: combines their wheat area needs and those at work",
  },
  regionsNeeded: { ru: 'Нужно комбайнов', en: 'Combines needed' },
  regionsWorking: { ru: 'Работало комбайнов', en: 'Combines at work' },
  regionsSources: { ru: 'Источники: номера в таблице выше', en: 'Sources: the numbers in the table above' },
  regionsMakers: { ru: 'Беларусь по областям: производители техники', en: "Belarus's regions: machinery makers" },
  viewsNav: { ru: 'Раздел', en: 'View' },
  skipToContent: { ru: 'Перейти к содержимому', en: 'Skip to content' },
  chartOf: { ru: 'График', en: 'Chart' },
  chartAlternative: {
    ru: 'Те же числа — в таблице (кнопка «Таблица»).',
    en: 'The same numbers are in the table (the Table button).',
  },
  directionNotInData: {
    ru: 'Данные не позволяют определить направление',
    en: 'The data cannot tell the direction',
  },
  totalExports: { ru: 'Весь экспорт', en: 'Total exports' },
  competitiveProducts: { ru: 'Конкурентоспособных товаров (RCA > 1)', en: 'Competitive products (RCA > 1)' },
  eciRank: { ru: 'Место по ECI', en: 'ECI rank' },
  competitive: { ru: 'конкурентоспособен (RCA > 1)', en: 'competitive (RCA > 1)' },
  notCompetitive: { ru: 'RCA ≤ 1', en: 'RCA ≤ 1' },
  worldShare: { ru: 'Мировая доля', en: 'World share' },
  supplyTitle: { ru: 'Крупнейшие товары экспорта', en: 'Largest exports' },
  sectionLegend: { ru: 'Цвета разделов ТН ВЭД', en: 'HS section colours' },
  hsSection: { ru: 'Раздел', en: 'Section' },
  otherProducts: { ru: 'прочие товары', en: 'other products' },
  allSections: { ru: 'Все разделы', en: 'All sections' },
  directionUnknown: {
    ru: 'Данные не позволяют определить этот поток (в срезе нет экспорта этой страны); это не означает, что торговли нет.',
    en: "The data cannot tell this flow (the slice lacks this country's exports); that is not the same as no trade.",
  },
  directionNone: { ru: 'В данных нет этого потока в этом году.', en: 'The data hold no such flow in this year.' },
  productsTraded: { ru: 'Товаров в торговле', en: 'Products traded' },
  complexityTitle: { ru: 'Индекс экономической сложности (ECI)', en: 'Economic Complexity Index (ECI)' },
  notRanked: { ru: 'нет в рейтинге', en: 'not ranked' },
  productTop: { ru: 'Крупнейшие товары импорта', en: 'Largest imports' },
  productSearch: { ru: 'Найти любой товар', en: 'Find any product' },
  productSearchHint: { ru: 'код ТН ВЭД или слова: 8433, комбайн', en: 'HS code or words: 8433, combine' },
  productSearchNeedsCode: {
    ru: 'Выберите товар из подсказок или введите код из 4 или 6 цифр',
    en: 'Pick a product from the suggestions or type a 4- or 6-digit code',
  },
  productsFound: { ru: 'Найдено', en: 'Found' },
  show: { ru: 'Показать', en: 'Show' },
  costChange: { ru: 'Изменение затрат на га', en: 'Change of the cost per ha' },
  sensitivityLow: { ru: 'параметр ниже', en: 'parameter lower' },
  sensitivityHigh: { ru: 'параметр выше', en: 'parameter higher' },
  total: { ru: 'Итого', en: 'Total' },
  usdPerHa: { ru: 'долл./га', en: 'USD/ha' },
  compareTitle: { ru: 'Сравнение машин', en: 'Machine comparison' },
  compareWith: { ru: 'Сравнить с', en: 'Compare with' },
  compareCheaper: { ru: 'Дешевле на гектар', en: 'Cheaper per hectare' },
  compareTie: { ru: 'равны', en: 'a tie' },
  compareMargin: { ru: 'Разница', en: 'Margin' },
  compareBreakEven: {
    ru: 'Насколько цена B может превышать цену A при равных затратах',
    en: "How much more B's list price may be than A's at equal cost",
  },
  perYear: { ru: 'в год', en: 'a year' },
  demoTitle: { ru: 'Демонстрационные делянки', en: 'Demonstration plots' },
  demoArea: { ru: 'Поле, га', en: 'Field, ha' },
  demoReplicates: { ru: 'Блоков (повторностей)', en: 'Blocks (replicates)' },
  demoPlot: { ru: 'Делянка, га', en: 'Plot, ha' },
  demoDays: { ru: 'Дней', en: 'Days' },
  demoDaysRange: { ru: 'дни', en: 'days' },
  demoBlock: { ru: 'Блок', en: 'Block' },
  demoBlocks: { ru: 'Блоки по дням', en: 'Blocks by day' },
  ha: { ru: 'га', en: 'ha' },
  minutes: { ru: 'мин', en: 'min' },
  haulTitle: { ru: 'Карьерные самосвалы: метод цикла', en: 'Mining haulage: the cycle-time method' },
  haulPayload: { ru: 'Грузоподъёмность, т', en: 'Payload, t' },
  haulDistance: { ru: 'Плечо откатки в одну сторону, км', en: 'One-way haul distance, km' },
  haulSpeedLoaded: { ru: 'Скорость с грузом, км/ч', en: 'Speed loaded, km/h' },
  haulSpeedEmpty: { ru: 'Скорость порожняком, км/ч', en: 'Speed empty, km/h' },
  haulLoad: { ru: 'Погрузка, мин', en: 'Loading, min' },
  haulDump: { ru: 'Разгрузка, мин', en: 'Dumping, min' },
  haulSpot: { ru: 'Установка и ожидание, мин', en: 'Spotting and queueing, min' },
  haulHaul: { ru: 'Движение с грузом', en: 'Haul' },
  haulReturn: { ru: 'Возврат порожняком', en: 'Return' },
  haulTonnes: { ru: 'Тонн в год', en: 'Tonnes a year' },
  haulHours: { ru: 'Плановых часов в год', en: 'Scheduled hours a year' },
  haulAvailability: { ru: 'Техническая готовность', en: 'Mechanical availability' },
  haulUtilization: { ru: 'Использование готовых часов', en: 'Use of the available hours' },
  haulTrucks: { ru: 'Самосвалов нужно', en: 'Trucks needed' },
  haulCycle: { ru: 'Цикл', en: 'Cycle' },
  haulRate: { ru: 'Тонн на самосвал в час', en: 'Tonnes per truck-hour' },
  haulMatch: { ru: 'Коэффициент согласования (погрузчик — самосвалы)', en: 'Match factor (loader to trucks)' },
  haulCapacity: { ru: 'Мощность парка к плану', en: "The fleet's capacity against the plan" },
  hours: { ru: 'ч', en: 'h' },
  cost_ownership: { ru: 'Владение', en: 'Ownership' },
  cost_repair: { ru: 'Ремонт', en: 'Repair' },
  cost_fuel: { ru: 'Топливо', en: 'Fuel' },
  cost_lubrication: { ru: 'Смазочные материалы', en: 'Lubrication' },
  cost_labour: { ru: 'Труд', en: 'Labour' },
  cost_timeliness: { ru: 'Потери от несвоевременности', en: 'Timeliness' },
  glossaryTitle: { ru: 'Термины', en: 'Terms' },
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
  noSection: { ru: 'без раздела', en: 'no section' },
  spaceKey: { ru: 'Обозначения', en: 'Key' },
  spaceExporterMark: {
    ru: 'оранжевый контур — товары экспортёра с RCA > 1',
    en: "orange outline: the exporter's products with RCA > 1",
  },
  spaceImporterMark: { ru: 'ромб — товары импортёра с RCA > 1', en: "diamond: the importer's products with RCA > 1" },
  spaceSize: {
    ru: 'размер узла — мировая торговля товаром; цвет — раздел ТН ВЭД',
    en: "node size: the product's world trade; colour: its HS section",
  },
  level: { ru: 'Уровень', en: 'Level' },
} as const;

export type TextKey = keyof typeof texts;

let current: Lang = 'ru';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  document.title = t('appTitle');
}

export function lang(): Lang {
  return current;
}

export function t(key: TextKey): string {
  return texts[key][current];
}

const locale = () => (current === 'ru' ? 'ru-RU' : 'en-GB');

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function formatInteger(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** USD amounts, compact: 1.2 bn / 1,2 млрд. */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatShare(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // Under 0.1 %, two significant digits: 0.017 % is not 0 % (the report formats shares the same way).
  if (value !== 0 && Math.abs(value) < 0.001)
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumSignificantDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(value);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A value in a table cell by the column's kind. */
export function formatCell(value: unknown, kind: string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    switch (kind) {
      case 'usd':
        return formatUsd(value);
      case 'share':
        return formatShare(value);
      case 'integer':
        return formatInteger(value);
      case 'year':
        return String(value);
      default:
        return formatNumber(value);
    }
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  // A timestamp (an ingest's time) reads as a date and time of the language, not as ISO text.
  if (kind === 'date' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)))
    return formatDate(String(value));
  return String(value);
}

/** Terms of the measures the views show, with what they mean: a header's tooltip and each view's glossary. */
const glossary: Array<{ term: RegExp; name: string; text: Record<Lang, string> }> = [
  {
    term: /\bRCA\b/,
    name: 'RCA',
    text: {
      ru: 'выявленное сравнительное преимущество (Баласса): доля товара в экспорте страны, делённая на его долю в мировом экспорте; больше 1 — страна экспортирует товар конкурентоспособно',
      en: "revealed comparative advantage (Balassa): the product's share of the country's exports over its share of world exports; above 1, the country exports it competitively",
    },
  },
  {
    term: /\bPCI\b/,
    name: 'PCI',
    text: {
      ru: 'индекс сложности товара: насколько редкие возможности нужны, чтобы его экспортировать (стандартизован, среднее 0)',
      en: 'Product Complexity Index: how rare the capabilities needed to export the product are (standardised, mean 0)',
    },
  },
  {
    term: /\bECI\b/,
    name: 'ECI',
    text: {
      ru: 'индекс экономической сложности страны: разнообразие и сложность её экспорта (стандартизован, среднее 0)',
      en: "Economic Complexity Index: the diversity and complexity of a country's exports (standardised, mean 0)",
    },
  },
  {
    term: /\bCOG\b/,
    name: 'COG',
    text: {
      ru: 'выигрыш в перспективах сложности: насколько освоение товара приблизит страну к другим сложным товарам',
      en: 'complexity outlook gain: how much making the product would bring the country closer to other complex products',
    },
  },
  {
    term: /\bHHI\b|(?<!\p{L})ИХХ(?!\p{L})/u, // \b knows only Latin letters
    name: 'HHI',
    text: {
      ru: 'индекс Херфиндаля-Хиршмана (ИХХ): сумма квадратов долей поставщиков, от близкого к 0 (много мелких) до 1 (один поставщик)',
      en: "Herfindahl-Hirschman Index: the sum of the suppliers' squared shares, from near 0 (many small) to 1 (one supplier)",
    },
  },
  {
    term: /плотност|\bdensity\b/i,
    name: 'density',
    text: {
      ru: 'плотность: какую долю близких к товару товаров (по близости в продуктовом пространстве) страна уже экспортирует с RCA > 1; от 0 до 1',
      en: 'density: how much of what is close to the product (proximity in the product space) the country already exports with RCA > 1; 0 to 1',
    },
  },
];

/** The glossary entries whose term the text mentions, in the current language ("RCA: ..."). */
export function glossaryTerms(text: string): Array<{ name: string; text: string }> {
  return glossary
    .filter((entry) => entry.term.test(text))
    .map((entry) => ({
      name: entry.name === 'density' ? t('density') : entry.name,
      text: entry.text[current],
    }));
}
