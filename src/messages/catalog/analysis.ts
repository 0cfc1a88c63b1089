/**
 * What the analysis says about its sections: what a figure is computed from (basis), what is
 * missing and how to add it, and the reasons it gives for a candidate. Russian names a country in
 * the nominative ("импортёр — Казахстан", "Беларусь — Казахстан"), so every country reads right
 * without a table of grammatical cases.
 */
const productsRu = '{count, plural, one {# товар} few {# товара} many {# товаров} other {# товара}}';
const countriesRu = '{countries, plural, one {# страны} other {# стран}}';

export const analysisMessages = {
  // Joining pieces of a sentence.
  'join.semicolon': { en: '{first}; {second}', ru: '{first}; {second}' },
  'join.and': { en: '{first} and {second}', ru: '{first} и {second}' },
  'join.comma': { en: '{first}, {second}', ru: '{first}, {second}' },
  'gap.how': { en: '{what}: {how}', ru: '{what}: {how}' },
  'flow.direction': { en: '{from} → {to}', ru: '{from} → {to}' },
  'pair.countries': { en: '{exporter}–{importer}', ru: '{exporter} — {importer}' },

  // How to fill a gap: the files to download and the command to run.
  'advice.baci': {
    en: 'download a CEPII BACI release (www.cepii.fr -> Databases -> BACI, e.g. BACI_HS17_V202401.zip: all countries, HS6, 2017-2022, values in USD) and run: karavan ingest BACI_HS17_V202401.zip',
    ru: 'загрузите выпуск CEPII BACI (www.cepii.fr -> Databases -> BACI, например BACI_HS17_V202401.zip: все страны, HS6, 2017-2022, стоимость в долларах США) и выполните: karavan ingest BACI_HS17_V202401.zip',
  },
  'advice.comtrade': {
    en: 'or download from UN Comtrade (comtradeplus.un.org -> Get data): reporter {reporter}, {flow, select, exports {exports} other {imports}}, all partners, HS6 (AG6), annual, the last 5 years, as CSV, and run: karavan ingest TradeData.csv',
    ru: 'или загрузите из UN Comtrade (comtradeplus.un.org -> Get data): отчитывающаяся страна — {reporter}, {flow, select, exports {экспорт} other {импорт}}, все партнёры, HS6 (AG6), годовые данные за последние 5 лет, в формате CSV, и выполните: karavan ingest TradeData.csv',
  },
  'advice.comtradeMembers': {
    en: 'each member of {group} ({members})',
    ru: 'каждый участник группы {group} ({members})',
  },

  // Section bases.
  /** No basis: renderers leave out the "computed from" clause; tables show the dash. */
  'basis.none': { en: '—', ru: '—' },
  'basis.pairFlows': {
    en: 'bilateral flows between {exporter} and {importer}, {years}',
    ru: 'двусторонние потоки {exporter} — {importer}, {years}',
  },
  'basis.officialTotals': {
    en: 'officially stated totals ({count, plural, one {# figure} other {# figures}}, {years}), not product-level statistics',
    ru: 'официально заявленные итоги ({count, plural, one {# показатель} few {# показателя} many {# показателей} other {# показателя}}, {years}), а не потоварная статистика',
  },
  'basis.importerFlows': {
    en: 'world bilateral flows into {importer}, {years}',
    ru: 'мировые двусторонние потоки, импортёр — {importer}, {years}',
  },
  'basis.importerWorldTotals': {
    en: "{importer}'s imports from the World as it reports them ({sources}), {years}; no supplier named",
    ru: 'импорт из всего мира по данным самого импортёра ({importer}; {sources}), {years}; поставщики не названы',
  },
  'basis.partialImporterFlows': {
    en: "only flows into {importer} from the {suppliers} exporters the store covers, {years}: not {importer}'s total imports, so not used",
    ru: 'в хранилище только потоки в адрес импортёра ({importer}) от {suppliers} экспортёров, {years}: это не весь его импорт, поэтому они не используются',
  },
  'basis.exporterExports': {
    en: "{exporter}'s exports by product, {years} ({sources})",
    ru: 'экспорт по товарам (экспортёр — {exporter}), {years} ({sources})',
  },
  'basis.worldFlows': { en: 'world bilateral flows, {years}', ru: 'мировые двусторонние потоки, {years}' },
  'basis.worldExportTables': {
    en: 'exports of all countries by product (export tables), {year}',
    ru: 'экспорт всех стран по товарам (таблицы экспорта), {year}',
  },
  'basis.worldExportsFromFlows': {
    en: 'exports of all countries (from bilateral flows), {year}',
    ru: 'экспорт всех стран (из двусторонних потоков), {year}',
  },
  'basis.jointWithImports': {
    en: "complexity {year} and {importer}'s imports {years}",
    ru: 'сложность за {year} год и импорт импортёра ({importer}), {years}',
  },
  'basis.jointStandIn': {
    en: "capabilities (RCA, density, PCI, COG) from world exports {year}; world demand stands in for {importer}'s own imports",
    ru: 'компетенции (RCA, плотность, PCI, COG) по мировому экспорту за {year}; мировой спрос заменяет собственный импорт импортёра ({importer})',
  },
  'basis.needsWorldStandIn': {
    en: "world trade by product {year} ({source}) as a stand-in for {importer}'s own imports",
    ru: 'мировая торговля по товарам, {year} ({source}), вместо собственного импорта импортёра ({importer})',
  },
  'basis.needsWorldTotals': {
    en: "{importer}'s imports from the World as {importer} reports them (no supplier named), {source} {year}",
    ru: 'импорт из всего мира по данным самого импортёра ({importer}; поставщики не названы), {source} {year}',
  },
  'basis.needsAllSuppliers': {
    en: "{importer}'s imports from all suppliers, {source} {year}",
    ru: 'импорт от всех поставщиков (импортёр — {importer}), {source} {year}',
  },
  'basis.growthAgainst': { en: '{basis}; growth against {startYear}', ru: '{basis}; рост к уровню {startYear} года' },
  'basis.noGrowthYear': {
    en: '{basis}; no {startYear} data for growth',
    ru: '{basis}; для расчёта роста нет данных за {startYear} год',
  },
  'basis.basket': {
    en: '{source} {year}, HS{level}, {exporter}–{importer}: {count, plural, one {# product} other {# products}}',
    ru: `{source} {year}, HS{level}, {exporter} — {importer}: ${productsRu}`,
  },
  'basis.joint': {
    en: 'capabilities from exports of {countries} countries, {source} {year} (HS{level}); demand from {demand}',
    ru: `компетенции по экспорту ${countriesRu}, {source} {year} (HS{level}); спрос — {demand}`,
  },
  'basis.potential': {
    en: 'bilateral flows of {countries} countries, {source} {years} (weights {weights}), HS{level}',
    ru: `двусторонние потоки ${countriesRu}, {source} {years} (веса {weights}), HS{level}`,
  },
  'basis.rivals': {
    en: "{importer}'s imports by supplier, {source} {years}; unit values from quantities in tonnes",
    ru: 'импорт по поставщикам (импортёр — {importer}), {source} {years}; удельные цены по количествам в тоннах',
  },
  'basis.supply': {
    en: 'exports of {countries} countries by HS{level} product, {source} {year}',
    ru: `экспорт ${countriesRu} по товарам HS{level}, {source} {year}`,
  },
  'basis.surplus': {
    en: "{importer}'s imports {source} {years}; {exporter}'s RCA from {capsSource} {capsYear}",
    ru: 'импорт импортёра ({importer}), {source} {years}; RCA экспортёра ({exporter}) по {capsSource} {capsYear}',
  },
  'basis.turnoverSource': { en: '{source}', ru: '{source}' },
  'basis.turnoverReported': {
    en: '{source} (as reported by {reporter})',
    ru: '{source} (по данным страны: {reporter})',
  },
  'basis.officiallyStated': {
    en: 'officially stated by {side}{lowerBound, select, yes { (a lower bound)} other {}}: {url}',
    ru: 'официальное заявление, сторона — {side}{lowerBound, select, yes { (нижняя граница)} other {}}: {url}',
  },
  'basis.targetGiven': { en: 'given', ru: 'задано пользователем' },
  'demand.importerImports': { en: "{importer}'s imports", ru: 'импорт импортёра ({importer})' },
  'demand.worldStandIn': { en: 'world trade (stand-in)', ru: 'мировая торговля (замена)' },

  // What is missing.
  'need.pairFlows': {
    en: 'no flows between {exporter} and {importer}',
    ru: 'нет данных о торговле {exporter} — {importer}',
  },
  'need.pairProductFlowsNone': {
    en: 'no product-level flows between {exporter} and {importer}',
    ru: 'нет потоварных данных о торговле {exporter} — {importer}',
  },
  'need.pairProductFlows': {
    en: 'product-level flows between {exporter} and {importer}',
    ru: 'потоварные данные о торговле {exporter} — {importer}',
  },
  'need.forYear': { en: '{what} for {year}', ru: '{what} за {year} год' },
  'need.forYearOrEarlier': { en: '{what} for {year} or earlier', ru: '{what} за {year} год или раньше' },
  'need.notInExportData': {
    en: '{who} not in the {year} export data at HS{level}',
    ru: '{who}: нет в данных об экспорте за {year} год на уровне HS{level}',
  },
  'need.storeHas': { en: '{what} (the store has {years})', ru: '{what} (в хранилище есть {years})' },
  'need.importerImportsAll': {
    en: "{importer}'s imports from all suppliers",
    ru: 'импорт от всех поставщиков (импортёр — {importer})',
  },
  'need.importerImportsByProductSupplier': {
    en: "{importer}'s imports by product and supplier",
    ru: 'импорт по товарам и поставщикам (импортёр — {importer})',
  },
  'need.importerImportsByProduct': {
    en: "{importer}'s imports by product",
    ru: 'импорт по товарам (импортёр — {importer})',
  },
  'need.importerImportsReplaceWorld': {
    en: "{importer}'s imports by product would replace world trade as demand",
    ru: 'импорт по товарам (импортёр — {importer}) заменил бы мировую торговлю как меру спроса',
  },
  'need.importerImportsWithQuantities': {
    en: "{importer}'s imports by supplier with quantities",
    ru: 'импорт по поставщикам с количествами (импортёр — {importer})',
  },
  'need.exporterExports': {
    en: "{exporter}'s exports by product",
    ru: 'экспорт по товарам (экспортёр — {exporter})',
  },
  'need.growthSeveralYears': { en: 'growth needs several years', ru: 'для расчёта роста нужно несколько лет' },
  'need.growthYear': { en: 'growth needs {year} as well', ru: 'для расчёта роста нужен и {year} год' },
  'need.growthEarlierYear': {
    en: 'growth needs an earlier year of the same source',
    ru: 'для расчёта роста нужен более ранний год того же источника',
  },
  'need.growthEarlierYears': {
    en: 'growth needs earlier years of {source}',
    ru: 'для расчёта роста нужны более ранние годы источника {source}',
  },
  'need.growthImporterYear': {
    en: "growth needs {importer}'s imports in {year} too",
    ru: 'для расчёта роста нужен и импорт импортёра ({importer}) за {year} год',
  },
  'need.itcFlows': {
    en: 'the ITC export-potential method needs bilateral flows of all countries (every supplier of {importer}, every market of {exporter})',
    ru: 'методу экспортного потенциала ITC нужны двусторонние потоки всех стран (все поставщики импортёра ({importer}) и все рынки экспортёра ({exporter}))',
  },
  'need.worldExports': { en: 'exports of all countries by product', ru: 'экспорт всех стран по товарам' },
  'need.worldExportsAtLevel': {
    en: 'exports of all countries by product at HS{level}',
    ru: 'экспорт всех стран по товарам на уровне HS{level}',
  },
  'need.basketUnknown': {
    en: '{flows} flows are not in the store for {year} (the data does not say, which is not zero)',
    ru: 'потоков {flows} за {year} год нет в хранилище (данные об этом молчат, а это не ноль)',
  },
  'need.atlasThreshold': {
    en: '{who} is below the Atlas thresholds in {source} {year} (1 M people, 1 bn USD of exports), so it has no place in the product space; run with --all-countries',
    ru: '{who}: ниже порогов Атласа в {source} {year} (1 млн жителей, 1 млрд долл. США экспорта), поэтому нет места в продуктовом пространстве; запустите с --all-countries',
  },
  'need.noExportsIn': { en: '{who} has no exports in {source} {year}', ru: '{who}: нет экспорта в {source} {year}' },
  'need.noFlowsIn': { en: '{who} has no flows in {source} {year}', ru: '{who}: нет потоков в {source} {year}' },
  'need.groupNotCountry': {
    en: '{group} is a group: RCA, complexity and the product space are computed for countries, not groups; run this for one of its members ({members})',
    ru: '{group} — группа стран: RCA, сложность и продуктовое пространство рассчитываются для стран, а не для групп; запустите расчёт для одного из участников ({members})',
  },
  'need.steadierAverage': {
    en: '{window} years make the average steadier; the store has {have}',
    ru: 'среднее по {window} годам устойчивее; в хранилище {have, plural, one {# год} few {# года} many {# лет} other {# года}}',
  },
  'need.noProducts': {
    en: 'no products to compare: give HS codes with --hs',
    ru: 'нет товаров для сравнения: укажите коды ТН ВЭД в --hs',
  },
  'rivals.choiceGiven': {
    en: '{count, plural, one {the product given} other {the # products given}}',
    ru: '{count, plural, one {заданный товар} few {# заданных товара} many {# заданных товаров} other {# заданного товара}}',
  },
  'rivals.choiceDefault': {
    en: "{exporter}'s largest flows to {importer} ({sold}) and its largest competitive exports, RCA ≥ 1 ({competitive}); give others with --hs",
    ru: 'крупнейшие поставки: {exporter} → {importer} ({sold}) и крупнейшие статьи конкурентоспособного экспорта (RCA ≥ 1) экспортёра ({competitive}); другие товары задайте через --hs',
  },
  'need.importsNone': {
    en: '{importer} imports none of {products} in {source} {year}',
    ru: '{importer}: нет импорта товаров {products} в {source} {year}',
  },
  'need.surplusFlows': {
    en: "needs {importer}'s imports by supplier over five years and {exporter}'s world exports",
    ru: 'нужны импорт по поставщикам за пять лет (импортёр — {importer}) и мировой экспорт экспортёра ({exporter})',
  },

  // Officially stated totals (the by-kz-official table): the measure, period, side and note.
  'official.turnoverGoods': { en: 'turnover (goods)', ru: 'товарооборот (товары)' },
  'official.services': { en: 'trade in services', ru: 'торговля услугами' },
  'official.exports': { en: 'exports {from} → {to}', ru: 'экспорт {from} → {to}' },
  'official.imports': { en: 'imports {from} → {to}', ru: 'импорт {from} → {to}' },
  'official.other': { en: '{measure}', ru: '{measure}' },
  'official.year': { en: '{year}', ru: '{year}' },
  'official.firstHalf': { en: '{year} (Jan-Jun)', ru: '{year} (январь–июнь)' },
  'official.period': { en: '{year} ({period})', ru: '{year} ({period})' },
  'official.side': { en: '{side}', ru: '{side}' },
  /** The note as stated (English) and Karavan's Russian translation of it (data/embedded/by_kz_official_notes_ru.csv). */
  'official.note': { en: '{en}', ru: '{ru}' },

  // The machinery market's size (analysis/machinery-demand.ts).
  'machinery.demandOnlyFor': {
    en: "the fleet facts (size, age, renewal rate) are {country}'s; none are shipped for {importer}",
    ru: 'данные о парке техники (численность, возраст, темп обновления) есть только по стране {country}; по стране {importer} их нет',
  },

  // Country groups: which members have data.
  'groups.noMembers': { en: '{group}: no members in {years}', ru: '{group}: в {years} участников нет' },
  'groups.membersWithData': {
    en: '{group}: data for {withData} ({years})',
    ru: '{group}: есть данные по {withData} ({years})',
  },
  'groups.membersPartly': {
    en: '{group}: data for {withData}, none for {without} ({years})',
    ru: '{group}: есть данные по {withData}, нет по {without} ({years})',
  },
  'groups.membersNone': {
    en: '{group}: no member with data ({years})',
    ru: '{group}: ни по одному участнику нет данных ({years})',
  },

  // Joint production: why a candidate.
  'joint.reason': {
    en: '{demand}; {exporter} is competitive (RCA {rca, number, ::.0}); {capabilities}; complexity gain COG {cog, number, ::.00}, PCI {pci, number, ::.00}',
    ru: '{demand}; {exporter}: конкурентоспособный экспорт (RCA {rca, number, ::.0}); {capabilities}; прирост сложности COG {cog, number, ::.00}, PCI {pci, number, ::.00}',
  },
  'joint.demandImports': {
    en: '{importer} imports {usd, number, ::compact-short .0} USD a year',
    ru: '{importer}: импорт {usd, number, ::compact-short .0} долл. США в год',
  },
  'joint.demandWorld': {
    en: "world trade is {usd, number, ::compact-short .0} USD ({importer}'s own imports are not in the store)",
    ru: 'мировая торговля {usd, number, ::compact-short .0} долл. США (собственного импорта импортёра ({importer}) в хранилище нет)',
  },
  'joint.related': {
    en: '{importer} has related capabilities: its density here is higher than for {percent}% of the products it does not yet export competitively',
    ru: '{importer}: есть родственные компетенции — плотность выше, чем у {percent} % товаров, которые страна пока не экспортирует конкурентоспособно',
  },
  'joint.notRelated': {
    en: "{importer}'s density here is higher than for {percent}% of the products it does not yet export competitively: below the {threshold}% that would show related capabilities",
    ru: '{importer}: плотность выше, чем у {percent} % товаров без конкурентоспособного экспорта, — меньше порога {threshold} %, за которым можно говорить о родственных компетенциях',
  },
} as const;
