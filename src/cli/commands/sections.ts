/**
 * One command per report section, each calling the same analysis function as `karavan report`
 * and the HTTP API: turnover, target, needs, supply, potential, rivals, joint, surplus.
 * Text output is the section's tables as the report model defines them (src/report/section-tables.ts,
 * the same as the API's table views), in the reader's language; --json prints the whole result.
 */
import type { Command } from 'commander';
import type { CountryRecord, TradeStore } from '../../data/index.ts';
import { levelHelp, parseLang, parseLevel } from '../flags.ts';
import { printJson } from '../output.ts';
import { withStore } from '../store.ts';
import type { Lang, Message } from '../../messages/index.ts';
import type { ResultTable } from '../../report/table-model.ts';

type SectionTables = typeof import('../../report/section-tables.ts');

interface PairFlags {
  from: string;
  to: string;
  year?: string;
  level?: string;
  limit: string;
  lang?: string;
  json: boolean;
}

async function parsePair(flags: PairFlags) {
  const { InvalidOptionError } = await import('../../errors.ts');
  const int = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) throw new InvalidOptionError(`invalid ${name}: ${text}`);
    return value;
  };
  const level = parseLevel(flags.level, [2, 4, 6] as const);
  const limit = int('--limit', flags.limit)!;
  if (limit < 1 || limit > 10000) throw new InvalidOptionError(`invalid --limit: ${flags.limit} (1 to 10000)`);
  return {
    year: int('--year', flags.year),
    level: level as 2 | 4 | 6 | undefined,
    limit,
    lang: parseLang(flags.lang),
  };
}

function pairCommand(program: Command, name: string, description: string, defaultLevel: string | undefined) {
  return program
    .command(name)
    .description(description)
    .option(
      '--from <country>',
      'exporter: a country (ISO3, ISO2, numeric, name) or a group such as EAEU (default: BLR)',
      'BLR',
    )
    .option('--to <country>', 'importer: a country or a group, as --from (default: KAZ)', 'KAZ')
    .option('--year <year>', 'year (default: the newest the store covers)')
    .option('--level <level>', levelHelp([2, 4, 6], 'HS level', defaultLevel ? `hs${defaultLevel}` : undefined))
    .option('--limit <n>', 'rows (default: 25)', '25')
    .option('--lang <lang>', '[en|ru] language of the output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print the whole result as JSON', false);
}

/** The exporter and importer named by --from and --to (ISO3, ISO2, numeric code or name). */
async function resolvePair(
  store: TradeStore,
  flags: { from: string; to: string; year?: string },
): Promise<[CountryRecord, CountryRecord]> {
  const { resolvePair } = await import('../../data/index.ts');
  const year = flags.year === undefined ? undefined : Number(flags.year);
  return resolvePair(store, flags.from, flags.to, { year: Number.isInteger(year) ? year : undefined });
}

/** The options every pair section takes from the command line: the pair, year, HS level and row limit. */
function sectionOptions(
  a: CountryRecord,
  b: CountryRecord,
  o: { year: number | undefined; level: 2 | 4 | 6 | undefined; limit: number },
) {
  return { exporter: a.iso3, importer: b.iso3, year: o.year, level: o.level, limit: o.limit };
}

/** The result as JSON, its messages as text in the reader's language (with their ids beside them). */
async function printJsonResult(result: unknown, lang: Lang): Promise<void> {
  const { localiseMessages } = await import('../../messages/index.ts');
  printJson(localiseMessages(result, lang));
}

/** The section's tables (src/report/section-tables.ts, as the API serves them), each under its title. */
async function printTables(
  tablesOf: (module: SectionTables) => ResultTable[],
  lang: Lang,
  limit: number,
): Promise<void> {
  const [{ formatResultTable }, module] = await Promise.all([
    import('../tables.ts'),
    import('../../report/section-tables.ts'),
  ]);
  for (const table of tablesOf(module)) {
    if (table.rows.length === 0) continue;
    process.stdout.write(`\n${table[lang]}\n${formatResultTable(table, lang, limit)}`);
  }
}

/** The section's status, what it is computed from and what is missing, in the reader's language. */
async function printMeta(
  section: string,
  result: { status: string; basis: Message; missing: Message | null },
  lang: Lang,
): Promise<void> {
  const { formatMessage, hasBasis, statusText, t } = await import('../../messages/index.ts');
  const basis = hasBasis(result.basis)
    ? ` — ${t(lang, 'label.basis').toLowerCase()}: ${formatMessage(result.basis, lang)}`
    : '';
  process.stdout.write(`${t(lang, 'label.status')}: ${statusText(lang, result.status, section)}${basis}\n`);
  if (result.missing) process.stdout.write(`${t(lang, 'label.missing')}: ${formatMessage(result.missing, lang)}\n`);
}

export function registerSections(program: Command): void {
  pairCommand(
    program,
    'turnover',
    'turnover monitor: trade both ways by year, growth, shares, mirror gap; official totals',
    undefined,
  ).action(async (flags: PairFlags) => {
    const { turnover } = await import('../../analysis/index.ts');
    await withStore(async (store) => {
      const [a, b] = await resolvePair(store, flags);
      const result = await turnover(store, { exporter: a.iso3, importer: b.iso3 });
      if (flags.json) return printJsonResult(result, parseLang(flags.lang));
      const lang = parseLang(flags.lang);
      const { statusText, t } = await import('../../messages/index.ts');
      process.stdout.write(`${t(lang, 'label.status')}: ${statusText(lang, result.status, 'turnover')}\n`);
      await printTables((m) => m.turnoverTables(result, null, lang), lang, Infinity);
    });
  });

  pairCommand(
    program,
    'basket',
    "the pair's trade basket: today's flows by product both ways, grouped HS section > chapter > heading, with growth, share of the buyer's imports and the mirror",
    '6',
  )
    .option('--direction <direction>', '[both|exports|imports] which flows (default: both)', 'both')
    .action(async (flags: PairFlags & { direction: string }) => {
      const o = await parsePair(flags);
      const { InvalidOptionError } = await import('../../errors.ts');
      if (!['both', 'exports', 'imports'].includes(flags.direction))
        throw new InvalidOptionError(`invalid --direction: ${flags.direction} (both, exports or imports)`);
      const { tradeBasket } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags);
        const result = await tradeBasket(store, {
          ...sectionOptions(a, b, o),
          direction: flags.direction as 'both' | 'exports' | 'imports',
        });
        if (flags.json) return printJsonResult(result, o.lang);
        await printMeta('basket', result, o.lang);
        // Each direction's total (or that the store cannot tell it), as the report heads its blocks.
        const { basketBlocks } = await import('../../report/basket-lines.ts');
        for (const block of basketBlocks(result, o.lang))
          process.stdout.write(`${block.title}${block.note ? `. ${block.note}` : ''}\n`);
        await printTables((m) => m.basketTables(result, o.lang), o.lang, o.limit);
      });
    });

  program
    .command('target')
    .description(
      'target planner: the growth needed to reach a turnover by a year, and the product groups whose untapped potential could cover it',
    )
    .option(
      '--from <country>',
      'exporter: a country (ISO3, ISO2, numeric, name) or a group such as EAEU (default: BLR)',
      'BLR',
    )
    .option('--to <country>', 'importer: a country or a group, as --from (default: KAZ)', 'KAZ')
    .requiredOption('--target-usd <usd>', 'target turnover in USD, e.g. 3000000000')
    .requiredOption('--target-year <year>', 'year to reach it')
    .option('--current-usd <usd>', 'turnover to start from (default: the latest in the store or the official totals)')
    .option('--base-year <year>', 'year of the starting turnover (default: its year)')
    .option('--lang <lang>', '[en|ru] language of the output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print as JSON', false)
    .action(
      async (flags: {
        from: string;
        to: string;
        targetUsd: string;
        targetYear: string;
        currentUsd?: string;
        baseYear?: string;
        lang?: string;
        json: boolean;
      }) => {
        const { InvalidOptionError, MissingDataError } = await import('../../errors.ts');
        const { turnover, exportPotential, pairTarget } = await import('../../analysis/index.ts');
        const number = (name: string, text: string) => {
          const value = Number(text);
          if (!(value > 0)) throw new InvalidOptionError(`invalid ${name}: ${text}`);
          return value;
        };
        await withStore(async (store) => {
          const [a, b] = await resolvePair(store, flags);
          const t = await turnover(store, { exporter: a.iso3, importer: b.iso3 });
          const potential = await exportPotential(store, { exporter: a.iso3, importer: b.iso3 });
          const plan = pairTarget(t, potential, {
            targetUsd: number('--target-usd', flags.targetUsd),
            targetYear: number('--target-year', flags.targetYear),
            currentUsd: flags.currentUsd ? number('--current-usd', flags.currentUsd) : undefined,
            baseYear: flags.baseYear ? number('--base-year', flags.baseYear) : undefined,
          });
          if (plan === null)
            throw new MissingDataError(
              `no turnover for ${a.iso3}-${b.iso3} in the store; give --current-usd and --base-year`,
            );
          const lang = parseLang(flags.lang);
          if (flags.json)
            return printJsonResult(
              { ...plan, potentialStatus: potential.status, potentialMissing: potential.missing },
              lang,
            );
          const [{ labels, formatters }, { formatMessage }] = await Promise.all([
            import('../../report/index.ts'),
            import('../../messages/index.ts'),
          ]);
          const L = labels[lang];
          const f = formatters(lang);
          process.stdout.write(
            `${L.targetLine(f.usdM(plan.currentUsd), plan.baseYear, f.usdM(plan.targetUsd), plan.targetYear, f.pct(plan.requiredCagr))} (${formatMessage(plan.basis, lang)})\n`,
          );
          if (plan.coveringGroups.length > 0) process.stdout.write(`${L.targetCover(f.pct(plan.potentialCoverage))}\n`);
          else if (potential.missing) process.stdout.write(`${L.missing}: ${formatMessage(potential.missing, lang)}\n`);
          await printTables(
            (m) => m.turnoverTables({ ...t, rows: [], official: [], mirror: [] }, plan, lang),
            lang,
            Infinity,
          );
        });
      },
    );

  pairCommand(
    program,
    'needs',
    "importer needs: what the importer buys by product, growth, suppliers, HHI, the exporter's share",
    '6',
  ).action(async (flags: PairFlags) => {
    const o = await parsePair(flags);
    const { importerNeeds } = await import('../../analysis/index.ts');
    await withStore(async (store) => {
      const [a, b] = await resolvePair(store, flags);
      const result = await importerNeeds(store, sectionOptions(a, b, o));
      if (flags.json) return printJsonResult(result, o.lang);
      await printMeta('needs', result, o.lang);
      await printTables((m) => m.needsTables(result, o.lang), o.lang, o.limit);
    });
  });

  pairCommand(program, 'supply', 'exporter supply: exports by product, world share, RCA, growth, PCI', '4')
    .option(
      '--all-countries',
      'rank every country, not only the Atlas set (1 M people, 1 bn USD of exports) (default: false)',
    )
    .action(async (flags: PairFlags & { allCountries?: boolean }) => {
      const o = await parsePair(flags);
      const { exporterSupply } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const { resolveCountry } = await import('../../data/index.ts');
        const a = await resolveCountry(store, flags.from);
        const result = await exporterSupply(store, {
          exporter: a.iso3,
          year: o.year,
          level: o.level,
          limit: o.limit,
          allCountries: flags.allCountries ?? false,
        });
        if (flags.json) return printJsonResult(result, o.lang);
        await printMeta('supply', result, o.lang);
        if (result.status !== 'missing') {
          const { labels, formatters } = await import('../../report/index.ts');
          const L = labels[o.lang];
          const f = formatters(o.lang);
          process.stdout.write(
            `${L.supplySummary(result.competitiveProducts, f.pct(result.competitiveShare), f.num(result.eci))} ${result.eciRank !== null ? L.eciRank(result.eciRank, result.rankedCountries, result.leftOutCountries) : ''}\n`,
          );
        }
        await printTables((m) => m.supplyTables(result, o.lang), o.lang, o.limit);
      });
    });

  pairCommand(
    program,
    'potential',
    'export potential (ITC method): potential, actual, untapped by product, with supply share, ease and demand',
    '6',
  ).action(async (flags: PairFlags) => {
    const o = await parsePair(flags);
    const { exportPotential } = await import('../../analysis/index.ts');
    await withStore(async (store) => {
      const [a, b] = await resolvePair(store, flags);
      const result = await exportPotential(store, sectionOptions(a, b, o));
      if (flags.json) return printJsonResult(result, o.lang);
      await printMeta('potential', result, o.lang);
      if (result.totals) {
        const { labels, formatters } = await import('../../report/index.ts');
        const L = labels[o.lang];
        const f = formatters(o.lang);
        const t = result.totals;
        process.stdout.write(
          `${L.potentialSummary(f.usdM(t.potentialUsd), f.usdM(t.actualUsd), f.usdM(t.untappedUsd), f.pct(t.realizedShare), f.num(result.ease))}\n`,
        );
      }
      await printTables((m) => m.potentialTables(result, o.lang), o.lang, o.limit);
    });
  });

  pairCommand(
    program,
    'rivals',
    "rivals: the importer's suppliers of given products, share trend and unit values against the exporter's",
    '6',
  )
    .option(
      '--hs <codes>',
      "comma-separated HS codes at --level, e.g. 843351,870190 (default: the pair's largest flows and the exporter's competitive exports)",
    )
    .action(async (flags: PairFlags & { hs?: string }) => {
      const o = await parsePair(flags);
      const { rivals } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags);
        const products = flags.hs
          ?.split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        // Codes are checked by the core; without --level their length says it.
        const level = o.level ?? (products?.[0]?.length as 2 | 4 | 6 | undefined);
        const result = await rivals(store, {
          exporter: a.iso3,
          importer: b.iso3,
          products,
          year: o.year,
          level: level === 2 ? 4 : level,
        });
        if (flags.json) return printJsonResult(result, o.lang);
        await printMeta('rivals', result, o.lang);
        const { formatMessage, t } = await import('../../messages/index.ts');
        process.stdout.write(`${t(o.lang, 'label.products')}: ${formatMessage(result.productChoice, o.lang)}\n`);
        await printTables((m) => m.rivalsTables(result, o.lang), o.lang, o.limit);
      });
    });

  pairCommand(
    program,
    'joint',
    'joint-production candidates: big demand, exporter know-how (RCA), importer capabilities (density), complexity gain (COG, PCI)',
    '4',
  )
    .option(
      '--all-countries',
      'capabilities of every country, not only the Atlas set (1 M people, 1 bn USD of exports) (default: false)',
    )
    .action(async (flags: PairFlags & { allCountries?: boolean }) => {
      const o = await parsePair(flags);
      const { jointProduction } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags);
        const result = await jointProduction(store, {
          ...sectionOptions(a, b, o),
          allCountries: flags.allCountries ?? false,
        });
        if (flags.json) return printJsonResult(result, o.lang);
        await printMeta('jointProduction', result, o.lang);
        const { labels } = await import('../../report/index.ts');
        process.stdout.write(`${labels[o.lang].weights(result.weights)}\n`);
        await printTables((m) => m.jointTables(result, o.lang), o.lang, o.limit);
      });
    });

  pairCommand(
    program,
    'surplus',
    "surplus placement: the exporter's competitive products in growing import markets held by rivals",
    '6',
  ).action(async (flags: PairFlags) => {
    const o = await parsePair(flags);
    const { surplusPlacement } = await import('../../analysis/index.ts');
    await withStore(async (store) => {
      const [a, b] = await resolvePair(store, flags);
      const result = await surplusPlacement(store, sectionOptions(a, b, o));
      if (flags.json) return printJsonResult(result, o.lang);
      await printMeta('surplus', result, o.lang);
      await printTables((m) => m.surplusTables(result, o.lang), o.lang, o.limit);
    });
  });
}
