/**
 * The browser tests' setup: Debian's Chromium through playwright-core (never a downloaded browser),
 * the dashboard served by buildServer on 127.0.0.1 and a random port, over a temporary store with
 * the embedded data and (unless asked not to) the BLR/KAZ/RUS report fixture.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildServer, ensureWebBuilt, resolveServer } from '../../src/server/index.ts';
import { writeReportFixture } from '../support/report-fixture.ts';
import { openTempStore } from '../support/store.ts';

export const chromiumPath = process.env['KARAVAN_CHROMIUM'] ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Dashboard {
  base: string;
  app: FastifyInstance;
  /** A browser context with its own profile folder; more pages (another viewport) come from `browser`. */
  context: BrowserContext;
  userDataDir: string;
  close: () => Promise<void>;
}

export async function startDashboard(
  viewport = { width: 1440, height: 900 },
  /** Ingest the BLR/KAZ/RUS report fixture beside the embedded data. */
  fixture = true,
): Promise<Dashboard> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: install Debian's package (apt-get update && apt-get install -y chromium, as .ci/run does) or set KARAVAN_CHROMIUM`,
    );
  }
  const webRoot = resolveServer().webRoot;
  if (!(await ensureWebBuilt(webRoot))) throw new Error('the dashboard is not built and Vite is missing: run npm ci');
  const temp = await openTempStore(true);
  if (fixture) await temp.store.ingest(writeReportFixture(temp.home));
  const app = await buildServer({ store: temp.store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'karavan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport,
    acceptDownloads: true,
    locale: 'ru-RU',
  });
  return {
    base,
    app,
    context,
    userDataDir,
    close: async () => {
      await context.close();
      await app.close();
      temp.cleanup();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
