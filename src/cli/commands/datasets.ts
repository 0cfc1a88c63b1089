/** `karavan datasets` lists the store's datasets; `karavan datasets remove <id>` drops one, atomically. */
import type { Command } from 'commander';
import { formatTable, printJson, terminalSafe } from '../output.ts';
import { withStore } from '../store.ts';

export function registerDatasets(program: Command): void {
  const datasets = program
    .command('datasets')
    .description('list the datasets in the store (file, sha256, format, rows, years, licence); remove one')
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
  datasets
    .command('remove <id>')
    .description(
      'remove one dataset from the store, atomically (its files are deleted after the commit); works on a damaged store',
    )
    .option('--json', 'print the result as JSON', false)
    .action(async (id: string, flags: { json: boolean }) => {
      const { removeDataset } = await import('../../data/index.ts');
      const result = removeDataset(id);
      if (flags.json) return printJson(result);
      const d = result.dataset;
      process.stdout.write(
        `removed dataset ${d.id} (${terminalSafe(d.fileName)}, ${d.rows} rows, ${d.years.join(', ')}); ${result.filesRemoved} file(s) deleted` +
          (result.restored.length > 0
            ? `; years it had superseded are visible again in ${result.restored.join(', ')}`
            : '') +
          (d.embedded ? '; it is embedded default data and is rebuilt at the next start' : '') +
          '\n',
      );
    });
}
