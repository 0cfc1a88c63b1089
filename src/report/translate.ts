/**
 * Russian for the analysis layer's plain-language messages (section `basis` and `missing`).
 * The analysis writes them in English from a small, fixed vocabulary; these rules rewrite each
 * phrase, leaving codes, years, file names, commands and URLs as they are. A test renders the
 * messages of real reports and fails on any English word these rules miss.
 */
const country: Record<string, string> = { Belarus: 'Беларусь', Kazakhstan: 'Казахстан' };
const flowRu: Record<string, string> = { imports: 'импорт', exports: 'экспорт' };

/**
 * `CODE` in a rule stands for a country's ISO3 or a group's code (EAEU, EU27, CASIA): the rules are
 * written with it and compiled below.
 */
const codePattern = '[A-Z][A-Z0-9]{2,4}';

const writtenRules: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  [
    /download a CEPII BACI release \(www\.cepii\.fr -> Databases -> BACI, e\.g\. (\S+?): all countries, HS6, ([\d-]+), values in USD\) and run: karavan ingest (\S+)/g,
    'загрузите выпуск CEPII BACI (www.cepii.fr -> Databases -> BACI, например $1: все страны, HS6, $2, стоимость в долл. США) и выполните: karavan ingest $3',
  ],
  [
    /or download from UN Comtrade \(comtradeplus\.un\.org -> Get data\): reporter (CODE|each member of CODE \([A-Z0-9, ]+\)), (imports|exports), all partners, HS6 \(AG6\), annual, the last 5 years, as CSV, and run: karavan ingest (\S+)/g,
    (_m, iso, flow, file) =>
      `или загрузите из UN Comtrade (comtradeplus.un.org -> Get data): отчитывающаяся страна ${iso!.replace(/^each member of /, 'каждый участник ')}, ${flowRu[flow!]}, все партнёры, HS6 (AG6), годовые данные за последние 5 лет, в CSV, и выполните: karavan ingest ${file}`,
  ],
  [/no product-level (CODE)<->(CODE) flows/g, 'нет потоварных данных о торговле $1<->$2'],
  [/no (CODE)<->(CODE) flows/g, 'нет данных о торговле $1<->$2'],
  [
    /needs (CODE)'s imports by supplier over five years and (CODE)'s world exports/g,
    'нужны импорт $1 по поставщикам за пять лет и мировой экспорт $2',
  ],
  [
    /(CODE)'s imports by product would replace world trade as demand/g,
    'импорт $1 по товарам заменил бы мировую торговлю как меру спроса',
  ],
  [/(CODE)'s imports by supplier with quantities/g, 'импорт $1 по поставщикам с количествами'],
  [/(CODE)'s imports by product and supplier for (\d{4})/g, 'импорт $1 по товарам и поставщикам за $2'],
  [/(CODE)'s imports by product and supplier/g, 'импорт $1 по товарам и поставщикам'],
  [
    /(CODE)'s imports from all suppliers, (\S+) (\d{4}); growth against (\d{4})/g,
    'импорт $1 от всех поставщиков, $2 $3; рост относительно $4',
  ],
  [
    /(CODE)'s imports from all suppliers, (\S+) (\d{4}); no (\d{4}) data for growth/g,
    'импорт $1 от всех поставщиков, $2 $3; нет данных за $4 для роста',
  ],
  [/(CODE)'s imports from all suppliers/g, 'импорт $1 от всех поставщиков'],
  [
    /(CODE)'s imports by supplier, (\S+) ([\d-]+); unit values from quantities in tonnes/g,
    'импорт $1 по поставщикам, $2 $3; удельные цены по количествам в тоннах',
  ],
  [/(CODE)'s imports (\S+) (\d{4})-(\d{4}); (CODE)'s RCA from (\S+) (\d{4})/g, 'импорт $1, $2 $3-$4; RCA $5 по $6 $7'],
  [/(CODE)'s imports by product/g, 'импорт $1 по товарам'],
  [/(CODE)'s exports by product, ([\d-]+) \(([^)]*)\)/g, 'экспорт $1 по товарам, $2 ($3)'],
  [/(CODE)'s exports by product/g, 'экспорт $1 по товарам'],
  [
    /exports of all countries by product at HS(\d)( for (\d{4}))?/g,
    (_m, level, _f, year) => `экспорт всех стран по товарам на уровне HS${level}${year ? ` за ${year}` : ''}`,
  ],
  [/exports of all countries by product \(export tables\)/g, 'экспорт всех стран по товарам (таблицы экспорта)'],
  [/exports of all countries \(from bilateral flows\)/g, 'экспорт всех стран (из двусторонних потоков)'],
  [/exports of all countries by product/g, 'экспорт всех стран по товарам'],
  [
    /the ITC export-potential method needs bilateral flows of all countries \(every supplier of (CODE), every market of (CODE)\)/g,
    'методу ITC нужны двусторонние потоки всех стран (все поставщики $1, все рынки $2)',
  ],
  [
    /the ITC method needs bilateral flows of all countries( for (\d{4}))? \(every supplier of (CODE), every market of (CODE)\)/g,
    (_m, _f, year, a, b) =>
      `методу ITC нужны двусторонние потоки всех стран${year ? ` за ${year}` : ''} (все поставщики ${a}, все рынки ${b})`,
  ],
  [/growth needs several years/g, 'для роста нужно несколько лет'],
  [/growth needs an earlier year of the same source/g, 'для роста нужен более ранний год того же источника'],
  [/growth needs (CODE)'s imports in (\d{4}) too/g, 'для роста нужен импорт $1 и за $2 год'],
  [/growth needs (\d{4}) as well/g, 'для роста нужен ещё и $1 год'],
  [
    /(\d+) years make the average steadier; the store has (\d+)/g,
    '$1 лет дают более устойчивое среднее; в хранилище $2',
  ],
  [/(CODE) has no exports in (\S+) (\d{4})/g, 'у $1 нет экспорта в $2 $3'],
  [
    /(CODE) is below the Atlas thresholds in (\S+) (\d{4}) \(1 M people, 1 bn USD of exports\), so it has no place in the product space; run with --all-countries/g,
    '$1 ниже порогов Атласа в $2 $3 (1 млн жителей, экспорт 1 млрд долл. США), поэтому не входит в пространство товаров; запустите с --all-countries',
  ],
  [/(CODE) has no flows in (\S+) (\d{4})/g, 'у $1 нет потоков в $2 $3'],
  [/(CODE) imports none of ([\d, ]+) in (\S+) (\d{4})/g, '$1 не импортирует ни один из товаров $2 в $3 $4'],
  [/no products to compare: give HS codes/g, 'нет товаров для сравнения: укажите коды ТН ВЭД'],
  [
    /officially stated totals \((\d+) figures, ([\d-]+)\), not product-level statistics/g,
    'официально заявленные итоги ($1 цифр, $2), не потоварная статистика',
  ],
  [
    /officially stated by (\w+)( \(a lower bound\))?/g,
    (_m, who, bound) => `официально заявлено стороной: ${country[who!] ?? who}${bound ? ' (нижняя граница)' : ''}`,
  ],
  [/ \(as reported by (CODE)\)/g, ' (по данным $1)'],
  [
    /only flows into (CODE) from the ([\d/]+) exporter\(s\) the store covers, ([\d-]+): not (CODE)'s total imports, so not used/g,
    'в хранилище только потоки в $1 от $2 экспортёров, $3: это не весь импорт $4, поэтому они не используются',
  ],
  [
    /capabilities \(RCA, density, PCI, COG\) from world exports (\d{4}); world demand stands in for (CODE)'s own imports/g,
    'компетенции (RCA, плотность, PCI, COG) по мировому экспорту $1; мировой спрос вместо собственного импорта $2',
  ],
  [
    /capabilities from exports of (\d+) countries, (\S+) (\d{4}) \(HS(\d)\); demand from (CODE)'s imports/g,
    'компетенции по экспорту $1 стран, $2 $3 (HS$4); спрос — импорт $5',
  ],
  [
    /capabilities from exports of (\d+) countries, (\S+) (\d{4}) \(HS(\d)\); demand from world trade \(stand-in\)/g,
    'компетенции по экспорту $1 стран, $2 $3 (HS$4); спрос — мировая торговля (замена)',
  ],
  [/complexity (\d{4}) and (CODE)'s imports ([\d-]+)/g, 'сложность $1 и импорт $2 $3'],
  [/exports of (\d+) countries by HS(\d) product, (\S+) (\d{4})/g, 'экспорт $1 стран по товарам HS$2, $3 $4'],
  [
    /bilateral flows of (\d+) countries, (\S+) ([\d, ]+) \(weights ([\d, ]+)\), HS(\d)/g,
    'двусторонние потоки $1 стран, $2 $3 (веса $4), HS$5',
  ],
  [
    /world trade by product (\d{4}) \((\S+)\) as a stand-in for (CODE)'s own imports/g,
    'мировая торговля по товарам $1 ($2) вместо собственного импорта $3',
  ],
  [/world bilateral flows into (CODE), /g, 'мировые двусторонние потоки в $1, '],
  [/world bilateral flows, /g, 'мировые двусторонние потоки, '],
  [/bilateral flows (CODE)<->(CODE), /g, 'двусторонние потоки $1<->$2, '],
  [/^nothing$/g, 'нет данных'],
  // The trade basket (analysis/basket.ts).
  [/(\S+) (\d{4}), HS(\d), (CODE)<->(CODE): (\d+) products/g, '$1 $2, HS$3, $4<->$5: товаров — $6'],
  [
    /(CODE)->(CODE)( and (CODE)->(CODE))? flows are not in the store for (\d{4}) \(the data does not say, which is not zero\)/g,
    (_m, a, b, both, c, d, year) =>
      `потоков ${a}->${b}${both ? ` и ${c}->${d}` : ''} за ${year} нет в хранилище (данные об этом молчат, это не ноль)`,
  ],
  [
    /product-level (CODE)<->(CODE) flows( for (\d{4}))?/g,
    (_m, a, b, _f, y) => `потоварные данные о торговле ${a}<->${b}${y ? ` за ${y}` : ''}`,
  ],
  [/ \(the store has ([\d, ]+)\)/g, ' (в хранилище есть $1)'],
  [/growth needs earlier years of (\S+)/g, 'для роста нужны более ранние годы $1'],
  // Country groups (src/data/groups.ts, analysis/coverage.ts groupMembersText).
  [
    /(CODE) is a group: RCA, complexity and the product space are computed for countries, not groups; run this for one of its members \(([A-Z0-9, ]+)\)/g,
    '$1 — группа стран: RCA, сложность и продуктовое пространство рассчитываются для стран, а не для групп; запустите расчёт для одного из её участников ($2)',
  ],
  [/(CODE): ([A-Z0-9, ]+) with data/g, '$1: есть данные по $2'],
  [/(CODE): no member with data/g, '$1: нет данных ни по одному участнику'],
  [/, no data for ([A-Z0-9, ]+)/g, ', нет данных по $1'],
  [/(CODE): no members in /g, '$1: нет участников в '],
  [/bilateral flows (CODE)<->(CODE), /g, 'двусторонние потоки $1<->$2, '],
];

const rules = writtenRules.map(
  ([pattern, replacement]) =>
    [new RegExp(pattern.source.replaceAll('CODE', codePattern), pattern.flags), replacement] as const,
);

export function toRussian(text: string): string {
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement as string);
  return out;
}

/** English words left in a translated message (codes, file names, URLs and commands excluded). */
export function untranslatedWords(text: string): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/karavan ingest \S+/g, ' ')
    .replace(/\b[\w.-]+\.(zip|csv|gz)\b/g, ' ')
    .replace(/\(www\.cepii\.fr -> Databases -> BACI/g, ' ')
    .replace(/\(comtradeplus\.un\.org -> Get data\)/g, ' ')
    .replace(/\b(CEPII|BACI|UN|Comtrade|HS\d?|AG6|CSV|RCA|PCI|COG|ECI|ITC|USD|ots|baci|comtrade|flows|user)\b/g, ' ');
  // Words with a lower-case letter: ISO codes (KAZ) and acronyms are not English prose.
  return (stripped.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((word) => /[a-z]/.test(word));
}
