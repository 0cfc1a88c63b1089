/**
 * The HTTP API and the dashboard (`karavan serve`). `buildServer()` opens one TradeStore for the
 * process (or takes the caller's), shares it with every route group, and closes it on shutdown.
 * Route groups are encapsulated plugins in routes/<group>.ts with their schemas beside them; the
 * OpenAPI document is generated from those schemas. The interfaces only call the core: each route
 * calls the same function as the matching CLI command.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { TradeStore } from '../data/index.ts';
import { ResultCache } from './cache.ts';
import { frameworkErrorHandler, registerErrorHandling } from './error-handler.ts';
import { resolveServer, type ResolvedServerOptions, type ServerOptions } from './options.ts';
import { toJson } from './respond.ts';
import { registerSharedSchemas } from './schemas.ts';
import { handleClientError, registerRequestGuard } from './request-guard.ts';
import { docsContentSecurityPolicy, registerSecurityHeaders } from './security.ts';
import complexityRoutes from './routes/complexity.ts';
import datasetRoutes from './routes/datasets.ts';
import machineryRoutes from './routes/machinery.ts';
import metaRoutes from './routes/meta.ts';
import referenceRoutes from './routes/reference.ts';
import regionRoutes from './routes/regions.ts';
import reportRoutes from './routes/report.ts';
import webRoutes from './web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one store of the server process. */
    store: TradeStore;
    /** Results by store version and request. */
    resultCache: ResultCache;
    karavan: ResolvedServerOptions;
  }
}

/** JSON bodies (machinery scenarios, measurement sheets) at most this large; uploads have their own limit. */
export const jsonBodyLimitBytes = 8 * 1024 * 1024;

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const o = resolveServer(options);
  const store =
    o.store ??
    (await TradeStore.open({
      ...(o.home !== undefined && { home: o.home }),
      ...(o.threads !== undefined && { threads: o.threads }),
    }));
  const app = Fastify({
    logger: o.logRequests ? { level: 'info' } : false,
    bodyLimit: jsonBodyLimitBytes,
    // Unknown query or body fields are errors, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    // A URL that does not decode, or a path parameter over the router's limit: the JSON error shape too.
    frameworkErrors: frameworkErrorHandler,
    // A request Node cannot parse (431, bad Content-Length, TE with CL): the JSON error shape and security headers.
    clientErrorHandler: handleClientError,
  });
  try {
    app.decorate('store', store);
    app.decorate('resultCache', new ResultCache(o.cacheEntries));
    app.decorate('karavan', o);
    if (o.store === undefined) {
      app.addHook('onClose', async () => {
        // Requests whose clients went away may still have queries on the store's connection: let
        // them end (bounded) before the synchronous close, which would otherwise wait on this thread.
        await Promise.race([app.resultCache.settled(), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
        store.closeSync();
      });
    }
    registerErrorHandling(app);
    registerSecurityHeaders(app);
    registerRequestGuard(app, { host: o.host, allowedHosts: o.allowedHosts });
    registerSharedSchemas(app);
    // Replies are plain JSON of the core's objects (BigInt -> number, NaN -> null); the response schemas document them.
    app.setSerializerCompiler(() => (data) => toJson(data));
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Karavan API',
          version: '1',
          description:
            'Trade-cooperation intelligence for a pair of countries: datasets and coverage, reference look-ups, report sections, ' +
            'economic complexity and the machinery planner. Every result route also answers format=tables, csv or xlsx. ' +
            'Errors: { code, message, hint? } with the codes of docs/errors.md.',
        },
        tags: [
          { name: 'meta', description: 'health and this document' },
          { name: 'datasets', description: 'datasets in the store, data coverage of a pair, ingest' },
          { name: 'reference', description: 'countries and HS products (EN/RU)' },
          { name: 'report', description: 'report sections for a pair' },
          { name: 'complexity', description: 'economic complexity and the product space' },
          { name: 'machinery', description: 'machinery planner (ASABE D497/EP496)' },
          { name: 'regions', description: 'regions for interregional cooperation (KAZ oblasts, BLR makers)' },
        ],
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      staticCSP: docsContentSecurityPolicy,
    });
    await app.register(
      async (api) => {
        await api.register(metaRoutes);
        await api.register(datasetRoutes);
        await api.register(referenceRoutes);
        await api.register(reportRoutes);
        await api.register(complexityRoutes);
        await api.register(machineryRoutes);
        await api.register(regionRoutes);
      },
      { prefix: '/api' },
    );
    await app.register(webRoutes);
    await app.ready();
    return app;
  } catch (error) {
    await app.close().catch(() => {});
    if (o.store === undefined) store.closeSync();
    throw error;
  }
}

export { resolveServer, serverDefaults } from './options.ts';
export type { ResolvedServerOptions, ServerOptions } from './options.ts';
export { ensureWebBuilt, isWebBuilt } from './web.ts';
export { tableToCsv, tablesToXlsx } from './tables.ts';
export type { ResultTable, TableColumn } from './tables.ts';
