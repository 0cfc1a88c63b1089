/**
 * Downloads for `karavan download` (a machine with the internet; nothing else in Karavan uses the network):
 *
 *  - `downloadFile`: one HTTP(S) GET into `<destination>.part`, renamed into place only when every byte
 *    announced has arrived. Redirects are followed; a `.part` left by a broken transfer is resumed with
 *    `Range` and kept only when the server answers 206 from exactly that offset (otherwise the file starts
 *    again); a connection cut mid-way is retried from where it broke. The finished file's sha256 is returned.
 *  - CEPII BACI: the address of a release zip (`baciReleaseUrl`).
 *  - UN Comtrade: the API address of one year's annual HS data (`comtradeRequestUrl`), and the conversion of
 *    its JSON answers into the UN Comtrade CSV layout `karavan ingest` reads (`comtradeRecordsToCsv`).
 *
 * Node's own http/https, no dependency: the connect timeout, the Range check and a body cut short are all
 * visible at that level.
 */
import {
  closeSync,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dirname, join } from 'node:path';
import {
  ApiRowLimitError,
  BadDownloadError,
  HttpStatusError,
  InvalidOptionError,
  KaravanError,
  NetworkOfflineError,
} from '../errors.ts';
import { environmentError } from './environment.ts';
import { resolveHome } from './home.ts';
import { sha256File } from './readers/source-file.ts';

/** Where downloads go unless `--dir` says otherwise: `$KARAVAN_HOME/downloads`. */
export function defaultDownloadDir(home?: string): string {
  return join(resolveHome(home), 'downloads');
}

export interface DownloadProgress {
  receivedBytes: number;
  /** Null when the server did not say how long the body is (chunked). */
  totalBytes: number | null;
  bytesPerSecond: number;
}

export interface DownloadFileOptions {
  url: string;
  /** The final path; the transfer writes `<destination>.part` and renames it when whole. */
  destination: string;
  headers?: Record<string, string>;
  /** Time allowed to open the TCP connection. @default 15000 */
  connectTimeoutMs?: number;
  /** Time a connection may stay silent (waiting for the answer or between body chunks). @default 120000 */
  idleTimeoutMs?: number;
  /** Continue a `.part` left by an earlier run. @default true */
  resume?: boolean;
  /** Further attempts after a connection breaks mid-body (each resumes with Range). @default 3 */
  retries?: number;
  /** Pause before a retry, times the attempt number. @default 500 */
  retryDelayMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadFileResult {
  /** The address asked for. */
  url: string;
  /** The address that answered, after redirects. */
  finalUrl: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  /** Where the last, successful request resumed (bytes of a `.part` kept from an earlier run or attempt; 0: from the start). */
  resumedFromBytes: number;
  /** A `.part` existed but the server ignored Range (answered 200) or resumed elsewhere, so it started over. */
  restarted: boolean;
  /** Requests made, redirects not counted (more than 1 when a broken connection was resumed). */
  attempts: number;
  elapsedMs: number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 5;
/** The system's codes for "this host cannot be reached from here". */
const unreachableCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

/** A transfer that broke after the answer began: the `.part` holds what arrived, a retry resumes it. */
class BrokenTransfer extends Error {
  constructor(
    readonly receivedBytes: number,
    readonly totalBytes: number | null,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(`invalid --url: ${text} (an http:// or https:// address)`, { value: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionError(`invalid --url: ${text} (only http:// and https:// are downloaded)`, { value: text });
  }
  return url;
}

/** The address without user, password or query, for messages (a query may carry a key). */
export function displayUrl(url: URL | string): string {
  const u = new URL(url.toString());
  u.username = '';
  u.password = '';
  return u.toString();
}

/** One GET; resolves with the answer's head, rejects with KRV_NET_OFFLINE when the host cannot be reached. */
function get(
  url: URL,
  headers: Record<string, string>,
  connectTimeoutMs: number,
  idleTimeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // agent: false gives every request its own socket, so the connect timer always sees a connect.
    const req = send(url, {
      method: 'GET',
      agent: false,
      headers: { 'user-agent': 'karavan (trade data download)', 'accept-encoding': 'identity', ...headers },
    });
    let connected = false;
    const connectTimer = setTimeout(() => {
      req.destroy(Object.assign(new Error(`no connection within ${connectTimeoutMs / 1000} s`), { code: 'ETIMEDOUT' }));
    }, connectTimeoutMs);
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        clearTimeout(connectTimer);
      });
    });
    req.setTimeout(idleTimeoutMs, () => {
      req.destroy(Object.assign(new Error(`no data for ${idleTimeoutMs / 1000} s`), { code: 'ETIMEDOUT' }));
    });
    req.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      const code = errorCode(error);
      if (!connected && code !== undefined && unreachableCodes.has(code)) {
        reject(
          new NetworkOfflineError(`cannot reach ${url.host} (${code}: ${error.message}); is this machine online?`, {
            cause: error,
            value: displayUrl(url),
            hint: 'karavan download needs the internet; on an offline machine, download the file elsewhere and run `karavan ingest FILE`',
          }),
        );
      } else {
        reject(new BrokenTransfer(0, null, `${code ?? 'error'}: ${error.message}`));
      }
    });
    req.end();
  });
}

function httpStatusHint(status: number): string | undefined {
  if (status === 404)
    return 'no file at that address: check --hs and --release (CEPII lists the releases on the BACI page), or --url';
  if (status === 401 || status === 403)
    return 'the server refused the request: for UN Comtrade set COMTRADE_API_KEY to a valid subscription key';
  if (status === 429)
    return 'rate limit reached: wait and run the command again (a finished year is not fetched twice)';
  if (status >= 500) return 'the server failed; try again later (a .part file, if any, is resumed)';
  return undefined;
}

/** Reads the rest of an answer we do not keep, so its socket closes cleanly. */
function discard(response: IncomingMessage): void {
  response.resume();
  response.on('error', () => undefined);
}

interface Transfer {
  finalUrl: URL;
  receivedBytes: number;
  resumedFromBytes: number;
  restarted: boolean;
}

/** One attempt: request (with Range when a `.part` exists), follow redirects, append the body to the `.part`. */
async function transferOnce(
  url: URL,
  part: string,
  options: Required<Pick<DownloadFileOptions, 'connectTimeoutMs' | 'idleTimeoutMs'>> & DownloadFileOptions,
): Promise<Transfer> {
  const have = existsSync(part) ? statSync(part).size : 0;
  const headers: Record<string, string> = { ...options.headers, ...(have > 0 && { range: `bytes=${have}-` }) };
  let current = url;
  let response: IncomingMessage;
  for (let redirects = 0; ; redirects++) {
    response = await get(current, headers, options.connectTimeoutMs, options.idleTimeoutMs);
    const location = response.headers.location;
    if (!redirectStatuses.has(response.statusCode ?? 0) || location === undefined) break;
    discard(response);
    if (redirects >= maxRedirects) {
      throw new BadDownloadError(`${displayUrl(url)}: more than ${maxRedirects} redirects`, {
        value: displayUrl(current),
      });
    }
    current = new URL(location, current);
  }
  const status = response.statusCode ?? 0;
  if (status === 416 && have > 0) {
    // Range Not Satisfiable: the .part may already be whole (`Content-Range: bytes */<size>`), else start over.
    discard(response);
    const total = /^bytes \*\/(\d+)$/.exec(response.headers['content-range'] ?? '')?.[1];
    if (total !== undefined && Number(total) === have)
      return { finalUrl: current, receivedBytes: have, resumedFromBytes: have, restarted: false };
    rmSync(part, { force: true });
    return transferOnce(url, part, options);
  }
  if (status < 200 || status >= 300) {
    discard(response);
    throw new HttpStatusError(
      `${displayUrl(current)} answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
      {
        value: String(status),
        ...(httpStatusHint(status) !== undefined && { hint: httpStatusHint(status) }),
      },
    );
  }
  let start = 0;
  let totalBytes: number | null;
  const contentLength = response.headers['content-length'];
  if (status === 206 && have > 0) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers['content-range'] ?? '');
    if (!range || Number(range[1]) !== have) {
      // Resumed from somewhere else than where the .part ends: keeping it would splice the wrong bytes.
      discard(response);
      response.destroy();
      rmSync(part, { force: true });
      return { ...(await transferOnce(url, part, options)), restarted: true };
    }
    start = have;
    totalBytes =
      range[3] !== '*' ? Number(range[3]) : contentLength !== undefined ? have + Number(contentLength) : null;
  } else if (status === 206) {
    discard(response);
    throw new BadDownloadError(`${displayUrl(current)} answered 206 Partial Content to a request for the whole file`, {
      value: displayUrl(current),
    });
  } else {
    totalBytes = contentLength !== undefined ? Number(contentLength) : null;
  }
  const restarted = have > 0 && start === 0;
  // Opened synchronously and fed from 'data' events attached in this same tick: every byte that reaches us is
  // written, even when the connection drops right after (an await here would let a fast abort discard them).
  const fd = openSync(part, start > 0 ? 'a' : 'w');
  const out = createWriteStream('', { fd, autoClose: false });
  let receivedBytes = start;
  const began = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => {
        receivedBytes += chunk.length;
        if (!out.write(chunk)) {
          response.pause();
          out.once('drain', () => response.resume());
        }
        const seconds = (performance.now() - began) / 1000;
        options.onProgress?.({
          receivedBytes,
          totalBytes,
          bytesPerSecond: seconds > 0 ? (receivedBytes - start) / seconds : 0,
        });
      });
      response.on('end', resolve);
      response.on('error', reject);
      response.on('aborted', () => reject(Object.assign(new Error('the connection was cut'), { code: 'ECONNRESET' })));
      out.on('error', reject);
    });
  } catch (error) {
    if (errorCode(error) === 'ENOSPC' || errorCode(error) === 'EACCES' || errorCode(error) === 'EROFS') throw error;
    throw new BrokenTransfer(receivedBytes, totalBytes, `${errorCode(error) ?? 'error'}: ${(error as Error).message}`);
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  if (totalBytes !== null && receivedBytes !== totalBytes) {
    throw new BrokenTransfer(
      receivedBytes,
      totalBytes,
      `the connection closed after ${receivedBytes} of ${totalBytes} bytes`,
    );
  }
  return { finalUrl: current, receivedBytes, resumedFromBytes: start, restarted };
}

/**
 * Downloads `url` to `destination` (see the file's comment). Throws KRV_NET_OFFLINE when the host cannot be
 * reached, KRV_NET_HTTP on an HTTP error status, KRV_NET_BAD_DOWNLOAD when the body stays incomplete after
 * the retries (the `.part` is kept for the next run; `destination` is never written incomplete).
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadFileResult> {
  const started = performance.now();
  const url = parseUrl(options.url);
  const settings = { connectTimeoutMs: 15_000, idleTimeoutMs: 120_000, ...options };
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const part = `${options.destination}.part`;
  try {
    mkdirSync(dirname(options.destination), { recursive: true });
  } catch (error) {
    throw environmentError(error, 'creating the downloads folder', dirname(options.destination)) ?? error;
  }
  if (options.resume === false) rmSync(part, { force: true });
  let restarted = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const transfer = await transferOnce(url, part, settings);
      restarted ||= transfer.restarted;
      renameSync(part, options.destination);
      return {
        url: options.url,
        finalUrl: transfer.finalUrl.toString(),
        path: options.destination,
        sizeBytes: statSync(options.destination).size,
        sha256: await sha256File(options.destination),
        resumedFromBytes: transfer.resumedFromBytes,
        restarted,
        attempts: attempt,
        elapsedMs: performance.now() - started,
      };
    } catch (error) {
      if (error instanceof KaravanError) throw error;
      // A full disk or a folder that cannot be written is the machine's failure, typed as the store types it.
      if (!(error instanceof BrokenTransfer))
        throw environmentError(error, `downloading ${displayUrl(url)}`, dirname(options.destination)) ?? error;
      if (attempt > retries) {
        const size = error.totalBytes !== null ? ` of ${error.totalBytes}` : '';
        throw new BadDownloadError(
          `${displayUrl(url)}: the download broke after ${attempt} attempt(s) (${error.reason}); ${existsSync(part) ? statSync(part).size : 0}${size} bytes kept in ${part}`,
          { file: part, value: displayUrl(url), hint: 'run the same command again to resume from the .part file' },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
    }
  }
}

// ---- CEPII BACI ---------------------------------------------------------------------------------

/**
 * BACI release zips are published at https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS<rev>_V<release>.zip,
 * one per HS revision (92, 96, 02, 07, 12, 17, 22), the release named YYYYMM with a letter for a corrected
 * re-issue (202401b superseded 202401). Sources: the BACI page,
 * https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37 (links the zips; "This is the 202401b
 * version"), and https://www.cepii.fr/DATA_DOWNLOAD/baci/doc/baci_webpage.html (file names
 * BACI_HS<rev>_Y<year>_V<version>.csv, versions YYYYMM, updated every January). 202601 is the newest release
 * publicly linked at this writing (e.g. .../BACI_HS17_V202601.zip).
 */
export const baciBaseUrl = 'https://www.cepii.fr/DATA_DOWNLOAD/baci/data/';
export const defaultBaciRelease = '202601';
export const baciRevisions = ['92', '96', '02', '07', '12', '17', '22'] as const;

/** `17`, `HS17`, `hs17` -> `17`; anything else is refused with the list. */
export function parseBaciRevision(text: string): string {
  const digits = text.trim().toUpperCase().replace(/^HS/, '');
  if (!(baciRevisions as readonly string[]).includes(digits)) {
    throw new InvalidOptionError(`invalid --hs: ${text} (one of ${baciRevisions.join(', ')})`, { value: text });
  }
  return digits;
}

export function parseBaciRelease(text: string): string {
  const release = text.trim();
  if (!/^\d{6}[a-z]?$/.test(release)) {
    throw new InvalidOptionError(
      `invalid --release: ${text} (YYYYMM, with a letter for a corrected re-issue: 202601, 202401b)`,
      { value: text },
    );
  }
  return release;
}

export function baciFileName(revision: string, release: string): string {
  return `BACI_HS${revision}_V${release}.zip`;
}

export function baciReleaseUrl(revision: string, release: string): string {
  return `${baciBaseUrl}${baciFileName(revision, release)}`;
}

// ---- UN Comtrade ----------------------------------------------------------------------------------

/**
 * UN Comtrade's API (https://comtradedeveloper.un.org; endpoints listed at
 * https://uncomtrade.org/docs/un-comtrade-api; the official client uncomtrade/comtradeapicall,
 * src/comtradeapicall/PreviewGet.py):
 *  - with a subscription key: GET https://comtradeapi.un.org/data/v1/get/C/A/HS (type C goods, frequency A
 *    annual, classification HS as reported), key in the `Ocp-Apim-Subscription-Key` header (Azure API
 *    Management, which runs the API), up to 250,000 records an answer;
 *  - without one: GET https://comtradeapi.un.org/public/v1/preview/C/A/HS, the same query, at most 500 records.
 * Both answer JSON `{ "count": n, "data": [ { refYear, reporterCode, flowCode, partnerCode, cmdCode,
 * primaryValue, netWgt, ... } ] }`.
 */
export const comtradeApiOrigin = 'https://comtradeapi.un.org';
export const comtradeKeyHeader = 'Ocp-Apim-Subscription-Key';
export const comtradeKeyVariable = 'COMTRADE_API_KEY';
/** Replaces the API's origin (scheme, host, port), e.g. for a mirror or a test server. */
export const comtradeOriginVariable = 'KARAVAN_COMTRADE_API';
export const comtradeRecordLimit = { preview: 500, keyed: 250_000 } as const;

export type ComtradeFlow = 'imports' | 'exports' | 'both';
const flowCodes: Record<ComtradeFlow, string> = { imports: 'M', exports: 'X', both: 'M,X' };

export function parseComtradeFlow(text: string): ComtradeFlow {
  const flow = text.trim().toLowerCase();
  if (flow === 'imports' || flow === 'exports' || flow === 'both') return flow;
  throw new InvalidOptionError(`invalid --flow: ${text} (imports, exports or both)`, { value: text });
}

/** `2019-2023`, `2019,2021`, `2021` (and mixes: `2015,2019-2021`) -> sorted distinct years. */
export function parseYears(text: string, latestYear = new Date().getUTCFullYear()): number[] {
  const years = new Set<number>();
  const invalid = (why: string) =>
    new InvalidOptionError(`invalid --years: ${text} (${why}; write 2019-2023, 2019,2021 or 2021)`, { value: text });
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^(\d{4})(?:\s*-\s*(\d{4}))?$/.exec(part);
    if (!match) throw invalid(`"${part}" is not a year or a range`);
    const from = Number(match[1]);
    const to = match[2] !== undefined ? Number(match[2]) : from;
    if (to < from) throw invalid(`the range ${part} runs backwards`);
    for (const year of [from, to]) {
      if (year < 1962 || year > latestYear)
        throw invalid(`${year} is outside 1962-${latestYear}, the years UN Comtrade can hold`);
    }
    for (let year = from; year <= to; year++) years.add(year);
  }
  if (years.size > 60) throw invalid(`${years.size} years; at most 60 at once`);
  return [...years].sort((a, b) => a - b);
}

/**
 * Comtrade's reporter codes are M49 codes, which equal ISO 3166 numeric codes except where Comtrade counts a
 * country with territories under its own code (the same codes BACI uses; see data/embedded/country_supplement.csv).
 */
const comtradeCodeExceptions: Record<string, number> = { USA: 842, FRA: 251, CHE: 757, IND: 699, NOR: 579 };

export function comtradeReporterCode(country: { iso3: string; numeric: string | null }): number {
  const code = comtradeCodeExceptions[country.iso3] ?? Number.parseInt(country.numeric ?? '', 10);
  if (!Number.isInteger(code) || code <= 0) {
    throw new InvalidOptionError(`invalid --reporter: ${country.iso3} has no UN Comtrade reporter code`, {
      value: country.iso3,
    });
  }
  return code;
}

export interface ComtradeQuery {
  reporterCode: number;
  flow: ComtradeFlow;
  year: number;
  /** Commodity codes: AG6 = every 6-digit HS code (AG2, AG4, TOTAL, or a list such as 8433,8701). */
  cmdCode: string;
  /** Partner codes; null = every partner (and the World total). */
  partnerCode: number | null;
  /** Use the keyed endpoint (data/v1/get) rather than the public preview. */
  keyed: boolean;
  /** The full endpoint address (the query is appended); default from the origin and `keyed`. */
  endpoint?: string;
  /** Origin used to build the default endpoint. @default https://comtradeapi.un.org or $KARAVAN_COMTRADE_API */
  origin?: string;
}

export function comtradeEndpoint(
  keyed: boolean,
  origin = process.env[comtradeOriginVariable] || comtradeApiOrigin,
): string {
  return `${origin.replace(/\/+$/, '')}${keyed ? '/data/v1/get/C/A/HS' : '/public/v1/preview/C/A/HS'}`;
}

/** The address of one year's answer: totals over customs procedures, transport modes and second partners. */
export function comtradeRequestUrl(query: ComtradeQuery): string {
  const url = parseUrl(query.endpoint ?? comtradeEndpoint(query.keyed, query.origin));
  const params: Record<string, string> = {
    reporterCode: String(query.reporterCode),
    period: String(query.year),
    flowCode: flowCodes[query.flow],
    cmdCode: query.cmdCode,
    ...(query.partnerCode !== null && { partnerCode: String(query.partnerCode) }),
    partner2Code: '0',
    customsCode: 'C00',
    motCode: '0',
    maxRecords: String(query.keyed ? comtradeRecordLimit.keyed : comtradeRecordLimit.preview),
    format: 'JSON',
    breakdownMode: 'classic',
    includeDesc: 'false',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Columns of the CSV written from the API's records: the current UN Comtrade download headers. */
export const comtradeCsvColumns = [
  'refYear',
  'freqCode',
  'classificationCode',
  'reporterCode',
  'flowCode',
  'partnerCode',
  'partner2Code',
  'cmdCode',
  'customsCode',
  'motCode',
  'primaryValue',
  'netWgt',
] as const;
const requiredRecordFields = ['refYear', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue'] as const;

export interface ComtradeAnswer {
  records: Array<Record<string, unknown>>;
  /** The answer's own count (may exceed the records returned when the limit cut it). */
  count: number | null;
}

/** Reads one saved API answer; a malformed one is KRV_NET_BAD_DOWNLOAD naming the file and record. */
export function parseComtradeAnswer(text: string, file: string, limit: number, url: string): ComtradeAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new BadDownloadError(`${file}: the UN Comtrade answer is not JSON (${(error as Error).message})`, {
      file,
      cause: error,
      value: text.slice(0, 80),
    });
  }
  const answer = body as { data?: unknown; count?: unknown; error?: unknown };
  if (typeof answer.error === 'string' && answer.error.trim() !== '') {
    throw new BadDownloadError(`${file}: UN Comtrade answered with an error: ${answer.error}`, {
      file,
      value: answer.error,
    });
  }
  if (!Array.isArray(answer.data)) {
    throw new BadDownloadError(`${file}: the UN Comtrade answer has no "data" list of records`, { file });
  }
  answer.data.forEach((record: unknown, index) => {
    const fields = record as Record<string, unknown> | null;
    const missing = requiredRecordFields.filter(
      (f) => fields === null || typeof fields !== 'object' || fields[f] === undefined || fields[f] === null,
    );
    if (missing.length > 0) {
      throw new BadDownloadError(`${file}: record ${index + 1} of the UN Comtrade answer lacks ${missing.join(', ')}`, {
        file,
        column: missing[0],
        value: JSON.stringify(record).slice(0, 120),
      });
    }
  });
  const count = typeof answer.count === 'number' ? answer.count : null;
  if (answer.data.length >= limit || (count !== null && count > answer.data.length)) {
    throw new ApiRowLimitError(
      `${displayUrl(url)} returned ${answer.data.length} records, the most this endpoint returns (${limit}): the answer may be cut`,
      {
        file,
        value: String(answer.data.length),
        hint:
          limit === comtradeRecordLimit.preview
            ? `the keyless preview returns at most ${limit} records; set ${comtradeKeyVariable} to a subscription key (free at comtradedeveloper.un.org), or narrow the query with --cmd or --partner`
            : 'narrow the query with --cmd or --partner',
      },
    );
  }
  return { records: answer.data as Array<Record<string, unknown>>, count };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'boolean' ? String(value) : String(value as string);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The records as a UN Comtrade CSV (header `comtradeCsvColumns`), which `karavan ingest` reads as a Comtrade download. */
export function comtradeRecordsToCsv(records: ReadonlyArray<Record<string, unknown>>): string {
  const lines = [comtradeCsvColumns.join(',')];
  for (const record of records) lines.push(comtradeCsvColumns.map((column) => csvCell(record[column])).join(','));
  return `${lines.join('\n')}\n`;
}
