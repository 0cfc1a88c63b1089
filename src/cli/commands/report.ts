import type { Command } from 'commander';
import { printJson } from '../output.ts';
import { withStore } from '../store.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('the pair report: what the importer needs, what the exporter supplies, and what data each section rests on')
    .option('--from <country>', 'exporter: ISO3, ISO2, numeric code or name (default: BLR)', 'BLR')
    .option('--to <country>', 'importer (default: KAZ)', 'KAZ')
    .option('--json', 'print as JSON', false)
    .action(async (flags: { from: string; to: string; json: boolean }) => {
      const { resolveCountry } = await import('../../data/index.ts');
      const { dataCoverage } = await import('../../analysis/index.ts');
      await withStore(async (store) => {
        const exporter = await resolveCountry(store, flags.from);
        const importer = await resolveCountry(store, flags.to);
        const coverage = await dataCoverage(store, exporter.iso3, importer.iso3);
        if (flags.json) return printJson({ exporter, importer, sections: coverage.sections, datasets: store.datasets() });
        const lines = [
          `# ${exporter.nameEn} -> ${importer.nameEn} (${exporter.iso3} -> ${importer.iso3})`,
          '',
          'The report sections are not built yet in this version: below is what the store holds for this pair,',
          'section by section, and what to ingest where it lacks data.',
          '',
          ...coverage.sections.flatMap((s) => [`- ${s.section}: ${s.status} — ${s.basis}`, ...(s.missing ? [`    missing: ${s.missing}`] : [])]),
          '',
          'Datasets in the store:',
          ...store.datasets().map((d) => `- ${d.fileName} (${d.format}, ${d.years.join(', ')}, ${d.rows} rows; ${d.licence})`),
        ];
        process.stdout.write(lines.join('\n') + '\n');
      });
    });
}
