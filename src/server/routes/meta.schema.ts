/** Schemas of the server's own routes. */
const tags = ['meta'];

export const healthSchema = {
  tags,
  summary: 'Liveness and the store version (which ETags and cached results depend on)',
  response: {
    200: {
      description: 'the server is up',
      type: 'object',
      required: ['status', 'version', 'storeVersion', 'datasets', 'ingestEnabled', 'cachedResults'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        version: { type: 'string', description: "Karavan's version" },
        storeVersion: { type: 'string' },
        datasets: { type: 'integer' },
        ingestEnabled: { type: 'boolean' },
        cachedResults: { type: 'integer' },
      },
    },
  },
} as const;

export const openapiSchema = {
  tags,
  summary: 'This OpenAPI document (generated from the route schemas)',
  response: { 200: { description: 'OpenAPI 3.1 document', type: 'object', additionalProperties: true } },
} as const;
