/** A local HTTP server on 127.0.0.1 for download tests: every request is logged, the handler is the test's. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  url: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: LoggedRequest[];
  handle: (handler: (req: IncomingMessage, res: ServerResponse, index: number) => void) => void;
  close: () => Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let handler: (req: IncomingMessage, res: ServerResponse, index: number) => void = (_req, res) => {
    res.writeHead(500).end();
  };
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Serves `body` as a file: honours `Range: bytes=N-` with 206 when `honourRange`, else answers 200 with the
 * whole body; `cutAfterBytes` sends only that many bytes of the answer's body and then drops the connection.
 */
export function serveFile(
  res: ServerResponse,
  req: IncomingMessage,
  body: Buffer,
  options: { honourRange?: boolean; cutAfterBytes?: number; contentType?: string } = {},
): void {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = options.honourRange !== false && range ? Number(range[1]) : 0;
  const slice = body.subarray(start);
  const headers: Record<string, string | number> = {
    'content-type': options.contentType ?? 'application/zip',
    'content-length': slice.length,
    'accept-ranges': 'bytes',
  };
  if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  if (options.cutAfterBytes === undefined) {
    res.end(slice);
    return;
  }
  res.write(slice.subarray(0, options.cutAfterBytes), () => {
    // Drop the connection with the rest unsent: the client sees fewer bytes than Content-Length.
    setTimeout(() => res.socket?.destroy(), 20);
  });
}
