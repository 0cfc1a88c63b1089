/**
 * `karavan serve`: the HTTP API and the dashboard on one port. Maps flags to ServerOptions,
 * builds the server (one store for the process), listens, and closes the store on SIGINT/SIGTERM.
 */
import type { Command } from 'commander';
import { InvalidOptionError } from '../../errors.ts';
import { serverDefaults } from '../../server/options.ts';

interface ServeFlags {
  host?: string;
  allowedHost?: string[];
  port?: string;
  allowIngest?: boolean;
  maxUploadMb?: string;
  log?: boolean;
}

function toNumber(flag: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new InvalidOptionError(`invalid ${flag}: ${text} (expected a number)`, { column: flag, value: text });
  return value;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('the HTTP API (/api, OpenAPI at /api/openapi.json, docs at /api/docs) and the web dashboard, offline')
    .option(
      '--host <address>',
      `address to bind; anything but loopback exposes the store (default: ${serverDefaults.host})`,
    )
    .option(
      '--allowed-host <name>',
      'a host name the server answers to besides localhost and its address (repeat for more); other Host headers get 421',
      (name: string, names: string[] = []) => [...names, name],
    )
    .option('--port <n>', `TCP port, 0 for any free port (default: ${serverDefaults.port})`)
    .option('--allow-ingest', `accept uploads on POST /api/ingest (default: ${serverDefaults.allowIngest})`)
    .option(
      '--max-upload-mb <mb>',
      `largest upload accepted with --allow-ingest, MB (default: ${serverDefaults.maxUploadMb})`,
    )
    .option('--log', `log every request to standard error as JSON lines (default: ${serverDefaults.logRequests})`)
    .action(async (flags: ServeFlags) => {
      const { buildServer, ensureWebBuilt, resolveServer } = await import('../../server/index.ts');
      const options = resolveServer({
        host: flags.host,
        allowedHosts: flags.allowedHost,
        port: flags.port === undefined ? undefined : toNumber('--port', flags.port),
        allowIngest: flags.allowIngest,
        maxUploadMb: flags.maxUploadMb === undefined ? undefined : toNumber('--max-upload-mb', flags.maxUploadMb),
        logRequests: flags.log,
      });
      if (!(await ensureWebBuilt(options.webRoot, (line) => process.stderr.write(`${line}\n`)))) {
        process.stderr.write(
          'warning: the dashboard is not built and Vite is not installed; the API works, / says how to build it\n',
        );
      }
      const app = await buildServer(options);
      const address = await app.listen({ host: options.host, port: options.port });
      const loopback = /^(127\.|::1$|localhost$)/.test(options.host);
      process.stdout.write(
        `Karavan is serving ${address}/ (API ${address}/api, docs ${address}/api/docs)` +
          `${options.allowIngest ? `; ingest over HTTP is on (uploads up to ${options.maxUploadMb} MB)` : ''}\n` +
          `${loopback ? '' : `warning: bound to ${options.host}, reachable from other machines\n`}` +
          'Press Ctrl+C to stop.\n',
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void app.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
