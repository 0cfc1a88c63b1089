/**
 * `karavan download baci|comtrade`: fetch a CEPII BACI release or UN Comtrade API data on a machine with the
 * internet, record where it came from and its sha256, then ingest it as `karavan ingest` does
 * (src/data/download.ts holds the HTTP client and the addresses, with their sources).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { DownloadFileResult, DownloadProgress } from '../../data/download.ts';
import type { IngestResult, TradeStore } from '../../data/index.ts';
import { printJson, terminalSafe } from '../output.ts';
import { withStore } from '../store.ts';

interface CommonFlags {
  url?: string;
  dir?: string;
  ingest: boolean;
  timeout: string;
  json: boolean;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** A progress line on stderr, redrawn at most 5 times a second, and only on a terminal (logs stay clean). */
function progressLine(label: string): { onProgress?: (p: DownloadProgress) => void; done: () => void } {
  if (!process.stderr.isTTY) return { done: () => undefined };
  let lastDrawMs = 0;
  let drawn = false;
  return {
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastDrawMs < 200 && p.receivedBytes !== p.totalBytes) return;
      lastDrawMs = now;
      drawn = true;
      const share = p.totalBytes
        ? ` of ${mib(p.totalBytes)} (${((100 * p.receivedBytes) / p.totalBytes).toFixed(0)}%)`
        : '';
      process.stderr.write(
        `\r\x1b[K${terminalSafe(label)}: ${mib(p.receivedBytes)}${share}, ${mib(p.bytesPerSecond)}/s`,
      );
    },
    done: () => {
      if (drawn) process.stderr.write('\n');
    },
  };
}

async function parseTimeoutMs(text: string): Promise<number> {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    const { InvalidOptionError } = await import('../../errors.ts');
    throw new InvalidOptionError(`invalid --timeout: ${text} (seconds, more than 0 and at most 600)`, { value: text });
  }
  return seconds * 1000;
}

function describeDownload(d: DownloadFileResult): string {
  const resumed =
    d.resumedFromBytes > 0
      ? `, resumed at byte ${d.resumedFromBytes}`
      : d.restarted
        ? ', restarted (the server ignored Range)'
        : '';
  return `downloaded ${terminalSafe(d.finalUrl)}\n  to ${terminalSafe(d.path)} (${d.sizeBytes} bytes${resumed})\n  sha256 ${d.sha256}\n`;
}

function describeIngest(result: IngestResult | null): string {
  if (result === null) return 'not ingested (--no-ingest); run `karavan ingest FILE` when ready\n';
  const d = result.dataset;
  if (result.status === 'unchanged') return `${result.notes.map(terminalSafe).join('\n')}\n`;
  return (
    `imported ${terminalSafe(d.fileName)} as dataset ${d.id} (${d.format}): ${d.rows} rows, years ${d.years.join(', ')}, ` +
    `${d.exporters} exporters, ${Math.round(d.valueUsdTotal)} USD\n  licence: ${terminalSafe(d.licence)}\n`
  );
}

function withCommonOptions(command: Command, urlHelp: string): Command {
  return command
    .option('--url <address>', urlHelp)
    .option(
      '--dir <folder>',
      'folder for the downloaded files (default: $KARAVAN_HOME/downloads, ~/.karavan/downloads)',
    )
    .option('--no-ingest', 'download only; do not ingest (default: ingest, as `karavan ingest FILE`)')
    .option('--timeout <seconds>', 'time allowed to connect to the server', '15')
    .option('--json', 'print the result as JSON', false);
}

export function registerDownload(program: Command): void {
  const download = program
    .command('download')
    .description(
      'download a CEPII BACI release or UN Comtrade API data (needs the internet), record its address and sha256, and ingest it',
    );

  withCommonOptions(
    download
      .command('baci')
      .description(
        'download a CEPII BACI release zip (https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS<rev>_V<release>.zip), resuming a broken download, then ingest it',
      )
      .requiredOption('--hs <revision>', 'HS revision of the release: 92, 96, 02, 07, 12, 17 or 22')
      .option('--release <YYYYMM>', 'BACI release (202401b: a corrected re-issue)', '202601')
      .option('--force', 'download again even if the zip is already in the folder', false),
    'download from this address (a mirror, or a file saved elsewhere) (default: https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS<hs>_V<release>.zip)',
  ).action(async (flags: CommonFlags & { hs: string; release: string; force: boolean }) => {
    const { baciFileName, baciReleaseUrl, defaultDownloadDir, downloadFile, parseBaciRelease, parseBaciRevision } =
      await import('../../data/download.ts');
    const { sha256File } = await import('../../data/readers/source-file.ts');
    const { existsSync, statSync } = await import('node:fs');
    const revision = parseBaciRevision(flags.hs);
    const release = parseBaciRelease(flags.release);
    const connectTimeoutMs = await parseTimeoutMs(flags.timeout);
    const url = flags.url ?? baciReleaseUrl(revision, release);
    // The file keeps the name the address gives (BACI_HS17_V202601.zip), so the ingest reads the revision from it.
    const nameInUrl = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    const fileName = /\.(zip|csv|gz)$/i.test(nameInUrl) ? nameInUrl : baciFileName(revision, release);
    const destination = join(resolve(flags.dir ?? defaultDownloadDir()), fileName);
    let fetched: DownloadFileResult;
    if (existsSync(destination) && !flags.force) {
      // A release name is never re-issued with other content (a corrected one gets a letter), so a whole file is reused.
      fetched = {
        url,
        finalUrl: url,
        path: destination,
        sizeBytes: statSync(destination).size,
        sha256: await sha256File(destination),
        resumedFromBytes: 0,
        restarted: false,
        attempts: 0,
        elapsedMs: 0,
      };
      if (!flags.json)
        process.stdout.write(`${terminalSafe(destination)} is already downloaded (--force fetches it again)\n`);
    } else {
      const progress = progressLine(fileName);
      try {
        fetched = await downloadFile({ url, destination, connectTimeoutMs, onProgress: progress.onProgress });
      } finally {
        progress.done();
      }
      if (!flags.json) process.stdout.write(describeDownload(fetched));
    }
    const licence = `CEPII BACI, Etalab Open License 2.0; downloaded from ${fetched.finalUrl} on ${new Date().toISOString().slice(0, 10)}, sha256 ${fetched.sha256}`;
    const ingest = flags.ingest ? await withStore((store) => store.ingest(destination, { licence })) : null;
    if (flags.json) return printJson({ source: 'baci', revision: `HS${revision}`, release, download: fetched, ingest });
    process.stdout.write(describeIngest(ingest));
  });

  withCommonOptions(
    download
      .command('comtrade')
      .description(
        'download annual HS data of one reporter from the UN Comtrade API (https://comtradeapi.un.org), one request a year, convert the JSON to a UN Comtrade CSV and ingest it; ' +
          'with COMTRADE_API_KEY set: data/v1/get (up to 250,000 records a year), without: the public preview (at most 500 records a year)',
      )
      .requiredOption('--reporter <country>', 'reporting country: ISO3 (KAZ), ISO2, numeric code or name')
      .requiredOption('--years <years>', 'years: a range (2019-2023), a list (2019,2021) or one year')
      .option('--flow <flow>', 'imports, exports or both', 'both')
      .option(
        '--cmd <codes>',
        'commodity codes: AG6 = every 6-digit HS code; AG2, AG4, TOTAL or a list (8433,8701)',
        'AG6',
      )
      .option('--partner <country>', 'one partner country (default: every partner and the World total)'),
    'the API endpoint to query instead of https://comtradeapi.un.org/data/v1/get/C/A/HS (or .../public/v1/preview/C/A/HS without a key); the query is appended. $KARAVAN_COMTRADE_API replaces only the origin',
  ).action(
    async (flags: CommonFlags & { reporter: string; years: string; flow: string; cmd: string; partner?: string }) => {
      const data = await import('../../data/download.ts');
      const { InvalidOptionError, EmptyFileError } = await import('../../errors.ts');
      const { readFileSync } = await import('node:fs');
      const years = data.parseYears(flags.years);
      const flow = data.parseComtradeFlow(flags.flow);
      const connectTimeoutMs = await parseTimeoutMs(flags.timeout);
      const cmdCode = flags.cmd.trim().toUpperCase();
      if (!/^(TOTAL|AG[1-6]|\d{2,6}(,\d{2,6})*)$/.test(cmdCode)) {
        throw new InvalidOptionError(
          `invalid --cmd: ${flags.cmd} (AG6, AG4, AG2, TOTAL, or HS codes separated by commas)`,
          { value: flags.cmd },
        );
      }
      const key = process.env[data.comtradeKeyVariable]?.trim() || undefined;
      const limit = key ? data.comtradeRecordLimit.keyed : data.comtradeRecordLimit.preview;
      const dir = resolve(flags.dir ?? data.defaultDownloadDir());
      const run = async (store: TradeStore) => {
        const { resolveCountry } = await import('../../data/index.ts');
        const reporter = await resolveCountry(store, flags.reporter);
        const partner = flags.partner !== undefined ? await resolveCountry(store, flags.partner) : null;
        const reporterCode = data.comtradeReporterCode(reporter);
        const partnerCode = partner ? data.comtradeReporterCode(partner) : null;
        if (!key && !flags.json) {
          process.stderr.write(
            `note: ${data.comtradeKeyVariable} is not set: using the public preview, at most ${limit} records a year (a cut answer is refused)\n`,
          );
        }
        const stem = `comtrade_${reporter.iso3}_${flow}_${cmdCode.replaceAll(',', '-')}${partner ? `_${partner.iso3}` : ''}`;
        const answers: Array<DownloadFileResult & { year: number; records: number }> = [];
        const records: Array<Record<string, unknown>> = [];
        for (const year of years) {
          const url = data.comtradeRequestUrl({
            reporterCode,
            flow,
            year,
            cmdCode,
            partnerCode,
            keyed: key !== undefined,
            ...(flags.url !== undefined && { endpoint: flags.url }),
          });
          const progress = progressLine(`${reporter.iso3} ${year}`);
          let answer: DownloadFileResult;
          try {
            // resume: false; an API answer is made afresh each time, so a .part of an earlier one is not continued.
            answer = await data.downloadFile({
              url,
              destination: join(dir, `${stem}_${year}.json`),
              connectTimeoutMs,
              resume: false,
              headers: key ? { [data.comtradeKeyHeader]: key } : {},
              onProgress: progress.onProgress,
            });
          } finally {
            progress.done();
          }
          const parsed = data.parseComtradeAnswer(readFileSync(answer.path, 'utf8'), answer.path, limit, url);
          records.push(...parsed.records);
          answers.push({ ...answer, year, records: parsed.records.length });
          if (!flags.json)
            process.stdout.write(`${year}: ${parsed.records.length} records\n` + describeDownload(answer));
        }
        if (records.length === 0) {
          throw new EmptyFileError(
            `UN Comtrade returned no records for reporter ${reporter.iso3} (${reporterCode}), ${flow}, ${years.join(', ')}, --cmd ${cmdCode}`,
            {
              hint: 'the reporter may not have reported those years yet; `karavan download comtrade --years` with earlier years, or check comtradeplus.un.org',
            },
          );
        }
        const csvPath = join(dir, `${stem}_${years[0]}-${years[years.length - 1]}.csv`);
        writeFileSync(csvPath, data.comtradeRecordsToCsv(records));
        const { sha256File } = await import('../../data/readers/source-file.ts');
        const csv = { path: csvPath, rows: records.length, sha256: await sha256File(csvPath) };
        const sources = answers.map((a) => `${a.year}: ${data.displayUrl(a.finalUrl)} (sha256 ${a.sha256})`).join('; ');
        const licence = `UN Comtrade terms of use; converted to CSV from the UN Comtrade API answers downloaded on ${new Date().toISOString().slice(0, 10)}: ${sources}`;
        const ingest = flags.ingest ? await store.ingest(csvPath, { licence }) : null;
        return { reporter, reporterCode, answers, csv, ingest };
      };
      const result = await withStore(run);
      if (flags.json) {
        return printJson({
          source: 'comtrade',
          endpoint: key
            ? 'data/v1/get (subscription key)'
            : `public/v1/preview (no key: at most ${limit} records a request)`,
          reporter: { iso3: result.reporter.iso3, comtradeCode: result.reporterCode },
          flow,
          years,
          cmdCode,
          answers: result.answers,
          csv: result.csv,
          ingest: result.ingest,
        });
      }
      process.stdout.write(
        `wrote ${terminalSafe(result.csv.path)} (${result.csv.rows} records, sha256 ${result.csv.sha256})\n` +
          describeIngest(result.ingest),
      );
    },
  );
}
