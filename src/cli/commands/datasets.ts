import type { Command } from 'commander';
import { formatTable, printJson } from '../output.ts';
import { withStore } from '../store.ts';

export function registerDatasets(program: Command): void {
  program
    .command('datasets')
    .description('list the datasets in the store (file, sha256, format, rows, years, licence)')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { json: boolean }) => {
      const datasets = await withStore(async (store) => store.datasets());
      if (flags.json) return printJson(datasets);
      process.stdout.write(
        formatTable(
          ['id', 'file', 'format', 'rows', 'years', 'HS', 'imported', 'licence'],
          datasets.map((d) => [
            d.id,
            d.fileName,
            d.format,
            d.rows,
            d.years.join(','),
            d.hsRevision ?? '',
            d.importedAt.slice(0, 19),
            d.licence,
          ]),
        ),
      );
    });
}
