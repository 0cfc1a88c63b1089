/**
 * Every error Karavan throws on purpose. One class per failure kind, each with a stable code
 * `KRV_<AREA>_<WHAT>`. Codes are listed in docs/errors.md (a test keeps the two in step).
 * Retired codes are never reused: add new ones at the end of their area.
 *
 * Errors caused by input carry where the input was wrong (`file`, `line`, `column`, `value`)
 * so the CLI and API can say exactly what to fix.
 */

export interface InputLocation {
  /** Path of the file (for a zip member: `archive.zip!member.csv`). */
  file?: string;
  /** 1-based line number in the file, counting the header as line 1. */
  line?: number;
  /** Column name as written in the file's header. */
  column?: string;
  /** The offending value, as text. */
  value?: string;
}

export interface KaravanErrorOptions extends InputLocation {
  cause?: unknown;
  /** A suggested fix, shown on its own line ("Run: karavan ingest ..."). */
  hint?: string;
}

export class KaravanError extends Error {
  /** Stable machine-readable code, e.g. `KRV_INGEST_BAD_VALUE`. */
  readonly code: string;
  /** HTTP status the server maps this error to. */
  readonly status: number;
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
  readonly hint?: string;

  constructor(code: string, status: number, message: string, options: KaravanErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.value = options.value;
    this.hint = options.hint;
  }

  /** "file:line, column "q", value "abc"" — empty when nothing is known. */
  where(): string {
    const parts: string[] = [];
    if (this.file !== undefined) parts.push(this.line !== undefined ? `${this.file}:${this.line}` : this.file);
    else if (this.line !== undefined) parts.push(`line ${this.line}`);
    if (this.column !== undefined) parts.push(`column "${this.column}"`);
    if (this.value !== undefined) parts.push(`value "${this.value}"`);
    return parts.join(', ');
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.file !== undefined && { file: this.file }),
      ...(this.line !== undefined && { line: this.line }),
      ...(this.column !== undefined && { column: this.column }),
      ...(this.value !== undefined && { value: this.value }),
      ...(this.hint !== undefined && { hint: this.hint }),
    };
  }
}

/** Declares one error kind: a subclass with a fixed code and HTTP status. */
function defineError(code: string, status: number) {
  return class extends KaravanError {
    static readonly code = code;
    constructor(message: string, options?: KaravanErrorOptions) {
      super(code, status, message, options);
    }
  };
}

// ---- options and arguments (KRV_OPT_*) -----------------------------------------------------
/** An option has a value outside what it accepts: "invalid <option>: <value>". */
export const InvalidOptionError = defineError('KRV_OPT_INVALID', 400);
/** A required option or argument is missing. */
export const MissingOptionError = defineError('KRV_OPT_MISSING', 400);

// ---- reference data (KRV_REF_*) ------------------------------------------------------------
/** A country given by the user (ISO3, ISO2, numeric or name) is not known. */
export const UnknownCountryError = defineError('KRV_REF_UNKNOWN_COUNTRY', 404);
/** An HS code given by the user is malformed or does not exist. */
export const UnknownProductError = defineError('KRV_REF_UNKNOWN_PRODUCT', 404);
/** A year is outside what the store (or the method) covers. */
export const YearOutOfRangeError = defineError('KRV_REF_YEAR_OUT_OF_RANGE', 400);

// ---- ingest (KRV_INGEST_*) ----------------------------------------------------------------
/** The path does not exist. */
export const FileNotFoundError = defineError('KRV_INGEST_FILE_NOT_FOUND', 400);
/** The path is a directory, not a file. */
export const NotAFileError = defineError('KRV_INGEST_NOT_A_FILE', 400);
/** The file has no data rows. */
export const EmptyFileError = defineError('KRV_INGEST_EMPTY_FILE', 400);
/** The header is missing, incomplete or not one of the known layouts. */
export const BadHeaderError = defineError('KRV_INGEST_BAD_HEADER', 400);
/** A cell holds a value of the wrong type or out of range (non-numeric, negative, ...). */
export const BadValueError = defineError('KRV_INGEST_BAD_VALUE', 400);
/** A country code in the file is not in the country list. */
export const UnknownCountryCodeError = defineError('KRV_INGEST_UNKNOWN_COUNTRY', 400);
/** A product code has the wrong length or is not digits. */
export const BadProductCodeError = defineError('KRV_INGEST_BAD_PRODUCT', 400);
/** Two rows share the same key (year, exporter, importer, product). */
export const DuplicateRowError = defineError('KRV_INGEST_DUPLICATE_ROW', 400);
/** A zip or gzip archive is truncated, corrupt, or holds no usable member. */
export const BadArchiveError = defineError('KRV_INGEST_BAD_ARCHIVE', 400);
/** The file's format could not be recognised, or is not the one asked for. */
export const UnknownFormatError = defineError('KRV_INGEST_UNKNOWN_FORMAT', 400);
/** A malformed CSV (unterminated quote, wrong number of fields, bad encoding). */
export const MalformedCsvError = defineError('KRV_INGEST_MALFORMED_CSV', 400);

// ---- store (KRV_STORE_*) -------------------------------------------------------------------
/** Another process holds the store's write lock. */
export const StoreLockedError = defineError('KRV_STORE_LOCKED', 409);
/** The store's manifest or files are damaged. */
export const StoreCorruptError = defineError('KRV_STORE_CORRUPT', 500);
/** The store lacks the data a view needs; the hint says which file to ingest. */
export const MissingDataError = defineError('KRV_STORE_MISSING_DATA', 404);
/** No dataset in the store has the id given (`karavan datasets remove <id>`). */
export const UnknownDatasetError = defineError('KRV_STORE_UNKNOWN_DATASET', 404);

// ---- the machine (KRV_ENV_*) ----------------------------------------------------------------
/** The disk (or quota) is full; nothing was committed. 507 Insufficient Storage. */
export const DiskFullError = defineError('KRV_ENV_DISK_FULL', 507);
/** The store's folder cannot be written (a read-only file system or no permission). */
export const ReadOnlyHomeError = defineError('KRV_ENV_READ_ONLY', 503);
/** The store's folder cannot be created (a parent is missing, is a file, or cannot be written). */
export const HomeUnusableError = defineError('KRV_ENV_HOME_UNUSABLE', 503);

// ---- network downloads (KRV_NET_*) ---------------------------------------------------------
/** A host cannot be reached: no network, DNS failure, refused or timed-out connection (`karavan download`). */
export const NetworkOfflineError = defineError('KRV_NET_OFFLINE', 503);
/** A server answered a download with an HTTP error status (named in the message with the URL). */
export const HttpStatusError = defineError('KRV_NET_HTTP', 502);
/** A download arrived incomplete or unreadable (cut short, wrong size, malformed API answer); nothing was put in place. */
export const BadDownloadError = defineError('KRV_NET_BAD_DOWNLOAD', 502);
/** An API answer holds as many records as the API returns at most, so it may be cut (the public preview's 500). */
export const ApiRowLimitError = defineError('KRV_NET_ROW_LIMIT', 502);

// ---- metrics (KRV_METRIC_*) ---------------------------------------------------------------
/** Input to a metric is unusable (wrong dimensions, NaN, negative exports, empty year). */
export const MetricInputError = defineError('KRV_METRIC_BAD_INPUT', 400);

// ---- machinery (KRV_MACH_*) -----------------------------------------------------------------
/** A machinery parameter is out of its domain (area <= 0, efficiency outside (0,1], ...). */
export const MachineryInputError = defineError('KRV_MACH_BAD_INPUT', 400);
/** A machine id is not in the catalog. */
export const UnknownMachineError = defineError('KRV_MACH_UNKNOWN_MACHINE', 404);
/** A machine catalog file does not match its schema. */
export const BadCatalogError = defineError('KRV_MACH_BAD_CATALOG', 400);

// ---- HTTP API (KRV_HTTP_*) -------------------------------------------------------------------
/** No route answers this method and path. */
export const RouteNotFoundError = defineError('KRV_HTTP_NOT_FOUND', 404);
/** The request body is not what the route accepts (malformed JSON, wrong content type). */
export const BadRequestBodyError = defineError('KRV_HTTP_BAD_BODY', 400);
/** An upload is larger than the server's limit. */
export const PayloadTooLargeError = defineError('KRV_HTTP_TOO_LARGE', 413);
/** Ingest over HTTP is off (start the server with --allow-ingest). */
export const IngestDisabledError = defineError('KRV_HTTP_INGEST_DISABLED', 403);
/** The request's Host is not a name this server answers to (DNS rebinding); 421 Misdirected Request. */
export const HostNotAllowedError = defineError('KRV_HTTP_HOST_REFUSED', 421);
/** A state-changing request came from another origin (a web page's cross-site form or fetch). */
export const CrossOriginError = defineError('KRV_HTTP_CROSS_ORIGIN', 403);
/** The HTTP request could not be parsed: malformed request line, headers, Content-Length or chunking. */
export const MalformedRequestError = defineError('KRV_HTTP_MALFORMED', 400);
/** The request line and headers are larger than the server reads (a very long URL or header). */
export const HeadersTooLargeError = defineError('KRV_HTTP_HEADERS_TOO_LARGE', 431);

/** All error classes, for the docs test and the server's error handler. */
export const errorClasses = {
  InvalidOptionError,
  MissingOptionError,
  UnknownCountryError,
  UnknownProductError,
  YearOutOfRangeError,
  FileNotFoundError,
  NotAFileError,
  EmptyFileError,
  BadHeaderError,
  BadValueError,
  UnknownCountryCodeError,
  BadProductCodeError,
  DuplicateRowError,
  BadArchiveError,
  UnknownFormatError,
  MalformedCsvError,
  StoreLockedError,
  StoreCorruptError,
  MissingDataError,
  UnknownDatasetError,
  DiskFullError,
  ReadOnlyHomeError,
  HomeUnusableError,
  NetworkOfflineError,
  HttpStatusError,
  BadDownloadError,
  ApiRowLimitError,
  MetricInputError,
  MachineryInputError,
  UnknownMachineError,
  BadCatalogError,
  RouteNotFoundError,
  BadRequestBodyError,
  PayloadTooLargeError,
  IngestDisabledError,
  HostNotAllowedError,
  CrossOriginError,
  MalformedRequestError,
  HeadersTooLargeError,
} as const;
