import type { Command } from 'commander';
import { levelHelp, parseLang, parseLevel } from '../flags.ts';
import { formatTable, printJson } from '../output.ts';
import { withStore } from '../store.ts';

export function registerProducts(program: Command): void {
  program
    .command('products')
    .description('search HS products by words (English or Russian) or code; HS2, HS4 and HS6')
    .option('--search <text>', 'words or the start of a code, e.g. "комбайн", "tractor", 8433')
    .option('--level <level>', levelHelp([2, 4, 6], 'only this HS level', 'all'))
    .option(
      '--lang <lang>',
      '[en|ru] language of the names (default: ru for a Russian locale or a search in Cyrillic, else en)',
    )
    .option('--limit <n>', 'at most this many rows (default: 50)', '50')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { search?: string; level?: string; lang?: string; limit: string; json: boolean }) => {
      const { searchProducts } = await import('../../data/index.ts');
      const { InvalidOptionError } = await import('../../errors.ts');
      const level = parseLevel(flags.level, [2, 4, 6] as const);
      const lang = parseLang(flags.lang, flags.search);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10000)
        throw new InvalidOptionError(`invalid --limit: ${flags.limit} (1 to 10000)`);
      const products = await withStore((store) =>
        searchProducts(store, {
          search: flags.search,
          level,
          lang,
          limit,
        }),
      );
      if (flags.json) return printJson(products);
      const { t } = await import('../../messages/index.ts');
      if (products.length === 0) {
        process.stdout.write(`${t(lang, 'products.none', { search: flags.search ?? '' })}\n`);
        return;
      }
      process.stdout.write(
        formatTable(
          [t(lang, 'products.code'), t(lang, 'products.level'), t(lang, 'products.section'), t(lang, 'products.name')],
          products.map((p) => [
            p.code,
            p.level,
            p.section ?? '',
            p.name.length > 110 ? p.name.slice(0, 107) + '...' : p.name,
          ]),
        ),
      );
    });
}
