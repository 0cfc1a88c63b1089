/** The server's own routes: health and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { healthSchema, openapiSchema } from './meta.schema.ts';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export default async function metaRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: healthSchema }, async () => ({
    status: 'ok',
    version: packageVersion,
    storeVersion: app.store.version,
    datasets: app.store.datasets().length,
    ingestEnabled: app.karavan.allowIngest,
    cachedResults: app.resultCache.size,
  }));

  app.get('/openapi.json', { schema: openapiSchema }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return app.swagger();
  });
}
