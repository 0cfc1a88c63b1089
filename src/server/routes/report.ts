/**
 * Report sections over HTTP: the same analysis functions as `karavan report`, `karavan turnover`,
 * `target`, `basket`, `needs`, `supply`, `potential`, `rivals`, `joint` and `surplus`. Each result carries
 * its coverage (status, basis, what to ingest), so the dashboard shows that instead of zeros.
 */
import type { FastifyInstance } from 'fastify';
import {
  buildReport,
  dataCoverage,
  exportPotential,
  exporterSupply,
  importerNeeds,
  jointProduction,
  rivals,
  surplusPlacement,
  pairTarget,
  tradeBasket,
  turnover,
  type BasketDirection,
  type SectionId,
} from '../../analysis/index.ts';
import { resolveCountry, resolvePair as resolveCountryPair, type HsLevel, type TradeStore } from '../../data/index.ts';
import { sendResult } from '../respond.ts';
import {
  jointTables,
  needsTables,
  basketTables,
  potentialTables,
  reportTables,
  rivalsTables,
  supplyTables,
  surplusTables,
  turnoverTables,
} from '../../report/section-tables.ts';
import {
  jointSchema,
  needsSchema,
  basketSchema,
  potentialSchema,
  reportSchema,
  rivalsSchema,
  supplySchema,
  surplusSchema,
  turnoverSchema,
} from './report.schema.ts';

interface PairQuery {
  exporter: string;
  importer: string;
  year?: number;
  level?: HsLevel;
  limit?: number;
  allCountries?: boolean;
}

/** ISO3 codes of the pair; the same country twice is an error. */
async function resolvePair(
  store: TradeStore,
  q: { exporter: string; importer: string; year?: number },
): Promise<{ exporter: string; importer: string }> {
  const [a, b] = await resolveCountryPair(store, q.exporter, q.importer, { year: q.year });
  return { exporter: a.iso3, importer: b.iso3 };
}

async function coverageMeta(store: TradeStore, pair: { exporter: string; importer: string }, section: SectionId) {
  const coverage = await dataCoverage(store, pair.exporter, pair.importer);
  const found = coverage.sections.find((s) => s.section === section)!;
  return { status: found.status, basis: found.basis, missing: found.missing };
}

export default async function reportRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.store;

  app.get('/report/turnover', { schema: turnoverSchema }, (request, reply) => {
    const q = request.query as PairQuery & { targetUsd?: number; targetYear?: number };
    return sendResult(request, reply, {
      fileName: 'turnover',
      compute: async () => {
        const pair = await resolvePair(store(), q);
        const result = await turnover(store(), pair);
        const meta = await coverageMeta(store(), pair, 'turnover');
        // Checked before the potential is computed: half a target is refused at once.
        pairTarget({ latest: null }, { bySection: [] }, { targetUsd: q.targetUsd, targetYear: q.targetYear });
        const target = result.latest
          ? pairTarget(result, await exportPotential(store(), pair), {
              targetUsd: q.targetUsd,
              targetYear: q.targetYear,
            })
          : null;
        return { ...meta, turnover: result, target };
      },
      tables: (r, lang) => turnoverTables(r.turnover, r.target, lang),
    });
  });

  app.get('/report/basket', { schema: basketSchema }, (request, reply) => {
    const q = request.query as PairQuery & { direction: BasketDirection };
    return sendResult(request, reply, {
      fileName: 'basket',
      compute: async () =>
        tradeBasket(store(), {
          ...(await resolvePair(store(), q)),
          year: q.year,
          level: q.level,
          limit: q.limit,
          direction: q.direction,
        }),
      tables: basketTables,
    });
  });

  app.get('/report/needs', { schema: needsSchema }, (request, reply) => {
    const q = request.query as PairQuery;
    return sendResult(request, reply, {
      fileName: 'needs',
      compute: async () =>
        importerNeeds(store(), { ...(await resolvePair(store(), q)), year: q.year, level: q.level, limit: q.limit }),
      tables: needsTables,
    });
  });

  app.get('/report/supply', { schema: supplySchema }, (request, reply) => {
    const q = request.query as Omit<PairQuery, 'importer'>;
    return sendResult(request, reply, {
      fileName: 'supply',
      compute: async () =>
        exporterSupply(store(), {
          exporter: (await resolveCountry(store(), q.exporter)).iso3,
          year: q.year,
          level: q.level,
          limit: q.limit,
          allCountries: q.allCountries ?? false,
        }),
      tables: supplyTables,
    });
  });

  app.get('/report/potential', { schema: potentialSchema }, (request, reply) => {
    const q = request.query as PairQuery;
    return sendResult(request, reply, {
      fileName: 'potential',
      compute: async () =>
        exportPotential(store(), { ...(await resolvePair(store(), q)), year: q.year, level: q.level, limit: q.limit }),
      tables: potentialTables,
    });
  });

  app.get('/report/rivals', { schema: rivalsSchema }, (request, reply) => {
    const q = request.query as PairQuery & { products?: string };
    return sendResult(request, reply, {
      fileName: 'rivals',
      compute: async () => {
        return rivals(store(), {
          ...(await resolvePair(store(), q)),
          // Without products: the pair's largest flows and the exporter's competitive exports, as the CLI.
          products: q.products === undefined ? undefined : [...new Set(q.products.split(','))],
          year: q.year,
          level: q.level,
        });
      },
      tables: (r, lang) => rivalsTables(r, lang),
    });
  });

  app.get('/report/joint-production', { schema: jointSchema }, (request, reply) => {
    const q = request.query as PairQuery;
    return sendResult(request, reply, {
      fileName: 'joint-production',
      compute: async () =>
        jointProduction(store(), {
          ...(await resolvePair(store(), q)),
          year: q.year,
          level: q.level,
          limit: q.limit,
          allCountries: q.allCountries ?? false,
        }),
      tables: jointTables,
    });
  });

  app.get('/report/surplus', { schema: surplusSchema }, (request, reply) => {
    const q = request.query as PairQuery;
    return sendResult(request, reply, {
      fileName: 'surplus',
      compute: async () =>
        surplusPlacement(store(), { ...(await resolvePair(store(), q)), year: q.year, level: q.level, limit: q.limit }),
      tables: surplusTables,
    });
  });

  app.get('/report', { schema: reportSchema }, (request, reply) => {
    const q = request.query as PairQuery & { products?: string };
    return sendResult(request, reply, {
      fileName: 'report',
      compute: async () =>
        buildReport(store(), {
          from: q.exporter,
          to: q.importer,
          year: q.year,
          ...(q.level !== undefined && { level: q.level as 4 | 6 }),
          limit: q.limit,
          allCountries: q.allCountries ?? false,
          products: q.products?.split(','),
        }),
      tables: reportTables,
      // One workbook writer for the CLI and the API: the report's own, a sheet per section with its status.
      xlsx: async (report, lang) => {
        const { renderReport } = await import('../../report/index.ts');
        return (await renderReport(report, 'xlsx', lang)) as Buffer;
      },
    });
  });
}
