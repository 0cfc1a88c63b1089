/**
 * Opens what the user pointed `karavan ingest` at: a plain CSV, a gzip'd CSV, or a zip
 * (a BACI release as downloaded, or a Comtrade bulk download). Checks the path, hashes the
 * file, extracts zip members into the ingest's staging folder (names never used as paths,
 * sizes checked against a ratio limit to refuse zip bombs), and reads each CSV's header line.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { BadArchiveError, EmptyFileError, FileNotFoundError, MalformedCsvError, NotAFileError } from '../../errors.ts';

export type Container = 'plain' | 'gzip' | 'zip';

/** CRC-32 as zip uses it: zlib's (Node >= 20.15), else a table. yauzl does not check it. */
const crc32: (data: Buffer, value?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? zlib.crc32 : crc32ByTable;

let crcTable: Int32Array | undefined;
function crc32ByTable(data: Buffer, value = 0): number {
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** One CSV ready for DuckDB: a path it can read, the name to show in errors, and its header. */
export interface CsvMember {
  /** Name shown in messages: `file.csv`, or `release.zip!BACI_HS17_Y2022_V202401.csv`. */
  displayName: string;
  /** Name of the member inside an archive (or the file's base name). */
  memberName: string;
  /** A path DuckDB reads (the original file, or the member extracted into staging). */
  readPath: string;
  compression: 'none' | 'gzip';
  header: string[];
}

export interface SourceFile {
  path: string;
  fileName: string;
  sizeBytes: number;
  container: Container;
}

/** Limits that keep a hostile archive from filling the disk. */
export const archiveLimits = Object.freeze({
  /** Uncompressed / compressed size above which a member is refused (CSV compresses ~5-15x). */
  maxCompressionRatio: 200,
  /** Members smaller than this are never refused by ratio. */
  ratioExemptBytes: 1 << 20,
});

export function checkPath(path: string): { sizeBytes: number } {
  if (!existsSync(path)) throw new FileNotFoundError(`no such file: ${path}`, { file: path });
  const stat = statSync(path);
  if (stat.isDirectory())
    throw new NotAFileError(`${path} is a directory; give the CSV, .csv.gz or .zip file itself`, { file: path });
  if (!stat.isFile()) throw new NotAFileError(`${path} is not a regular file`, { file: path });
  if (stat.size === 0) throw new EmptyFileError(`${path} is empty (0 bytes)`, { file: path });
  return { sizeBytes: stat.size };
}

function sniffContainer(path: string): Container {
  const fd = openSync(path, 'r');
  const magic = Buffer.alloc(4);
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04) return 'zip';
  if (magic[0] === 0x1f && magic[1] === 0x8b) return 'gzip';
  return 'plain';
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/**
 * Checks the path and sniffs the container; the hash comes separately (hashSourceFile), so an
 * ingest can read the file with DuckDB while Node hashes it.
 */
export function openSourceFile(path: string): SourceFile {
  const { sizeBytes } = checkPath(path);
  return { path, fileName: basename(path), sizeBytes, container: sniffContainer(path) };
}

/**
 * The file's sha256. A gzip file is hashed by its decompressed content, which also proves the
 * whole stream is intact (a gzip cut short at a line boundary would otherwise read as a valid
 * but incomplete CSV), and makes `x.csv` and `x.csv.gz` the same dataset.
 */
export async function hashSourceFile(source: SourceFile): Promise<string> {
  if (source.container !== 'gzip') return sha256File(source.path);
  const hash = createHash('sha256');
  // The same expansion limit as for zip members: a gzip of valid rows followed by gigabytes of blank lines is
  // refused as what it is, before DuckDB reports a line far down the stream.
  let expandedBytes = 0;
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      expandedBytes += chunk.length;
      if (
        expandedBytes > archiveLimits.ratioExemptBytes &&
        expandedBytes / Math.max(1, source.sizeBytes) > archiveLimits.maxCompressionRatio
      ) {
        done(
          new BadArchiveError(
            `${source.fileName}: expands more than ${archiveLimits.maxCompressionRatio}x (${source.sizeBytes} bytes to over ${expandedBytes}); refusing a possible gzip bomb`,
            {
              file: source.path,
              hint: 'a trade CSV compresses 5-15x; check the file, or decompress it yourself and ingest the CSV',
            },
          ),
        );
        return;
      }
      hash.update(chunk);
      done();
    },
  });
  try {
    await pipeline(createReadStream(source.path, { highWaterMark: 1 << 20 }), createGunzip(), sink);
  } catch (error) {
    if (error instanceof BadArchiveError) throw error;
    throw new BadArchiveError(
      `${source.fileName}: the gzip stream is damaged or truncated (${(error as Error).message}); download it again`,
      {
        file: source.path,
        cause: error,
      },
    );
  }
  return hash.digest('hex');
}

/** Splits one CSV line into fields (RFC 4180 quotes; no embedded newlines in a header). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Reads the first line of a (possibly gzip'd) CSV file. */
async function readFirstLine(path: string, compression: 'none' | 'gzip', displayName: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  const source = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = compression === 'gzip' ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (chunk.includes(0x0a) || total > 1 << 20) break;
    }
  } catch (error) {
    throw new BadArchiveError(
      `${displayName}: cannot decompress (${(error as Error).message}); the gzip file is damaged or truncated`,
      { file: displayName, cause: error },
    );
  } finally {
    source.destroy();
  }
  const buffer = Buffer.concat(chunks);
  if (buffer.length === 0) throw new EmptyFileError(`${displayName} is empty`, { file: displayName });
  const newline = buffer.indexOf(0x0a);
  if (newline < 0 && buffer.length > 1 << 20) {
    throw new MalformedCsvError(`${displayName}: the first line is longer than 1 MiB; this is not a CSV header`, {
      file: displayName,
      line: 1,
    });
  }
  const first = buffer.subarray(0, newline < 0 ? buffer.length : newline);
  if (first.includes(0))
    throw new MalformedCsvError(
      `${displayName}: the header line contains NUL bytes; not a text CSV (UTF-16 or binary?)`,
      { file: displayName, line: 1 },
    );
  let text = first.toString('utf8').replace(/\r$/, '');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export async function csvMemberFromFile(
  path: string,
  compression: 'none' | 'gzip',
  displayName: string,
  memberName: string,
): Promise<CsvMember> {
  const headerLine = await readFirstLine(path, compression, displayName);
  return { displayName, memberName, readPath: path, compression, header: parseCsvLine(headerLine) };
}

/** Lists a zip's CSV members and extracts them into `stagingDir`; yauzl checks sizes, the CRC is checked here. */
export async function extractZipCsvMembers(zipPath: string, stagingDir: string): Promise<CsvMember[]> {
  const zipName = basename(zipPath);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, file) => (error ? reject(error) : resolve(file)),
    ),
  ).catch((error: unknown) => {
    throw new BadArchiveError(
      `${zipName}: not a readable zip archive (${(error as Error).message}); is the download complete?`,
      { file: zipPath, cause: error },
    );
  });
  const members: CsvMember[] = [];
  try {
    const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
      const list: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        list.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(list));
      zip.on('error', reject);
      zip.readEntry();
    }).catch((error: unknown) => {
      throw new BadArchiveError(`${zipName}: the archive's directory is damaged (${(error as Error).message})`, {
        file: zipPath,
        cause: error,
      });
    });
    let n = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/') || !/\.csv$/i.test(entry.fileName)) continue;
      const displayName = `${zipName}!${entry.fileName}`;
      if (
        entry.uncompressedSize > archiveLimits.ratioExemptBytes &&
        entry.uncompressedSize > archiveLimits.maxCompressionRatio * Math.max(1, entry.compressedSize)
      ) {
        throw new BadArchiveError(
          `${displayName}: expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}x (limit ${archiveLimits.maxCompressionRatio}x); refusing a possible zip bomb`,
          { file: displayName },
        );
      }
      const target = join(stagingDir, `member-${n++}.csv`);
      await new Promise<void>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          let written = 0;
          let crc = 0;
          const limit = Math.max(entry.uncompressedSize, 0);
          const guard = new Transform({
            transform(chunk: Buffer, _enc, done) {
              written += chunk.length;
              crc = crc32(chunk, crc);
              if (written > limit) done(new Error(`member is larger than its declared size ${limit}`));
              else done(null, chunk);
            },
            // A member whose bytes changed since it was packed (a flipped bit on disk or in transit).
            flush(done) {
              done(crc === entry.crc32 ? null : new Error(`CRC-32 mismatch: the member's content is damaged`));
            },
          });
          pipeline(stream, guard, createWriteStream(target)).then(resolve, reject);
        });
      }).catch((error: unknown) => {
        throw new BadArchiveError(
          `${displayName}: cannot extract (${(error as Error).message}); the zip is damaged or truncated`,
          { file: displayName, cause: error },
        );
      });
      members.push(await csvMemberFromFile(target, 'none', displayName, entry.fileName));
    }
  } finally {
    zip.close();
  }
  if (members.length === 0) throw new BadArchiveError(`${zipName}: the archive holds no .csv file`, { file: zipPath });
  return members;
}

/**
 * A copy of a member's CSV with every CRLF turned into LF, for a file that mixes the two (as an editor leaves a
 * CRLF file it appended to): DuckDB's reader takes one kind of line end per file and fails on the first change
 * with no line number, before it reaches the rows that are really wrong. Line numbers are kept (one line end
 * each). Returns null when the file has no CRLF, so the read failed for another reason.
 */
export async function normaliseLineEnds(
  member: CsvMember,
  stagingDir: string,
  index: number,
): Promise<CsvMember | null> {
  const target = join(stagingDir, `normalised-${index}.csv`);
  let replaced = 0;
  let pendingCr = false;
  const toLf = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let text = chunk.toString('latin1');
      if (pendingCr) text = `\r${text}`;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      const out = text.replace(/\r\n/g, () => {
        replaced++;
        return '\n';
      });
      done(null, Buffer.from(out, 'latin1'));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from('\r', 'latin1') : null);
    },
  });
  const stages = [
    createReadStream(member.readPath, { highWaterMark: 1 << 20 }),
    ...(member.compression === 'gzip' ? [createGunzip()] : []),
    toLf,
    createWriteStream(target),
  ] as const;
  await pipeline(stages as unknown as [NodeJS.ReadableStream, ...NodeJS.WritableStream[]]);
  if (replaced === 0) return null;
  return { ...member, readPath: target, compression: 'none' };
}

/**
 * For a CSV that read as no rows: the first line after the header longer than `maxLineBytes` (its number and
 * length), and whether any line after the header holds more than blanks. DuckDB drops a last line it cannot
 * buffer (a 200 MB line without a line end) instead of refusing it, which would otherwise read as "no data rows".
 */
export async function scanLinesAfterHeader(
  member: CsvMember,
  maxLineBytes: number,
): Promise<{ tooLong: { line: number; bytes: number } | null; hasContent: boolean }> {
  let line = 1;
  let length = 0;
  let hasContent = false;
  let tooLong: { line: number; bytes: number } | null = null;
  const source = createReadStream(member.readPath, { highWaterMark: 1 << 20 });
  const stream = member.compression === 'gzip' ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (byte === 0x0a) {
          if (tooLong === null && line > 1 && length > maxLineBytes) tooLong = { line, bytes: length };
          line++;
          length = 0;
        } else {
          length++;
          if (line > 1 && byte !== 0x0d && byte !== 0x20 && byte !== 0x09 && byte !== 0x2c) hasContent = true;
        }
      }
      if (tooLong !== null) break;
    }
  } finally {
    source.destroy();
  }
  if (tooLong === null && line > 1 && length > maxLineBytes) tooLong = { line, bytes: length };
  return { tooLong, hasContent };
}
