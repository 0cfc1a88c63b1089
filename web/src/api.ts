/** Calls to the Karavan API (same origin), with the API's error shape and a small memo per URL. */
export interface ApiErrorBody {
  code: string;
  message: string;
  hint?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.hint = body.hint;
  }
}

export interface TableColumn {
  key: string;
  en: string;
  ru: string;
  kind?: string;
}

export interface ResultTable {
  id: string;
  en: string;
  ru: string;
  columns: TableColumn[];
  rows: Record<string, unknown>[];
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, { code: 'KRV_HTTP_BAD_ANSWER', message: text.slice(0, 200) });
  }
  if (!response.ok) throw new ApiError(response.status, body as ApiErrorBody);
  return body as T;
}

const memo = new Map<string, Promise<unknown>>();

/** GET a JSON result; results are cached per URL for the page's life (the server revalidates by ETag). */
export function getJson<T>(url: string): Promise<T> {
  let found = memo.get(url) as Promise<T> | undefined;
  if (!found) {
    found = fetch(url, { headers: { accept: 'application/json' } }).then((r) => parse<T>(r));
    memo.set(url, found);
    found.catch(() => memo.delete(url));
  }
  return found;
}

export function forgetCache(): void {
  memo.clear();
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return parse<T>(response);
}

/**
 * Sets query parameters on a path (skipping undefined and empty). A parameter the path already has is
 * replaced, not repeated: a view's result URL already carries `lang`, and its download link adds
 * `lang` and `format` again (`...&lang=ru&format=csv&lang=ru` was answered 400 "invalid lang").
 */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const at = path.indexOf('?');
  const base = at === -1 ? path : path.slice(0, at);
  const search = new URLSearchParams(at === -1 ? '' : path.slice(at + 1));
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? base : `${base}?${text}`;
}

/** Saves a POST result's download (CSV or XLSX) as a file. */
export async function downloadPost(url: string, body: unknown, fileName: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) await parse(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
