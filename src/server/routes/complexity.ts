/**
 * Economic complexity over HTTP: ECI per country, PCI (and a country's RCA, M, density, COG) per
 * product, and the product space. The measures come from the analysis layer's `capabilities`
 * (one year of world exports through src/metrics/complexity.ts, cached per store version); the
 * product space is src/metrics `productSpace` over that year's proximity, the same as
 * `karavan product-space` draws from a panel CSV.
 */
import type { FastifyInstance } from 'fastify';
import { baciAdvice, capabilities, capabilitiesSource, gap, type Capabilities } from '../../analysis/index.ts';
import { msg, type Message } from '../../messages/index.ts';
import {
  listCountries,
  productNames,
  resolveCountry,
  resolvePair,
  type HsLevel,
  type TradeStore,
} from '../../data/index.ts';
import { hsSection, productSpace, proximity } from '../../metrics/index.ts';
import { sendResult } from '../respond.ts';
import type { Lang, ResultTable } from '../tables.ts';
import { countriesSchema, productSpaceSchema, productsSchema } from './complexity.schema.ts';

const finite = (x: number) => (Number.isFinite(x) ? x : null);

interface Basis {
  status: 'computed' | 'missing';
  basis: Message;
  missing: Message | null;
  year: number | null;
  level: HsLevel;
  source: string | null;
  /** Which countries the measures were computed over: the Atlas filter's count, or every location. */
  countries: { filter: 'atlas' | 'all'; ranked: number; leftOut: number } | null;
}

async function load(
  store: TradeStore,
  level: HsLevel,
  year: number | undefined,
  allCountries: boolean,
): Promise<{ basis: Basis; caps: Capabilities | null }> {
  const source = await capabilitiesSource(store, level, year);
  if (source === null) {
    return {
      basis: {
        status: 'missing',
        basis: msg('basis.none'),
        missing: gap(
          year !== undefined
            ? msg('need.forYearOrEarlier', {
                what: msg('need.worldExportsAtLevel', { level: String(level) }),
                year: String(year),
              })
            : msg('need.worldExportsAtLevel', { level: String(level) }),
          baciAdvice(),
        ),
        year: null,
        level,
        source: null,
        countries: null,
      },
      caps: null,
    };
  }
  const caps = await capabilities(store, { year: source.year, level, source: source.source, allCountries });
  return {
    basis: {
      status: 'computed',
      basis: msg('basis.supply', {
        countries: caps.matrix.locations.length,
        level: String(level),
        source: source.source,
        year: String(source.year),
      }),
      missing: null,
      year: source.year,
      level,
      source: source.source,
      countries: {
        filter: caps.countryFilter.kind,
        ranked: caps.countryFilter.ranked,
        leftOut: caps.countryFilter.leftOut.length,
      },
    },
    caps,
  };
}

/** Result row of a country (countries the method dropped have none). */
function rowOf(caps: Capabilities, iso3: string): number | undefined {
  const location = caps.locationIndex.get(iso3);
  if (location === undefined) return undefined;
  const row = caps.result.locationIndex.indexOf(location);
  return row < 0 ? undefined : row;
}

async function names(store: TradeStore, codes: string[], lang: Lang): Promise<Map<string, string>> {
  const found = await productNames(store, codes, lang);
  return new Map(codes.map((c) => [c, found.get(c)?.name ?? c]));
}

const productTable = (rows: object[]): ResultTable[] => [
  {
    id: 'products',
    en: 'Product complexity',
    ru: 'Сложность товаров',
    columns: [
      { key: 'product', en: 'HS code', ru: 'Код ТН ВЭД' },
      { key: 'name', en: 'Product', ru: 'Товар' },
      { key: 'section', en: 'HS section', ru: 'Раздел' },
      { key: 'pci', en: 'PCI', ru: 'PCI', kind: 'number' },
      { key: 'ubiquity', en: 'Ubiquity', ru: 'Распространённость', kind: 'integer' },
      { key: 'worldExportsUsd', en: 'World exports, USD', ru: 'Мировой экспорт, долл.', kind: 'usd' },
      { key: 'rca', en: 'RCA', ru: 'RCA', kind: 'number' },
      { key: 'density', en: 'Density', ru: 'Плотность', kind: 'number' },
      { key: 'cog', en: 'COG', ru: 'COG', kind: 'number' },
    ],
    rows,
  },
];

export default async function complexityRoutes(app: FastifyInstance): Promise<void> {
  app.get('/complexity/countries', { schema: countriesSchema }, (request, reply) => {
    const q = request.query as { year?: number; level: HsLevel; lang: Lang; allCountries?: boolean };
    return sendResult(request, reply, {
      fileName: 'complexity-countries',
      compute: async () => {
        const { basis, caps } = await load(app.store, q.level, q.year, q.allCountries ?? false);
        if (!caps) return { ...basis, rows: [] };
        const countries = new Map((await listCountries(app.store)).map((c) => [c.iso3, c]));
        const r = caps.result;
        const rows = Array.from(r.locationIndex, (location, row) => {
          const iso3 = caps.matrix.locations[location]!;
          const c = countries.get(iso3);
          return {
            iso3,
            name: c ? (q.lang === 'ru' ? c.nameRu : c.nameEn) : iso3,
            eci: finite(r.eci[row]!),
            diversity: r.diversity[row]!,
            coi: finite(r.coi[row]!),
            exportsUsd: caps.locationExportsUsd[location]!,
          };
        }).sort((a, b) => (b.eci ?? -Infinity) - (a.eci ?? -Infinity));
        return { ...basis, rows };
      },
      tables: (result) => [
        {
          id: 'countries',
          en: 'Economic complexity of countries',
          ru: 'Экономическая сложность стран',
          columns: [
            { key: 'iso3', en: 'ISO3', ru: 'ISO3' },
            { key: 'name', en: 'Country', ru: 'Страна' },
            { key: 'eci', en: 'ECI', ru: 'ECI', kind: 'number' },
            { key: 'diversity', en: 'Diversity', ru: 'Диверсификация', kind: 'integer' },
            { key: 'coi', en: 'COI', ru: 'COI', kind: 'number' },
            { key: 'exportsUsd', en: 'Exports, USD', ru: 'Экспорт, долл.', kind: 'usd' },
          ],
          rows: result.rows,
        },
      ],
    });
  });

  app.get('/complexity/products', { schema: productsSchema }, (request, reply) => {
    const q = request.query as { country?: string; year?: number; level: HsLevel; lang: Lang; allCountries?: boolean };
    return sendResult(request, reply, {
      fileName: 'complexity-products',
      compute: async () => {
        const country = q.country === undefined ? null : (await resolveCountry(app.store, q.country)).iso3;
        const { basis, caps } = await load(app.store, q.level, q.year, q.allCountries ?? false);
        if (!caps) return { ...basis, country, eci: null, rows: [] };
        const r = caps.result;
        const row = country === null ? undefined : rowOf(caps, country);
        const location = country === null ? undefined : caps.locationIndex.get(country);
        const P = r.products;
        const productNameOf = await names(app.store, caps.matrix.products, q.lang);
        const rows = caps.matrix.products.map((product, p) => ({
          product,
          name: productNameOf.get(product)!,
          section: hsSection(product),
          pci: finite(r.pci[p]!),
          ubiquity: r.ubiquity[p]!,
          worldExportsUsd: caps.worldExportsUsd[p]!,
          ...(country !== null && {
            exportsUsd: location === undefined ? null : caps.matrix.valuesUsd[location * P + p]!,
            rca: row === undefined ? null : finite(r.advantage[row * P + p]!),
            mcp: row === undefined ? null : r.mcp[row * P + p]!,
            density: row === undefined ? null : finite(r.density[row * P + p]!),
            cog: row === undefined ? null : finite(r.cog[row * P + p]!),
          }),
        }));
        rows.sort((a, b) => (b.pci ?? -Infinity) - (a.pci ?? -Infinity));
        return { ...basis, country, eci: row === undefined ? null : finite(r.eci[row]!), rows };
      },
      tables: (result) => productTable(result.rows),
    });
  });

  app.get('/complexity/product-space', { schema: productSpaceSchema }, (request, reply) => {
    const q = request.query as {
      exporter: string;
      importer: string;
      year?: number;
      level: HsLevel;
      minProximity: number;
      maxEdges: number;
      lang: Lang;
      allCountries?: boolean;
    };
    return sendResult(request, reply, {
      fileName: 'product-space',
      compute: async () => {
        const [exporter, importer] = await resolvePair(app.store, q.exporter, q.importer);
        const { basis, caps } = await load(app.store, q.level, q.year, q.allCountries ?? false);
        if (!caps) return { ...basis, minProximity: q.minProximity, edgesLeftOut: 0, nodes: [], edges: [] };
        const r = caps.result;
        const P = r.products;
        const phi = proximity(r.mcp, r.rows, P);
        const exporterRow = rowOf(caps, exporter.iso3);
        const importerRow = rowOf(caps, importer.iso3);
        const graph = productSpace(
          {
            productCodes: caps.matrix.products,
            proximity: phi,
            worldTradeUsd: caps.worldExportsUsd,
            pci: r.pci,
            ...(exporterRow !== undefined && {
              country: {
                code: exporter.iso3,
                mcp: r.mcp.slice(exporterRow * P, (exporterRow + 1) * P),
                density: r.density.slice(exporterRow * P, (exporterRow + 1) * P),
              },
            }),
          },
          { minProximity: q.minProximity },
        );
        const productNameOf = await names(app.store, caps.matrix.products, q.lang);
        const index = caps.productIndex;
        const nodes = graph.nodes.map((n) => {
          const p = index.get(n.product)!;
          return {
            ...n,
            name: productNameOf.get(n.product)!,
            exporterMcp: exporterRow === undefined ? null : r.mcp[exporterRow * P + p]!,
            importerMcp: importerRow === undefined ? null : r.mcp[importerRow * P + p]!,
            exporterDensity: exporterRow === undefined ? null : finite(r.density[exporterRow * P + p]!),
          };
        });
        const tree = graph.edges.filter((e) => e.spanningTree);
        const others = graph.edges.filter((e) => !e.spanningTree).sort((a, b) => b.proximity - a.proximity);
        const kept = others.slice(0, q.maxEdges);
        const absent = [
          exporterRow === undefined ? exporter.iso3 : null,
          importerRow === undefined ? importer.iso3 : null,
        ].filter((x) => x !== null);
        return {
          ...basis,
          missing:
            absent.length > 0
              ? gap(
                  msg('need.notInExportData', {
                    who: absent.join(', '),
                    year: String(basis.year),
                    level: String(q.level),
                  }),
                  baciAdvice(),
                )
              : null,
          minProximity: graph.minProximity,
          edgesLeftOut: others.length - kept.length,
          nodes,
          edges: [...tree, ...kept],
        };
      },
      tables: (result) => [
        {
          id: 'nodes',
          en: 'Products of the product space',
          ru: 'Товары продуктового пространства',
          columns: [
            { key: 'product', en: 'HS code', ru: 'Код ТН ВЭД' },
            { key: 'name', en: 'Product', ru: 'Товар' },
            { key: 'section', en: 'HS section', ru: 'Раздел' },
            { key: 'worldTradeUsd', en: 'World trade, USD', ru: 'Мировая торговля, долл.', kind: 'usd' },
            { key: 'pci', en: 'PCI', ru: 'PCI', kind: 'number' },
            { key: 'exporterMcp', en: 'Exporter M (RCA > 1)', ru: 'Экспортёр M (RCA > 1)', kind: 'integer' },
            { key: 'importerMcp', en: 'Importer M (RCA > 1)', ru: 'Импортёр M (RCA > 1)', kind: 'integer' },
            { key: 'exporterDensity', en: 'Exporter density', ru: 'Плотность экспортёра', kind: 'number' },
          ],
          rows: result.nodes,
        },
        {
          id: 'edges',
          en: 'Links (proximity)',
          ru: 'Связи (близость)',
          columns: [
            { key: 'source', en: 'From', ru: 'От' },
            { key: 'target', en: 'To', ru: 'К' },
            { key: 'proximity', en: 'Proximity', ru: 'Близость', kind: 'number' },
            { key: 'spanningTree', en: 'Spanning tree', ru: 'Остовное дерево' },
          ],
          rows: result.edges,
        },
      ],
    });
  });
}
