/**
 * Shapes shared by several route groups, registered once with addSchema and referenced with
 * `{ $ref: 'Name#' }` (OpenAPI shows them under components.schemas), plus the query fragments
 * every result route takes (language, download format, table).
 */
import type { FastifyInstance } from 'fastify';

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every error answer: a stable code (docs/errors.md), a message, where in the input, and a hint.',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: 'KRV_<AREA>_<WHAT>, or KRV_INTERNAL' },
    message: { type: 'string' },
    file: { type: 'string' },
    line: { type: 'integer' },
    column: { type: 'string' },
    value: { type: 'string' },
    hint: { type: 'string' },
  },
} as const;

export const countrySchema = {
  $id: 'Country',
  type: 'object',
  required: ['iso3', 'iso2', 'numeric', 'kind', 'nameEn', 'nameRu'],
  properties: {
    iso3: { type: 'string' },
    iso2: { type: ['string', 'null'] },
    numeric: { type: ['string', 'null'] },
    kind: { type: 'string', enum: ['country', 'area', 'world', 'group'] },
    nameEn: { type: 'string' },
    nameRu: { type: 'string' },
    historicalUntil: {
      type: 'integer',
      description: 'A former state (ISO 3166-3: USSR, GDR, Czechoslovakia...): the last year it existed',
    },
    group: {
      type: 'object',
      description: 'For a group (kind "group"): the definition it follows and its members by year (null: open end).',
      required: ['source', 'sourceUrl', 'members'],
      properties: {
        source: { type: 'string' },
        sourceUrl: { type: 'string' },
        members: {
          type: 'array',
          items: {
            type: 'object',
            required: ['iso3', 'firstYear', 'lastYear', 'note'],
            properties: {
              iso3: { type: 'string' },
              firstYear: { type: ['integer', 'null'] },
              lastYear: { type: ['integer', 'null'] },
              note: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  },
} as const;

export const productSchema = {
  $id: 'Product',
  type: 'object',
  required: ['code', 'level', 'revision', 'name', 'nameSource'],
  properties: {
    code: { type: 'string', description: 'HS code, zero-padded' },
    level: { type: 'integer', enum: [2, 4, 6] },
    revision: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    nameRu: { type: ['string', 'null'] },
    parent: { type: ['string', 'null'] },
    section: { type: ['string', 'null'] },
    name: { type: 'string', description: 'the name in the asked language after the fallback chain' },
    nameSource: { type: 'string', enum: ['own', 'english', 'parent'] },
  },
} as const;

export const tablesSchema = {
  $id: 'Tables',
  type: 'object',
  description: 'The result as tables (format=tables): what CSV and XLSX downloads contain.',
  required: ['tables'],
  properties: {
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'en', 'ru', 'columns', 'rows'],
        properties: {
          id: { type: 'string' },
          en: { type: 'string' },
          ru: { type: 'string' },
          columns: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'en', 'ru'],
              properties: {
                key: { type: 'string' },
                en: { type: 'string' },
                ru: { type: 'string' },
                kind: { type: 'string' },
              },
            },
          },
          rows: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
  },
} as const;

export function registerSharedSchemas(app: FastifyInstance): void {
  for (const schema of [errorSchema, countrySchema, productSchema, tablesSchema]) app.addSchema(schema);
}

export const errorRef = { $ref: 'Error#' } as const;
export const countryRef = { $ref: 'Country#' } as const;
export const productRef = { $ref: 'Product#' } as const;

/** Error answers a route can give, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorRef & { description: string }> {
  const descriptions: Record<number, string> = {
    400: 'bad input: the message names the field',
    403: 'forbidden (ingest is off)',
    404: 'unknown country, product or machine, or the store lacks the data (the hint says which file to ingest)',
    409: 'the store is locked by another writer',
    413: 'the upload is too large',
    500: 'internal error (no details in the answer; see the server log)',
  };
  return Object.fromEntries(
    [...statuses, 500].map((s) => [s, { ...errorRef, description: descriptions[s] ?? 'error' }]),
  );
}

export const langProperty = {
  type: 'string',
  enum: ['en', 'ru'],
  default: 'en',
  description: 'language of names and table headers',
} as const;
export const formatProperty = {
  type: 'string',
  enum: ['json', 'tables', 'csv', 'xlsx'],
  default: 'json',
  description:
    'json: the result object; tables: its tables as JSON; csv: one table (see table); xlsx: every table, one sheet each',
} as const;
export const tableProperty = {
  type: 'string',
  pattern: '^[a-zA-Z][a-zA-Z0-9-]{0,39}$',
  description: 'which table a CSV download holds (default: the first)',
} as const;

/** Query properties of every route that has tables. */
export const resultQueryProperties = { lang: langProperty, format: formatProperty, table: tableProperty } as const;

/** Any JSON object (results whose full shape lives in the core's types; docs/server.md links them). */
export const anyObject = { type: 'object', additionalProperties: true } as const;

/** 200 of a result route: the JSON result, or tables, or a file. */
export function resultResponse(json: object, description: string): object {
  return {
    description: `${description}. With format=tables: the Tables object; with format=csv or xlsx: the file.`,
    content: {
      'application/json': { schema: json },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  };
}

/** Country codes or names as the CLI takes them (ISO3, ISO2, numeric, English or Russian name). */
export const countryProperty = (description: string, fallback: string) =>
  ({
    type: 'string',
    minLength: 1,
    maxLength: 80,
    default: fallback,
    description: `${description}: ISO3, ISO2, numeric code or name (EN/RU)`,
  }) as const;
