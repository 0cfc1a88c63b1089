/** Schemas of the datasets, coverage, sources and ingest routes. */
import {
  anyObject,
  countryProperty,
  countryRef,
  errorResponses,
  langProperty,
  resultQueryProperties,
  resultResponse,
} from '../schemas.ts';

const tags = ['datasets'];

const datasetSchema = {
  type: 'object',
  required: ['id', 'fileName', 'sha256', 'format', 'kind', 'source', 'rows', 'years', 'licence'],
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    sha256: { type: 'string' },
    format: { type: 'string', enum: ['baci', 'comtrade', 'wits', 'exports'] },
    kind: { type: 'string', enum: ['flows', 'exports'] },
    source: { type: 'string' },
    rows: { type: 'number' },
    years: { type: 'array', items: { type: 'integer' } },
    hsRevision: { type: ['string', 'null'] },
    productLevels: { type: 'array', items: { type: 'integer' } },
    exporters: { type: 'number' },
    importers: { type: 'number' },
    valueUsdTotal: { type: 'number' },
    importedAt: { type: 'string' },
    licence: { type: 'string' },
    notes: { type: 'array', items: { type: 'string' } },
    embedded: { type: 'boolean' },
    files: { type: 'array', items: { type: 'string' } },
    entities: { type: 'array', items: { type: 'string' } },
    supersededYears: { type: 'array', items: { type: 'integer' } },
    supersededBy: { type: ['string', 'null'] },
  },
} as const;

export const pairQuery = {
  exporter: countryProperty('exporter', 'BLR'),
  importer: countryProperty('importer', 'KAZ'),
} as const;

export const listDatasetsSchema = {
  tags,
  summary: 'The datasets in the store (file, sha256, format, rows, years, licence)',
  description: 'As `karavan datasets --json`.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...resultQueryProperties } },
  response: { 200: resultResponse({ type: 'array', items: datasetSchema }, 'the datasets'), ...errorResponses(400) },
} as const;

const sectionCoverage = {
  type: 'object',
  required: ['section', 'status', 'basis', 'missing'],
  properties: {
    section: {
      type: 'string',
      enum: ['turnover', 'needs', 'supply', 'potential', 'rivals', 'jointProduction', 'surplus', 'complexity'],
    },
    status: { type: 'string', enum: ['computed', 'partial', 'missing'] },
    basis: { type: 'string' },
    missing: {
      type: ['string', 'null'],
      description: 'what is missing and the exact file and `karavan ingest` command that fills the gap',
    },
  },
} as const;

export const coverageSchema = {
  tags,
  summary: 'What the store holds for a pair, section by section, and what to ingest where it lacks data',
  description:
    'src/analysis/coverage.ts `dataCoverage`: every report section is computed, partial or missing, with the file and command that would fill the gap.',
  querystring: { type: 'object', additionalProperties: false, properties: { ...pairQuery, ...resultQueryProperties } },
  response: {
    200: resultResponse(
      {
        type: 'object',
        required: ['exporter', 'importer', 'coverage'],
        properties: {
          exporter: countryRef,
          importer: countryRef,
          coverage: {
            type: 'object',
            required: ['exporter', 'importer', 'pair', 'sections', 'worldFlowYear', 'worldExportYear'],
            properties: {
              exporter: { type: 'string' },
              importer: { type: 'string' },
              pair: anyObject,
              sections: { type: 'array', items: sectionCoverage },
              worldFlowYear: { type: ['integer', 'null'] },
              worldExportYear: { type: ['integer', 'null'] },
            },
          },
        },
      },
      'the coverage of the pair',
    ),
    ...errorResponses(400, 404),
  },
} as const;

export const sourcesSchema = {
  tags,
  summary: 'How to add data: where to download BACI and UN Comtrade files for the pair and the command to ingest them',
  querystring: { type: 'object', additionalProperties: false, properties: { ...pairQuery, lang: langProperty } },
  response: {
    200: {
      description: 'download and ingest instructions',
      type: 'object',
      required: ['baci', 'comtradeImporterImports', 'comtradeExporterExports', 'ingest'],
      properties: {
        baci: { type: 'string' },
        comtradeImporterImports: { type: 'string' },
        comtradeExporterExports: { type: 'string' },
        ingest: {
          type: 'object',
          required: ['enabled', 'maxUploadMb', 'command'],
          properties: { enabled: { type: 'boolean' }, maxUploadMb: { type: 'number' }, command: { type: 'string' } },
        },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;

export const ingestSchema = {
  tags,
  summary: 'Upload a trade file and ingest it (only with `karavan serve --allow-ingest`)',
  description:
    'multipart/form-data with one part `file`: a BACI release (zip or CSV), a UN Comtrade CSV, or an exporter x product table. ' +
    'The upload is size-limited, written to a temporary file, renamed into place when complete, then checked and imported as ' +
    '`karavan ingest` does (same errors, same atomic commit). Off by default: 403.',
  consumes: ['multipart/form-data'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: {
        type: 'string',
        enum: ['baci', 'comtrade', 'wits', 'exports'],
        description: 'layout of the file (default: recognised from the header)',
      },
      hsRevision: {
        type: 'string',
        pattern: '^HS[0-9]{2}$',
        description: 'HS revision when the file does not say it, e.g. HS07',
      },
      source: {
        type: 'string',
        pattern: '^[a-z][a-z0-9_-]{0,31}$',
        description: 'name of the source partition (default: baci, comtrade or user)',
      },
      licence: { type: 'string', maxLength: 200 },
    },
  },
  response: {
    200: {
      description: 'the ingest result (status imported or unchanged, the dataset, notes, elapsedMs)',
      type: 'object',
      required: ['status', 'dataset', 'notes', 'elapsedMs'],
      properties: {
        status: { type: 'string', enum: ['imported', 'unchanged'] },
        dataset: datasetSchema,
        notes: { type: 'array', items: { type: 'string' } },
        elapsedMs: { type: 'number' },
      },
    },
    ...errorResponses(400, 403, 409, 413),
  },
} as const;

export const ingestStatusSchema = {
  tags,
  summary: 'Whether an upload or ingest is running, for progress display',
  response: {
    200: {
      description: 'the running ingest, if any',
      type: 'object',
      required: ['enabled', 'running'],
      properties: {
        enabled: { type: 'boolean' },
        running: { type: 'boolean' },
        phase: { type: 'string', enum: ['upload', 'ingest'] },
        fileName: { type: 'string' },
        receivedBytes: { type: 'number' },
        elapsedMs: { type: 'number' },
      },
    },
  },
} as const;
