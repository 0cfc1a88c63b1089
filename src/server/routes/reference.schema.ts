/** Schemas of the country and product look-ups (src/data/catalog.ts). */
import {
  countryRef,
  errorResponses,
  langProperty,
  productRef,
  resultQueryProperties,
  resultResponse,
} from '../schemas.ts';

const tags = ['reference'];

export const listCountriesSchema = {
  tags,
  summary: 'Countries with their codes and names in English and Russian',
  description:
    'As `karavan countries --json`. `search` matches a part of a name (EN or RU) or a code (ISO3, ISO2, numeric).',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { search: { type: 'string', maxLength: 80 }, ...resultQueryProperties },
  },
  response: { 200: resultResponse({ type: 'array', items: countryRef }, 'the countries'), ...errorResponses(400) },
} as const;

export const getCountrySchema = {
  tags,
  summary: 'One country by ISO3, ISO2, numeric code or name (EN/RU)',
  description: 'An unknown country answers 404 with the closest names as suggestions.',
  params: {
    type: 'object',
    required: ['country'],
    properties: { country: { type: 'string', minLength: 1, maxLength: 80 } },
  },
  response: { 200: { description: 'the country', ...countryRef }, ...errorResponses(400, 404) },
} as const;

export const listProductsSchema = {
  tags,
  summary: 'Search HS products by words (English or Russian) or code',
  description:
    'As `karavan products --json`: HS2, HS4 and HS6, names with their fallback chain (Russian -> English -> parent heading).',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      search: {
        type: 'string',
        maxLength: 120,
        description: 'words or the start of a code, e.g. "комбайн", "tractor", 8433',
      },
      level: { type: 'integer', enum: [2, 4, 6], description: 'only this HS level (default: all)' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
      ...resultQueryProperties,
    },
  },
  response: { 200: resultResponse({ type: 'array', items: productRef }, 'the products'), ...errorResponses(400) },
} as const;

export const getProductSchema = {
  tags,
  summary: 'One HS code: its names, level, parent and section',
  description:
    'Codes are 2, 4 or 6 digits with the leading zero (0401, 843351). A malformed code answers 400, an unknown one 404.',
  params: {
    type: 'object',
    required: ['code'],
    properties: { code: { type: 'string', pattern: '^[0-9]{2}([0-9]{2}){0,2}$', description: '2, 4 or 6 digits' } },
  },
  querystring: { type: 'object', additionalProperties: false, properties: { lang: langProperty } },
  response: { 200: { description: 'the product', ...productRef }, ...errorResponses(400, 404) },
} as const;
