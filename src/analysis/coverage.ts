/**
 * Data coverage of a pair: for every report section, whether the store holds what it needs,
 * from which dataset and year, and if not, exactly which file to ingest and how. This is what
 * keeps Karavan from printing zeros dressed as results.
 */
import { isMemberIn, pairCoverage, worldFlowMinExporters, type PairCoverage, type TradeStore } from '../data/index.ts';
import { msg, type CountryValue, type Message } from '../messages/index.ts';
import { baciAdvice, comtradeAdvice, countryValues, gap, joinMessages, yearsText } from './messages.ts';

export type SectionId =
  'turnover' | 'basket' | 'needs' | 'supply' | 'potential' | 'rivals' | 'jointProduction' | 'surplus' | 'complexity';
export type SectionStatus = 'computed' | 'partial' | 'missing';

export interface SectionCoverage {
  section: SectionId;
  status: SectionStatus;
  /** What the section is computed from (dataset source and years). */
  basis: Message;
  /** What is missing, and the file and command that would fill the gap. */
  missing: Message | null;
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

/**
 * For a group on either side: which of its members had flows in `years` and which had none, e.g.
 * "EAEU: data for ARM, BLR, KAZ, KGZ, RUS (2021)". Null for a pair of countries.
 */
export function groupMembersNote(pair: PairCoverage, groupValues: CountryValue[], years: number[]): Message | null {
  return joinMessages(
    pair.groups.map((g) => {
      const group = groupValues.find((v) => v.country === g.group) ?? { country: g.group, en: g.group, ru: g.group };
      const members = g.members.filter((m) => years.some((y) => isMemberIn(m, y)));
      const withData = members.filter((m) => m.dataYears.some((y) => years.includes(y))).map((m) => m.iso3);
      const without = members.filter((m) => !withData.includes(m.iso3)).map((m) => m.iso3);
      const inYears = yearsText(years);
      if (members.length === 0) return msg('groups.noMembers', { group, years: inYears });
      if (withData.length === 0) return msg('groups.membersNone', { group, years: inYears });
      return without.length > 0
        ? msg('groups.membersPartly', {
            group,
            withData: withData.join(', '),
            without: without.join(', '),
            years: inYears,
          })
        : msg('groups.membersWithData', { group, withData: withData.join(', '), years: inYears });
    }),
  );
}

/** A basis followed by the group note, when there is one. */
const withGroups = (basis: Message, note: Message | null): Message =>
  note === null ? basis : msg('join.semicolon', { first: basis, second: note });

export async function dataCoverage(store: TradeStore, exporter: string, importer: string): Promise<DataCoverage> {
  const pair = await pairCoverage(store, exporter, importer);
  const worldFlowYears = pair.worldFlowYears.filter((y) => y.exporters >= worldCoverageMinExporters).map((y) => y.year);
  const worldExportYears = pair.worldExportYears
    .filter((y) => y.exporters >= worldCoverageMinExporters)
    .map((y) => y.year);
  const worldFlowYear = worldFlowYears.at(-1) ?? null;
  const worldExportYear = worldExportYears.at(-1) ?? null;
  const importerFlowYears = pair.importerImports.map((y) => y.year);
  const [exporterValue, importerValue, ...groupValues] = await countryValues(
    store,
    exporter,
    importer,
    ...pair.groups.map((g) => g.group),
  );
  const names = { exporter: exporterValue!, importer: importerValue! };
  const baci = baciAdvice();
  const comtradeImports = comtradeAdvice(names.importer, 'imports', pair);
  const none = msg('basis.none');
  const sections: SectionCoverage[] = [];

  // 1. Turnover: bilateral flows either way, else the officially stated totals.
  const bilateralYears = [...new Set([...pair.bilateral, ...pair.reverse].map((y) => y.year))].sort();
  if (bilateralYears.length > 0) {
    sections.push({
      section: 'turnover',
      status: 'computed',
      basis: withGroups(
        msg('basis.pairFlows', { ...names, years: yearsText(bilateralYears) }),
        groupMembersNote(pair, groupValues, bilateralYears),
      ),
      missing: null,
    });
  } else if (pair.officialTotals.length > 0) {
    sections.push({
      section: 'turnover',
      status: 'partial',
      basis: msg('basis.officialTotals', {
        count: pair.officialTotals.length,
        years: yearsText([...new Set(pair.officialTotals.map((t) => t.year))].sort()),
      }),
      missing: gap(msg('need.pairProductFlowsNone', names), baci, comtradeImports),
    });
  } else {
    sections.push({
      section: 'turnover',
      status: 'missing',
      basis: none,
      missing: gap(msg('need.pairFlows', names), baci),
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
        basis: withGroups(
          msg('basis.importerFlows', {
            importer: names.importer,
            years: yearsText(importerFlowYears.filter((y) => worldFlowYears.includes(y))),
          }),
          groupMembersNote(
            pair,
            groupValues,
            importerFlowYears.filter((y) => worldFlowYears.includes(y)),
          ),
        ),
        missing: null,
      });
    } else if (section === 'needs' && worldTotalYears.length > 0) {
      sections.push({
        section,
        status: 'computed',
        basis: msg('basis.importerWorldTotals', {
          importer: names.importer,
          sources: [...new Set(pair.importerWorldTotals.flatMap((y) => y.sources))].join(', '),
          years: yearsText(worldTotalYears),
        }),
        missing: null,
      });
    } else if (importerFlowYears.length > 0) {
      const suppliers = new Set(
        pair.worldFlowYears.filter((y) => importerFlowYears.includes(y.year)).map((y) => y.exporters),
      );
      sections.push({
        section,
        status: 'missing',
        basis: msg('basis.partialImporterFlows', {
          importer: names.importer,
          suppliers: [...suppliers].join('/'),
          years: yearsText(importerFlowYears),
        }),
        missing: gap(msg('need.importerImportsAll', { importer: names.importer }), baci, comtradeImports),
      });
    } else {
      sections.push({
        section,
        status: 'missing',
        basis: none,
        missing: gap(msg('need.importerImportsByProductSupplier', { importer: names.importer }), baci, comtradeImports),
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
          basis: msg('basis.exporterExports', {
            exporter: names.exporter,
            years: yearsText(supplyYears),
            sources: [...new Set([...pair.exporterExports, ...pair.exporterFlows].flatMap((y) => y.sources))].join(
              ', ',
            ),
          }),
          missing:
            pair.exporterExports.length + pair.exporterFlows.length > 1
              ? null
              : gap(msg('need.growthSeveralYears'), baci),
        }
      : {
          section: 'supply',
          status: 'missing',
          basis: none,
          missing: gap(
            msg('need.exporterExports', { exporter: names.exporter }),
            baci,
            comtradeAdvice(names.exporter, 'exports', pair),
          ),
        },
  );

  // 4. Export potential and 7. surplus placement: world bilateral flows (ITC method).
  for (const section of ['potential', 'surplus'] as const) {
    sections.push(
      worldFlowYear !== null
        ? {
            section,
            status: 'computed',
            basis: msg('basis.worldFlows', { years: yearsText(worldFlowYears) }),
            missing: null,
          }
        : { section, status: 'missing', basis: none, missing: gap(msg('need.itcFlows', names), baci) },
    );
  }

  // 6. Joint production and 8. complexity: world export tables (RCA, density, PCI, COG).
  const complexityYear = worldExportYear ?? worldFlowYear;
  sections.push(
    complexityYear !== null
      ? {
          section: 'complexity',
          status: 'computed',
          basis: msg(worldExportYear !== null ? 'basis.worldExportTables' : 'basis.worldExportsFromFlows', {
            year: String(complexityYear),
          }),
          missing: null,
        }
      : {
          section: 'complexity',
          status: 'missing',
          basis: none,
          missing: gap(msg('need.worldExports'), baci),
        },
  );
  sections.push(
    complexityYear === null
      ? {
          section: 'jointProduction',
          status: 'missing',
          basis: none,
          missing: gap(msg('need.worldExports'), baci),
        }
      : needsBasis
        ? {
            section: 'jointProduction',
            status: 'computed',
            basis: msg('basis.jointWithImports', {
              year: String(complexityYear),
              importer: names.importer,
              years: yearsText(importerFlowYears),
            }),
            missing: null,
          }
        : {
            section: 'jointProduction',
            status: 'partial',
            basis: msg('basis.jointStandIn', { year: String(complexityYear), importer: names.importer }),
            missing: gap(msg('need.importerImportsByProduct', { importer: names.importer }), baci, comtradeImports),
          },
  );
  return { exporter, importer, pair, sections, worldFlowYear, worldExportYear };
}
