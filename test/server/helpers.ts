/** Test helpers for the server: a built server on a fresh store (embedded data + the report fixture), and response-schema checks. */
import AjvModule from 'ajv';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/server/index.ts';
import { countrySchema, errorSchema, productSchema, tablesSchema } from '../../src/server/schemas.ts';
import { openTempStore } from '../support/store.ts';
import { writeReportFixture } from '../support/report-fixture.ts';

export interface TestServer {
  app: FastifyInstance;
  home: string;
  close: () => Promise<void>;
}

/** A server over a temporary store; with `fixture`, the hand-checked BLR/KAZ/RUS BACI fixture is ingested too. */
export async function testServer(
  options: Omit<ServerOptions, 'store'> & { fixture?: boolean } = {},
): Promise<TestServer> {
  const { fixture = true, ...serverOptions } = options;
  const { store, home, cleanup } = await openTempStore(true);
  if (fixture) await store.ingest(writeReportFixture(home));
  const app = await buildServer({ ...serverOptions, store });
  return {
    app,
    home,
    close: async () => {
      await app.close();
      cleanup();
    },
  };
}

// ajv is CommonJS: its class is the default export's `default` under Node's ESM interop.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
const ajv = new (Ajv as unknown as new (options: object) => import('ajv').default)({ allErrors: true, strict: false });
for (const schema of [errorSchema, countrySchema, productSchema, tablesSchema]) ajv.addSchema(schema);

/** The JSON schema of a route's 200 answer (the application/json part when it has several). */
export function jsonSchemaOf(routeSchema: { response: Record<number, unknown> }, status = 200): object {
  const response = routeSchema.response[status] as { content?: Record<string, { schema: object }> } & object;
  return response.content ? response.content['application/json']!.schema : response;
}

/** Errors of `body` against a schema ([] when it conforms). */
export function schemaErrors(schema: object, body: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export async function getJson(
  app: FastifyInstance,
  url: string,
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const response = await app.inject({ url });
  return {
    status: response.statusCode,
    body: response.body === '' ? null : JSON.parse(response.body),
    headers: response.headers,
  };
}
