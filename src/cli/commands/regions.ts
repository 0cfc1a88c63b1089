/**
 * `karavan regions --country KAZ|BLR` and `karavan regions --match BLR KAZ`: the regional facts for
 * interregional cooperation (analysis/regions.ts), every figure with a numbered source.
 */
import type { Command } from 'commander';
import { parseLang } from '../flags.ts';
import { printJson } from '../output.ts';

interface RegionsFlags {
  country?: string;
  match?: string[];
  lang?: string;
  json: boolean;
}

export function registerRegions(program: Command): void {
  program
    .command('regions')
    .description(
      "regions for interregional cooperation: Kazakhstan's oblasts (grain and wheat area, yield, combines needed and at work) or Belarus's regions (machinery makers), each figure dated and sourced",
    )
    .option('--country <code>', 'KAZ or BLR (default: KAZ)')
    .option('--match <countries...>', "BLR KAZ: Belarus's combine makers beside Kazakhstan's oblasts' combine demand")
    .option('--lang <lang>', '[en|ru] language of the output (default: ru when the locale is Russian, else en)')
    .option('--json', 'print as JSON', false)
    .action(async (flags: RegionsFlags) => {
      const { InvalidOptionError } = await import('../../errors.ts');
      const lang = parseLang(flags.lang);
      const match = flags.match?.map((c) => c.toUpperCase());
      if (match !== undefined && (match.length !== 2 || match[0] !== 'BLR' || match[1] !== 'KAZ'))
        throw new InvalidOptionError(
          `invalid --match: ${flags.match!.join(' ')} (BLR KAZ: the regional facts cover these two countries)`,
          {
            value: flags.match!.join(' '),
          },
        );
      const country = (flags.country ?? 'KAZ').toUpperCase();
      if (match === undefined && country !== 'KAZ' && country !== 'BLR')
        throw new InvalidOptionError(
          `invalid --country: ${flags.country} (KAZ or BLR: the regional facts cover these two countries)`,
          {
            value: flags.country,
          },
        );
      const [
        { belarusRegions, kazakhstanRegions, regionFleetDefaults },
        tables,
        { formatResultTable },
        { formatMessage, localiseMessages, t },
      ] = await Promise.all([
        import('../../analysis/index.ts'),
        import('../../report/region-tables.ts'),
        import('../tables.ts'),
        import('../../messages/index.ts'),
      ]);
      const kaz = match !== undefined || country === 'KAZ' ? kazakhstanRegions() : null;
      const blr = match !== undefined || country === 'BLR' ? belarusRegions() : null;
      // Messages (the coverage notes) as text in the reader's language, with their ids beside them.
      if (flags.json)
        return printJson(localiseMessages({ ...(kaz && { kazakhstan: kaz }), ...(blr && { belarus: blr }) }, lang));
      const sources = new tables.SourceList();
      const out: string[] = [];
      if (kaz) {
        const table = tables.kazakhstanRegionTable(kaz, lang, sources);
        out.push(table[lang], '');
        for (const note of kaz.notes) out.push(formatMessage(note, lang));
        out.push('', formatResultTable(table, lang));
        out.push(
          t(lang, 'regions.fleetNote', {
            preset: regionFleetDefaults.presetId,
            machine: regionFleetDefaults.machineId,
          }),
          '',
        );
      }
      if (blr) {
        // With --match: only the makers of combines and harvesters, the machines the oblasts' demand is counted in.
        const table = tables.belarusRegionTable(blr, lang, sources, match ? /combine|harvester/i : undefined);
        out.push(
          match ? t(lang, 'regions.matchTitle', { year: '2023' }) : table[lang],
          '',
          formatResultTable(table, lang),
        );
      }
      out.push(`${t(lang, 'regions.sources')}:`);
      sources.sources.forEach((s, i) =>
        out.push(`[${i + 1}] ${s.title}${s.publisher ? `, ${s.publisher}` : ''}, ${s.date}: ${s.url}`),
      );
      process.stdout.write(out.join('\n') + '\n');
    });
}
