/**
 * The machinery planner's words (src/cli/machinery-format.ts, the machinery commands, the
 * showcase's tables): headings, column labels, sentences and warnings, in English and Russian.
 * Numbers reach these messages already formatted in the reader's locale (Intl.NumberFormat in
 * the formatter), except counts, which go through `plural` for Russian's one/few/many/other.
 * Source tags ([V], [M], [user], [preset], [measured]), machine ids, codes and the units kW, L,
 * USD and KZT stay as they are in both languages.
 */
export const machineryMessages = {
  // Units and amounts.
  'machinery.unit.ha': { en: 'ha', ru: 'га' },
  'machinery.unit.haPerHour': { en: 'ha/h', ru: 'га/ч' },
  'machinery.unit.hPerDay': { en: 'h/day', ru: 'ч/день' },
  'machinery.usd': { en: '${amount}', ru: '{amount} долл.' },
  /** The currency of amounts per unit: "$/ha" in English, "долл./га" in Russian; other codes as they are. */
  'machinery.currencyUnit': {
    en: '{code, select, USD {$} other {{code}}}',
    ru: '{code, select, USD {долл.} other {{code}}}',
  },
  'machinery.yes': { en: 'yes', ru: 'да' },
  'machinery.no': { en: 'no', ru: 'нет' },
  'machinery.pwd': { en: 'pwd {pwd}', ru: 'доля рабочих дней {pwd}' },
  'machinery.day': { en: 'day {day}', ru: 'день {day}' },
  'machinery.days': { en: 'days {from}-{to}', ru: 'дни {from}–{to}' },
  'machinery.section.notes': { en: 'Notes', ru: 'Примечания' },
  'machinery.section.warnings': { en: 'Warnings', ru: 'Предупреждения' },
  'machinery.section.machines': { en: 'Machines', ru: 'Машины' },
  'machinery.section.formulas': { en: 'Formulas', ru: 'Формулы' },
  'machinery.note': { en: 'note: {text}', ru: 'примечание: {text}' },
  'machinery.col.parameter': { en: 'parameter', ru: 'параметр' },
  'machinery.col.value': { en: 'value', ru: 'значение' },
  'machinery.col.tag': { en: 'tag', ru: 'метка' },
  'machinery.col.source': { en: 'source', ru: 'источник' },
  'machinery.col.machine': { en: 'machine', ru: 'машина' },
  'machinery.col.machines': { en: 'machines', ru: 'машин' },
  'machinery.col.widthM': { en: 'width m', ru: 'ширина, м' },
  'machinery.col.speedKmh': { en: 'speed km/h', ru: 'скорость, км/ч' },
  'machinery.col.efficiency': { en: 'efficiency', ru: 'коэф. использования' },
  'machinery.col.hours': { en: 'hours', ru: 'часов' },
  'machinery.col.days': { en: 'days', ru: 'дни' },
  'machinery.col.day': { en: 'day', ru: 'день' },
  'machinery.col.measure': { en: 'measure', ru: 'показатель' },
  'machinery.col.unit': { en: 'unit', ru: 'единица' },
  'machinery.col.better': { en: 'better', ru: 'лучше' },
  'machinery.col.fromSheet': { en: 'from the sheet', ru: 'из листа' },
  'machinery.asOf': { en: 'as of {date}', ru: 'на {date}' },
  'machinery.unknownDate': { en: '?', ru: '?' },
  /** A fact whose year the data does not know (data/machinery/presets.json: "unknown year"). */
  'machinery.unknownYear': { en: 'unknown year', ru: 'год неизвестен' },

  /** Names of the scenario's parameters in Russian (the ids stay in English and in the JSON). */
  'machinery.param': {
    en: '{key, select, other {{name}}}',
    ru:
      '{key, select, areaHa {площадь, га} windowDays {окно, дней} hoursPerDay {часов в день} workableShare {доля рабочих дней}' +
      ' widthM {ширина захвата, м} speedKmh {скорость, км/ч} fieldEfficiency {коэффициент использования времени}' +
      ' listPriceUsd {цена по прайсу, долл.} purchasePriceUsd {цена покупки, долл.} powerKw {мощность, kW}' +
      ' fuelLitresPerHour {топливо, L/ч} labourFactor {коэффициент труда} lifeHours {ресурс, ч}' +
      ' repairFactor1 {коэффициент ремонта RF1} repairFactor2 {коэффициент ремонта RF2}' +
      ' remainingValue_c1 {остаточная стоимость C1} remainingValue_c2 {остаточная стоимость C2} remainingValue_c3 {остаточная стоимость C3}' +
      ' ownershipYears {срок владения, лет} realInterestRate {реальная ставка} taxesInsuranceHousingShare {налоги, страховка, хранение (доля)}' +
      ' fuelPriceUsdPerLitre {цена дизтоплива, долл./L} wageUsdPerHour {оплата механизатора, долл./ч}' +
      ' lubricationShareOfFuel {смазка, доля от топлива} yieldTPerHa {урожайность, т/га} grainPriceUsdPerT {цена зерна, долл./т}' +
      ' timelinessLossSharePerDay {потери от несвоевременности K, доля в день} zDivisor {делитель Z}' +
      ' fuelLitresPerKwh {удельный расход, L/кВт·ч} purchasePriceShare {цена покупки, доля прайса}' +
      ' machinesPerMechanic {машин на механика} machinesPerServiceEngineer {машин на сервисного инженера}' +
      ' groupSize {человек в группе} leadDays {дней до сезона} shiftHours {часов в смене} reserveShare {доля резерва}' +
      ' trainingHours_operator {часов обучения механизатора} trainingHours_mechanic {часов обучения механика}' +
      ' trainingHours_serviceEngineer {часов обучения сервисного инженера} units {единиц техники}' +
      ' other {{name}}}',
  },
  /** A machine's or tractor's parameter: "machine.lifeHours". */
  'machinery.paramOf': {
    en: '{owner}.{name}',
    ru: '{owner, select, machine {машина} tractor {трактор} other {{owner}}}: {name}',
  },
  'machinery.role': {
    en: '{role}',
    ru: '{role, select, operator {механизатор} mechanic {механик} serviceEngineer {сервисный инженер} other {{role}}}',
  },
  'machinery.better': {
    en: '{better}',
    ru: '{better, select, higher {выше} lower {ниже} context {для справки} other {{better}}}',
  },
  'machinery.kind': {
    en: '{key, select, other {{kind}}}',
    ru:
      '{key, select, combine_sp {самоходный комбайн} combine_pull {прицепной комбайн} tractor_4wd {трактор 4×4}' +
      ' tractor_2wd {трактор 4×2} seed_drill {сеялка} sprayer {опрыскиватель} plough {плуг} disc_harrow {дисковая борона}' +
      ' mining_truck {карьерный самосвал} other {{kind}}}',
  },
  'machinery.towed': { en: '{kind} (towed)', ru: '{kind} (прицепной)' },
  'machinery.operation': {
    en: '{operation}',
    ru: '{operation, select, harvest {уборка} tillage {обработка почвы} seeding {посев} spraying {опрыскивание} haulage {перевозка} other {{operation}}}',
  },
  'machinery.crop': {
    en: '{crop, select, other {{name}}}',
    ru: '{crop, select, wheat {пшеница} barley {ячмень} oats {овёс} corn {кукуруза} soybean {соя} other {{name}}}',
  },
  'machinery.cropOf': {
    en: '{crop, select, other {{name}}}',
    ru: '{crop, select, wheat {пшеницы} barley {ячменя} oats {овса} corn {кукурузы} soybean {сои} other {{name}}}',
  },

  /** D497's remaining-value rows (data/machinery/catalog.json), by the row's words with every other character an underscore. */
  'machinery.remainingValueRowName': {
    en: '{key, select, other {{row}}}',
    ru:
      '{key, select, combine {комбайн} planter__applied_to_drills_ {сеялки (применена к зерновым сеялкам)}' +
      ' planter_row_used_as_a_stand_in_for_boom_sprayers {строка сеялок вместо штанговых опрыскивателей}' +
      ' planter_row_used_as_a_stand_in_for_disc_harrows {строка сеялок вместо дисковых борон}' +
      ' planter_row_used_as_a_stand_in_for_ploughs {строка сеялок вместо плугов}' +
      ' tractor_large___112_kW {трактор большой, > 112 kW} tractor_medium_60_112_kW {трактор средний, 60–112 kW}' +
      ' tractor_small___60_kW {трактор малый, < 60 kW} other {{row}}}',
  },
  'machinery.compare.noteOperations': {
    en: 'The machines do different operations ({a} vs {b}): the comparison is of cost only.',
    ru: 'Машины выполняют разные операции ({a} и {b}): сравниваются только затраты.',
  },
  'machinery.compare.noteSameWindow': {
    en: 'Both machines are sized to finish inside the same window; each gets its own fleet (F3). Break-even prices hold that fleet fixed.',
    ru: 'Обе машины рассчитаны на одно и то же окно; у каждой свой парк (F3). Цены безубыточности считаются при этом парке.',
  },
  'machinery.compare.noteMeasured': {
    en: "{machine}: measured rates replace the catalog's [measured]: {parts}.",
    ru: '{machine}: измеренные показатели заменяют каталожные [measured]: {parts}.',
  },
  'machinery.compare.measuredCapacity': {
    en: 'capacity {value} ha/h ({source})',
    ru: 'производительность {value} га/ч ({source})',
  },
  'machinery.compare.measuredFuel': { en: 'fuel {value} L/ha ({source})', ru: 'топливо {value} L/га ({source})' },
  /** The sums behind a measured rate (src/machinery/measured-rates.ts: M1 capacity, M2 fuel). */
  'machinery.compare.m1': {
    en: 'M1: {area} ha / {hours} h over {used} of {rows} rows of {sheet}',
    ru: 'M1: {area} га / {hours} ч по {used} из {rows} строк листа {sheet}',
  },
  'machinery.compare.m2': {
    en: 'M2: {litres} L / {area} ha over {used} of {rows} rows of {sheet}',
    ru: 'M2: {litres} L / {area} га по {used} из {rows} строк листа {sheet}',
  },
  'machinery.compare.noteOneSide': {
    en: 'Only one machine has a measured capacity: the other keeps its catalog F1 rate, so the comparison mixes a field measurement with a catalog figure.',
    ru: 'Измеренная производительность есть только у одной машины: у другой остаётся каталожная по F1, так что сравнение смешивает полевое измерение с каталожной цифрой.',
  },
  'machinery.compare.noteUnconfirmed': {
    en: 'Unconfirmed [M] parameters enter both sides ({names}); differences driven by them are not verified.',
    ru: 'Неподтверждённые параметры [M] входят в обе стороны ({names}); различия, которые от них зависят, не проверены.',
  },

  /**
   * Sentences of the data files (data/machinery/*.json: the catalog's and presets' notes, preset
   * titles, machine notes), each with its English exactly as the file has it: the formatter shows
   * the Russian only while the file still says that English, so a changed note is never
   * mistranslated (it shows in English until it is added here again).
   */
  'machinery.data.catalogTags': {
    en: 'Tags: [V] seen in a retrieved source, [V*] derived (a published number reproduces from it), [M] unconfirmed (recalled from D497.7/A3-29, or a Karavan placeholder). Never read an [M] value as verified.',
    ru: 'Метки: [V] — видно в полученном источнике, [V*] — выведено (опубликованное число из него воспроизводится), [M] — не подтверждено (по памяти из D497.7/A3-29 или условное значение Karavan). Никогда не считайте значение [M] проверенным.',
  },
  'machinery.data.catalogPrices': {
    en: "List prices and class boundaries are Karavan placeholders tagged [M]: put real quotes in your own catalog file (--catalog FILE). No brand's price or specification is shipped here.",
    ru: 'Цены по прайсу и границы классов — условные значения Karavan с меткой [M]: внесите настоящие предложения в свой файл каталога (--catalog FILE). Цены и характеристики марок здесь не поставляются.',
  },
  'machinery.data.catalogMining': {
    en: 'Mining trucks: ASABE has no data for them; their values are indicative [M] placeholders and the field planner does not apply to haulage.',
    ru: 'Карьерные самосвалы: у ASABE нет данных по ним; их значения — ориентировочные условные [M], а полевой планировщик к перевозкам не применяется.',
  },
  'machinery.data.catalogNamed': {
    en: "Named machines (machines[]): a maker's model based on a class. The maker's own published figures are tagged V with the page; figures read second-hand (press, dealers) are tagged M and say where they were read. No model carries a price: the class placeholder stays, tagged M.",
    ru: 'Машины по названию (поле `machines[]` каталога): модель производителя на основе класса. Собственные опубликованные цифры производителя помечены V со ссылкой на страницу; цифры из вторых рук (пресса, дилеры) помечены M и указывают, где прочитаны. Ни у одной модели нет цены: остаётся условная цена класса с меткой M.',
  },
  'machinery.data.presetWheat2023': {
    en: 'Kazakhstan wheat, 2023 season (national yield; Kostanay harvest-campaign length)',
    ru: 'Казахстан, пшеница, сезон 2023 (урожайность по стране; длительность уборочной кампании в Костанайской области)',
  },
  'machinery.data.presetGrain2023': {
    en: 'Kazakhstan all grains, 2023 season (national yield; Kostanay harvest-campaign length)',
    ru: 'Казахстан, все зерновые, сезон 2023 (урожайность по стране; длительность уборочной кампании в Костанайской области)',
  },
  'machinery.data.presetWheat2024Kzt': {
    en: "Kazakhstan wheat, 2024 season, in tenge: farmers' diesel, agricultural wage and class-3 wheat price converted at the National Bank's rate",
    ru: 'Казахстан, пшеница, сезон 2024, в тенге: дизтопливо для аграриев, зарплата в сельском хозяйстве и цена пшеницы 3 класса по курсу Национального банка',
  },
  'machinery.data.presetNoteDrought': {
    en: 'The yield is a national average for a drought-affected season; Kostanay farms differ year to year: override with --yield-t-per-ha.',
    ru: 'Урожайность — средняя по стране в засушливый сезон; хозяйства Костанайской области год от года различаются: задайте свою через --yield-t-per-ha.',
  },
  'machinery.data.presetNoteNoGrainPrice': {
    en: 'The grain price is not in the preset (no dated source was gathered): the crop default [M] applies unless you pass --grain-price-usd-per-t.',
    ru: 'Цены зерна в пресете нет (датированный источник не собран): действует значение культуры по умолчанию [M], если не задать --grain-price-usd-per-t.',
  },
  'machinery.data.presetNoteAllGrains': {
    en: "Grain (all cereals) is costed with wheat's timeliness coefficient.",
    ru: 'Зерно (все зерновые) рассчитывается с коэффициентом несвоевременности пшеницы.',
  },
  'machinery.data.presetNoteOneRate': {
    en: "Money is converted at one dated rate (National Bank of Kazakhstan, 24 April 2024); --currency KZT|RUB|BYN prints the plan's amounts at the same rates.",
    ru: 'Деньги пересчитаны по одному датированному курсу (Национальный банк Казахстана, 24 апреля 2024); --currency KZT|RUB|BYN печатает суммы плана по тем же курсам.',
  },
  'machinery.data.presetNoteWage': {
    en: "The wage is the agricultural average (Q1 2023), not a machine operator's: harvest operators usually earn more; override with --wage-usd-per-hour.",
    ru: 'Зарплата — средняя по сельскому хозяйству (I квартал 2023), а не механизатора: на уборке механизаторы обычно получают больше; задайте свою через --wage-usd-per-hour.',
  },
  'machinery.data.presetNoteDayLength': {
    en: 'The harvest-day length is not in the preset (no dated source was gathered): the default applies unless you pass --hours-per-day.',
    ru: 'Длины рабочего дня на уборке в пресете нет (датированный источник не собран): действует значение по умолчанию, если не задать --hours-per-day.',
  },
  'machinery.data.machineNoteTowedCombine': {
    en: 'Fuel and operator are charged to the tractor; the combine row of the remaining-value table is applied.',
    ru: 'Топливо и механизатор отнесены на трактор; применяется строка комбайнов таблицы остаточной стоимости.',
  },
  'machinery.data.machineNoteSprayer': {
    en: "Self-propelled sprayers run at 16-25 km/h: add them in a user catalog with the manufacturer's speed.",
    ru: 'Самоходные опрыскиватели работают на 16–25 км/ч: добавьте их в свой каталог со скоростью производителя.',
  },
  'machinery.data.machineNotePlough': {
    en: 'AgDM A3-24 (S5, verified) uses 83-85 % efficiency at 8 km/h for mouldboard ploughs.',
    ru: 'AgDM A3-24 (S5, проверено) принимает для отвальных плугов коэффициент 83–85 % при 8 км/ч.',
  },
  'machinery.data.machineNoteMining': {
    en: "Indicative only: ASABE D497/EP496 has no data for mining trucks, every value is a Karavan placeholder [M]. Listed for reference and for users' own truck entries; the field planner (F1-F20) does not apply to haulage.",
    ru: 'Только ориентировочно: в ASABE D497/EP496 нет данных по карьерным самосвалам, каждое значение — условное значение Karavan [M]. Приведены для справки и для собственных записей пользователя; полевой планировщик (F1-F20) к перевозкам не применяется.',
  },
  'machinery.data.machineNoteSecondHand': {
    en: "Figures reported second-hand are tagged M (unconfirmed) and name where they were read; replace them with the maker's data sheet when you have it. No price: the class's placeholder stays, tagged M.",
    ru: 'Цифры из вторых рук помечены M (не подтверждено) и указывают, где прочитаны; замените их паспортными данными производителя, когда они будут. Цены нет: остаётся условная цена класса с меткой M.',
  },
  'machinery.data.machineNoteMaker': {
    en: "The maker's own figures (tag V). The haulage planner takes payload from here; cycle speeds, prices and costs remain the user's.",
    ru: 'Собственные цифры производителя (метка V). Планировщик перевозок берёт отсюда грузоподъёмность; скорости цикла, цены и затраты задаёт пользователь.',
  },
  'machinery.data.factNoteDailyRate': {
    en: 'daily official market rate',
    ru: 'ежедневный официальный рыночный курс',
  },
  'machinery.data.factNoteRetailDiesel': {
    en: "derived from the same report: the farmers' 250 tenge are 45 tenge below retail",
    ru: 'выведено из того же сообщения: 250 тенге для аграриев на 45 тенге ниже розничной цены',
  },

  'machinery.data.factNoteWheatYield2023': {
    en: '8.5 centners per ha',
    ru: '8,5 ц/га',
  },
  'machinery.data.factNoteGrainYield2023': {
    en: '9.7 centners per ha',
    ru: '9,7 ц/га',
  },
  'machinery.data.factNoteKostanay': {
    en: 'deputy akim B. Zhakupov; up to 220 thousand ha threshed per day; harvest in 20-25 days (Kazakh-Zerno news item)',
    ru: 'заместитель акима Б. Жакупов; до 220 тыс. га обмолота в день; уборка за 20–25 дней (новость «Казах-Зерно»)',
  },
  'machinery.data.factNoteMinister': {
    en: 'Minister of Industry and Infrastructure Development',
    ru: 'министр индустрии и инфраструктурного развития',
  },
  'machinery.data.factNoteRenewal2024': {
    en: 'target 6.5% in 2025; 10% called the norm; 22 thousand units bought in 2024',
    ru: 'цель — 6,5 % в 2025; нормой названы 10 %; в 2024 куплено 22 тыс. единиц',
  },
  'machinery.data.factNoteRenewal2019': {
    en: '3.5% in 2018; fleet wear about 80%',
    ru: '3,5 % в 2018; износ парка около 80 %',
  },
  'machinery.data.factNoteFarmersDiesel': {
    en: '250 tenge per liter including VAT, 15 % (45 tenge) below the retail price',
    ru: '250 тенге за литр с НДС, на 15 % (45 тенге) ниже розничной цены',
  },
  'machinery.data.factNoteWheatPrice': {
    en: '85,000-100,000 tenge per tonne by gluten content; the lower bound',
    ru: '85 000–100 000 тенге за тонну в зависимости от клейковины; нижняя граница',
  },
  'machinery.data.factNoteWage': {
    en: 'Bureau of National Statistics figure as reported by the press; all agricultural employees, not machine operators only',
    ru: 'данные Бюро национальной статистики в пересказе прессы; все работники сельского хозяйства, не только механизаторы',
  },
  'machinery.data.factNoteGrainYield2024': {
    en: '16.2 centners per ha in 2024, as the 2025 harvest report compares',
    ru: '16,2 ц/га в 2024, как сравнивает отчёт об уборке 2025',
  },

  /**
   * The parameters' sources as data/machinery/catalog.json and src/machinery/scenario.ts write them,
   * each with its exact English (shown in Russian only while the source says exactly that).
   * Names of documents (S8 Machinery Cost Equations, AgDM A3-29, D497.7) stay as they are.
   */
  'machinery.data.srcTable3': {
    en: 'ASABE D497.7 Table 3 as recalled in the methods doc §2 (unconfirmed)',
    ru: 'ASABE D497.7, таблица 3, по памяти в методике §2 (не подтверждено)',
  },
  'machinery.data.srcPlaceholderQuote': {
    en: 'Karavan placeholder, not from a source: replace with a quote (user catalog)',
    ru: 'условное значение Karavan, не из источника: замените предложением поставщика (свой каталог)',
  },
  'machinery.data.srcPlaceholderQuoteHeader': {
    en: 'Karavan placeholder, not from a source: replace with a quote (user catalog) (incl. header)',
    ru: 'условное значение Karavan, не из источника: замените предложением поставщика (свой каталог) (с жаткой)',
  },
  'machinery.data.srcRvCombine': {
    en: 'D497.7 Table 6 combine row as recalled in the methods doc §4 (unconfirmed)',
    ru: 'D497.7, таблица 6, строка комбайнов, по памяти в методике §4 (не подтверждено)',
  },
  'machinery.data.srcRvLargeTractor': {
    en: 'D497.7 Table 6 large-tractor row as recalled in the methods doc §4 (unconfirmed; gives 13.5 % where A3-29 quotes 23 % for a 134 kW tractor at 15 yr)',
    ru: 'D497.7, таблица 6, строка больших тракторов, по памяти в методике §4 (не подтверждено; даёт 13,5 %, где A3-29 приводит 23 % для трактора 134 кВт в 15 лет)',
  },
  'machinery.data.srcBoundaryWidth': {
    en: 'Karavan class boundary, not from a source (working width)',
    ru: 'граница класса Karavan, не из источника (ширина захвата)',
  },
  'machinery.data.srcCalcante2': {
    en: 'S9 Calcante et al. 2013: 0.04 * 3^2.1 = 0.402, the published 40.2 % of list at 3000 h',
    ru: 'S9 Calcante и др., 2013: 0.04 * 3^2.1 = 0.402, опубликованные 40,2 % прайса при 3000 ч',
  },
  'machinery.data.srcBoundaryPto': {
    en: 'Karavan class boundary, not from a source (PTO power)',
    ru: 'граница класса Karavan, не из источника (мощность на ВОМ)',
  },
  'machinery.data.srcLabourTractor': {
    en: 'S8 Machinery Cost Equations: labour factor 1.1 for tractors',
    ru: 'S8 Machinery Cost Equations: коэффициент труда 1,1 для тракторов',
  },
  'machinery.data.src2wd': {
    en: 'D497.7 2WD tractor row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка тракторов 4×2, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcDrill': {
    en: 'D497.7 grain-drill row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка зерновых сеялок, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcRvPlanterDrills': {
    en: 'D497.7 Table 6 planter row as recalled in the methods doc §4, applied to drills (unconfirmed)',
    ru: 'D497.7, таблица 6, строка сеялок точного высева, по памяти в методике §4, применена к зерновым сеялкам (не подтверждено)',
  },
  'machinery.data.srcDisc': {
    en: 'D497.7 heavy-duty/tandem disc row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка тяжёлых/тандемных дисковых борон, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcRvPlanterDisc': {
    en: 'D497.7 Table 6 planter row as recalled in the methods doc §4; the doc has no row for disc harrows, so the planter row stands in (unconfirmed)',
    ru: 'D497.7, таблица 6, строка сеялок, по памяти в методике §4; строки для дисковых борон в методике нет, поэтому взята строка сеялок (не подтверждено)',
  },
  'machinery.data.srcTillageK': {
    en: 'methods doc §6: primary tillage 0.000 per day (unconfirmed)',
    ru: 'методика §6: основная обработка почвы 0,000 в день (не подтверждено)',
  },
  'machinery.data.srcBoundaryHeader': {
    en: 'Karavan class boundary, not from a source (header width)',
    ru: 'граница класса Karavan, не из источника (ширина жатки)',
  },
  'machinery.data.srcBoundaryEngine': {
    en: 'Karavan class boundary, not from a source (engine power for the header width)',
    ru: 'граница класса Karavan, не из источника (мощность двигателя под ширину жатки)',
  },
  'machinery.data.srcLife': {
    en: 'D497.7 estimated life as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, расчётный ресурс, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcLabourSp': {
    en: 'S8 Machinery Cost Equations: labour factor 1.2 for self-propelled units',
    ru: 'S8 Machinery Cost Equations: коэффициент труда 1,2 для самоходных машин',
  },
  'machinery.data.srcPullCombine': {
    en: 'D497.7 pull-type combine row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка прицепных комбайнов, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcLife4wd': {
    en: 'D497.7 life for 4WD tractors (10000 h in D497.4), methods doc §3 (unconfirmed)',
    ru: 'D497.7, ресурс тракторов 4×4 (10000 ч в D497.4), методика §3 (не подтверждено)',
  },
  'machinery.data.srcCalcante12a': {
    en: 'S9 Calcante et al. 2013: 0.003 * 12^2 = 0.432, the published 43.2 % of list at 12000 h',
    ru: 'S9 Calcante и др., 2013: 0.003 * 12^2 = 0.432, опубликованные 43,2 % прайса при 12000 ч',
  },
  'machinery.data.srcCalcante12b': {
    en: 'S9 Calcante et al. 2013: 0.003 * 12^2 = 0.432',
    ru: 'S9 Calcante и др., 2013: 0.003 * 12^2 = 0.432',
  },
  'machinery.data.srcLife2wd': {
    en: 'D497.7 life for 2WD tractors (10000 h in D497.4), methods doc §3 (unconfirmed)',
    ru: 'D497.7, ресурс тракторов 4×2 (10000 ч в D497.4), методика §3 (не подтверждено)',
  },
  'machinery.data.srcRvSmallTractor': {
    en: 'D497.7 Table 6 small-tractor row as recalled in the methods doc §4 (unconfirmed)',
    ru: 'D497.7, таблица 6, строка малых тракторов, по памяти в методике §4 (не подтверждено)',
  },
  'machinery.data.srcRvMediumTractor': {
    en: 'D497.7 Table 6 medium-tractor row as recalled in the methods doc §4 (unconfirmed)',
    ru: 'D497.7, таблица 6, строка средних тракторов, по памяти в методике §4 (не подтверждено)',
  },
  'machinery.data.srcSprayer': {
    en: 'D497.7 boom-sprayer row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка штанговых опрыскивателей, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcRvPlanterSprayer': {
    en: 'D497.7 Table 6 planter row as recalled in the methods doc §4; the doc has no row for boom sprayers, so the planter row stands in (unconfirmed)',
    ru: 'D497.7, таблица 6, строка сеялок, по памяти в методике §4; строки для штанговых опрыскивателей в методике нет, поэтому взята строка сеялок (не подтверждено)',
  },
  'machinery.data.srcPlough': {
    en: 'D497.7 mouldboard-plough row as recalled in the methods doc §3 (unconfirmed)',
    ru: 'D497.7, строка отвальных плугов, по памяти в методике §3 (не подтверждено)',
  },
  'machinery.data.srcRvPlanterPlough': {
    en: 'D497.7 Table 6 planter row as recalled in the methods doc §4; the doc has no row for ploughs, so the planter row stands in (unconfirmed)',
    ru: 'D497.7, таблица 6, строка сеялок, по памяти в методике §4; строки для плугов в методике нет, поэтому взята строка сеялок (не подтверждено)',
  },
  'machinery.data.srcBoundaryPayload': {
    en: 'Karavan class boundary, not from a source (rated payload)',
    ru: 'граница класса Karavan, не из источника (номинальная грузоподъёмность)',
  },
  'machinery.data.srcHarvestK': {
    en: 'methods doc §6: small-grain harvest 0.003-0.005 per day as recalled from D497 (unconfirmed); 0.003 is the low end used in §8',
    ru: 'методика §6: уборка мелкосемянных зерновых 0,003–0,005 в день, по памяти из D497 (не подтверждено); 0,003 — нижняя граница, принятая в §8',
  },
  'machinery.data.srcCombinePrice': {
    en: 'methods doc §8 assumption: SP combine ~300 kW incl. 9 m header at $640,000 (not a market price)',
    ru: 'допущение методики §8: самоходный комбайн ~300 кВт с жаткой 9 м за 640 000 долл. (не рыночная цена)',
  },
  'machinery.data.srcYield': {
    en: 'methods doc §8 assumption (replace with local data, e.g. --preset kz-wheat-2023)',
    ru: 'допущение методики §8 (замените местными данными, например --preset kz-wheat-2023)',
  },
  'machinery.data.srcGrainPrice': {
    en: 'methods doc §8 assumption (replace with a local price)',
    ru: 'допущение методики §8 (замените местной ценой)',
  },
  'machinery.data.srcCornHarvestK': {
    en: 'methods doc §6: corn (shelled) harvest 0.003 per day (unconfirmed)',
    ru: 'методика §6: уборка кукурузы на зерно 0,003 в день (не подтверждено)',
  },
  'machinery.data.srcCornPlantingK': {
    en: 'methods doc §6: corn planting 0.010 per day, via S13 citing D497 Table 4',
    ru: 'методика §6: посев кукурузы 0,010 в день, через S13 со ссылкой на D497, таблица 4',
  },
  'machinery.data.srcSoyHarvestK': {
    en: 'methods doc §6: soybean harvest 0.005-0.010 per day, low end (unconfirmed)',
    ru: 'методика §6: уборка сои 0,005–0,010 в день, нижняя граница (не подтверждено)',
  },
  'machinery.data.srcSoyPlantingK': {
    en: 'methods doc §6: soybean planting 0.005-0.010 per day, low end (unconfirmed)',
    ru: 'методика §6: посев сои 0,005–0,010 в день, нижняя граница (не подтверждено)',
  },
  'machinery.data.srcWindow': {
    en: 'methods doc §8 scenario (10-day window), an assumption',
    ru: 'сценарий методики §8 (окно 10 дней), допущение',
  },
  'machinery.data.srcHoursPerDay': {
    en: 'methods doc §7: combining small grain is often 8-10 h/day (general practice)',
    ru: 'методика §7: уборка мелкосемянных зерновых часто идёт 8–10 ч в день (общая практика)',
  },
  'machinery.data.srcPwd': {
    en: 'methods doc §8: pwd 1.0, every window day workable (optimistic; §7: 0.5-0.7 in wet regions)',
    ru: 'методика §8: доля рабочих дней 1,0, каждый день окна рабочий (оптимистично; §7: 0,5–0,7 во влажных регионах)',
  },
  'machinery.data.srcPurchaseShare': {
    en: 'methods doc §8 assumption: PP = 0.90 LP',
    ru: 'допущение методики §8: PP = 0,90 LP',
  },
  'machinery.data.srcOwnershipYears': {
    en: 'S4 AgDM A3-29: economic life 10-12 yr for machines',
    ru: 'S4 AgDM A3-29: экономический срок службы машин 10–12 лет',
  },
  'machinery.data.srcInterest': {
    en: 'S4 AgDM A3-29 example: 8 % nominal - 3 % inflation',
    ru: 'S4 AgDM A3-29, пример: 8 % номинальная − 3 % инфляция',
  },
  'machinery.data.srcTih': {
    en: 'EP496 default 2 % of PP (taxes 1 %, housing 0.75 %, insurance 0.25 %), methods doc F12',
    ru: 'EP496 по умолчанию 2 % от PP (налоги 1 %, хранение 0,75 %, страховка 0,25 %), методика F12',
  },
  'machinery.data.srcFuelPrice': {
    en: 'methods doc §8 assumption: $1.00/L',
    ru: 'допущение методики §8: 1,00 долл./L',
  },
  'machinery.data.srcWage': {
    en: 'methods doc §8 assumption: $25/h',
    ru: 'допущение методики §8: 25 долл./ч',
  },
  'machinery.data.srcLubrication': {
    en: 'S8 Machinery Cost Equations (A3-29 uses the same 15 %), F15',
    ru: 'S8 Machinery Cost Equations (A3-29 принимает те же 15 %), F15',
  },
  'machinery.data.srcFuelPerKwh': {
    en: 'S8 and DevTreks FuelAvgCostHr: 0.044 gal/hp-h diesel = 0.223 L/kWh, F13',
    ru: 'S8 и DevTreks FuelAvgCostHr: 0.044 gal/hp-h дизтоплива = 0.223 L/kWh, F13',
  },
  'machinery.data.srcZ': {
    en: 'F19: mean delay D/2 when the operation starts or ends at the optimum date',
    ru: 'F19: средняя задержка D/2, когда операция начинается или заканчивается в оптимальный срок',
  },

  'machinery.data.sourceKazakhZerno': {
    en: '(Kazakh-Zerno news item; page address not recorded)',
    ru: '(новость «Казах-Зерно»; адрес страницы не записан)',
  },
  // The presets' notes on their values (data/machinery/presets.json), with their exact English.
  'machinery.data.presetNoteKostanayDays': {
    en: 'lower end of the 20-25 harvest days reported for Kostanay region (year of the report unknown)',
    ru: 'нижняя граница 20–25 дней уборки, названных для Костанайской области (год сообщения неизвестен)',
  },
  'machinery.data.presetNoteGrainYield2024': {
    en: 'the national grain yield of 2024 (all grains; no wheat-only figure was gathered)',
    ru: 'урожайность зерновых по стране в 2024 (все зерновые; цифра только по пшенице не собрана)',
  },
  'machinery.data.presetNoteDieselKzt': {
    en: '250 KZT/L / 444.32 KZT per USD',
    ru: '250 KZT/L / 444,32 KZT за USD',
  },
  'machinery.data.presetNoteWageKzt': {
    en: "179,388 KZT a month / 168 hours a month (a 40-hour week; Karavan's assumption) = 1,067.79 KZT/h, / 444.32 KZT per USD",
    ru: '179 388 KZT в месяц / 168 часов в месяц (40-часовая неделя; допущение Karavan) = 1 067,79 KZT/ч, / 444,32 KZT за USD',
  },
  'machinery.data.presetNoteWheatPriceKzt': {
    en: '85,000 KZT/t (the lower bound of 85,000-100,000) / 444.32 KZT per USD',
    ru: '85 000 KZT/т (нижняя граница 85 000–100 000) / 444,32 KZT за USD',
  },

  // machinery fleet
  'machinery.fleet.title': {
    en: 'Fleet plan: {crop} {operation}, {area} ha, {unit} ({name})',
    ru: 'План парка: {operation} {crop}, {area} га, {unit} ({name})',
  },
  'machinery.fleet.pulledBy': { en: '{machine} pulled by {tractor}', ru: '{machine} с трактором {tractor}' },
  'machinery.fleet.amountsIn': { en: 'Amounts in {code}: {basis}', ru: 'Суммы в {code}: {basis}' },
  'machinery.fleet.rateBasis': {
    en: '{rate} {code} per USD, from {sources}',
    ru: '{rate} {code} за USD, по {sources}',
  },
  'machinery.fleet.usdBasis': { en: 'US dollars, as computed', ru: 'доллары США, как рассчитано' },
  'machinery.fleet.preset': { en: 'Preset {id}: {title}', ru: 'Пресет {id}: {title}' },
  'machinery.fleet.presetValue': {
    en: '{name} = {value} [preset], as of {date}: {source}',
    ru: '{name} = {value} [preset], на {date}: {source}',
  },
  'machinery.fleet.context': {
    en: 'context (not used in the arithmetic):',
    ru: 'для справки (в расчёте не используется):',
  },
  'machinery.fleet.contextFact': {
    en: '{measure}, {scope}: {value} {unit} [as of {date}; source: {url}]',
    ru: '{measure}, {scope}: {value} {unit} [на {date}; источник: {url}]',
  },
  'machinery.fleet.capacitySection': { en: 'Capacity and fleet', ru: 'Производительность и парк' },
  'machinery.fleet.f1': {
    en: 'F1  capacity        {speed} km/h x {width} m x {eff} / 10 = {rate} ha/h',
    ru: 'F1  производительность  {speed} км/ч x {width} м x {eff} / 10 = {rate} га/ч',
  },
  'machinery.fleet.f2': {
    en: 'F2  per machine     {rate} ha/h x {hours} h/day x {days} days x pwd {pwd} = {area} ha',
    ru: 'F2  на машину           {rate} га/ч x {hours} ч/день x {days} дн. x доля рабочих дней {pwd} = {area} га',
  },
  'machinery.fleet.f3': {
    en: 'F3  machines        ceil({area} / {perMachine} = {exact}) = {machines}',
    ru: 'F3  машин               ⌈{area} / {perMachine} = {exact}⌉ = {machines}',
  },
  'machinery.fleet.f4': {
    en: 'F4  hours/machine   {hours} h/yr ({total} h over {years} yr)',
    ru: 'F4  часов на машину     {hours} ч/год ({total} ч за {years} г.)',
  },
  'machinery.fleet.f5': {
    en: 'F5  days needed     {days} days (window {window})',
    ru: 'F5  нужно дней          {days} дн. (окно {window})',
  },
  'machinery.fleet.costSection': {
    en: 'Cost per hectare and per tonne: window fleet vs cost-minimising fleet (F20)',
    ru: 'Затраты на гектар и на тонну: парк под окно и парк минимальных затрат (F20)',
  },
  'machinery.fleet.windowFleet': { en: 'window fleet', ru: 'парк под окно' },
  'machinery.fleet.costMinimising': { en: 'cost-minimising', ru: 'мин. затраты' },
  'machinery.fleet.row.machines': { en: 'machines', ru: 'машин' },
  'machinery.fleet.row.hoursPerMachine': { en: 'hours per machine per year (F4)', ru: 'часов на машину в год (F4)' },
  'machinery.fleet.row.daysNeeded': { en: 'days needed (F5)', ru: 'нужно дней (F5)' },
  'machinery.fleet.row.finishes': { en: 'finishes inside the window', ru: 'укладывается в окно' },
  'machinery.fleet.row.ownership': { en: 'ownership {cur}/ha (F9-F12)', ru: 'владение, {cur}/га (F9-F12)' },
  'machinery.fleet.row.repairs': { en: 'repairs {cur}/ha (F6-F7)', ru: 'ремонт, {cur}/га (F6-F7)' },
  'machinery.fleet.row.fuel': { en: 'fuel {cur}/ha (F13)', ru: 'топливо, {cur}/га (F13)' },
  'machinery.fleet.row.lubrication': { en: 'lubrication {cur}/ha (F15)', ru: 'смазка, {cur}/га (F15)' },
  'machinery.fleet.row.labour': { en: 'labour {cur}/ha (F16)', ru: 'труд, {cur}/га (F16)' },
  'machinery.fleet.row.machineCost': { en: 'machine cost {cur}/ha (F17)', ru: 'затраты на технику, {cur}/га (F17)' },
  'machinery.fleet.row.timeliness': { en: 'timeliness {cur}/ha (F19)', ru: 'несвоевременность, {cur}/га (F19)' },
  'machinery.fleet.row.totalHa': { en: 'total {cur}/ha', ru: 'итого, {cur}/га' },
  'machinery.fleet.row.totalT': { en: 'total {cur}/t', ru: 'итого, {cur}/т' },
  'machinery.fleet.row.totalYear': { en: 'total {cur}/yr, whole area', ru: 'итого, {cur}/год, вся площадь' },
  'machinery.fleet.f20': {
    en: 'F20 approximation sqrt(K Y V A^2 / (Z G pwd C_e c_m)) = {approx} machines (c_m = {cm}/yr ownership per unit; scan of N = {from}..{to} found {found})',
    ru: 'F20 приближение √(K Y V A^2 / (Z G p_wd C_e c_m)) = {approx} машин (c_m = {cm}/год владения на единицу; перебор N = {from}..{to} дал {found})',
  },
  'machinery.fleet.unitSection': {
    en: 'One unit per year, window fleet (parts of every total)',
    ru: 'Одна единица в год, парк под окно (составляющие каждого итога)',
  },
  'machinery.fleet.unitColumn': {
    en: '{role}: {id}',
    ru: '{role, select, machine {машина} tractor {трактор} other {{role}}}: {id}',
  },
  'machinery.fleet.unit.listPrice': { en: 'list price LP', ru: 'цена по прайсу LP' },
  'machinery.fleet.unit.purchasePrice': { en: 'purchase price PP', ru: 'цена покупки PP' },
  'machinery.fleet.unit.hoursAtSale': { en: 'hours at sale (h_yr x n)', ru: 'часов к продаже (h_yr x n)' },
  'machinery.fleet.unit.life': { en: 'estimated life, h', ru: 'расчётный ресурс, ч' },
  'machinery.fleet.unit.remainingValue': {
    en: 'remaining value, share of LP (F9)',
    ru: 'остаточная стоимость, доля LP (F9)',
  },
  'machinery.fleet.unit.salvage': { en: 'salvage value S', ru: 'ликвидационная стоимость S' },
  'machinery.fleet.unit.tih': { en: 'taxes, insurance, housing (F12)', ru: 'налоги, страховка, хранение (F12)' },
  'machinery.fleet.unit.ownership': { en: 'ownership (F11 + F12)', ru: 'владение (F11 + F12)' },
  'machinery.fleet.unit.repairs': { en: 'repairs (F6/F7)', ru: 'ремонт (F6/F7)' },
  'machinery.fleet.unit.fuel': { en: 'fuel (F13)', ru: 'топливо (F13)' },
  'machinery.fleet.unit.lubrication': { en: 'lubrication (F15)', ru: 'смазка (F15)' },
  'machinery.fleet.unit.labour': { en: 'labour (F16)', ru: 'труд (F16)' },
  'machinery.fleet.unit.operating': { en: 'operating', ru: 'эксплуатация' },
  'machinery.fleet.unit.total': { en: 'total per year', ru: 'итого в год' },
  'machinery.fleet.withLitres': { en: '{amount} ({litres} L)', ru: '{amount} ({litres} L)' },
  'machinery.fleet.withHours': { en: '{amount} ({hours} h)', ru: '{amount} ({hours} ч)' },
  'machinery.fleet.timeliness': {
    en: 'Timeliness (F19): K {k}/day x {yield} t/ha x {price}/t x {area} ha x {days} days / Z {z} = {cost}/yr ({lost} t lost)',
    ru: 'Несвоевременность (F19): K {k}/день x {yield} т/га x {price}/т x {area} га x {days} дн. / Z {z} = {cost}/год (потеряно {lost} т)',
  },
  'machinery.fleet.sizesSection': {
    en: 'Cost by fleet size (pwd {pwd}, and pwd {alt})',
    ru: 'Затраты по размеру парка (доля рабочих дней {pwd} и {alt})',
  },
  'machinery.fleet.size.daysNeeded': { en: 'days needed', ru: 'нужно дней' },
  'machinery.fleet.size.machine': { en: 'machine {cur}/ha', ru: 'техника, {cur}/га' },
  'machinery.fleet.size.timeliness': { en: 'timeliness {cur}/ha', ru: 'несвоевр., {cur}/га' },
  'machinery.fleet.size.total': { en: 'total {cur}/ha', ru: 'итого, {cur}/га' },
  'machinery.fleet.size.inWindow': { en: 'in window', ru: 'в окне' },
  'machinery.fleet.size.altDays': { en: 'days @ pwd {alt}', ru: 'дней при доле {alt}' },
  'machinery.fleet.size.altTotal': { en: 'total {cur}/ha @ pwd {alt}', ru: 'итого, {cur}/га при доле {alt}' },
  'machinery.fleet.sensitivitySection': {
    en: 'Sensitivity (each parameter scaled alone; fleet re-sized to the window)',
    ru: 'Чувствительность (каждый параметр меняется отдельно; парк пересчитан под окно)',
  },
  'machinery.fleet.sensitivityBase': {
    en: 'base: {machines} machines, {total} {cur}/ha',
    ru: 'база: {machines, plural, one {# машина} few {# машины} many {# машин} other {# машины}}, {total} {cur}/га',
  },
  'machinery.fleet.sens.factor': { en: 'factor', ru: 'множитель' },
  'machinery.fleet.sens.days': { en: 'days', ru: 'дней' },
  'machinery.fleet.sens.total': { en: 'total {cur}/ha', ru: 'итого, {cur}/га' },
  'machinery.fleet.sens.change': { en: 'change {cur}/ha', ru: 'изменение, {cur}/га' },
  'machinery.fleet.sens.changePct': { en: 'change %', ru: 'изменение, %' },
  'machinery.fleet.sens.note': { en: 'note', ru: 'примечание' },
  /** The core's reason for a skipped sensitivity row is "above 1, outside (0, 1]" (src/machinery/sensitivity.ts). */
  'machinery.fleet.sens.skippedAboveOne': {
    en: 'skipped: above 1, outside (0, 1]',
    ru: 'пропущено: больше 1, вне (0, 1]',
  },
  'machinery.fleet.staffSection': {
    en: 'Staff for the window fleet: {shifts} shift(s) of at most {hours} h [{hoursTag}] for {day} h a day, reserve {reserve} [{reserveTag}]',
    ru: 'Персонал для парка под окно: {shifts, plural, one {# смена} few {# смены} many {# смен} other {# смены}} не длиннее {hours} ч [{hoursTag}] на {day} ч в день, резерв {reserve} [{reserveTag}]',
  },
  'machinery.fleet.parametersSection': {
    en: 'Parameters used ([V] verified, [V*] derived, [M] unconfirmed, [user], [preset])',
    ru: 'Параметры ([V] проверено, [V*] выведено, [M] не подтверждено, [user] задано, [preset] из пресета)',
  },
  'machinery.fleet.remainingValueRow': {
    en: 'remaining-value row ({owner}): {row}',
    ru: 'строка остаточной стоимости ({owner, select, machine {машина} tractor {трактор} other {{owner}}}): {row}',
  },
  'machinery.fleet.machineNote': { en: 'machine note: {note}', ru: 'о машине: {note}' },
  /** A purchase price's source as src/machinery/plan-inputs.ts writes it. */
  'machinery.fleet.purchasePriceSource': {
    en: 'purchasePriceShare {share} x list price {price}',
    ru: 'доля цены покупки {share} x цена по прайсу {price}',
  },
  /** A preset value's source (as src/machinery/scenario.ts builds it from the preset's facts). */
  'machinery.fleet.presetSource': {
    en: '{measure}, {scope}; source: {url}{note}{converted}',
    ru: '{measure}, {scope}; источник: {url}{note}{converted}',
  },
  'machinery.fleet.presetDivisor': {
    en: '; / {measure} {value} {unit} ({date}): {url}',
    ru: '; / {measure} {value} {unit} ({date}): {url}',
  },
  /** The timeliness K's source when the catalog has none (src/machinery/plan-inputs.ts). */
  'machinery.fleet.noKSource': {
    en: 'no timeliness K for {crop} {operation} in the catalog; timeliness not costed',
    ru: 'K несвоевременности для операции «{operation}» ({crop}) в каталоге нет; несвоевременность не учтена',
  },
  'machinery.fleet.userInput': { en: 'user input', ru: 'задано пользователем' },
  // Fleet notes and warnings in Russian, from the plan's numbers (the JSON keeps the core's English).
  'machinery.fleet.noteSmallerOptimum': {
    en: 'The cost-minimising fleet ({optimum}) is smaller than the window needs ({needed}): with a linear K the window is a constraint (quality, weather risk), not an economic optimum.',
    ru: 'Парк минимальных затрат ({optimum}) меньше, чем нужно для окна ({needed}): при линейном K окно — ограничение (качество, погодный риск), а не экономический оптимум.',
  },
  'machinery.fleet.noteUnconfirmed': {
    en: '{count} parameters are unconfirmed [M] ({names}): check them against D497.7 or local data before relying on the totals.',
    ru: '{count, plural, one {# параметр не подтверждён} few {# параметра не подтверждены} many {# параметров не подтверждены} other {# параметра не подтверждены}} [M] ({names}): сверьте их с D497.7 или местными данными, прежде чем полагаться на итоги.',
  },
  'machinery.fleet.noteLife': {
    en: '{machine}: {hours} h at sale exceed its estimated life of {life} h; repairs are extrapolated past the D497 data (shorten ownershipYears or add machines).',
    ru: '{machine}: {hours} ч к продаже больше расчётного ресурса {life} ч; ремонт экстраполирован за пределы данных D497 (сократите срок владения или добавьте машин).',
  },
  'machinery.fleet.noteNoK': {
    en: 'No timeliness coefficient K is known for {crop} {operation}: timeliness cost is 0 (set --timeliness-k-per-day to cost it).',
    ru: 'Коэффициент несвоевременности K для операции «{operation}» ({crop}) неизвестен: потери от несвоевременности приняты равными 0 (задайте --timeliness-k-per-day).',
  },
  'machinery.fleet.noteTractor': {
    en: 'The tractor {tractor} is costed as dedicated to this operation (all its hours here); a tractor shared with other work costs less per ha.',
    ru: 'Трактор {tractor} учтён как занятый только на этой операции (все его часы здесь); трактор, занятый и на других работах, обходится на гектар дешевле.',
  },
  'machinery.warning.costAboveGrainPrice': {
    en: "the machinery costs {cost} USD per tonne, more than the grain's price of {price} USD per tonne: check the yield, the prices and the fleet",
    ru: 'техника обходится в {cost} USD на тонну, дороже цены зерна {price} USD за тонну: проверьте урожайность, цены и парк',
  },
  'machinery.warning.windowNotMet': {
    en: '{machines} machines need {days} days, longer than the {window}-day window',
    ru: '{machines, plural, one {# машине} few {# машинам} many {# машинам} other {# машинам}} нужно {days} дн., дольше окна в {window} дн.',
  },
  'machinery.warning.areaPerMachine': {
    en: '{ours} ha per combine, against {national} nationally: more than {factor}x apart',
    ru: '{ours} га на комбайн против {national} в среднем по стране: расхождение больше чем в {factor} раза',
  },
  'machinery.warning.outsideRange': {
    en: '{name} {value} is outside the documented range of {id}, {min} to {max} [{tag}]',
    ru: '{name}: {value} — вне задокументированного диапазона {id} (от {min} до {max}) [{tag}]',
  },

  // machinery showcase
  'machinery.showcase.title': {
    en: 'Whole-field showcase: {area} ha of {crop}, {machines} machines, {sets} sets of adjacent blocks ({split} split), randomised plots in sets 1-{replicates}',
    ru: 'Показ на целом поле: {area} га {crop}, {machines, plural, one {# машина} few {# машины} many {# машин} other {# машины}}, {sets, plural, one {# серия} few {# серии} many {# серий} other {# серии}} соседних блоков ({split, select, capacity {деление по производительности} equal {равное деление} other {{split}}}), рандомизированные делянки в сериях 1–{replicates}',
  },
  'machinery.showcase.setsLine': {
    en: 'Sets of {setArea} ha: blocks {blockArea} ha; plots {machines} x {replicates} x {plot} ha = {plots} ha, plot block r in set r.',
    ru: 'Серии по {setArea} га: блоки {blockArea} га; делянки {machines} x {replicates} x {plot} га = {plots} га, блок делянок r в серии r.',
  },
  'machinery.showcase.daysLine': {
    en: 'Showcase: {workingDays} working days of {hours} h {hoursTag}, {calendarDays} calendar days at pwd {pwd} {pwdTag} against a {window}-day window {windowTag}: {fits, select, yes {fits} other {does not fit}}.',
    ru: 'Показ: {workingDays, plural, one {# рабочий день} few {# рабочих дня} many {# рабочих дней} other {# рабочего дня}} по {hours} ч {hoursTag}, {calendarDays} календарных дн. при доле рабочих дней {pwd} {pwdTag}; окно {window} дн. {windowTag}: {fits, select, yes {укладывается} other {не укладывается}}.',
  },
  'machinery.showcase.units': { en: 'units', ru: 'единиц' },
  'machinery.showcase.ratePerUnit': { en: 'ha/h per unit (F1)', ru: 'га/ч на машину (F1)' },
  'machinery.showcase.blockArea': { en: 'block area ha', ru: 'площадь блоков, га' },
  'machinery.showcase.plotHa': { en: 'plot ha', ru: 'делянки, га' },
  'machinery.showcase.hoursPerUnit': { en: 'hours per unit', ru: 'часов на машину' },
  'machinery.showcase.workingDays': { en: 'working days', ru: 'рабочих дней' },
  'machinery.showcase.calendarDays': { en: 'calendar days (F5)', ru: 'календарных дней (F5)' },
  'machinery.showcase.expectedT': { en: 'expected t {tag}', ru: 'ожидается, т {tag}' },
  'machinery.showcase.setsSection': {
    en: 'Sets (adjacent blocks across the field, in this order, worked the same day)',
    ru: 'Серии (соседние блоки поперёк поля, в этом порядке, убираются в один день)',
  },
  'machinery.showcase.set': { en: 'set', ru: 'серия' },
  'machinery.showcase.blocksAcross': { en: 'blocks across the set', ru: 'блоки поперёк серии' },
  'machinery.showcase.setHa': { en: 'set ha', ru: 'серия, га' },
  'machinery.showcase.doneHa': { en: 'done ha', ru: 'убрано, га' },
  'machinery.showcase.plotBlockN': { en: 'plot block {block}', ru: 'блок делянок {block}' },
  'machinery.showcase.plotsSection': {
    en: 'Randomised plots (plot block r in set r, one unit of each machine on its plot)',
    ru: 'Рандомизированные делянки (блок делянок r в серии r, по одной машине каждого вида на своей делянке)',
  },
  'machinery.showcase.plotBlock': { en: 'plot block', ru: 'блок делянок' },
  'machinery.showcase.visitorSection': { en: 'Visitor days', ru: 'Дни показа' },
  'machinery.showcase.visit': { en: 'visit', ru: 'показ' },
  'machinery.showcase.inTheField': { en: 'in the field', ru: 'в поле' },
  'machinery.showcase.show': { en: 'show', ru: 'что показать' },
  'machinery.showcase.visitor.start': { en: 'Start', ru: 'Начало' },
  'machinery.showcase.visitor.start.show': {
    en: 'the randomised plots worked side by side, machine settings, the measuring kit and how the blocks are laid out',
    ru: 'рандомизированные делянки, убираемые рядом, настройки машин, измерительный набор и разметка блоков',
  },
  'machinery.showcase.visitor.peak': { en: 'Peak', ru: 'Разгар' },
  'machinery.showcase.visitor.peak.show': {
    en: 'every machine on its own block of the same field at once; the running totals of ha/h, fuel and downtime so far',
    ru: 'все машины одновременно на своих блоках одного поля; нарастающие итоги га/ч, топлива и простоев',
  },
  'machinery.showcase.visitor.end': { en: 'End', ru: 'Завершение' },
  'machinery.showcase.visitor.end.show': {
    en: 'the whole field done: totals per machine from the block sheet, the plot results with their intervals (demo-results), grain quality from the elevator',
    ru: 'всё поле убрано: итоги по машинам из листа блоков, результаты делянок с интервалами (karavan machinery demo-results), качество зерна по данным элеватора',
  },
  'machinery.showcase.measureSection': { en: 'What to measure on every block', ru: 'Что измерять на каждом блоке' },
  'machinery.showcase.instrument': { en: 'instrument', ru: 'чем измерять' },
  'machinery.showcase.writtenCsv': {
    en: 'Block sheet written to {blocks} ({blockCount} blocks), plot sheet to {plots} ({plotCount} plots). Once filled: karavan machinery demo-results {plots} (the plots), karavan machinery compare A B --scenario FILE --measured {blocks} (the measured rates)',
    ru: 'Лист блоков записан в {blocks} ({blockCount, plural, one {# блок} few {# блока} many {# блоков} other {# блока}}), лист делянок — в {plots} ({plotCount, plural, one {# делянка} few {# делянки} many {# делянок} other {# делянки}}). После заполнения: karavan machinery demo-results {plots} (делянки), karavan machinery compare A B --scenario FILE --measured {blocks} (измеренная производительность)',
  },
  'machinery.showcase.writtenBook': {
    en: 'Block sheet written to {blocks} ({blockCount} blocks), plot sheet in the same workbook. Once filled: karavan machinery demo-results {plots} (the plots), karavan machinery compare A B --scenario FILE --measured {blocks} (the measured rates)',
    ru: 'Лист блоков записан в {blocks} ({blockCount, plural, one {# блок} few {# блока} many {# блоков} other {# блока}}), лист делянок — в той же книге. После заполнения: karavan machinery demo-results {plots} (делянки), karavan machinery compare A B --scenario FILE --measured {blocks} (измеренная производительность)',
  },
  'machinery.showcase.writeHint': {
    en: 'Write the sheets with --out sheet.csv (block sheet, plot sheet beside it) or --out sheet.xlsx (one workbook).',
    ru: 'Запишите листы через --out sheet.csv (лист блоков и рядом лист делянок) или --out sheet.xlsx (одна книга).',
  },
  'machinery.showcase.noteSplitCapacity': {
    en: "Each set is split between the machines in proportion to their planned capacity (units x F1), so that all of them work the set's blocks over the same hours: same crop, same field, same weather.",
    ru: 'Каждая серия делится между машинами пропорционально их плановой производительности (единиц x F1), чтобы все работали на блоках серии одни и те же часы: та же культура, то же поле, та же погода.',
  },
  'machinery.showcase.noteSplitEqual': {
    en: 'Each set is split into equal blocks, one per machine: the faster machine finishes its block first (visible to visitors), at the cost of machines working different hours of the day.',
    ru: 'Каждая серия делится на равные блоки, по одному на машину: более быстрая машина заканчивает свой блок первой (это видно гостям), но машины работают в разные часы дня.',
  },
  'machinery.showcase.noteAdjacent': {
    en: "A set is a strip of adjacent blocks across the field's main gradient (soil, slope, crop stand); the machines' order across each set is randomised (seeded), so that no machine always gets the same edge of the field.",
    ru: 'Серия — полоса соседних блоков поперёк главного градиента поля (почва, уклон, густота стеблестоя); порядок машин в каждой серии случайный (с заданным зерном), чтобы ни одной машине не доставался всегда один и тот же край поля.',
  },
  'machinery.showcase.noteRates': {
    en: 'Planned rates are F1 at the catalog typical speed, width and efficiency (tags shown); the blocks measure the real ones at full scale, the plots give their statistical comparison.',
    ru: 'Плановая производительность — F1 при типичных скорости, ширине и коэффициенте из каталога (метки показаны); блоки измеряют настоящую в полном масштабе, делянки дают её статистическое сравнение.',
  },
  'machinery.showcase.noteMeasuredToCompare': {
    en: 'Once filled, the block sheet (or the plot sheet) feeds compare: karavan machinery compare A B --scenario FILE --measured SHEET.csv replaces the catalog capacity and fuel by the measured ones, tagged [measured].',
    ru: 'Заполненный лист блоков (или делянок) идёт в сравнение: karavan machinery compare A B --scenario FILE --measured SHEET.csv заменяет производительность и расход топлива из каталога измеренными, с меткой [measured].',
  },
  'machinery.showcase.noteNoGuards': {
    en: 'Planned block areas include their headlands, guard passes and field roads: record the area actually worked, not the planned one.',
    ru: 'Плановые площади блоков включают поворотные полосы, защитные проходы и полевые дороги: записывайте фактически убранную площадь, а не плановую.',
  },
  'machinery.showcase.noteBeyondWindow': {
    en: "The showcase needs {calendarDays} calendar days ({workingDays} working days / pwd {pwd}), more than the {windowDays}-day window: bring more units, or let the farm's own fleet take part of the field.",
    ru: 'Показу нужно {calendarDays} календарных дн. ({workingDays, plural, one {# рабочий день} few {# рабочих дня} many {# рабочих дней} other {# рабочего дня}} / доля рабочих дней {pwd}), больше окна в {windowDays} дн.: привезите больше машин или отдайте часть поля собственному парку хозяйства.',
  },
  'machinery.showcase.noteUnconfirmed': {
    en: '{count} coefficients are unconfirmed [M] ({names}): the planned hours and days are indicative until measured.',
    ru: '{count, plural, one {# коэффициент не подтверждён} few {# коэффициента не подтверждены} many {# коэффициентов не подтверждены} other {# коэффициента не подтверждены}} [M] ({names}): плановые часы и дни ориентировочны, пока не измерены.',
  },
  'machinery.showcase.notePlotsInSets': {
    en: "Plot block r of the randomised plots lies in set r (sets 1-{replicates}), across the same strip and worked the same day: one unit of each machine works its plot (so that a plot's hours are one machine's) while the others start the block, then joins them.",
    ru: 'Блок делянок r лежит в серии r (серии 1–{replicates}), на той же полосе и убирается в тот же день: одна машина каждого вида убирает свою делянку (чтобы часы делянки были часами одной машины), пока остальные начинают блок, затем присоединяется к ним.',
  },
  /** The showcase's formulas (src/machinery/showcase.ts) in Russian, by number and variant. */
  'machinery.showcase.formula': {
    en: '{id} {variant}',
    ru:
      '{id, select, SC1 {SC1 площадь серии a_set = A / S; серии 1..R содержат также блок делянок r (M делянок по p га)}' +
      ' SC2 {{variant, select, equal {SC2 площадь блока a_m = (a_set - M p [серии 1..R]) / M (равное деление)} other {SC2 площадь блока a_m = (a_set - M p [серии 1..R]) * n_m C_m / Σ_k n_k C_k (деление по производительности)}}}' +
      ' SC3 {SC3 часов в серии h_m = (a_m + p [серии 1..R]) / (n_m C_m), C_m по F1 = v w E_f / 10; серия длится max_m h_m}' +
      ' SC4 {{variant, select, given {SC4 серий S задано} other {SC4 серий S = макс(2, R, ⌈max_m (A_m + R p) / (n_m C_m) / G⌉): один рабочий день на серию}}}' +
      ' SC5 {SC5 календарных дней D_m = (A_m + R p) / (n_m C_m G p_wd) (F5), A_m — площадь блоков машины}' +
      ' other {{id}}}',
  },

  // The showcase's tables and sheet columns (src/machinery/showcase-labels.ts gives them as { en, ru } labels).
  'machinery.showcase.table.blocks': { en: 'Blocks (measurement sheet)', ru: 'Блоки (лист измерений)' },
  'machinery.showcase.table.machines': { en: 'Machines', ru: 'Машины' },
  'machinery.showcase.table.measures': { en: 'What to measure', ru: 'Что измерять' },
  'machinery.showcase.table.visitorDays': { en: 'Visitor days', ru: 'Дни показа' },
  'machinery.showcase.table.plots': {
    en: 'Randomised plots (measurement sheet)',
    ru: 'Рандомизированные делянки (лист измерений)',
  },
  'machinery.showcase.table.parameters': { en: 'Parameters and their sources', ru: 'Параметры и источники' },
  'machinery.showcase.column.block_id': { en: 'Block', ru: 'Блок' },
  'machinery.showcase.column.set': { en: 'Set', ru: 'Серия' },
  'machinery.showcase.column.position': { en: 'Position in the set', ru: 'Место в серии' },
  'machinery.showcase.column.machine_id': { en: 'Machine', ru: 'Машина' },
  'machinery.showcase.column.units': { en: 'Units', ru: 'Единиц' },
  'machinery.showcase.column.block_area_ha': { en: 'Block area, ha', ru: 'Площадь блока, га' },
  'machinery.showcase.column.planned_ha_per_h': { en: 'Planned ha/h per unit', ru: 'План, га/ч на машину' },
  'machinery.showcase.column.planned_hours': { en: 'Planned hours', ru: 'План, часов' },
  'machinery.showcase.column.planned_day': { en: 'Planned working day', ru: 'План, рабочий день' },
  'machinery.showcase.column.expected_grain_t': { en: 'Expected grain, t', ru: 'Ожидаемое зерно, т' },
  'machinery.showcase.column.date': { en: 'Date', ru: 'Дата' },
  'machinery.showcase.column.operators': { en: 'Operators', ru: 'Механизаторы' },
  'machinery.showcase.column.worked_area_ha': { en: 'Worked area, ha', ru: 'Убранная площадь, га' },
  'machinery.showcase.column.machine_hours': { en: 'Machine hours (all units)', ru: 'Моточасы (все машины)' },
  'machinery.showcase.column.fuel_litres': { en: 'Fuel, L', ru: 'Топливо, л' },
  'machinery.showcase.column.grain_t': { en: 'Grain at the weighbridge, t', ru: 'Зерно по весам, т' },
  'machinery.showcase.column.grain_loss_kg_per_ha': { en: 'Grain loss, kg/ha', ru: 'Потери зерна, кг/га' },
  'machinery.showcase.column.moisture_pct': { en: 'Grain moisture, %', ru: 'Влажность зерна, %' },
  'machinery.showcase.column.broken_grain_pct': { en: 'Broken grain, %', ru: 'Дробление зерна, %' },
  'machinery.showcase.column.dockage_pct': { en: 'Foreign matter, %', ru: 'Сорная примесь, %' },
  'machinery.showcase.column.downtime_hours': { en: 'Downtime, h', ru: 'Простои, ч' },
  'machinery.showcase.column.downtime_causes': { en: 'Downtime causes', ru: 'Причины простоев' },
  'machinery.showcase.column.notes': { en: 'Notes', ru: 'Примечания' },
  'machinery.showcase.better.higher': { en: 'higher', ru: 'выше' },
  'machinery.showcase.better.lower': { en: 'lower', ru: 'ниже' },
  'machinery.showcase.better.context': { en: 'context', ru: 'для справки' },
  // What to measure on every showcase block, by the measure's id (src/machinery/showcase-labels.ts).
  'machinery.showcase.measure.haPerHour.label': { en: 'Effective field capacity', ru: 'Производительность' },
  'machinery.showcase.measure.haPerHour.unit': { en: 'ha/h per unit', ru: 'га/ч на машину' },
  'machinery.showcase.measure.haPerHour.instrument': {
    en: "GNSS track or yield-monitor area for the worked area; each unit's engine hour meter or telematics for machine hours (summed over the units), breakdowns excluded (logged as downtime).",
    ru: 'Трек GNSS или площадь по монитору урожайности — для убранной площади; счётчик моточасов или телематика каждой машины — для моточасов (сумма по машинам), без поломок (их записывайте как простой).',
  },
  'machinery.showcase.measure.fuelLitresPerHa.label': { en: 'Fuel use', ru: 'Расход топлива' },
  'machinery.showcase.measure.fuelLitresPerHa.unit': { en: 'L/ha', ru: 'L/га' },
  'machinery.showcase.measure.fuelLitresPerHa.instrument': {
    en: "Fuel bowser's meter, each unit topped up to the brim before and after the block (refill method), or the engine's CAN-bus fuel counter; the same person and bowser throughout.",
    ru: 'Счётчик топливозаправщика, каждая машина заправлена до полного бака до и после блока (метод долива), или счётчик топлива по шине CAN; весь опыт — тот же человек и тот же заправщик.',
  },
  'machinery.showcase.measure.grainLossKgPerHa.label': {
    en: 'Grain loss behind the machine',
    ru: 'Потери зерна за комбайном',
  },
  'machinery.showcase.measure.grainLossKgPerHa.unit': { en: 'kg/ha', ru: 'кг/га' },
  'machinery.showcase.measure.grainLossKgPerHa.instrument': {
    en: 'Drop trays or loss pans under the straw and chaff at several points of the block away from headlands; clean grain weighed on a field balance and converted to kg/ha; the block mean.',
    ru: 'Поддоны под соломой и половой в нескольких точках блока вдали от поворотных полос; чистое зерно взвесить на полевых весах и пересчитать в кг/га; среднее по блоку.',
  },
  'machinery.showcase.measure.grainMoisturePct.label': { en: 'Grain moisture', ru: 'Влажность зерна' },
  'machinery.showcase.measure.grainMoisturePct.unit': { en: '% of mass', ru: '% массы' },
  'machinery.showcase.measure.grainMoisturePct.instrument': {
    en: 'Grain moisture meter on a sample from each unload, or the elevator laboratory; it explains differences in loss and throughput, it does not rank machines.',
    ru: 'Влагомер зерна на пробе с каждой выгрузки или лаборатория элеватора; объясняет различия потерь и пропускной способности, но не ранжирует машины.',
  },
  'machinery.showcase.measure.brokenGrainPct.label': { en: 'Broken grain', ru: 'Дробление зерна' },
  'machinery.showcase.measure.brokenGrainPct.unit': { en: '% of mass', ru: '% массы' },
  'machinery.showcase.measure.brokenGrainPct.instrument': {
    en: "Sample from the grain tank or the truck, sieved and weighed by the elevator laboratory (its standard method for broken kernels); the block's trucks averaged.",
    ru: 'Проба из бункера или кузова, просеянная и взвешенная лабораторией элеватора (её стандартный метод для дроблёного зерна); среднее по машинам блока.',
  },
  'machinery.showcase.measure.dockagePct.label': { en: 'Foreign matter (dockage)', ru: 'Сорная примесь' },
  'machinery.showcase.measure.dockagePct.unit': { en: '% of mass', ru: '% массы' },
  'machinery.showcase.measure.dockagePct.instrument': {
    en: "Elevator laboratory's foreign-matter analysis of the same samples.",
    ru: 'Анализ сорной примеси тех же проб лабораторией элеватора.',
  },
  'machinery.showcase.measure.downtimeShare.label': { en: 'Downtime', ru: 'Простои' },
  'machinery.showcase.measure.downtimeShare.unit': { en: 'share of time', ru: 'доля времени' },
  'machinery.showcase.measure.downtimeShare.instrument': {
    en: 'Operator log (or telematics) of stops for breakdowns, blockages and adjustments, summed over the units, with their causes in downtime_causes; waiting for trucks is not downtime.',
    ru: 'Журнал механизатора (или телематика) остановок из-за поломок, забиваний и регулировок, сумма по машинам, с причинами в downtime_causes; ожидание машин под зерно — не простой.',
  },
  'machinery.showcase.measure.yieldTPerHa.label': { en: 'Yield', ru: 'Урожайность' },
  'machinery.showcase.measure.yieldTPerHa.unit': { en: 't/ha', ru: 'т/га' },
  'machinery.showcase.measure.yieldTPerHa.instrument': {
    en: 'Weighbridge tickets of every truck from the block (net weight); the same field for all machines, so it checks that the blocks are comparable and gives fuel per tonne.',
    ru: 'Весовые талоны каждой машины с зерном из блока (вес нетто); поле одно для всех машин, так что это проверка сравнимости блоков и основа для топлива на тонну.',
  },

  // machinery staff
  'machinery.staff.role': { en: 'role', ru: 'роль' },
  'machinery.staff.people': { en: 'people', ru: 'человек' },
  'machinery.staff.formula': { en: 'formula', ru: 'формула' },
  'machinery.staff.trainingHours': { en: 'training h', ru: 'обучение, ч' },
  'machinery.staff.groups': { en: 'groups', ru: 'групп' },
  'machinery.staff.days': { en: 'days', ru: 'дней' },
  'machinery.staff.from': { en: 'from', ru: 'с' },
  'machinery.staff.to': { en: 'to', ru: 'по' },
  'machinery.staff.cost': { en: 'cost', ru: 'стоимость' },
  'machinery.staff.total': {
    en: '{people} people; {days} days of courses',
    ru: '{people, plural, one {# человек} few {# человека} many {# человек} other {# человека}}; {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} курсов',
  },
  'machinery.staff.totalCost': { en: '; cost {cost}', ru: '; стоимость {cost}' },
  'machinery.staff.placeholders': {
    en: "[M] placeholders used (check against the maker's or the farm's figures): {names}",
    ru: '[M] использованы условные значения (сверьте с данными производителя или хозяйства): {names}',
  },

  // machinery compare
  'machinery.compare.title': {
    en: 'Comparison on the same scenario: {crop}, {area} ha, window {window} days',
    ru: 'Сравнение в одном сценарии: {crop}, {area} га, окно {window} дн.',
  },
  'machinery.compare.name': { en: 'name', ru: 'название' },
  'machinery.compare.tractor': { en: 'tractor', ru: 'трактор' },
  'machinery.compare.listPrice': { en: 'list price', ru: 'цена по прайсу' },
  'machinery.compare.capacity': { en: 'capacity, ha/h', ru: 'производительность, га/ч' },
  'machinery.compare.fuel': { en: 'fuel, L/ha', ru: 'топливо, L/га' },
  'machinery.compare.machines': { en: 'machines for the window (F3)', ru: 'машин под окно (F3)' },
  'machinery.compare.daysNeeded': { en: 'days needed (F5)', ru: 'нужно дней (F5)' },
  'machinery.compare.machineCost': { en: 'machine cost {cur}/ha (F17)', ru: 'затраты на технику, {cur}/га (F17)' },
  'machinery.compare.timeliness': { en: 'timeliness {cur}/ha (F19)', ru: 'несвоевременность, {cur}/га (F19)' },
  'machinery.compare.totalHa': { en: 'total {cur}/ha', ru: 'итого, {cur}/га' },
  'machinery.compare.totalT': { en: 'total {cur}/t', ru: 'итого, {cur}/т' },
  'machinery.compare.totalYear': { en: 'total {cur}/yr', ru: 'итого, {cur}/год' },
  'machinery.compare.costMinimising': { en: 'cost-minimising fleet (F20)', ru: 'парк минимальных затрат (F20)' },
  'machinery.compare.costMinimisingValue': {
    en: '{machines} at {total} {cur}/ha',
    ru: '{machines} по {total} {cur}/га',
  },
  'machinery.compare.perListPrice': {
    en: '{cur}/ha per {thousand} of list price',
    ru: '{cur}/га на {thousand} цены по прайсу',
  },
  'machinery.compare.breakEven': { en: 'break-even list price', ru: 'цена безубыточности' },
  'machinery.compare.noBreakEven': {
    en: 'none (cannot tie even at {zero})',
    ru: 'нет (не сравняется даже при {zero})',
  },
  'machinery.compare.headroom': { en: 'headroom vs its list price', ru: 'запас относительно цены по прайсу' },
  'machinery.compare.tie': {
    en: 'Result: a tie (totals within {tolerance}/ha).',
    ru: 'Итог: ничья (итоги расходятся меньше чем на {tolerance}/га).',
  },
  'machinery.compare.wins': {
    en: "Result: {winner} wins by {perHa}/ha ({share} of {loser}'s cost), {perT}/t, {perYear}/yr over {area} ha.",
    ru: 'Итог: {winner} выигрывает {perHa}/га ({share} затрат {loser}), {perT}/т, {perYear}/год на {area} га.',
  },
  'machinery.compare.breakEvenAbove': {
    en: "Break-even: B ties A when B's list price is {price}, i.e. up to {difference} above A's list price.",
    ru: 'Безубыточность: B сравнивается с A при цене B по прайсу {price}, то есть до {difference} выше цены A.',
  },
  'machinery.compare.breakEvenBelow': {
    en: "Break-even: B ties A when B's list price is {price}, i.e. {difference} below A's list price.",
    ru: 'Безубыточность: B сравнивается с A при цене B по прайсу {price}, то есть на {difference} ниже цены A.',
  },

  // machinery demo
  'machinery.demo.title': {
    en: 'Demonstration plan: {area} ha field, {machines} machines, {blocks} randomised blocks (seed {seed})',
    ru: 'План демонстрации: поле {area} га, {machines, plural, one {# машина} few {# машины} many {# машин} other {# машины}}, {blocks, plural, one {# рандомизированный блок} few {# рандомизированных блока} many {# рандомизированных блоков} other {# рандомизированного блока}} (начальное число {seed})',
  },
  'machinery.demo.trialPlots': {
    en: 'Trial plots: {machines} x {blocks} x {plot} ha = {trial} ha; the other {rest} ha are worked normally (headlands, guard strips, the rest of the harvest).',
    ru: 'Опытные делянки: {machines} x {blocks} x {plot} га = {trial} га; остальные {rest} га убираются как обычно (поворотные полосы, защитные полосы, остальная уборка).',
  },
  'machinery.demo.eachPlot': {
    en: 'Each plot: strips {length} m long, {width} m wide in all.',
    ru: 'Каждая делянка: полосы длиной {length} м, общей шириной {width} м.',
  },
  'machinery.demo.plannedRate': { en: 'planned ha/h (F1)', ru: 'план, га/ч (F1)' },
  'machinery.demo.passes': { en: 'passes/plot', ru: 'проходов на делянку' },
  'machinery.demo.hoursPerPlot': { en: 'h/plot', ru: 'ч на делянку' },
  'machinery.demo.trialHours': {
    en: 'trial h ({units} {units, plural, one {unit} other {units}})',
    ru: 'опыт, ч ({units, plural, one {# машина} few {# машины} many {# машин} other {# машины}})',
  },
  'machinery.demo.blocksSection': {
    en: 'Blocks (plots side by side in this order, worked the same day)',
    ru: 'Блоки (делянки рядом в этом порядке, убираются в один день)',
  },
  'machinery.demo.block': { en: 'block', ru: 'блок' },
  'machinery.demo.plotOrder': { en: 'plot order across the block', ru: 'порядок делянок поперёк блока' },
  'machinery.demo.trial': {
    en: 'Trial: {hours} h, {days} working days of {perDay} h.',
    ru: 'Опыт: {hours} ч, {days, plural, one {# рабочий день} few {# рабочих дня} many {# рабочих дней} other {# рабочего дня}} по {perDay} ч.',
  },
  'machinery.demo.measureSection': { en: 'What to measure on every plot', ru: 'Что измерять на каждой делянке' },
  'machinery.demo.how': { en: 'how', ru: 'как' },
  'machinery.demo.written': {
    en: 'Measurement sheet written to {path} ({plots} plots). Fill it in, then: karavan machinery demo-results {path}',
    ru: 'Лист измерений записан в {path} ({plots, plural, one {# делянка} few {# делянки} many {# делянок} other {# делянки}}). Заполните его, затем: karavan machinery demo-results {path}',
  },
  'machinery.demo.writeHint': {
    en: 'Write the measurement sheet with --out sheet.csv, fill it in on the field, then run: karavan machinery demo-results sheet.csv',
    ru: 'Запишите лист измерений через --out sheet.csv, заполните его в поле, затем запустите: karavan machinery demo-results sheet.csv',
  },
  'machinery.demo.noteGradient': {
    en: "Lay the blocks across the field's main gradient (soil, slope, crop stand) so that each block is as uniform as possible; plots inside a block run side by side.",
    ru: 'Располагайте блоки поперёк главного градиента поля (почва, уклон, густота стеблестоя), чтобы каждый блок был как можно однороднее; делянки внутри блока идут рядом.',
  },
  'machinery.demo.noteSameDay': {
    en: 'Work the plots of one block on the same day, in the order given, to share crop moisture and weather; leave headlands and a guard pass between plots.',
    ru: 'Убирайте делянки одного блока в один день в указанном порядке, чтобы влажность и погода были общими; оставляйте поворотные полосы и защитный проход между делянками.',
  },
  'machinery.demo.noteSameVariety': {
    en: 'Use the same crop variety, operators of similar experience (swap them between blocks if possible) and machine settings recorded before the start.',
    ru: 'Один и тот же сорт, механизаторы сходного опыта (по возможности меняйте их между блоками) и настройки машин, записанные до начала.',
  },
  'machinery.demo.noteRates': {
    en: "Planned rates come from the catalog's typical speed, width and efficiency (tags shown); the trial measures the real ones.",
    ru: 'Плановая производительность — по типичным скорости, ширине и коэффициенту из каталога (метки показаны); опыт измеряет настоящие.',
  },
  'machinery.demo.noteWelch': {
    en: 'With {blocks} blocks each machine has {blocks} plots: the Welch interval then has at most {df} degrees of freedom; more blocks narrow it.',
    ru: 'При {blocks, plural, one {# блоке} few {# блоках} many {# блоках} other {# блока}} у каждой машины столько же делянок: интервал Уэлча тогда имеет не больше {df} степеней свободы; больше блоков сужают его.',
  },

  // What to measure (demo plots and showcase blocks), by the measure's id.
  'machinery.measure.label': {
    en: '{id}',
    ru: '{id, select, haPerHour {Производительность} fuelLitresPerHa {Расход топлива} grainLossKgPerHa {Потери зерна за комбайном} grainMoisturePct {Влажность зерна} brokenGrainPct {Дробление зерна} dockagePct {Сорная примесь} downtimeShare {Простои} yieldTPerHa {Урожайность} other {{id}}}',
  },
  'machinery.measure.unit': {
    en: '{key, select, other {{unit}}}',
    ru: '{key, select, ha_h {га/ч} L_ha {L/га} kg_ha {кг/га} t_ha {т/га} share_of_time {доля времени} percent_of_mass {% массы} ha_h_per_unit {га/ч на машину} other {{unit}}}',
  },
  'machinery.measure.demoHow': {
    en: '{id}',
    ru:
      '{id, select, haPerHour {Площадь по колышкам делянки или треку GNSS; время от въезда на делянку до выезда, с разворотами и выгрузкой, без поломок (их записывайте как простой).}' +
      ' fuelLitresPerHa {Долив до полного бака до и после делянки (метод долива) или показания счётчика топлива двигателя; то же топливо и тот же человек каждый раз.}' +
      ' grainLossKgPerHa {Поддоны под соломой и половой (не меньше 3 на делянку, вдали от поворотных полос); чистое зерно взвесить, пересчитать в кг/га, записать среднее по делянке.}' +
      ' downtimeShare {Часы остановок на делянке из-за поломок, забиваний и регулировок (не ожидание машин под зерно); причину запишите в примечаниях.}' +
      ' other {{id}}}',
  },

  // machinery demo-results
  'machinery.results.title': {
    en: 'Demonstration results: {plots} plots in {blocks} blocks, machines {machines}',
    ru: 'Результаты демонстрации: {plots, plural, one {# делянка} few {# делянки} many {# делянок} other {# делянки}} в {blocks, plural, one {# блоке} few {# блоках} many {# блоках} other {# блока}}, машины {machines}',
  },
  'machinery.results.measure': {
    en: '{label}, {unit} ({better} is better)',
    ru: '{label}, {unit} (лучше {better, select, higher {выше} lower {ниже} other {{better}}})',
  },
  'machinery.results.plots': { en: 'plots', ru: 'делянок' },
  'machinery.results.mean': { en: 'mean', ru: 'среднее' },
  'machinery.results.sd': { en: 'sd', ru: 'ст. откл.' },
  'machinery.results.missing': { en: 'missing', ru: 'пропущено' },
  'machinery.results.noComparison': { en: 'no comparison: {reason}', ru: 'сравнения нет: {reason}' },
  'machinery.results.fewPlots': {
    en: 'fewer than 2 plots with data for {machines}',
    ru: 'меньше 2 делянок с данными для {machines}',
  },
  'machinery.results.difference': { en: 'difference', ru: 'разница' },
  'machinery.results.interval': { en: '{level} % interval', ru: 'интервал {level} %' },
  'machinery.results.df': { en: 'df', ru: 'ст. св.' },
  'machinery.results.relative': { en: 'relative', ru: 'относительная' },
  'machinery.results.range': { en: '{lower} to {upper}', ru: 'от {lower} до {upper}' },
  'machinery.results.noClearDifference': { en: 'no clear difference', ru: 'явной разницы нет' },
  'machinery.results.noteWelch': {
    en: 'Intervals are Welch t-intervals (unequal variances) at {level} % on mean(a) - mean(b); "better" is named only when the interval excludes 0.',
    ru: 'Интервалы — t-интервалы Уэлча (неравные дисперсии) на уровне {level} % для среднее(a) − среднее(b); «лучше» называется, только если интервал не содержит 0.',
  },
  'machinery.results.noteBlocks': {
    en: 'Welch treats plots as independent and ignores the blocks; with strong block effects a paired analysis by block would be sharper.',
    ru: 'Метод Уэлча считает делянки независимыми и не учитывает блоки; при сильном влиянии блоков парный анализ по блокам был бы точнее.',
  },

  // machinery haulage
  'machinery.haulage.cycle': {
    en: 'cycle {total} min = load {load} + haul {haul} + dump {dump} + return {back} + spot {spot}',
    ru: 'цикл {total} мин = погрузка {load} + ход гружёным {haul} + разгрузка {dump} + возврат {back} + установка {spot}',
  },
  'machinery.haulage.rate': {
    en: '{rate} t per truck-hour; {hours} operating hours per truck a year',
    ru: '{rate} т на самосвал в час; {hours} моточасов на самосвал в год',
  },
  'machinery.haulage.trucks': {
    en: 'trucks: {exact}, so {trucks} (capacity {share} % of the tonnes)',
    ru: 'самосвалов: {exact}, то есть {trucks} (провозная способность {share} % тоннажа)',
  },
  'machinery.haulage.match': {
    en: 'match factor {factor} ({state, select, queue {trucks queue at the loader} wait {the loader waits for trucks} other {balanced}})',
    ru: 'коэффициент согласования {factor} ({state, select, queue {самосвалы ждут в очереди у погрузчика} wait {погрузчик ждёт самосвалы} other {в равновесии}})',
  },
  'machinery.haulage.cost': {
    en: 'cost per operating hour {total} (ownership {ownership}, fuel {fuel}, tyres {tyres}, repairs {repairs}, operators {operators}); per t {perT}',
    ru: 'затраты на моточас {total} (владение {ownership}, топливо {fuel}, шины {tyres}, ремонт {repairs}, водители {operators}); на т {perT}',
  },
  'machinery.haulage.notCosted': { en: 'not costed: {parts}', ru: 'не учтено: {parts}' },
  /** The parts a haulage cost leaves out, by the first word of the core's reason (src/machinery/haulage.ts). */
  'machinery.haulage.leftOut': {
    en: '{part}',
    ru: '{part, select, ownership {владение (--truck-price и --life-hours)} fuel {топливо (--fuel-l-per-h и --fuel-price)} tyres {шины (--tyre-set-price и --tyre-life-hours)} repairs {ремонт (--repair-share и --truck-price)} operators {водители (--operator-wage)} other {{part}}}',
  },
  'machinery.haulage.formula': {
    en: '{id}',
    ru:
      '{id, select, H1 {H1: цикл = погрузка + 60 d / v_гружёный + разгрузка + 60 d / v_порожний + установка}' +
      ' H2 {H2: т на самосвал в час = грузоподъёмность · 60 / цикл}' +
      ' H3 {H3: самосвалов = ⌈тонн в год / (т на самосвал в час · плановых часов · готовность · использование)⌉}' +
      ' H4 {H4: коэффициент согласования = самосвалов · время погрузки / (погрузчиков · цикл)}' +
      ' H5 {H5: затраты на т = (владение + топливо + шины + ремонт + водители) на моточас / т на самосвал в час}' +
      ' other {{id}}}',
  },

  // machinery replacement
  'machinery.replacement.title': {
    en: 'Kazakhstan, {machine}: replacement demand',
    ru: 'Казахстан, {machine, select, combines {комбайны} tractors {тракторы} other {{machine}}}: спрос на замену',
  },
  'machinery.replacement.observed': {
    en: 'at the observed renewal rate: {units} units a year',
    ru: 'при наблюдаемом темпе обновления: {units} ед. в год',
  },
  'machinery.replacement.hold': {
    en: 'to hold the fleet at {limit} years: {units} units a year',
    ru: 'чтобы удержать возраст парка в {limit} лет: {units} ед. в год',
  },
  'machinery.replacement.backlog': {
    en: 'older than {limit} years now: {units} units',
    ru: 'старше {limit} лет сейчас: {units} ед.',
  },
  'machinery.replacement.clear': {
    en: 'to clear that in {years} years as well: {units} units a year',
    ru: 'чтобы ещё и заменить их за {years} лет: {units} ед. в год',
  },
  'machinery.replacement.facts': { en: 'facts:', ru: 'факты:' },
  'machinery.replacement.fact': {
    en: '{measure}: {value} {unit} ({date}) [preset] {url}',
    ru: '{measure}: {value} {unit} ({date}) [preset] {url}',
  },
  'machinery.replacement.r1': {
    en: 'R1: {fleet} · {rate} = {units} a year at the observed renewal rate',
    ru: 'R1: {fleet} · {rate} = {units} в год при наблюдаемом темпе обновления',
  },
  'machinery.replacement.r2': {
    en: 'R2: {fleet} / {limit} = {units} a year to hold the fleet at {limit} years',
    ru: 'R2: {fleet} / {limit} = {units} в год, чтобы удержать возраст парка в {limit} лет',
  },
  'machinery.replacement.r3': {
    en: 'R3: {fleet} · {over} = {units} units older than {limit} years',
    ru: 'R3: {fleet} · {over} = {units} ед. старше {limit} лет',
  },
  'machinery.replacement.r4': {
    en: 'R4: {hold} + {backlog} / {years} = {units} a year to clear the backlog in {years} years',
    ru: 'R4: {hold} + {backlog} / {years} = {units} в год, чтобы заменить старую технику за {years} лет',
  },
  /** The dated facts' measures and units (data/machinery/presets.json) in Russian, by the fact's id. */
  'machinery.factMeasure': {
    en: '{id, select, other {{measure}}}',
    ru:
      '{id, select, kz_wheat_yield_2023 {урожайность пшеницы} kz_grain_yield_2023 {урожайность зерновых} kz_grain_yield_2024 {урожайность зерновых}' +
      ' kz_wheat_harvested_area_2023 {убранная площадь пшеницы} kz_grain_sown_2023 {посевная площадь зерновых}' +
      ' kz_grain_harvested_area_2023 {убранная площадь зерновых (на 21 ноября)} kz_combines_registered_2020 {зарегистрировано комбайнов}' +
      ' kz_combines_over17y_2020 {доля комбайнов старше 17 лет} kostanay_harvesters_campaign {комбайнов в уборочной кампании}' +
      ' kz_tractors_registered_2020 {зарегистрировано тракторов} kz_tractors_over17y_2020 {доля тракторов старше 17 лет}' +
      ' kz_fleet_renewal_2024 {темп обновления парка сельхозтехники} kz_fleet_renewal_2019 {темп обновления парка сельхозтехники}' +
      ' kz_fx_kzt_per_usd_2024 {официальный курс, тенге за доллар США (Национальный банк Казахстана)}' +
      ' kz_fx_kzt_per_rub_2024 {официальный курс, тенге за российский рубль (Национальный банк Казахстана)}' +
      ' kz_fx_kzt_per_byn_2024 {официальный курс, тенге за белорусский рубль (Национальный банк Казахстана)}' +
      ' kz_diesel_farmers_2024 {цена дизтоплива для аграриев (льготное топливо на весенне-полевые работы), тенге за литр с НДС}' +
      ' kz_diesel_retail_2024 {розничная цена дизтоплива, тенге за литр}' +
      ' kz_wheat3_price_fcc_2024 {закупочная цена пшеницы 3 класса Продкорпорации, урожай 2024, тенге за тонну}' +
      ' kz_wage_agriculture_2023q1 {средняя номинальная зарплата в сельском, лесном и рыбном хозяйстве, тенге в месяц}' +
      ' other {{measure}}}',
  },
  'machinery.factUnit': {
    en: '{key, select, other {{unit}}}',
    ru: '{key, select, units {ед.} percent {%} percent_per_year {% в год} t_ha {т/га} million_ha {млн га} other {{unit}}}',
  },
  'machinery.factScope': {
    en: '{key, select, other {{scope}}}',
    ru: '{key, select, Kazakhstan {Казахстан} Kostanay_region {Костанайская область} other {{scope}}}',
  },

  // machinery catalog
  'machinery.catalog.machinesSection': {
    en: 'Machine classes and user machines',
    ru: 'Классы машин и машины пользователя',
  },
  'machinery.catalog.id': { en: 'id', ru: 'код' },
  'machinery.catalog.namedSection': {
    en: "Named models (makers' figures tagged V from the maker's own page, M where read second-hand; no prices)",
    ru: 'Модели производителей (цифры производителя: V — с его собственной страницы, M — из вторых рук; цен нет)',
  },
  'machinery.catalog.maker': { en: 'maker', ru: 'производитель' },
  'machinery.catalog.model': { en: 'model', ru: 'модель' },
  'machinery.catalog.countryOfMake': { en: 'made in', ru: 'страна' },
  'machinery.catalog.basedOn': { en: 'class', ru: 'класс' },
  'machinery.catalog.figures': { en: "maker's figures", ru: 'цифры производителя' },
  'machinery.catalog.noMaker': {
    en: 'no named model of a maker matching "{maker}" (makers: {makers})',
    ru: 'нет моделей производителя «{maker}» (производители: {makers})',
  },
  /** A named model's figure by its field name (unit in the name). */
  'machinery.spec': {
    en: '{name, select, widthM {width, m} powerKw {power, kW} payloadT {payload, t} grossWeightKg {gross weight, kg} operatingWeightKg {operating weight, kg} operatingWeightT {operating weight, t} bodyVolumeM3 {body, m³} engines {engines} fuelTankL {fuel tank, L} lngTankL {LNG tank, L} enginePowerHp {engine, hp} topSpeedKmh {top speed, km/h} throughputKgPerS {throughput, kg/s} netMassT {mass, t} grainTankL {grain tank, L} unloadingRateLPerS {unloading, L/s} other {{name}}}',
    ru: '{name, select, widthM {ширина, м} powerKw {мощность, кВт} payloadT {грузоподъёмность, т} grossWeightKg {полная масса, кг} operatingWeightKg {эксплуатационная масса, кг} operatingWeightT {эксплуатационная масса, т} bodyVolumeM3 {кузов, м³} engines {двигателей} fuelTankL {топливный бак, л} lngTankL {бак СПГ, л} enginePowerHp {двигатель, л. с.} topSpeedKmh {макс. скорость, км/ч} throughputKgPerS {пропускная способность, кг/с} netMassT {масса, т} grainTankL {зерновой бункер, л} unloadingRateLPerS {выгрузка, л/с} other {{name}}}',
  },
  'machinery.catalog.kind': { en: 'kind', ru: 'вид' },
  'machinery.catalog.power': { en: 'power kW', ru: 'мощность, kW' },
  'machinery.catalog.listPrice': { en: 'list price USD', ru: 'цена по прайсу, USD' },
  'machinery.catalog.life': { en: 'life h', ru: 'ресурс, ч' },
  'machinery.catalog.userMachine': { en: '{id} (user, {base})', ru: '{id} (пользователя, {base})' },
  'machinery.catalog.payload': { en: '{power}; payload {payload} t', ru: '{power}; грузоподъёмность {payload} т' },
  'machinery.catalog.cropsSection': {
    en: 'Crops (timeliness K per operation, share of yield lost per day)',
    ru: 'Культуры (K несвоевременности по операциям, доля урожая, теряемая за день)',
  },
  'machinery.catalog.crop': { en: 'crop', ru: 'культура' },
  'machinery.catalog.yield': { en: 'yield t/ha', ru: 'урожайность, т/га' },
  'machinery.catalog.price': { en: 'price USD/t', ru: 'цена, USD/т' },
  'machinery.catalog.kByOperation': { en: 'K by operation', ru: 'K по операциям' },
  'machinery.catalog.giveOne': { en: 'give one', ru: 'задайте' },
  'machinery.catalog.presetsSection': { en: 'Presets (--preset ID)', ru: 'Пресеты (--preset ID)' },
  'machinery.catalog.preset': { en: 'preset', ru: 'пресет' },
  'machinery.catalog.title': { en: 'title', ru: 'название' },
  'machinery.catalog.sets': { en: 'sets', ru: 'задаёт' },

  // machinery market
  'machinery.market.imports': {
    en: '{code} {name}: {importer} imports {value} USD m',
    ru: '{code} {name}: импорт {importer} {value} млн USD',
  },
  'machinery.market.supplier': { en: 'supplier', ru: 'поставщик' },
  'machinery.market.valueUsdM': { en: 'USD m', ru: 'млн USD' },
  'machinery.market.share': { en: 'share %', ru: 'доля, %' },
  'machinery.market.unitValue': { en: 'USD/t', ru: 'USD/т' },
  'machinery.market.flags': { en: 'flags', ru: 'отметки' },
} as const;
