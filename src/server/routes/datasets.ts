/**
 * Datasets, coverage, where to get more data, and ingest over HTTP (off unless the server was
 * started with --allow-ingest). The same core calls as `karavan datasets`, `karavan report`
 * (coverage) and `karavan ingest`.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { createWriteStream, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { baciAdvice, comtradeAdvice, countryValues, dataCoverage, type DataCoverage } from '../../analysis/index.ts';
import { formatMessage } from '../../messages/index.ts';
import { resolvePair, type DatasetRecord, type IngestOptions } from '../../data/index.ts';
import { IngestDisabledError, MissingOptionError, PayloadTooLargeError, StoreLockedError } from '../../errors.ts';
import { sendResult } from '../respond.ts';
import type { Lang, ResultTable } from '../tables.ts';
import { coverageTable } from '../../report/section-tables.ts';
import {
  coverageSchema,
  ingestSchema,
  ingestStatusSchema,
  listDatasetsSchema,
  sourcesSchema,
} from './datasets.schema.ts';

const datasetTables = (rows: DatasetRecord[]): ResultTable[] => [
  {
    id: 'datasets',
    en: 'Datasets',
    ru: 'Наборы данных',
    columns: [
      { key: 'id', en: 'Id', ru: 'Id' },
      { key: 'fileName', en: 'File', ru: 'Файл' },
      { key: 'format', en: 'Format', ru: 'Формат' },
      { key: 'kind', en: 'Kind', ru: 'Вид' },
      { key: 'source', en: 'Source', ru: 'Источник' },
      { key: 'rows', en: 'Rows', ru: 'Строк', kind: 'integer' },
      { key: 'years', en: 'Years', ru: 'Годы' },
      { key: 'hsRevision', en: 'HS revision', ru: 'Редакция ГС' },
      { key: 'exporters', en: 'Exporters', ru: 'Экспортёров', kind: 'integer' },
      { key: 'importers', en: 'Importers', ru: 'Импортёров', kind: 'integer' },
      { key: 'valueUsdTotal', en: 'Value, USD', ru: 'Стоимость, долл. США', kind: 'usd' },
      { key: 'importedAt', en: 'Imported', ru: 'Загружен' },
      { key: 'licence', en: 'Licence', ru: 'Лицензия' },
    ],
    rows,
  },
];

const coverageTables = (result: { coverage: DataCoverage }, lang: Lang): ResultTable[] => [
  coverageTable(result.coverage.sections, lang),
];

interface IngestState {
  phase: 'upload' | 'ingest';
  fileName: string;
  receivedBytes: number;
  startedAt: number;
}

export default async function datasetRoutes(app: FastifyInstance): Promise<void> {
  const options = app.karavan;
  const maxBytes = Math.round(options.maxUploadMb * 1024 * 1024);
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 },
    throwFileSizeLimit: true,
  });
  let running: IngestState | null = null;

  app.get('/datasets', { schema: listDatasetsSchema }, (request, reply) =>
    sendResult(request, reply, {
      fileName: 'datasets',
      compute: async () => app.store.datasets(),
      tables: datasetTables,
    }),
  );

  app.get('/coverage', { schema: coverageSchema }, (request, reply) => {
    const q = request.query as { exporter: string; importer: string };
    return sendResult(request, reply, {
      fileName: 'coverage',
      compute: async () => {
        const [exporter, importer] = await resolvePair(app.store, q.exporter, q.importer);
        return { exporter, importer, coverage: await dataCoverage(app.store, exporter.iso3, importer.iso3) };
      },
      tables: coverageTables,
    });
  });

  app.get('/sources', { schema: sourcesSchema }, async (request) => {
    const q = request.query as { exporter: string; importer: string; lang?: 'en' | 'ru' };
    const [exporter, importer] = await resolvePair(app.store, q.exporter, q.importer);
    const [exporterValue, importerValue] = await countryValues(app.store, exporter.iso3, importer.iso3);
    const lang = q.lang ?? 'en';
    return {
      baci: formatMessage(baciAdvice(), lang),
      comtradeImporterImports: formatMessage(comtradeAdvice(importerValue!, 'imports'), lang),
      comtradeExporterExports: formatMessage(comtradeAdvice(exporterValue!, 'exports'), lang),
      ingest: { enabled: options.allowIngest, maxUploadMb: options.maxUploadMb, command: 'karavan ingest <file>' },
    };
  });

  app.get('/ingest/status', { schema: ingestStatusSchema }, async () =>
    running === null
      ? { enabled: options.allowIngest, running: false }
      : {
          enabled: options.allowIngest,
          running: true,
          phase: running.phase,
          fileName: running.fileName,
          receivedBytes: running.receivedBytes,
          elapsedMs: Date.now() - running.startedAt,
        },
  );

  app.post('/ingest', { schema: ingestSchema }, async (request) => {
    if (!options.allowIngest) {
      throw new IngestDisabledError('ingest over HTTP is off', {
        hint: 'start the server with `karavan serve --allow-ingest`, or run `karavan ingest <file>`',
      });
    }
    if (running !== null)
      throw new StoreLockedError(`another upload is being ingested: ${running.fileName}`, {
        hint: 'wait until it ends (GET /api/ingest/status)',
      });
    const state: IngestState = { phase: 'upload', fileName: '', receivedBytes: 0, startedAt: Date.now() };
    running = state;
    const dir = mkdtempSync(join(tmpdir(), 'karavan-upload-'));
    try {
      const part = await request.file();
      if (!part) throw new MissingOptionError('missing file: send multipart/form-data with one part named "file"');
      // Keep the original name (it tells the HS revision of a BACI release), without any path.
      const name =
        basename(part.filename || 'upload.csv')
          .replace(/[^\p{L}\p{N}._-]+/gu, '_')
          .replace(/^\.+/, '') || 'upload.csv';
      state.fileName = name;
      const partial = join(dir, `${name}.part`);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          state.receivedBytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, counter, createWriteStream(partial));
      if (part.file.truncated)
        throw new PayloadTooLargeError(`the upload is larger than ${options.maxUploadMb} MB`, {
          hint: 'start the server with a larger --max-upload-mb, or run `karavan ingest <file>`',
        });
      const complete = join(dir, name);
      renameSync(partial, complete);
      state.phase = 'ingest';
      const q = request.query as {
        format?: IngestOptions['format'];
        hsRevision?: string;
        source?: string;
        licence?: string;
      };
      return await app.store.ingest(complete, {
        format: q.format,
        hsRevision: q.hsRevision,
        source: q.source,
        licence: q.licence,
      });
    } finally {
      running = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
