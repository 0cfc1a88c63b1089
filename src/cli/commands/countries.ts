import type { Command } from 'commander';
import { formatTable, printJson } from '../output.ts';
import { withStore } from '../store.ts';

export function registerCountries(program: Command): void {
  program
    .command('countries')
    .description('list countries with their codes and names in English and Russian')
    .option('--search <text>', 'part of a name (EN or RU) or a code (ISO3, ISO2, numeric)')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { search?: string; json: boolean }) => {
      const { listCountries } = await import('../../data/index.ts');
      const countries = await withStore((store) => listCountries(store, flags.search));
      if (flags.json) return printJson(countries);
      process.stdout.write(
        formatTable(
          ['ISO3', 'ISO2', 'numeric', 'kind', 'English', 'Русский'],
          countries.map((c) => [c.iso3, c.iso2 ?? '', c.numeric ?? '', c.kind, c.nameEn, c.nameRu]),
        ),
      );
    });
}
