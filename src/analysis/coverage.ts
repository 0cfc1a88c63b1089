/**
 * Data coverage of a pair: for every report section, whether the store holds what it needs,
 * from which dataset and year, and if not, exactly which file to ingest and how. This is what
 * keeps Karavan from printing zeros dressed as results.
 */
import { isMemberIn, pairCoverage, worldFlowMinExporters, type PairCoverage, type TradeStore } from '../data/index.ts';

export type SectionId =
  'turnover' | 'basket' | 'needs' | 'supply' | 'potential' | 'rivals' | 'jointProduction' | 'surplus' | 'complexity';
export type SectionStatus = 'computed' | 'partial' | 'missing';

export interface SectionCoverage {
  section: SectionId;
  status: SectionStatus;
  /** What the section is computed from (dataset source and years), in plain words. */
  basis: string;
  /** What is missing, and the file and command that would fill the gap. */
  missing: string | null;
}

export interface DataCoverage {
  exporter: string;
  importer: string;
  pair: PairCoverage;
  sections: SectionCoverage[];
  /** The most recent year with world-wide bilateral flows (null: none). */
  worldFlowYear: number | null;
  /** The most recent year of world export tables (null: none). */
  worldExportYear: number | null;
}

/** How many exporters a year of flows needs before it counts as world coverage (BACI has ~220). */
export const worldCoverageMinExporters = worldFlowMinExporters;

export function howToGetBaci(): string {
  return (
    'download a CEPII BACI release (www.cepii.fr -> Databases -> BACI, e.g. BACI_HS17_V202401.zip: ' +
    'all countries, HS6, 2017-2022, values in USD) and run: karavan ingest BACI_HS17_V202401.zip'
  );
}

/**
 * The Comtrade download that fills a gap. For a group (with the pair's coverage at hand) the
 * reporters are its members: Comtrade has no group reporters.
 */
export function howToGetComtrade(reporterIso3: string, flow: 'imports' | 'exports', pair?: PairCoverage): string {
  const group = pair?.groups.find((g) => g.group === reporterIso3);
  const reporter = group
    ? `each member of ${group.group} (${group.members.map((m) => m.iso3).join(', ')})`
    : reporterIso3;
  return (
    `or download from UN Comtrade (comtradeplus.un.org -> Get data): reporter ${reporter}, ${flow}, all partners, ` +
    `HS6 (AG6), annual, the last 5 years, as CSV, and run: karavan ingest TradeData.csv`
  );
}

/**
 * For a group on either side: which of its members had flows in `years` and which had none, e.g.
 * "EAEU: ARM, BLR, KAZ, KGZ, RUS with data". Empty for a pair of countries.
 */
export function groupMembersText(pair: PairCoverage, years: number[]): string {
  return pair.groups
    .map((g) => {
      const members = g.members.filter((m) => years.some((y) => isMemberIn(m, y)));
      const withData = members.filter((m) => m.dataYears.some((y) => years.includes(y))).map((m) => m.iso3);
      const without = members.filter((m) => !withData.includes(m.iso3)).map((m) => m.iso3);
      const inYears = yearsText(years);
      if (members.length === 0) return `${g.group}: no members in ${inYears}`;
      return `${g.group}: ${withData.length > 0 ? `${withData.join(', ')} with data` : 'no member with data'}${without.length > 0 ? `, no data for ${without.join(', ')}` : ''} (${inYears})`;
    })
    .join('; ');
}

const yearsText = (years: number[]) =>
  years.length === 0 ? 'no year' : years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;

export async function dataCoverage(store: TradeStore, exporter: string, importer: string): Promise<DataCoverage> {
  const pair = await pairCoverage(store, exporter, importer);
  const worldFlowYears = pair.worldFlowYears.filter((y) => y.exporters >= worldCoverageMinExporters).map((y) => y.year);
  const worldExportYears = pair.worldExportYears
    .filter((y) => y.exporters >= worldCoverageMinExporters)
    .map((y) => y.year);
  const worldFlowYear = worldFlowYears.at(-1) ?? null;
  const worldExportYear = worldExportYears.at(-1) ?? null;
  const importerFlowYears = pair.importerImports.map((y) => y.year);
  const baci = howToGetBaci();
  const sections: SectionCoverage[] = [];

  // 1. Turnover: bilateral flows either way, else the officially stated totals.
  const bilateralYears = [...new Set([...pair.bilateral, ...pair.reverse].map((y) => y.year))].sort();
  if (bilateralYears.length > 0) {
    sections.push({
      section: 'turnover',
      status: 'computed',
      basis: [
        `bilateral flows ${exporter}<->${importer}, ${yearsText(bilateralYears)}`,
        groupMembersText(pair, bilateralYears),
      ]
        .filter((s) => s !== '')
        .join('; '),
      missing: null,
    });
  } else if (pair.officialTotals.length > 0) {
    sections.push({
      section: 'turnover',
      status: 'partial',
      basis: `officially stated totals (${pair.officialTotals.length} figures, ${yearsText([...new Set(pair.officialTotals.map((t) => t.year))])}), not product-level statistics`,
      missing: `no product-level ${exporter}<->${importer} flows: ${baci}; ${howToGetComtrade(importer, 'imports', pair)}`,
    });
  } else {
    sections.push({
      section: 'turnover',
      status: 'missing',
      basis: 'nothing',
      missing: `no ${exporter}<->${importer} flows: ${baci}`,
    });
  }

  // 2. Importer needs and 5. rivals: the importer's imports from (nearly) all suppliers.
  const needsBasis = worldFlowYear !== null && importerFlowYears.includes(worldFlowYear);
  // The importer's own report of its imports from the World (WITS, Comtrade partner WLD) gives its
  // needs by product, but names no supplier: enough for needs, not for rivals.
  const worldTotalYears = pair.importerWorldTotals.map((y) => y.year);
  for (const section of ['needs', 'rivals'] as const) {
    if (needsBasis) {
      sections.push({
        section,
        status: 'computed',
        basis: [
          `world bilateral flows into ${importer}, ${yearsText(importerFlowYears.filter((y) => worldFlowYears.includes(y)))}`,
          groupMembersText(
            pair,
            importerFlowYears.filter((y) => worldFlowYears.includes(y)),
          ),
        ]
          .filter((s) => s !== '')
          .join('; '),
        missing: null,
      });
    } else if (section === 'needs' && worldTotalYears.length > 0) {
      sections.push({
        section,
        status: 'computed',
        basis: `${importer}'s imports from the World as it reports them (${[...new Set(pair.importerWorldTotals.flatMap((y) => y.sources))].join(', ')}), ${yearsText(worldTotalYears)}; no supplier named`,
        missing: null,
      });
    } else if (importerFlowYears.length > 0) {
      const suppliers = new Set(
        pair.worldFlowYears.filter((y) => importerFlowYears.includes(y.year)).map((y) => y.exporters),
      );
      sections.push({
        section,
        status: 'missing',
        basis: `only flows into ${importer} from the ${[...suppliers].join('/')} exporter(s) the store covers, ${yearsText(importerFlowYears)}: not ${importer}'s total imports, so not used`,
        missing: `${importer}'s imports from all suppliers: ${baci}; ${howToGetComtrade(importer, 'imports', pair)}`,
      });
    } else {
      sections.push({
        section,
        status: 'missing',
        basis: 'nothing',
        missing: `${importer}'s imports by product and supplier: ${baci}; ${howToGetComtrade(importer, 'imports', pair)}`,
      });
    }
  }

  // 3. Exporter supply: world exports by product (export tables or flows).
  const supplyYears = [...new Set([...pair.exporterExports, ...pair.exporterFlows].map((y) => y.year))].sort();
  sections.push(
    supplyYears.length > 0
      ? {
          section: 'supply',
          status: worldExportYear !== null || worldFlowYear !== null ? 'computed' : 'partial',
          basis: `${exporter}'s exports by product, ${yearsText(supplyYears)} (${[...new Set([...pair.exporterExports, ...pair.exporterFlows].flatMap((y) => y.sources))].join(', ')})`,
          missing:
            pair.exporterExports.length + pair.exporterFlows.length > 1 ? null : `growth needs several years: ${baci}`,
        }
      : {
          section: 'supply',
          status: 'missing',
          basis: 'nothing',
          missing: `${exporter}'s exports by product: ${baci}; ${howToGetComtrade(exporter, 'exports', pair)}`,
        },
  );

  // 4. Export potential and 7. surplus placement: world bilateral flows (ITC method).
  for (const section of ['potential', 'surplus'] as const) {
    sections.push(
      worldFlowYear !== null
        ? { section, status: 'computed', basis: `world bilateral flows, ${yearsText(worldFlowYears)}`, missing: null }
        : {
            section,
            status: 'missing',
            basis: 'nothing',
            missing: `the ITC export-potential method needs bilateral flows of all countries (every supplier of ${importer}, every market of ${exporter}): ${baci}`,
          },
    );
  }

  // 6. Joint production and 8. complexity: world export tables (RCA, density, PCI, COG).
  const complexityYear = worldExportYear ?? worldFlowYear;
  sections.push(
    complexityYear !== null
      ? {
          section: 'complexity',
          status: 'computed',
          basis: `exports of ${worldExportYear !== null ? 'all countries by product (export tables)' : 'all countries (from bilateral flows)'}, ${complexityYear}`,
          missing: null,
        }
      : {
          section: 'complexity',
          status: 'missing',
          basis: 'nothing',
          missing: `exports of all countries by product: ${baci}`,
        },
  );
  sections.push(
    complexityYear === null
      ? {
          section: 'jointProduction',
          status: 'missing',
          basis: 'nothing',
          missing: `exports of all countries by product: ${baci}`,
        }
      : needsBasis
        ? {
            section: 'jointProduction',
            status: 'computed',
            basis: `complexity ${complexityYear} and ${importer}'s imports ${yearsText(importerFlowYears)}`,
            missing: null,
          }
        : {
            section: 'jointProduction',
            status: 'partial',
            basis: `capabilities (RCA, density, PCI, COG) from world exports ${complexityYear}; world demand stands in for ${importer}'s own imports`,
            missing: `${importer}'s imports by product: ${baci}; ${howToGetComtrade(importer, 'imports', pair)}`,
          },
  );
  return { exporter, importer, pair, sections, worldFlowYear, worldExportYear };
}
