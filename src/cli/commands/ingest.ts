import type { Command } from 'commander';
import { formatTable, printJson, terminalSafe } from '../output.ts';
import { withStore } from '../store.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'import a trade file into the store: a CEPII BACI release (zip or CSV), a UN Comtrade CSV download, a WITS trade download, or an exporter x product table',
    )
    .argument('<path>', 'the file: .csv, .csv.gz or .zip as downloaded')
    .option(
      '--format <format>',
      '[baci|comtrade|wits|exports] layout of the file (default: recognised from the header)',
    )
    .option(
      '--map <col=field>',
      'for exporter tables: which column holds year, exporter, product, valueUsd (repeatable)',
      collect,
      [],
    )
    .option(
      '--hs-revision <rev>',
      'HS revision of the codes when the file does not say it, e.g. HS07 (default: from the file name or Comtrade classification)',
    )
    .option('--source <name>', 'name of the source partition (default: baci, comtrade, wits or user)')
    .option('--licence <text>', 'licence note stored with the dataset')
    .option('--json', 'print the result as JSON', false)
    .action(
      async (
        path: string,
        flags: {
          format?: string;
          map: string[];
          hsRevision?: string;
          source?: string;
          licence?: string;
          json: boolean;
        },
      ) => {
        const { parseColumnMap } = await import('../../data/index.ts');
        const { InvalidOptionError } = await import('../../errors.ts');
        if (flags.format !== undefined && !['baci', 'comtrade', 'wits', 'exports'].includes(flags.format)) {
          throw new InvalidOptionError(`invalid --format: ${flags.format} (baci, comtrade, wits or exports)`);
        }
        const map = flags.map.length > 0 ? parseColumnMap(flags.map) : undefined;
        const result = await withStore((store) =>
          store.ingest(path, {
            format: flags.format as 'baci' | 'comtrade' | 'wits' | 'exports' | undefined,
            map,
            hsRevision: flags.hsRevision,
            source: flags.source,
            licence: flags.licence,
          }),
        );
        if (flags.json) return printJson(result);
        const d = result.dataset;
        if (result.status === 'unchanged') {
          process.stdout.write(`${result.notes.map(terminalSafe).join('\n')}\n`);
          return;
        }
        process.stdout.write(
          `imported ${terminalSafe(d.fileName)} as dataset ${d.id} (${d.format}, ${d.kind}) in ${(result.elapsedMs / 1000).toFixed(1)} s\n` +
            formatTable(
              ['rows', 'years', 'exporters', 'importers', 'value, USD', 'HS'],
              [
                [
                  d.rows,
                  d.years.join(', '),
                  d.exporters,
                  d.kind === 'flows' ? d.importers : '-',
                  Math.round(d.valueUsdTotal),
                  d.hsRevision ?? 'unknown',
                ],
              ],
            ) +
            result.notes.map((n) => `note: ${terminalSafe(n)}\n`).join(''),
        );
      },
    );
}
