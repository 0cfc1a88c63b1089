import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { withStore } from '../store.ts';
import { defaultLang, levelHelp, parseLevel } from '../flags.ts';

export interface ReportFlags {
  from: string;
  to: string;
  year?: string;
  level: string;
  lang?: string;
  format: string;
  out?: string;
  limit: string;
  targetUsd?: string;
  targetYear?: string;
  allCountries?: boolean;
  hs?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'the pair report: turnover, importer needs, exporter supply, export potential, rivals, joint production, surplus placement, data coverage',
    )
    .option(
      '--from <country>',
      'exporter: ISO3, ISO2, numeric code, name in English or Russian, or a group (EAEU, CIS, CASIA, EU27, a World Bank region) (default: BLR)',
      'BLR',
    )
    .option('--to <country>', 'importer: a country or a group, as --from (default: KAZ)', 'KAZ')
    .option('--year <year>', 'year of the flow-based sections (default: the newest in the store)')
    .option('--level <level>', levelHelp([4, 6], 'HS level of the flow-based sections', 'hs6'))
    .option('--lang <lang>', '[ru|en] language (default: ru when the locale is Russian, else en)')
    .option('--format <format>', '[md|json|html|xlsx] output format (default: md)', 'md')
    .option('--out <file>', 'write to this file instead of stdout (required for xlsx)')
    .option('--limit <n>', 'rows per table (default: 25)', '25')
    .option('--target-usd <usd>', 'target turnover for the planner, USD (default: double the latest)')
    .option('--target-year <year>', 'year to reach the target (default: latest year + 5)')
    .option(
      '--hs <codes>',
      "comma-separated HS codes for the rivals section (default: the pair's largest flows and the exporter's competitive exports)",
    )
    .option(
      '--all-countries',
      'complexity (ECI, product space, joint production) over every country, not only the Atlas set (default: false)',
    )
    .action(async (flags: ReportFlags) => {
      const { InvalidOptionError, MissingOptionError } = await import('../../errors.ts');
      const { buildReport } = await import('../../analysis/index.ts');
      const lang = flags.lang ?? defaultLang();
      if (lang !== 'ru' && lang !== 'en') throw new InvalidOptionError(`invalid --lang: ${lang} (ru or en)`);
      if (!['md', 'json', 'html', 'xlsx'].includes(flags.format))
        throw new InvalidOptionError(`invalid --format: ${flags.format} (md, json, html or xlsx)`);
      if (flags.format === 'xlsx' && !flags.out) throw new MissingOptionError('--format xlsx needs --out FILE.xlsx');
      const number = (name: string, text: string | undefined) => {
        if (text === undefined) return undefined;
        const value = Number(text);
        if (!Number.isFinite(value)) throw new InvalidOptionError(`invalid ${name}: ${text}`);
        return value;
      };
      const targetUsd = number('--target-usd', flags.targetUsd);
      const targetYear = number('--target-year', flags.targetYear);
      if ((targetUsd === undefined) !== (targetYear === undefined))
        throw new MissingOptionError('--target-usd and --target-year go together');
      // Left out when not given: the report then knows supply and joint production keep their own level (HS4).
      const level = parseLevel(flags.level, [4, 6] as const);
      await withStore(async (store) => {
        const report = await buildReport(store, {
          from: flags.from,
          to: flags.to,
          year: number('--year', flags.year),
          ...(level !== undefined && { level }),
          limit: number('--limit', flags.limit),
          target:
            targetUsd !== undefined && targetYear !== undefined ? { valueUsd: targetUsd, year: targetYear } : undefined,
          allCountries: flags.allCountries ?? false,
          products: flags.hs
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        });
        const { renderReport } = await import('../../report/index.ts');
        const output = await renderReport(report, flags.format as 'md' | 'json' | 'html' | 'xlsx', lang);
        if (flags.out) {
          writeFileSync(flags.out, output);
          const { t } = await import('../../messages/index.ts');
          process.stderr.write(`${t(lang, 'cli.wrote', { file: flags.out })}\n`);
        } else process.stdout.write(typeof output === 'string' ? output + '\n' : output);
      });
    });
}
