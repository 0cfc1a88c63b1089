/**
 * `karavan download` run through bin/karavan.js against a local HTTP server on 127.0.0.1 started here (the
 * BACI address through --url, the UN Comtrade API through $KARAVAN_COMTRADE_API); nothing reaches the
 * internet. Expected figures come from the bytes and the JSON served here, never from Karavan's code.
 * Run `npx tsc -p tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { closedPort, serveFile, startTestServer, type TestServer } from '../support/http-server.ts';
import { csvLines, embeddedBaciCountryCodes, embeddedBaciSlice } from '../support/raw-sources.ts';
import { tempDir } from '../support/store.ts';
import { writeZip } from '../support/zip.ts';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A UN Comtrade API record as data/v1/get answers it (the fields the converter reads, and a few it does not). */
function comtradeRecord(
  year: number,
  partnerCode: number,
  partnerISO: string,
  cmdCode: string,
  primaryValue: number,
  netWgt: number | null,
) {
  return {
    typeCode: 'C',
    freqCode: 'A',
    refPeriodId: year * 10000 + 101,
    refYear: year,
    refMonth: 52,
    period: String(year),
    reporterCode: 398,
    reporterISO: 'KAZ',
    reporterDesc: 'Kazakhstan',
    flowCode: 'M',
    flowDesc: 'Import',
    partnerCode,
    partnerISO,
    partner2Code: 0,
    partner2ISO: 'W00',
    classificationCode: year >= 2022 ? 'H6' : 'H5',
    classificationSearchCode: 'HS',
    isOriginalClassification: true,
    cmdCode,
    cmdDesc: 'a description, with a comma',
    aggrLevel: 6,
    isLeaf: true,
    customsCode: 'C00',
    mosCode: '0',
    motCode: 0,
    qtyUnitCode: 8,
    qty: 10,
    netWgt,
    grossWgt: 0,
    cifvalue: primaryValue,
    fobvalue: null,
    primaryValue,
    legacyEstimationFlag: 0,
    isReported: true,
    isAggregate: false,
  };
}

const comtradeAnswers: Record<string, ReturnType<typeof comtradeRecord>[]> = {
  '2021': [
    comtradeRecord(2021, 112, 'BLR', '843351', 12_345_678.5, 250_000),
    comtradeRecord(2021, 643, 'RUS', '843351', 98_765_432, 1_900_000),
    comtradeRecord(2021, 842, 'USA', '870130', 4_500_000.25, null),
  ],
  '2022': [
    comtradeRecord(2022, 112, 'BLR', '843351', 15_000_000, 300_000),
    comtradeRecord(2022, 0, 'W00', '843351', 140_000_000, 2_500_000),
  ],
};

describe('karavan download', () => {
  const dir = tempDir('karavan-cli-download-');
  const home = join(dir.path, 'home');
  let server: TestServer;
  let zip: Buffer;

  async function karavan(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
    return run(process.execPath, [launcher, ...args], {
      env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '', COMTRADE_API_KEY: '', ...env },
      maxBuffer: 1 << 26,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );
  }

  beforeAll(async () => {
    server = await startTestServer();
    const zipPath = await writeZip(join(dir.path, 'served.zip'), {
      'BACI_HS92_Y2021_V202301.csv': gunzipSync(readFileSync(embeddedBaciSlice)),
      'country_codes_V202301.csv': gunzipSync(readFileSync(embeddedBaciCountryCodes)),
    });
    zip = readFileSync(zipPath);
  });
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  it('baci: downloads to $KARAVAN_HOME/downloads, records the address and sha256, ingests; a second run reuses the file', async () => {
    server.handle((req, res) => serveFile(res, req, zip));
    const url = `${server.origin}/DATA_DOWNLOAD/baci/data/BACI_HS92_V202301.zip`;
    const zipSha256 = createHash('sha256').update(zip).digest('hex');
    const first = await karavan(['download', 'baci', '--hs', '92', '--release', '202301', '--url', url, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    const destination = join(home, 'downloads', 'BACI_HS92_V202301.zip');
    expect(result.download).toMatchObject({
      path: destination,
      sizeBytes: zip.length,
      sha256: zipSha256,
      finalUrl: url,
    });
    expect(existsSync(destination)).toBe(true);
    expect(result.ingest.status).toBe('imported');
    expect(result.ingest.dataset).toMatchObject({
      format: 'baci',
      sha256: zipSha256,
      rows: csvLines(embeddedBaciSlice).length,
      hsRevision: 'HS92',
    });
    expect(result.ingest.dataset.licence).toContain(`downloaded from ${url}`);
    expect(result.ingest.dataset.licence).toContain(`sha256 ${zipSha256}`);
    expect(server.requests).toHaveLength(1);

    const again = await karavan(['download', 'baci', '--hs', '92', '--release', '202301', '--url', url]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already downloaded');
    expect(again.stdout).toContain('already imported');
    expect(server.requests).toHaveLength(1);
  });

  it('baci: an unreachable host is KRV_NET_OFFLINE (exit 1) and nothing is ingested', async () => {
    const port = await closedPort();
    const outcome = await karavan([
      'download',
      'baci',
      '--hs',
      '17',
      '--url',
      `http://127.0.0.1:${port}/BACI_HS17_V202601.zip`,
    ]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('error KRV_NET_OFFLINE: cannot reach 127.0.0.1');
    expect(outcome.stderr).toContain('hint: ');
    expect(existsSync(join(home, 'downloads', 'BACI_HS17_V202601.zip'))).toBe(false);
  });

  it('baci: a 404 names the status and the address', async () => {
    server.handle((_req, res) => res.writeHead(404).end());
    const url = `${server.origin}/DATA_DOWNLOAD/baci/data/BACI_HS17_V209912.zip`;
    const outcome = await karavan(['download', 'baci', '--hs', '17', '--release', '209912', '--url', url]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`error KRV_NET_HTTP: ${url} answered HTTP 404`);
  });

  it('comtrade: sends the key header, converts the JSON answers to a Comtrade CSV and ingests the figures served', async () => {
    server.handle((req, res) => {
      const period = new URL(req.url ?? '', server.origin).searchParams.get('period') ?? '';
      const data = comtradeAnswers[period] ?? [];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ elapsedTime: '0.1 secs', count: data.length, data, error: '' }));
    });
    const outcome = await karavan(
      ['download', 'comtrade', '--reporter', 'KAZ', '--flow', 'imports', '--years', '2021-2022', '--json'],
      {
        COMTRADE_API_KEY: 'test-subscription-key',
        KARAVAN_COMTRADE_API: server.origin,
      },
    );
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    for (const [i, request] of server.requests.entries()) {
      const url = new URL(request.url, server.origin);
      expect(url.pathname).toBe('/data/v1/get/C/A/HS');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        reporterCode: '398',
        period: String(2021 + i),
        flowCode: 'M',
        cmdCode: 'AG6',
      });
      expect(request.headers['ocp-apim-subscription-key']).toBe('test-subscription-key');
    }
    const result = JSON.parse(outcome.stdout);
    expect(result.reporter).toEqual({ iso3: 'KAZ', comtradeCode: 398 });
    expect(result.csv.rows).toBe(5);
    expect(result.ingest.status).toBe('imported');
    expect(result.ingest.dataset).toMatchObject({ format: 'comtrade', rows: 5, years: [2021, 2022] });
    expect(result.ingest.dataset.licence).toContain(`${server.origin}/data/v1/get/C/A/HS?reporterCode=398&period=2021`);
    expect(result.ingest.dataset.licence).toContain(`sha256 ${result.answers[0].sha256}`);
    expect(result.ingest.dataset.licence).not.toContain('test-subscription-key');

    const store = await TradeStore.open({ home, ensureDefault: false, threads: 2 });
    try {
      const rows = await store.query<{
        year: number;
        exporter: string;
        importer: string;
        reporter: string;
        product: string;
        hs_revision: string;
        value_usd: number;
        qty_tonnes: number | null;
      }>(
        `SELECT year, exporter, importer, reporter, product, hs_revision, value_usd, qty_tonnes FROM flows WHERE dataset_id = $1 ORDER BY year, exporter`,
        [result.ingest.dataset.id],
      );
      const iso3: Record<number, string> = { 0: 'WLD', 112: 'BLR', 643: 'RUS', 842: 'USA' };
      const expected = Object.values(comtradeAnswers)
        .flat()
        .map((r) => ({
          year: r.refYear,
          exporter: iso3[r.partnerCode],
          importer: 'KAZ',
          reporter: 'KAZ',
          product: r.cmdCode,
          hs_revision: r.classificationCode === 'H6' ? 'HS22' : 'HS17',
          value_usd: r.primaryValue,
          qty_tonnes: r.netWgt === null ? null : r.netWgt / 1000,
        }))
        .sort((a, b) => a.year - b.year || a.exporter!.localeCompare(b.exporter!));
      expect(rows.map((r) => ({ ...r, year: Number(r.year) }))).toEqual(expected);
    } finally {
      store.closeSync();
    }
  });

  it('comtrade: without a key asks the public preview, and refuses an answer cut at its 500 records', async () => {
    const record = comtradeRecord(2021, 112, 'BLR', '843351', 1, 1);
    server.handle((_req, res) => {
      const data = Array.from({ length: 500 }, () => record);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 500, data }));
    });
    const outcome = await karavan(['download', 'comtrade', '--reporter', 'Kazakhstan', '--years', '2021'], {
      KARAVAN_COMTRADE_API: server.origin,
    });
    expect(outcome.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    const url = new URL(server.requests[0]!.url, server.origin);
    expect(url.pathname).toBe('/public/v1/preview/C/A/HS');
    expect(url.searchParams.get('maxRecords')).toBe('500');
    expect(url.searchParams.get('flowCode')).toBe('M,X');
    expect(server.requests[0]!.headers['ocp-apim-subscription-key']).toBeUndefined();
    expect(outcome.stderr).toContain(
      'COMTRADE_API_KEY is not set: using the public preview, at most 500 records a year',
    );
    expect(outcome.stderr).toContain('error KRV_NET_ROW_LIMIT');
  });

  it('comtrade: refuses bad years and unknown reporters before any request', async () => {
    server.handle((_req, res) => res.writeHead(500).end());
    const backwards = await karavan(['download', 'comtrade', '--reporter', 'KAZ', '--years', '2023-2019'], {
      KARAVAN_COMTRADE_API: server.origin,
    });
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('error KRV_OPT_INVALID: invalid --years: 2023-2019');
    const unknown = await karavan(['download', 'comtrade', '--reporter', 'Atlantis', '--years', '2021'], {
      KARAVAN_COMTRADE_API: server.origin,
    });
    expect(unknown.stderr).toContain('error KRV_REF_UNKNOWN_COUNTRY');
    expect(server.requests).toHaveLength(0);
  });
});
