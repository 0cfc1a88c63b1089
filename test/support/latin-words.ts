/**
 * Latin-script words left in Russian output: what a Russian reader would see as untranslated
 * English. Codes and acronyms (KAZ, HS6, RCA, USD), URLs, file names, command lines and the names
 * of data sources and datasets (BACI, Comtrade, ots-2017) are not counted: they are the same in
 * both languages.
 */
const sourceNames = new Set([
  'baci',
  'cepii',
  'comtrade',
  'comtradeplus',
  'wits',
  'ots',
  'oec',
  'atlas',
  'harvard',
  'databases',
  'get',
  'data',
  'www',
  'karavan',
  'asabe',
  'user',
  'embedded',
  // Makers' names, as they write them.
  'gomselmash',
  // Trend: the news agency an official figure was quoted through («БелТА через Trend»).
  'trend',
  // ln: the natural logarithm in the joint-production score formula.
  'ln',
  // The machinery planner's sources, cited by name: ISU Ag Decision Maker (AgDM A3-29), Calcante
  // et al. (2013), DevTreks' FuelAvgCostHr ("Machinery Cost Equations" is taken out as a title,
  // below); and the units of their fuel figures (L/kWh, gal/hp-h).
  'agdm',
  'calcante',
  'devtreks',
  'fuelavgcosthr',
  'kwh',
  'gal',
  'hp',
]);

export function latinWords(text: string): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    // Names of data sources and licences, the same in every language.
    .replace(/Open Trade Statistics|Etalab Open License|UN Comtrade|Get data|Machinery Cost Equations/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/karavan [^;\n)]*/g, ' ')
    .replace(/--[a-z][a-z-]*/g, ' ')
    .replace(/\b[\w./-]+\.(zip|csv|gz|parquet|xlsx|html|json|md|txt|7z)\b/gi, ' ')
    .replace(/\b[a-z0-9-]+\.(org|fr|com|net|by|kz|ru|gov|int)\b\S*/gi, ' ')
    .replace(/\b[a-z]+-\d{4}\b/g, ' ')
    // The machinery planner's source tags ([preset], [measured]; [V], [M] and [user] are not words
    // or are listed below) and its warnings' codes ([cost-above-grain-price]): codes, the same in
    // every language.
    .replace(/\[(?:preset|measured)\]/g, ' ')
    .replace(/\[[a-z]+(?:-[a-z]+)+\]/g, ' ')
    // Identifiers of machine classes and presets (combine-sp-9m, kz-wheat-2023): codes.
    .replace(/\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9][a-z0-9]*\b/g, ' ');
  // A word with a lower-case letter is prose; ISO codes and acronyms are upper case.
  return (stripped.match(/\b[A-Za-z][A-Za-z']*[a-z][A-Za-z']*\b/g) ?? []).filter(
    (word) => !sourceNames.has(word.toLowerCase()),
  );
}
