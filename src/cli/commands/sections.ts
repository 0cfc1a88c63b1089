/**
 * One command per report section, each calling the same analysis function as `karavan report`
 * and the HTTP API: turnover, target, needs, supply, potential, rivals, joint, surplus.
 * Text output is an aligned table of the section's rows; --json prints the whole result.
 */
import type { Command } from 'commander';
import type { CountryRecord, TradeStore } from '../../data/index.ts';
import { levelHelp, parseLang, parseLevel } from '../flags.ts';
import { formatTable, printJson } from '../output.ts';
import { withStore } from '../store.ts';

interface PairFlags {
  from: string;
  to: string;
  year?: string;
  level?: string;
  limit: string;
  lang?: string;
  json: boolean;
}

const usdM = (usd: number | null | undefined) =>
  usd === null || usd === undefined || !Number.isFinite(usd) ? null : Math.round(usd / 1e4) / 100;
/** Percent with one decimal; under 0.1 % two significant digits (0.017), as the report prints shares. */
const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? null
    : x !== 0 && Math.abs(x) < 0.001
      ? Number((x * 100).toPrecision(2))
      : Math.round(x * 1000) / 10;
const num = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 100) / 100;
const short = (text: string) => (text.length > 60 ? text.slice(0, 59) + '…' : text);

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
    .option('--lang <lang>', '[en|ru] language of product names (default: ru when the locale is Russian, else en)')
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

function printMeta(result: { status: string; basis: string; missing: string | null }) {
  process.stdout.write(`status: ${result.status} — ${result.basis}\n`);
  if (result.missing) process.stdout.write(`missing: ${result.missing}\n`);
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
      if (flags.json) return printJson(result);
      process.stdout.write(`status: ${result.status}\n`);
      if (result.rows.length > 0) {
        process.stdout.write(
          formatTable(
            [
              'year',
              'source',
              `${a.iso3}->${b.iso3} USD m`,
              `${b.iso3}->${a.iso3} USD m`,
              'turnover USD m',
              'growth %',
            ],
            result.rows.map((r) => [
              r.year,
              r.reporter ? `${r.source}/${r.reporter}` : r.source,
              usdM(r.exportsUsd),
              usdM(r.importsUsd),
              usdM(r.turnoverUsd),
              pct(r.growth),
            ]),
          ),
        );
      }
      if (result.official.length > 0) {
        process.stdout.write('officially stated totals (not statistics):\n');
        process.stdout.write(
          formatTable(
            ['year', 'period', 'measure', 'whose', 'USD m', 'source'],
            result.official.map((o) => [o.year, o.period, o.measure, o.reporterSide, usdM(o.valueUsd), o.sourceUrl]),
          ),
        );
      }
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
      const { tradeBasket, basketTree } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags);
        const result = await tradeBasket(store, {
          ...sectionOptions(a, b, o),
          direction: flags.direction as 'both' | 'exports' | 'imports',
        });
        if (flags.json) return printJson(result);
        printMeta(result);
        for (const direction of ['exports', 'imports'] as const) {
          if (result.direction !== 'both' && result.direction !== direction) continue;
          const [seller, buyer] = direction === 'exports' ? [a.iso3, b.iso3] : [b.iso3, a.iso3];
          const totalUsd = direction === 'exports' ? result.totals.exportsUsd : result.totals.importsUsd;
          const products = direction === 'exports' ? result.totals.exportProducts : result.totals.importProducts;
          process.stdout.write(
            `${seller}->${buyer} ${result.year}: ${totalUsd === null ? 'not in the store' : `${Math.round(totalUsd)} USD, ${products} products`}${result.rows.filter((r) => r.direction === direction).length < (products ?? 0) ? ` (the largest ${o.limit} shown)` : ''}\n`,
          );
          const lines = basketTree(result, direction);
          if (lines.length === 0) continue;
          process.stdout.write(
            formatTable(
              ['HS', 'product', 'USD', `share of ${buyer} imports %`, 'growth %/yr', 'products'],
              lines.map((l) => [
                `${'  '.repeat(l.depth)}${l.code}`,
                short(o.lang === 'ru' ? l.nameRu : l.nameEn),
                Math.round(l.valueUsd),
                pct(l.row?.shareOfBuyerImports),
                pct(l.row?.growth),
                l.products,
              ]),
            ),
          );
        }
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
    .option('--json', 'print as JSON', false)
    .action(
      async (flags: {
        from: string;
        to: string;
        targetUsd: string;
        targetYear: string;
        currentUsd?: string;
        baseYear?: string;
        json: boolean;
      }) => {
        const { InvalidOptionError, MissingDataError } = await import('../../errors.ts');
        const { turnover, exportPotential, targetPlanner } = await import('../../analysis/index.ts');
        const number = (name: string, text: string) => {
          const value = Number(text);
          if (!(value > 0)) throw new InvalidOptionError(`invalid ${name}: ${text}`);
          return value;
        };
        await withStore(async (store) => {
          const [a, b] = await resolvePair(store, flags);
          const t = await turnover(store, { exporter: a.iso3, importer: b.iso3 });
          const currentUsd = flags.currentUsd ? number('--current-usd', flags.currentUsd) : t.latest?.turnoverUsd;
          const baseYear = flags.baseYear ? number('--base-year', flags.baseYear) : t.latest?.year;
          if (currentUsd === undefined || baseYear === undefined) {
            throw new MissingDataError(
              `no turnover for ${a.iso3}-${b.iso3} in the store; give --current-usd and --base-year`,
            );
          }
          const potential = await exportPotential(store, { exporter: a.iso3, importer: b.iso3 });
          const plan = targetPlanner({
            currentUsd,
            baseYear,
            targetUsd: number('--target-usd', flags.targetUsd),
            targetYear: number('--target-year', flags.targetYear),
            groups:
              potential.bySection.length > 0
                ? potential.bySection.map((s) => ({
                    key: s.section,
                    name: `HS section ${s.section}`,
                    untappedUsd: s.untappedUsd,
                  }))
                : undefined,
          });
          if (flags.json)
            return printJson({
              ...plan,
              basis: flags.currentUsd ? 'given' : t.latest?.basis,
              potentialStatus: potential.status,
              potentialMissing: potential.missing,
            });
          process.stdout.write(
            `from ${usdM(plan.currentUsd)} USD m (${plan.baseYear}) to ${usdM(plan.targetUsd)} USD m (${plan.targetYear}): ${pct(plan.requiredCagr)} % a year\n` +
              (flags.currentUsd ? '' : `starting point: ${t.latest?.basis}\n`) +
              formatTable(
                ['year', 'USD m'],
                plan.path.map((p) => [p.year, usdM(p.valueUsd)]),
              ),
          );
          if (plan.coveringGroups.length > 0) {
            process.stdout.write(
              `untapped potential covers ${pct(plan.potentialCoverage)} % of the gap; largest groups:\n`,
            );
            process.stdout.write(
              formatTable(
                ['HS section', 'untapped USD m', 'cumulative USD m'],
                plan.coveringGroups.map((g) => [g.key, usdM(g.untappedUsd), usdM(g.cumulativeUsd)]),
              ),
            );
          } else
            process.stdout.write(
              `which product groups could cover it: ${potential.missing ?? 'no untapped potential found'}\n`,
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
      if (flags.json) return printJson(result);
      printMeta(result);
      const name = (r: { nameEn: string; nameRu: string }) => short(o.lang === 'ru' ? r.nameRu : r.nameEn);
      if (result.rows.length > 0) {
        process.stdout.write(
          formatTable(
            ['HS', 'product', 'imports USD m', 'growth %/yr', 'top suppliers', 'HHI', `${a.iso3} share %`],
            result.rows.map((r) => [
              r.product,
              name(r),
              usdM(r.importsUsd),
              pct(r.growth),
              r.topSuppliers.map((s) => `${s.iso3} ${pct(s.share)}%`).join(' '),
              num(r.hhi),
              pct(r.exporterShare),
            ]),
          ),
        );
      } else if (result.worldDemand) {
        process.stdout.write(
          `world trade by product (${result.worldDemand.source} ${result.worldDemand.year}), a stand-in:\n`,
        );
        process.stdout.write(
          formatTable(
            ['HS', 'product', 'world trade USD m', `${a.iso3} world share %`],
            result.worldDemand.rows.map((r) => [r.product, name(r), usdM(r.worldTradeUsd), pct(r.exporterWorldShare)]),
          ),
        );
      }
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
        if (flags.json) return printJson(result);
        printMeta(result);
        if (result.status !== 'missing')
          process.stdout.write(
            `ECI ${num(result.eci)}${result.eciRank !== null ? `, rank ${result.eciRank} of ${result.rankedCountries}` : ` (not ranked${result.notRankedReason ? `: below the Atlas thresholds (${result.notRankedReason})` : ''})`}` +
              `${result.leftOutCountries > 0 ? `; ${result.leftOutCountries} countries left out by the Atlas filter (1 M people, 1 bn USD of exports; --all-countries ranks them)` : ''}\n`,
          );
        process.stdout.write(
          formatTable(
            ['HS', 'product', 'exports USD m', 'world share %', 'RCA', 'growth %/yr', 'PCI'],
            result.rows.map((r) => [
              r.product,
              short(o.lang === 'ru' ? r.nameRu : r.nameEn),
              usdM(r.exportsUsd),
              pct(r.worldShare),
              num(r.rca),
              pct(r.growth),
              num(r.pci),
            ]),
          ),
        );
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
      if (flags.json) return printJson(result);
      printMeta(result);
      if (result.totals) {
        process.stdout.write(
          `ease B = ${num(result.ease)}; potential ${usdM(result.totals.potentialUsd)} USD m, actual ${usdM(result.totals.actualUsd)}, untapped ${usdM(result.totals.untappedUsd)}, realized ${pct(result.totals.realizedShare)} %\n`,
        );
        process.stdout.write(
          formatTable(
            ['HS', 'product', 'supply share %', 'demand USD m', 'potential USD m', 'actual USD m', 'untapped USD m'],
            result.rows.map((r) => [
              r.product,
              short(o.lang === 'ru' ? r.nameRu : r.nameEn),
              pct(r.supplyShare),
              usdM(r.demandUsd),
              usdM(r.potentialUsd),
              usdM(r.actualUsd),
              usdM(r.untappedUsd),
            ]),
          ),
        );
      }
    });
  });

  pairCommand(
    program,
    'rivals',
    "rivals: the importer's suppliers of given products, share trend and unit values against the exporter's",
    '6',
  )
    .requiredOption('--hs <codes>', 'comma-separated HS codes at --level, e.g. 843351,870190')
    .action(async (flags: PairFlags & { hs: string }) => {
      const o = await parsePair(flags);
      const { checkProductCode } = await import('../../data/index.ts');
      const { rivals } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const [a, b] = await resolvePair(store, flags);
        const products = flags.hs
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        for (const code of products) await checkProductCode(store, code);
        const level = o.level ?? (products[0]!.length as 2 | 4 | 6);
        const result = await rivals(store, {
          exporter: a.iso3,
          importer: b.iso3,
          products,
          year: o.year,
          level: level === 2 ? 4 : level,
        });
        if (flags.json) return printJson(result);
        printMeta(result);
        for (const p of result.products) {
          process.stdout.write(
            `\n${p.product} ${short(o.lang === 'ru' ? p.nameRu : p.nameEn)}: imports ${usdM(p.importsUsd)} USD m; ${a.iso3} ${p.exporterUnitValueUsdPerTonne ? Math.round(p.exporterUnitValueUsdPerTonne) : 'n/a'} USD/t (${p.exporterUnitValueBasis ?? '-'}), rivals ${p.rivalsUnitValueUsdPerTonne ? Math.round(p.rivalsUnitValueUsdPerTonne) : 'n/a'} USD/t, price advantage ${pct(p.priceAdvantage) ?? 'n/a'} %\n`,
          );
          const rows = [...(p.exporter ? [p.exporter] : []), ...p.suppliers];
          process.stdout.write(
            formatTable(
              ['supplier', 'USD m', 'share %', 'change pp', 'USD/t', 'flags'],
              rows.map((r) => [
                r.supplier,
                usdM(r.valueUsd),
                pct(r.share),
                pct(r.shareChange),
                r.unitValueUsdPerTonne ? Math.round(r.unitValueUsdPerTonne) : null,
                r.flags.join(','),
              ]),
            ),
          );
        }
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
        if (flags.json) return printJson(result);
        printMeta(result);
        process.stdout.write(
          `score = ${result.weights.demand} z(log demand) + ${result.weights.density} z(density) + ${result.weights.cog} z(COG) + ${result.weights.pci} z(PCI); ${result.candidates} candidates\n`,
        );
        process.stdout.write(
          formatTable(
            ['HS', 'product', 'score', 'demand USD m', `RCA ${a.iso3}`, `density ${b.iso3}`, 'COG', 'PCI'],
            result.rows.map((r) => [
              r.product,
              short(o.lang === 'ru' ? r.nameRu : r.nameEn),
              num(r.score),
              usdM(r.demandUsd),
              num(r.exporterRca),
              num(r.importerDensity),
              num(r.cog),
              num(r.pci),
            ]),
          ),
        );
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
      if (flags.json) return printJson(result);
      printMeta(result);
      process.stdout.write(
        formatTable(
          [
            'HS',
            'product',
            `RCA ${a.iso3}`,
            'imports USD m',
            'growth %/yr',
            `${a.iso3} share %`,
            'rivals USD m',
            'leader',
          ],
          result.rows.map((r) => [
            r.product,
            short(o.lang === 'ru' ? r.nameRu : r.nameEn),
            num(r.exporterRca),
            usdM(r.importsUsd),
            pct(r.growth),
            pct(r.exporterShare),
            usdM(r.rivalsUsd),
            r.leadingRival?.iso3 ?? '',
          ]),
        ),
      );
    });
  });
}
