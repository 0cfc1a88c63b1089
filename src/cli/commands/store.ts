/** `karavan store check`: reads every file the store lists and compares rows and sums with its manifest. */
import type { Command } from 'commander';
import { formatTable, printJson, terminalSafe } from '../output.ts';

export function registerStore(program: Command): void {
  const store = program.command('store').description('look after the store: check every file it lists');
  store
    .command('check')
    .description(
      'read every file the manifest lists and compare rows and value sums with it; KRV_STORE_CORRUPT (exit 1) when something is damaged; nothing is changed',
    )
    .option('--json', 'print the result as JSON', false)
    .action(async (flags: { json: boolean }) => {
      const { checkStore } = await import('../../data/index.ts');
      const result = await checkStore();
      if (flags.json) printJson(result);
      else {
        process.stdout.write(
          formatTable(
            ['dataset', 'file', 'files', 'rows', 'status'],
            result.datasets.map((d) => [d.id, d.fileName, d.files, d.rowsListed, d.ok ? 'ok' : 'DAMAGED']),
          ),
        );
        for (const d of result.datasets.filter((x) => !x.ok)) {
          for (const p of d.problems)
            process.stdout.write(`  ${d.id}: ${terminalSafe(p.file)}: ${terminalSafe(p.problem)}\n`);
          process.stdout.write(
            `  fix: karavan datasets remove ${d.id}${d.embedded ? ' (embedded: rebuilt at the next start)' : `, then karavan ingest ${terminalSafe(d.fileName)} again`}\n`,
          );
        }
        for (const p of result.reference.problems)
          process.stdout.write(
            `  reference tables: ${p.file}: ${p.problem}; fix: delete that folder, it is rebuilt at the next start\n`,
          );
        process.stdout.write(
          result.ok
            ? `store ${result.storeVersion}: every file of ${result.datasets.length} dataset(s) read, rows and sums as the manifest says\n`
            : 'store: damaged; see above\n',
        );
      }
      if (!result.ok) {
        const { StoreCorruptError } = await import('../../errors.ts');
        const damaged = result.datasets.filter((d) => !d.ok).map((d) => d.id);
        throw new StoreCorruptError(
          `the store has damaged files${damaged.length > 0 ? ` in dataset(s) ${damaged.join(', ')}` : ' in its reference tables'}`,
          { hint: damaged.length > 0 ? `karavan datasets remove ${damaged[0]} (see above)` : 'see above' },
        );
      }
    });
}
