/**
 * The download client (src/data/download.ts) against a local HTTP server on 127.0.0.1 started here; nothing
 * reaches the internet. The served file is a real BACI-layout release zip built from the embedded 2021 slice
 * and country table; expected hashes are computed here from the bytes served.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baciReleaseUrl,
  comtradeCsvColumns,
  comtradeRecordsToCsv,
  comtradeReporterCode,
  comtradeRequestUrl,
  downloadFile,
  parseBaciRelease,
  parseBaciRevision,
  parseComtradeAnswer,
  parseYears,
} from '../../src/data/download.ts';
import { TradeStore } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { closedPort, serveFile, startTestServer, type TestServer } from '../support/http-server.ts';
import { csvLines, embeddedBaciCountryCodes, embeddedBaciSlice } from '../support/raw-sources.ts';
import { tempDir } from '../support/store.ts';
import { writeZip } from '../support/zip.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function failure(promise: Promise<unknown>): Promise<KaravanError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a typed error').toBeInstanceOf(KaravanError);
  return error as KaravanError;
}

describe('downloadFile against a local server', () => {
  const dir = tempDir('karavan-download-');
  let server: TestServer;
  let zip: Buffer;
  let zipSha256: string;

  beforeAll(async () => {
    server = await startTestServer();
    const zipPath = await writeZip(join(dir.path, 'served.zip'), {
      'BACI_HS92_Y2021_V202301.csv': gunzipSync(readFileSync(embeddedBaciSlice)),
      'country_codes_V202301.csv': gunzipSync(readFileSync(embeddedBaciCountryCodes)),
    });
    zip = readFileSync(zipPath);
    zipSha256 = sha256(zip);
  });
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  const target = (name: string) => join(dir.path, 'downloads', name);

  it('downloads the whole file, renames it into place, returns its sha256, and the store ingests it', async () => {
    server.handle((req, res) => serveFile(res, req, zip));
    const destination = target('BACI_HS92_V202301.zip');
    const seen: number[] = [];
    const result = await downloadFile({
      url: `${server.origin}/baci/BACI_HS92_V202301.zip`,
      destination,
      onProgress: (p) => seen.push(p.receivedBytes),
    });
    expect(result).toMatchObject({
      path: destination,
      sizeBytes: zip.length,
      sha256: zipSha256,
      resumedFromBytes: 0,
      restarted: false,
      attempts: 1,
    });
    expect(sha256(readFileSync(destination))).toBe(zipSha256);
    expect(existsSync(`${destination}.part`)).toBe(false);
    expect(seen.at(-1)).toBe(zip.length);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.range).toBeUndefined();

    const home = join(dir.path, 'home');
    const store = await TradeStore.open({ home, ensureDefault: false, threads: 2 });
    try {
      const imported = await store.ingest(destination, { licence: `downloaded from ${result.finalUrl}` });
      expect(imported.status).toBe('imported');
      expect(imported.dataset).toMatchObject({
        format: 'baci',
        sha256: zipSha256,
        rows: csvLines(embeddedBaciSlice).length,
        years: [2021],
      });
      expect(imported.dataset.licence).toBe(`downloaded from ${server.origin}/baci/BACI_HS92_V202301.zip`);
    } finally {
      store.closeSync();
    }
  });

  it('resumes with Range after the server cuts the connection mid-way, and the file is whole', async () => {
    const cutAt = Math.floor(zip.length / 3);
    server.handle((req, res, index) => serveFile(res, req, zip, index === 0 ? { cutAfterBytes: cutAt } : {}));
    const destination = target('resumed.zip');
    const result = await downloadFile({ url: `${server.origin}/resumed.zip`, destination, retryDelayMs: 10 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers.range).toBeUndefined();
    expect(server.requests[1]!.headers.range).toBe(`bytes=${cutAt}-`);
    expect(result).toMatchObject({
      resumedFromBytes: cutAt,
      restarted: false,
      attempts: 2,
      sha256: zipSha256,
      sizeBytes: zip.length,
    });
    expect(sha256(readFileSync(destination))).toBe(zipSha256);
  });

  it('resumes a .part file an earlier run left', async () => {
    server.handle((req, res) => serveFile(res, req, zip));
    const destination = target('left-over.zip');
    const kept = 1000;
    writeFileSync(`${destination}.part`, zip.subarray(0, kept));
    const result = await downloadFile({ url: `${server.origin}/left-over.zip`, destination });
    expect(server.requests.map((r) => r.headers.range)).toEqual([`bytes=${kept}-`]);
    expect(result).toMatchObject({ resumedFromBytes: kept, attempts: 1, sha256: zipSha256 });
  });

  it('starts over when the server ignores Range (200), so stale bytes of a .part are not kept', async () => {
    server.handle((req, res) => serveFile(res, req, zip, { honourRange: false }));
    const destination = target('ignored-range.zip');
    writeFileSync(`${destination}.part`, Buffer.alloc(777, 0x41));
    const result = await downloadFile({ url: `${server.origin}/ignored-range.zip`, destination });
    expect(server.requests[0]!.headers.range).toBe('bytes=777-');
    expect(result).toMatchObject({ restarted: true, resumedFromBytes: 0, sizeBytes: zip.length, sha256: zipSha256 });
  });

  it('starts over when the server resumes from another offset than the .part ends at', async () => {
    server.handle((req, res) => {
      if (req.headers.range) {
        // A 206 from byte 10 when 2000 were asked for: splicing it would corrupt the file.
        res.writeHead(206, {
          'content-range': `bytes 10-${zip.length - 1}/${zip.length}`,
          'content-length': zip.length - 10,
        });
        res.end(zip.subarray(10));
      } else serveFile(res, req, zip);
    });
    const destination = target('wrong-offset.zip');
    writeFileSync(`${destination}.part`, zip.subarray(0, 2000));
    const result = await downloadFile({ url: `${server.origin}/wrong-offset.zip`, destination });
    expect(server.requests.map((r) => r.headers.range)).toEqual(['bytes=2000-', undefined]);
    expect(result).toMatchObject({ restarted: true, resumedFromBytes: 0, sha256: zipSha256 });
  });

  it('takes a .part the server says is already whole (416 with the same size)', async () => {
    server.handle((_req, res) => res.writeHead(416, { 'content-range': `bytes */${zip.length}` }).end());
    const destination = target('already-whole.zip');
    writeFileSync(`${destination}.part`, zip);
    const result = await downloadFile({ url: `${server.origin}/already-whole.zip`, destination });
    expect(server.requests.map((r) => r.headers.range)).toEqual([`bytes=${zip.length}-`]);
    expect(result).toMatchObject({ resumedFromBytes: zip.length, sizeBytes: zip.length, sha256: zipSha256 });
    expect(existsSync(`${destination}.part`)).toBe(false);
  });

  it('follows redirects and reports the address that answered', async () => {
    server.handle((req, res) => {
      if (req.url === '/old.zip') res.writeHead(302, { location: '/new/place.zip' }).end();
      else serveFile(res, req, zip);
    });
    const result = await downloadFile({ url: `${server.origin}/old.zip`, destination: target('redirected.zip') });
    expect(server.requests.map((r) => r.url)).toEqual(['/old.zip', '/new/place.zip']);
    expect(result.finalUrl).toBe(`${server.origin}/new/place.zip`);
    expect(result.sha256).toBe(zipSha256);
  });

  it.each([404, 500])(
    'an HTTP %i answer is KRV_NET_HTTP naming the status and the URL; nothing is written',
    async (status) => {
      server.handle((_req, res) => res.writeHead(status, { 'content-type': 'text/plain' }).end('no'));
      const destination = target(`status-${status}.zip`);
      const url = `${server.origin}/missing/BACI_HS17_V209901.zip`;
      const error = await failure(downloadFile({ url, destination, retryDelayMs: 10 }));
      expect(error.code).toBe('KRV_NET_HTTP');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(url);
      expect(error.value).toBe(String(status));
      expect(existsSync(destination)).toBe(false);
      expect(server.requests).toHaveLength(1);
    },
  );

  it('a body shorter than its Content-Length is never renamed into place (KRV_NET_BAD_DOWNLOAD, .part kept)', async () => {
    const sent = 5000;
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-length': zip.length, 'content-type': 'application/zip' });
      res.write(zip.subarray(0, sent), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const destination = target('truncated.zip');
    const error = await failure(
      downloadFile({ url: `${server.origin}/truncated.zip`, destination, retries: 1, retryDelayMs: 10 }),
    );
    expect(error.code).toBe('KRV_NET_BAD_DOWNLOAD');
    expect(error.message).toContain(`of ${zip.length}`);
    expect(existsSync(destination)).toBe(false);
    expect(readFileSync(`${destination}.part`).length).toBe(sent);
    // The retry asked for the rest; the server answered 200 again, so the .part restarted and broke at the same place.
    expect(server.requests.map((r) => r.headers.range)).toEqual([undefined, `bytes=${sent}-`]);
  });

  it('a host that cannot be reached is KRV_NET_OFFLINE, quickly', async () => {
    const port = await closedPort();
    const started = performance.now();
    const error = await failure(
      downloadFile({ url: `http://127.0.0.1:${port}/BACI_HS17_V202601.zip`, destination: target('offline.zip') }),
    );
    expect(error.code).toBe('KRV_NET_OFFLINE');
    expect(error.message).toContain(`cannot reach 127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(existsSync(target('offline.zip'))).toBe(false);
  });

  it('a server that accepts the connection but never answers times out instead of hanging', async () => {
    server.handle(() => undefined);
    const destination = target('silent.zip');
    const error = await failure(
      downloadFile({
        url: `${server.origin}/silent.zip`,
        destination,
        idleTimeoutMs: 300,
        retries: 1,
        retryDelayMs: 10,
      }),
    );
    expect(error.code).toBe('KRV_NET_BAD_DOWNLOAD');
    expect(error.message).toContain('no data for 0.3 s');
    expect(server.requests).toHaveLength(2);
    expect(existsSync(destination)).toBe(false);
  });

  it('refuses an address that is not http(s)', async () => {
    const error = await failure(downloadFile({ url: 'ftp://127.0.0.1/x.zip', destination: target('ftp.zip') }));
    expect(error.code).toBe('KRV_OPT_INVALID');
  });
});

describe('addresses and options', () => {
  it('builds the CEPII address of a release', () => {
    expect(baciReleaseUrl(parseBaciRevision('HS17'), parseBaciRelease('202401b'))).toBe(
      'https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS17_V202401b.zip',
    );
    expect(parseBaciRevision('02')).toBe('02');
    expect(() => parseBaciRevision('18')).toThrow(/invalid --hs: 18/);
    expect(() => parseBaciRelease('2024')).toThrow(/invalid --release/);
  });

  it('reads years as ranges and lists, and refuses what is not one', () => {
    expect(parseYears('2019-2023', 2026)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(parseYears('2021, 2015,2019-2020,2021', 2026)).toEqual([2015, 2019, 2020, 2021]);
    expect(() => parseYears('2023-2019', 2026)).toThrow(/runs backwards/);
    expect(() => parseYears('2027', 2026)).toThrow(/outside 1962-2026/);
    expect(() => parseYears('21', 2026)).toThrow(/not a year or a range/);
  });

  it('asks Comtrade with its own reporter codes, totals over customs procedures and transport modes', () => {
    expect(comtradeReporterCode({ iso3: 'KAZ', numeric: '398' })).toBe(398);
    expect(comtradeReporterCode({ iso3: 'USA', numeric: '840' })).toBe(842);
    const keyed = new URL(
      comtradeRequestUrl({
        reporterCode: 398,
        flow: 'imports',
        year: 2021,
        cmdCode: 'AG6',
        partnerCode: null,
        keyed: true,
        origin: 'https://comtradeapi.un.org',
      }),
    );
    expect(`${keyed.origin}${keyed.pathname}`).toBe('https://comtradeapi.un.org/data/v1/get/C/A/HS');
    expect(Object.fromEntries(keyed.searchParams)).toMatchObject({
      reporterCode: '398',
      period: '2021',
      flowCode: 'M',
      cmdCode: 'AG6',
      customsCode: 'C00',
      motCode: '0',
      partner2Code: '0',
      maxRecords: '250000',
      format: 'JSON',
    });
    expect(keyed.searchParams.has('partnerCode')).toBe(false);
    const preview = new URL(
      comtradeRequestUrl({
        reporterCode: 398,
        flow: 'both',
        year: 2020,
        cmdCode: '8433',
        partnerCode: 112,
        keyed: false,
        origin: 'https://comtradeapi.un.org',
      }),
    );
    expect(preview.pathname).toBe('/public/v1/preview/C/A/HS');
    expect(Object.fromEntries(preview.searchParams)).toMatchObject({
      flowCode: 'M,X',
      partnerCode: '112',
      maxRecords: '500',
    });
  });

  it('refuses an answer that fills the endpoint limit, or lacks a required field', () => {
    const record = {
      refYear: 2021,
      reporterCode: 398,
      flowCode: 'M',
      partnerCode: 112,
      cmdCode: '843351',
      primaryValue: 5,
    };
    const full = JSON.stringify({ count: 500, data: Array.from({ length: 500 }, () => record) });
    expect(() => parseComtradeAnswer(full, 'a.json', 500, 'http://127.0.0.1/x')).toThrow(
      /500 records, the most this endpoint returns/,
    );
    const missing = JSON.stringify({ count: 1, data: [{ ...record, primaryValue: null }] });
    expect(() => parseComtradeAnswer(missing, 'b.json', 500, 'http://127.0.0.1/x')).toThrow(
      /record 1 .* lacks primaryValue/,
    );
    expect(() => parseComtradeAnswer('<html>', 'c.json', 500, 'http://127.0.0.1/x')).toThrow(/not JSON/);
  });

  it('writes records as a UN Comtrade CSV, quoting what needs it and leaving missing weights empty', () => {
    const csv = comtradeRecordsToCsv([
      {
        refYear: 2021,
        freqCode: 'A',
        classificationCode: 'H5',
        reporterCode: 398,
        flowCode: 'M',
        partnerCode: 112,
        partner2Code: 0,
        cmdCode: '843351',
        customsCode: 'C00',
        motCode: 0,
        primaryValue: 1234.5,
        netWgt: null,
      },
      { refYear: 2021, reporterCode: 398, flowCode: 'M', partnerCode: 0, cmdCode: 'a,"b"', primaryValue: 1 },
    ]);
    expect(csv.split('\n')).toEqual([
      comtradeCsvColumns.join(','),
      '2021,A,H5,398,M,112,0,843351,C00,0,1234.5,',
      '2021,,,398,M,0,,"a,""b""",,,1,',
      '',
    ]);
  });
});
