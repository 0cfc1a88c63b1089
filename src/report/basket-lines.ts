/**
 * The trade basket's lines for the Markdown and HTML renderers: one direction as the tree of HS sections,
 * chapters, headings and products (analysis/basket.ts basketTree), with the heading line that states the
 * direction's total, and whether the mirror columns are worth showing (some product reported by both sides).
 */
import { basketTree, type BasketLine, type BasketResult } from '../analysis/index.ts';
import { formatters, labels, type ReportLang } from './i18n.ts';

export interface BasketBlock {
  seller: string;
  buyer: string;
  /** "BLR → KAZ, 2021: 11,528.4 USD thousand, 97 products", or that the store cannot tell. */
  title: string;
  /** Tree lines (empty when the direction is unknown or empty). */
  lines: BasketLine[];
  /** Both sides reported some product: show the mirror columns. */
  mirror: boolean;
  /** Said under the table when the limit left products out. */
  note: string | null;
}

export function basketBlocks(result: BasketResult, lang: ReportLang): BasketBlock[] {
  const L = labels[lang];
  const f = formatters(lang);
  if (result.year === null || result.status === 'missing') return [];
  const blocks: BasketBlock[] = [];
  for (const direction of ['exports', 'imports'] as const) {
    if (result.direction !== 'both' && result.direction !== direction) continue;
    const [seller, buyer] =
      direction === 'exports' ? [result.exporter, result.importer] : [result.importer, result.exporter];
    const [sellerName, buyerName] = (
      direction === 'exports'
        ? [result.parties.exporter, result.parties.importer]
        : [result.parties.importer, result.parties.exporter]
    ).map((c) => c[lang]) as [string, string];
    const totalUsd = direction === 'exports' ? result.totals.exportsUsd : result.totals.importsUsd;
    const products = direction === 'exports' ? result.totals.exportProducts : result.totals.importProducts;
    const rows = result.rows.filter((r) => r.direction === direction);
    blocks.push({
      seller,
      buyer,
      title:
        totalUsd === null || products === null
          ? L.basketUnknown(sellerName, buyerName, result.year)
          : L.basketFlow(sellerName, buyerName, result.year, f.usdK(totalUsd), products),
      lines: totalUsd === null ? [] : basketTree(result, direction),
      mirror: rows.some((r) => r.reportedBySellerUsd !== null && r.reportedByBuyerUsd !== null),
      note: products !== null && rows.length < products ? L.basketShown(rows.length) : null,
    });
  }
  return blocks;
}

/** Indentation of a tree line in a table cell (em spaces survive Markdown and HTML alike). */
export const indent = (line: BasketLine) => '\u2003'.repeat(line.depth);
