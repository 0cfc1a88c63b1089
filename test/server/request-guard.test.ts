/**
 * The request guard (src/server/request-guard.ts): Host names the server answers to (DNS rebinding), same-origin
 * state changes, the JSON error shape for requests Node cannot parse, and no local paths or pids in error bodies.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadValueError, StoreLockedError } from '../../src/errors.ts';
import { crossOriginReason, hostAllowed, hostName, publicErrorBody } from '../../src/server/request-guard.ts';
import { contentSecurityPolicy } from '../../src/server/security.ts';
import { testServer, type TestServer } from './helpers.ts';

function multipart(name: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----karavan-guard-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Sends raw bytes and returns the whole answer, as Node's parser would meet them from a real client. */
function rawRequest(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', (error) =>
      chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(error),
    );
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.end(bytes);
  });
}

function parseAnswer(answer: string): { status: number; headers: Record<string, string>; body: any } {
  const [head, ...rest] = answer.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head!.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine!.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n\r\n')) };
}

describe('host names', () => {
  it('reads the name out of a Host header or authority', () => {
    expect(hostName('LocalHost:8080')).toBe('localhost');
    expect(hostName('[::1]:8080')).toBe('::1');
    expect(hostName('::1')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('answers loopback names, the bound address, IP literals when bound to all interfaces, and allowed names', () => {
    expect(hostAllowed('localhost:8080', '127.0.0.1', [])).toBe(true);
    expect(hostAllowed('127.0.0.5:80', '127.0.0.1', [])).toBe(true);
    expect(hostAllowed('[::1]:8080', '127.0.0.1', [])).toBe(true);
    expect(hostAllowed('evil.example.com', '127.0.0.1', [])).toBe(false);
    expect(hostAllowed('evil.example.com:8080', '0.0.0.0', [])).toBe(false);
    expect(hostAllowed('192.168.1.5:8080', '0.0.0.0', [])).toBe(true);
    expect(hostAllowed('192.168.1.5:8080', '127.0.0.1', [])).toBe(false);
    expect(hostAllowed('10.0.0.2', '10.0.0.2', [])).toBe(true);
    expect(hostAllowed('karavan.lan:8080', '0.0.0.0', ['karavan.lan'])).toBe(true);
    expect(hostAllowed('', '127.0.0.1', [])).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1', [])).toBe(false);
  });

  it('tells a cross-origin state change from a same-origin or non-browser one', () => {
    expect(crossOriginReason({ host: 'localhost:8080' })).toBeNull();
    expect(crossOriginReason({ host: 'localhost:8080', origin: 'http://localhost:8080' })).toBeNull();
    expect(crossOriginReason({ host: 'localhost:8080', 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(crossOriginReason({ host: 'localhost:8080', origin: 'http://evil.example' })).toMatch(/evil\.example/);
    expect(crossOriginReason({ host: 'localhost:8080', origin: 'http://localhost:9999' })).toMatch(/localhost:9999/);
    expect(crossOriginReason({ host: 'localhost:8080', origin: 'null' })).toBe('Origin: null');
    expect(crossOriginReason({ host: 'localhost:8080', 'sec-fetch-site': 'cross-site' })).toMatch(/cross-site/);
  });
});

describe('the guard in the server', () => {
  let s: TestServer;
  let port = 0;
  beforeAll(async () => {
    s = await testServer({ fixture: false, allowIngest: true, maxUploadMb: 1 });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    port = (s.app.server.address() as AddressInfo).port;
  });
  afterAll(() => s.close());

  it('refuses a request for another host name (DNS rebinding) with 421, the error shape and the headers', async () => {
    const r = await s.app.inject({ url: '/api/datasets', headers: { host: 'evil.example.com' } });
    expect(r.statusCode).toBe(421);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_HTTP_HOST_REFUSED' });
    expect(r.body).not.toMatch(/"id"|ots/); // no data
    expect(r.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const page = await s.app.inject({ url: '/', headers: { host: 'evil.example.com:8080' } });
    expect(page.statusCode).toBe(421);
    const ok = await s.app.inject({ url: '/api/datasets', headers: { host: `127.0.0.1:${port}` } });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a cross-origin upload and leaves the store as it was; a same-origin or scripted one reaches the route', async () => {
    const before = JSON.parse((await s.app.inject({ url: '/api/datasets' })).body);
    const csv = '"t","i","j","k","v","q"\n2021,112,398,843351,1000,1\n';
    const { payload, headers } = multipart('attack.csv', csv);
    const cross = await s.app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload,
      headers: { ...headers, origin: 'http://evil.example', host: 'localhost:80' },
    });
    expect(cross.statusCode).toBe(403);
    expect(JSON.parse(cross.body)).toMatchObject({ code: 'KRV_HTTP_CROSS_ORIGIN' });
    const siteOnly = await s.app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload,
      headers: { ...headers, 'sec-fetch-site': 'cross-site' },
    });
    expect(siteOnly.statusCode).toBe(403);
    expect(JSON.parse((await s.app.inject({ url: '/api/datasets' })).body)).toEqual(before);
    // The same body from the dashboard's own origin passes the guard (the route then answers for itself).
    const same = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/fleet',
      payload: {},
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(same.statusCode).not.toBe(403);
    const scripted = await s.app.inject({ method: 'POST', url: '/api/machinery/fleet', payload: {} });
    expect(scripted.statusCode).not.toBe(403);
  });

  it('keeps local paths and pids out of error bodies', async () => {
    const { payload, headers } = multipart('bad.csv', '"t","i","j","k","v","q"\n2021,112,398,843351,abc,1\n');
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(r.statusCode).toBe(400);
    const body = JSON.parse(r.body);
    expect(body.code).toBe('KRV_INGEST_BAD_VALUE');
    expect(r.body).not.toMatch(/karavan-upload-|\/tmp\//);
    if (body.file !== undefined) expect(body.file).toBe('bad.csv');
    const locked = publicErrorBody(
      new StoreLockedError(
        'the store is being written by another process (pid 4242, ingest of /home/ana/BACI.zip since 2026-12-07); try again',
        { file: '/home/ana/.karavan/write.lock' },
      ),
    );
    expect(locked).toEqual({
      code: 'KRV_STORE_LOCKED',
      message: 'the store is being written by another process (ingest of BACI.zip since 2026-12-07); try again',
      file: 'write.lock',
    });
    const upload = publicErrorBody(
      new BadValueError('not a number', { file: '/tmp/karavan-upload-Xy12/bad.csv', line: 2, value: 'abc' }),
    );
    expect(upload).toMatchObject({ file: 'bad.csv', line: 2, value: 'abc' });
  });

  for (const [name, bytes, status, code] of [
    [
      'a 100 KB URL',
      `GET /api/countries?search=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      431,
      'KRV_HTTP_HEADERS_TOO_LARGE',
    ],
    [
      'a 1 MB header',
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(1_000_000)}\r\n\r\n`,
      431,
      'KRV_HTTP_HEADERS_TOO_LARGE',
    ],
    [
      'a bad Content-Length',
      'POST /api/machinery/fleet HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}',
      400,
      'KRV_HTTP_MALFORMED',
    ],
    [
      'Transfer-Encoding with Content-Length',
      'POST /api/machinery/fleet HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'KRV_HTTP_MALFORMED',
    ],
    [
      'raw control bytes in the path',
      'GET /api/\x01\x7f HTTP/1.1\r\nHost: localhost\r\n\r\n',
      400,
      'KRV_HTTP_MALFORMED',
    ],
  ] as const)
    it(`answers ${name} with ${status}, the JSON error shape and the security headers`, async () => {
      const answer = parseAnswer(await rawRequest(port, bytes));
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ code });
      expect(typeof answer.body.message).toBe('string');
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    });
});

describe('numbers in a query', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('are decimal digits: hex, binary, octal, blanks and fractions of integers are refused, naming the field', async () => {
    for (const [url, field, value] of [
      ['/api/report/needs?year=0x7E4', 'year', '0x7E4'],
      ['/api/report/needs?year=0b11111100100', 'year', '0b11111100100'],
      ['/api/report/needs?year=0o3744', 'year', '0o3744'],
      ['/api/report/needs?year=%202020%20', 'year', ' 2020 '],
      ['/api/report/needs?year=', 'year', ''],
      ['/api/report/needs?year=2020.0', 'year', '2020.0'],
      ['/api/products?limit=1e1', 'limit', '1e1'],
      ['/api/complexity/product-space?minProximity=0x1', 'minProximity', '0x1'],
    ] as const) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(JSON.parse(r.body), url).toMatchObject({ code: 'KRV_OPT_INVALID', column: field, value });
    }
    expect((await s.app.inject({ url: '/api/products?limit=5&search=kaz' })).statusCode).toBe(200);
    expect(
      (await s.app.inject({ url: '/api/complexity/product-space?minProximity=0.55&level=4' })).statusCode,
    ).not.toBe(400);
  });
});
