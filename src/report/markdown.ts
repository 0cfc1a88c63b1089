/** The pair report as Markdown, in Russian or English. Every section states its status and basis. */
import type { ReportModel } from '../analysis/index.ts';
import { basketBlocks, indent } from './basket-lines.ts';
import { formatters, labels, type ReportLang } from './i18n.ts';
import { formatMessage, hasBasis, statusText, type Message } from '../messages/index.ts';
import { coverageMessage } from '../analysis/index.ts';
import { oblastFleetTable } from './region-tables.ts';
import { machineryDemandTable } from './section-tables.ts';
import { tableCells, withoutColumn } from './table-render.ts';
import type { ResultTable } from './table-model.ts';

/**
 * Text from data (a dataset's licence, file and product names) must not become HTML when the Markdown is rendered:
 * a `<` that would open a tag, comment or declaration (CommonMark raw HTML: `<` then a letter, `/`, `!` or `?`) and
 * an `&` that would start an entity are escaped. The report writes no HTML of its own, and `BLR<->KAZ` stays as it is.
 */
export function escapeMarkdownHtml(text: string): string {
  return text.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

const cell = (text: string | number) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const short = (text: string, max = 70) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

function table(headers: string[], rows: Array<Array<string | number>>): string {
  if (rows.length === 0) return '';
  const align = headers.map((_, i) =>
    rows.every((r) => /^[-+]?[\d\s ,.%−]+$|^н\/д$|^n\/a$/.test(String(r[i]))) ? '---:' : '---',
  );
  return (
    [
      `| ${headers.map(cell).join(' | ')} |`,
      `| ${align.join(' | ')} |`,
      ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

export function renderMarkdown(report: ReportModel, lang: ReportLang): string {
  const L = labels[lang];
  const f = formatters(lang);
  const a = report.exporter.iso3;
  const b = report.importer.iso3;
  const country = (c: { nameEn: string; nameRu: string }) => (lang === 'ru' ? c.nameRu : c.nameEn);
  const name = (r: { nameEn: string; nameRu: string }) => short(lang === 'ru' ? r.nameRu : r.nameEn);
  const out: string[] = [];
  const tr = (message: Message) => formatMessage(message, lang);
  /** A table of the report model (section-tables.ts), its cells by column kind; a missing value shows a dash. */
  const modelTable = (model: ResultTable) => {
    const { headers, rows } = tableCells(model, lang, L.none);
    return table(headers, rows);
  };
  /** The facts and their sources go under the table, as notes with their links. */
  const withoutFacts = (model: ResultTable) => withoutColumn(model, 'facts');
  const status = (section: string, s: { status: string; basis: Message; missing: Message | null }) => {
    out.push(
      `*${L.status}: ${statusText(lang, s.status, section)}.*${hasBasis(s.basis) ? ` ${L.basis}: ${tr(s.basis)}.` : ''}`,
    );
    if (s.missing) out.push(`\n> ${L.missing}: ${tr(s.missing)}`);
    out.push('');
  };

  out.push(`# ${L.title(country(report.exporter), country(report.importer))}`, '');
  out.push(`${L.generated}: ${f.date(report.generatedAt)}`, '');

  out.push(`## ${L.coverage}`, '');
  out.push(
    table(
      [L.section, L.status, L.basis],
      report.coverage.sections.map((s) => [
        L.sectionNames[s.section] ?? s.section,
        statusText(lang, s.status, s.section),
        tr(s.basis),
      ]),
    ),
  );

  // 1. Turnover
  const t = report.turnover;
  const turnoverCoverage = report.coverage.sections.find((s) => s.section === 'turnover')!;
  out.push(`## ${L.sectionNames['turnover']}`, '');
  status('turnover', {
    status: t.status,
    basis: turnoverCoverage.basis,
    missing: turnoverCoverage.missing,
  });
  if (t.rows.length > 0) {
    out.push(
      table(
        [L.year, L.source, L.exports(a, b), L.exports(b, a), L.turnoverCol, L.growth, L.shareExp(a), L.shareImp(b)],
        t.rows.map((r) => [
          r.year,
          r.reporter ? `${r.source} (${r.reporter})` : r.source,
          f.usdM(r.exportsUsd),
          f.usdM(r.importsUsd),
          f.usdM(r.turnoverUsd),
          f.pct(r.growth),
          f.pct(r.shareOfExporterExports),
          f.pct(r.shareOfImporterImports),
        ]),
      ),
    );
  }
  if (t.official.length > 0) {
    out.push(`**${L.official}**`, '');
    out.push(
      table(
        [L.year, L.measure, L.reporterSide, L.valueUsdM, L.link],
        t.official.map((o) => [
          tr(o.words.period),
          tr(o.words.measure),
          tr(o.words.side),
          f.usdM(o.valueUsd),
          o.sourceUrl,
        ]),
      ),
    );
  }
  if (report.target) {
    const p = report.target;
    out.push(`### ${L.target}`, '');
    if (p.example) out.push(`*${L.targetExample}*`, '');
    out.push(
      L.targetLine(f.usdM(p.currentUsd), p.baseYear, f.usdM(p.targetUsd), p.targetYear, f.pct(p.requiredCagr)) +
        ` (${tr(p.basis)})`,
      '',
    );
    if (p.potentialCoverage !== null) out.push(L.targetCover(f.pct(p.potentialCoverage)), '');
  }

  // 2. The pair's trade basket: each direction as a tree of HS sections, chapters, headings and products.
  const k = report.basket;
  out.push(`## ${L.sectionNames['basket']}`, '');
  status('basket', k);
  for (const block of basketBlocks(k, lang)) {
    out.push(`**${block.title}**`, '');
    if (block.lines.length === 0) continue;
    out.push(
      table(
        [
          L.product,
          L.name,
          L.usdK,
          L.basketShare(block.buyer),
          L.cagr,
          ...(block.mirror ? [L.basketBySeller(block.seller), L.basketByBuyer(block.buyer)] : []),
          L.basketProducts,
        ],
        block.lines.map((line) => {
          const bold = (text: string) => (line.kind === 'section' ? `**${text}**` : text);
          return [
            indent(line) + bold(line.code),
            bold(name(line)),
            bold(f.usdK(line.valueUsd)),
            line.row ? f.pct(line.row.shareOfBuyerImports) : '',
            line.row ? f.pct(line.row.growth) : '',
            ...(block.mirror
              ? [
                  line.row ? f.usdK(line.row.reportedBySellerUsd) : '',
                  line.row ? f.usdK(line.row.reportedByBuyerUsd) : '',
                ]
              : []),
            line.products === null ? '' : line.products,
          ];
        }),
      ),
    );
    if (block.note) out.push(`*${block.note}*`, '');
  }

  // 3. Needs
  const n = report.needs;
  out.push(`## ${L.sectionNames['needs']}`, '');
  status('needs', n);
  if (n.rows.length > 0) {
    out.push(
      table(
        [L.product, L.name, L.importsUsdM, L.cagr, L.topSuppliers, L.hhi, L.exporterShare(a)],
        n.rows.map((r) => [
          r.product,
          name(r),
          f.usdM(r.importsUsd),
          f.pct(r.growth),
          f.suppliers(r.topSuppliers),
          f.num(r.hhi),
          f.pct(r.exporterShare),
        ]),
      ),
    );
  } else if (n.worldDemand) {
    out.push(`**${L.worldDemand(n.worldDemand.year, n.worldDemand.source)}**`, '');
    out.push(
      table(
        [L.product, L.name, L.worldTradeUsdM, L.worldShareOf(a)],
        n.worldDemand.rows.map((r) => [r.product, name(r), f.usdM(r.worldTradeUsd), f.pct(r.exporterWorldShare)]),
      ),
    );
    const leftOut = n.worldDemand.importerExportsLeftOut;
    if (leftOut.length > 0)
      out.push(`*${L.worldDemandLeftOut(b, leftOut.length, leftOut.slice(0, 5).join(', '))}*`, '');
  }

  // 3. Supply
  const s = report.supply;
  out.push(`## ${L.sectionNames['supply']}`, '');
  status('supply', s);
  if (s.rows.length > 0) {
    out.push(L.supplySummary(s.competitiveProducts, f.pct(s.competitiveShare), f.num(s.eci)), '');
    if (s.eciRank !== null) out.push(L.eciRank(s.eciRank, s.rankedCountries, s.leftOutCountries), '');
    out.push(
      table(
        [L.product, L.name, L.exportsUsdM, L.worldShare, L.rca, L.growth, L.pci],
        s.rows.map((r) => [
          r.product,
          name(r),
          f.usdM(r.exportsUsd),
          f.pct(r.worldShare),
          f.num(r.rca),
          f.pct(r.growth),
          f.num(r.pci),
        ]),
      ),
    );
  }

  // 4. Potential
  const p = report.potential;
  out.push(`## ${L.sectionNames['potential']}`, '');
  status('potential', p);
  if (p.totals) {
    out.push(
      L.potentialSummary(
        f.usdM(p.totals.potentialUsd),
        f.usdM(p.totals.actualUsd),
        f.usdM(p.totals.untappedUsd),
        f.pct(p.totals.realizedShare),
        f.num(p.ease),
      ),
      '',
    );
    out.push(
      table(
        [L.product, L.name, L.supplyShare, L.demandUsdM, L.potentialUsdM, L.actualUsdM, L.untappedUsdM, L.realized],
        p.rows.map((r) => [
          r.product,
          name(r),
          f.pct(r.supplyShare),
          f.usdM(r.demandUsd),
          f.usdM(r.potentialUsd),
          f.usdM(r.actualUsd),
          f.usdM(r.untappedUsd),
          f.pct(r.realizedShare),
        ]),
      ),
    );
    out.push(`**${L.bySection}**`, '');
    out.push(
      table(
        [L.hsSection, L.potentialUsdM, L.actualUsdM, L.untappedUsdM, L.realized],
        p.bySection.map((x) => [
          x.section,
          f.usdM(x.potentialUsd),
          f.usdM(x.actualUsd),
          f.usdM(x.untappedUsd),
          f.pct(x.realizedShare),
        ]),
      ),
    );
  }

  // 5. Rivals and 8. machinery market share one layout.
  const rivalsBlock = (title: string, r: ReportModel['rivals']) => {
    out.push(`## ${title}`, '');
    status('rivals', r);
    out.push(`${L.productsChosen}: ${tr(r.productChoice)}.`, '');
    for (const prod of r.products) {
      out.push(`**${prod.product} ${name(prod)}** — ${L.importsUsdM}: ${f.usdM(prod.importsUsd)}`, '');
      const rows = [...(prod.exporter ? [prod.exporter] : []), ...prod.suppliers];
      out.push(
        table(
          [L.supplier, L.importsUsdM, L.share, L.shareChange, L.unitValue, L.flags],
          rows.map((x) => [
            x.supplier,
            f.usdM(x.valueUsd),
            f.pct(x.share),
            f.pct(x.shareChange),
            f.whole(x.unitValueUsdPerTonne),
            x.flags.join(', ') || L.none,
          ]),
        ),
      );
      if (prod.exporterUnitValueUsdPerTonne !== null || prod.rivalsUnitValueUsdPerTonne !== null) {
        out.push(
          `${L.priceAdvantage(a, f.whole(prod.exporterUnitValueUsdPerTonne), prod.exporterUnitValueBasis ?? L.none)} ${L.rivalsUv(f.whole(prod.rivalsUnitValueUsdPerTonne), f.pct(prod.priceAdvantage))}`,
          '',
        );
      }
    }
  };
  rivalsBlock(L.sectionNames['rivals']!, report.rivals);

  // 6. Joint production
  const j = report.jointProduction;
  out.push(`## ${L.sectionNames['jointProduction']}`, '');
  status('jointProduction', j);
  if (j.rows.length > 0) {
    out.push(L.weights(j.weights), '');
    out.push(
      table(
        [L.product, L.name, L.score, L.demandUsd, `${L.rca} ${a}`, `${L.density} ${b}`, L.cog, L.pci, L.reason],
        j.rows.map((r) => [
          r.product,
          name(r),
          f.num(r.score),
          f.usdM(r.demandUsd),
          f.num(r.exporterRca),
          f.num(r.importerDensity),
          f.num(r.cog),
          f.num(r.pci),
          tr(r.reason),
        ]),
      ),
    );
  }

  // 7. Surplus placement
  const sp = report.surplus;
  out.push(`## ${L.sectionNames['surplus']}`, '');
  status('surplus', sp);
  if (sp.rows.length > 0) {
    out.push(
      table(
        [L.product, L.name, `${L.rca} ${a}`, L.importsUsdM, L.cagr, L.exporterShare(a), L.rivalsUsdM, L.leader],
        sp.rows.map((r) => [
          r.product,
          name(r),
          f.num(r.exporterRca),
          f.usdM(r.importsUsd),
          f.pct(r.growth),
          f.pct(r.exporterShare),
          f.usdM(r.rivalsUsd),
          r.leadingRival ? `${r.leadingRival.iso3} ${f.pct(r.leadingRival.share)}` : L.none,
        ]),
      ),
    );
  }

  rivalsBlock(L.sectionNames['machinery']!, report.machineryMarket);
  // The market's size beside its trade (the fleets' yearly replacement demand), and where the combines would
  // work (Kazakhstan's oblasts): the report model's tables, as the API serves them.
  const demand = report.machineryDemand;
  out.push(`### ${L.demandTitle}`, '');
  if (demand.fleets.length === 0) {
    if (demand.missing) out.push(`*${tr(demand.missing)}*`, '');
  } else
    out.push(
      modelTable(withoutFacts(machineryDemandTable(demand, lang))),
      ...demand.fleets.map((x) => `${L.demandFacts(x)}\n`),
    );
  const regions = report.regions;
  if (regions && regions.oblasts.some((o) => o.fleet !== null)) {
    const oblasts = oblastFleetTable(regions, lang);
    out.push(`### ${oblasts[lang]}`, '', ...regions.coverage.map((c) => `${tr(coverageMessage(c))}  `), '');
    out.push(modelTable(oblasts), L.regionsMore, '');
  }

  out.push(`## ${L.sectionNames['data']}`, '');
  out.push(
    table(
      [L.file, L.format, L.rows, L.years, L.licence],
      report.datasets.map((d) => [
        d.fileName,
        L.datasetFormat(d.format),
        f.whole(d.rows),
        d.years.join(', '),
        d.licence,
      ]),
    ),
  );
  // The terms spelled out once, and the store version (the data's identity) as the report's last line.
  out.push(`### ${L.glossary}`, '', ...L.glossaryTerms.map((term) => `- ${term}`), '');
  out.push(`*${L.storeFooter(report.storeVersion)}*`, '');
  return escapeMarkdownHtml(out.join('\n'));
}
