/** Regions for interregional cooperation (`karavan regions`, src/report/region-tables.ts). */
export const regionMessages = {
  'regions.kazTitle': { en: 'Kazakhstan by oblast, {year}', ru: 'Казахстан по областям, {year} год' },
  'regions.blrTitle': { en: 'Belarus by region: machinery makers', ru: 'Беларусь по областям: производители техники' },
  'regions.matchTitle': {
    en: "Belarus's combine makers and Kazakhstan's oblasts' combine demand, {year}",
    ru: 'Производители комбайнов Беларуси и потребность областей Казахстана в комбайнах, {year} год',
  },
  'regions.coverage': {
    en: '{measure, select, wheatArea {Wheat area} other {Grain area}} is known for {with} of {oblasts} oblasts: {sum, number, ::.0} thousand ha, {share, number, ::percent .0} of the national {national, number, ::.0} thousand ha; {complete, select, yes {the oblasts add up to the national figure within {tolerance, number, ::percent}.} other {they do not add up to the national figure within {tolerance, number, ::percent}: the figures are incomplete.}}',
    ru: '{measure, select, wheatArea {Площадь пшеницы} other {Площадь зерновых}} известна по {with} из {oblasts} областей: {sum, number, ::.0} тыс. га, {share, number, ::percent .0} от общей по стране ({national, number, ::.0} тыс. га); {complete, select, yes {сумма по областям совпадает с общей в пределах {tolerance, number, ::percent}.} other {сумма по областям не совпадает с общей в пределах {tolerance, number, ::percent}: данные неполны.}}',
  },
  'regions.coverageNoNational': {
    en: '{measure, select, wheatArea {Wheat area} other {Grain area}} is known for {with} of {oblasts} oblasts: {sum, number, ::.0} thousand ha; there is no national figure to check it against.',
    ru: '{measure, select, wheatArea {Площадь пшеницы} other {Площадь зерновых}} известна по {with} из {oblasts} областей: {sum, number, ::.0} тыс. га; общей цифры по стране для сверки нет.',
  },
  'regions.oblast': { en: 'Oblast', ru: 'Область' },
  'regions.region': { en: 'Region', ru: 'Область' },
  'regions.wheatArea': { en: 'Wheat area, thousand ha', ru: 'Площадь пшеницы, тыс. га' },
  'regions.grainArea': { en: 'Grain area, thousand ha', ru: 'Площадь зерновых, тыс. га' },
  'regions.grainAreaPlanned': { en: 'Grain area planned, thousand ha', ru: 'Площадь зерновых по плану, тыс. га' },
  'regions.yield': { en: 'Yield, c/ha', ru: 'Урожайность, ц/га' },
  'regions.combinesNeeded': {
    en: 'Combines needed ({machine}, {days} days)',
    ru: 'Нужно комбайнов ({machine}, {days} дней)',
  },
  'regions.combinesWorking': { en: 'Combines at work', ru: 'Работало комбайнов' },
  'regions.sources': { en: 'Sources', ru: 'Источники' },
  'regions.maker': { en: 'Maker', ru: 'Производитель' },
  'regions.city': { en: 'Town', ru: 'Город' },
  'regions.makes': { en: 'Makes', ru: 'Выпускает' },
  'regions.none': { en: 'no maker found', ru: 'производитель не найден' },
  'regions.fleetNote': {
    en: 'Combines needed: the machinery planner (F1-F3, docs/machinery.md) for the wheat area (else the grain area) with the {preset} preset and the {machine} class, against the combines the oblast reports at work.',
    ru: 'Нужно комбайнов: расчёт планировщика техники (F1–F3, docs/machinery.md) для площади пшеницы (иначе зерновых) по пресету {preset} и классу {machine}; для сравнения — сколько комбайнов работало по данным области.',
  },
} as const;
