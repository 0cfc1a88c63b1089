/**
 * What a request must be before any route sees it, and the answer to requests Node cannot parse.
 *
 * - **Host** (DNS rebinding): a web page on evil.example can make the browser resolve its own name to 127.0.0.1 and
 *   then read this server as same-origin. So a request is served only when its Host names the server: a loopback
 *   name or address (localhost, 127.0.0.0/8, ::1), the address it is bound to, any IP literal when bound to all
 *   interfaces (0.0.0.0 or ::; an IP literal cannot be rebound), or a name given with `--allowed-host`. Others get
 *   421 KRV_HTTP_HOST_REFUSED. The port is not compared: the name is what a rebinding attacker controls.
 * - **Origin** (cross-site requests): a multipart POST is a CORS "simple" request that any page may send, with the
 *   user's network position. POST, PUT, PATCH and DELETE are refused (403 KRV_HTTP_CROSS_ORIGIN) when the browser
 *   says they come from elsewhere: an Origin whose host:port differs from Host, Origin "null", or
 *   Sec-Fetch-Site cross-site / same-site. Clients that send neither (curl, scripts) are not browsers and pass.
 * - **Unparseable requests** (Node's clientError: a 100 KB URL, a 1 MB header, a bad Content-Length, TE with CL,
 *   raw bytes in the path): the documented JSON error shape with the security headers, written to the socket,
 *   instead of Node's bare 400/431.
 * - **No local paths or process ids in bodies**: an error's `file` is reduced to its base name and absolute paths
 *   in its text to theirs (the store's home, an upload's temporary folder, the lock file stay on the server).
 */
import { isIP } from 'node:net';
import { basename } from 'node:path';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { CrossOriginError, HeadersTooLargeError, HostNotAllowedError, MalformedRequestError } from '../errors.ts';
import type { KaravanError } from '../errors.ts';
import { securityHeaders } from './security.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The host part of a Host header or URL authority, lower-cased, without port or IPv6 brackets. */
export function hostName(authority: string): string {
  const text = authority.trim().toLowerCase();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') > 0 ? text.indexOf(']') : undefined);
  const colon = text.lastIndexOf(':');
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  return colon > 0 && text.indexOf(':') === colon ? text.slice(0, colon) : text;
}

function isLoopback(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** Whether a Host header names this server (see the module comment). */
export function hostAllowed(
  hostHeader: string | undefined,
  boundHost: string,
  allowedHosts: readonly string[],
): boolean {
  if (hostHeader === undefined || hostHeader.trim() === '') return false;
  const name = hostName(hostHeader);
  if (isLoopback(name)) return true;
  const bound = hostName(boundHost);
  if (name === bound) return true;
  if ((bound === '0.0.0.0' || bound === '::') && isIP(name) !== 0) return true;
  return allowedHosts.some((allowed) => hostName(allowed) === name);
}

/** Why a state-changing request is cross-origin, or null when it is same-origin or from a non-browser client. */
export function crossOriginReason(headers: Record<string, string | string[] | undefined>): string | null {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const fetchSite = header('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = header('origin');
  if (origin === undefined) return null;
  if (origin === 'null') return 'Origin: null';
  // Compared as host:port with default ports filled in (a browser drops :80 from http://localhost:80).
  const authority = (url: URL) => `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  let originAuthority: string;
  try {
    originAuthority = authority(new URL(origin));
  } catch {
    return `Origin: ${origin.slice(0, 80)} is not a URL`;
  }
  const host = (header('host') ?? '').trim();
  let hostAuthority = '';
  try {
    hostAuthority = authority(new URL(`http://${host}`));
  } catch {
    // An unparseable Host never equals an Origin.
  }
  return originAuthority === hostAuthority ? null : `Origin ${origin.slice(0, 80)} is not http://${host.slice(0, 80)}`;
}

/** An absolute file-system path in free text (POSIX or Windows), for reduction to its base name. */
const absolutePath = /(?:[A-Za-z]:\\|\/)(?:[^\s/\\'"()<>,;]+[/\\])+([^\s/\\'"()<>,;]*)/g;

/** The error as an HTTP client may see it: no local paths, no process ids. */
export function publicErrorBody(error: KaravanError): Record<string, unknown> {
  const scrub = (text: string) => text.replace(absolutePath, (_m, last: string) => last).replace(/\bpid \d+, ?/g, '');
  const body = error.toJSON() as Record<string, unknown>;
  if (typeof body['file'] === 'string') body['file'] = basename(body['file']);
  // Errors about the request echo what the client sent (a URL path, an option's value): nothing local to hide.
  if (/^KRV_(HTTP|OPT)_/.test(error.code)) return body;
  for (const key of ['message', 'hint'] as const) if (typeof body[key] === 'string') body[key] = scrub(body[key]);
  return body;
}

/** The raw HTTP answer to a request Node could not parse: the JSON error shape with the security headers. */
export function clientErrorResponse(error: NodeJS.ErrnoException & { code?: string }): string {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const known = tooLarge
    ? new HeadersTooLargeError('the request line and headers are too large (a very long URL or header)', {
        hint: 'send long lists in a POST body, or shorten the URL',
      })
    : new MalformedRequestError(
        `the HTTP request could not be parsed (${error.code ?? 'malformed'}): bad request line, header, Content-Length or chunked encoding`,
      );
  const body = JSON.stringify(known.toJSON());
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...securityHeaders,
  };
  return `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`;
}

/** Fastify's clientErrorHandler: answer what can be answered, drop what cannot (a reset or half-closed socket). */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error));
}

export function registerRequestGuard(
  app: FastifyInstance,
  options: { host: string; allowedHosts: readonly string[] },
): void {
  app.addHook('onRequest', async (request) => {
    const host = request.headers.host;
    if (!hostAllowed(host, options.host, options.allowedHosts)) {
      throw new HostNotAllowedError(`this server does not answer to the host ${JSON.stringify(host ?? '')}`, {
        hint: 'open it as http://localhost:PORT/ or http://127.0.0.1:PORT/, or start karavan serve --allowed-host NAME',
      });
    }
    if (stateChanging.has(request.method)) {
      const reason = crossOriginReason(request.headers);
      if (reason !== null)
        throw new CrossOriginError(`refused a ${request.method} from another origin (${reason})`, {
          hint: 'change the store from the dashboard served by this server, or from a script (no Origin header)',
        });
    }
  });
}
