/**
 * The API docs page (Swagger UI at /api/docs) in Debian's Chromium under the server's
 * Content-Security-Policy: it renders every operation, "Try it out" runs one, and the console
 * has no CSP violation or other error.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.ts';
import { openTempStore } from '../support/store.ts';

// As test/web/dashboard.test.ts (importing that file would run its tests here too).
const chromiumPath = process.env['KARAVAN_CHROMIUM'] ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('API docs page in Chromium', () => {
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let userDataDir: string;
  let cleanupStore: () => void;

  beforeAll(async () => {
    if (!existsSync(chromiumPath))
      throw new Error(
        `Chromium is not installed at ${chromiumPath}: apt-get install -y chromium, or set KARAVAN_CHROMIUM`,
      );
    const temp = await openTempStore(true);
    cleanupStore = temp.cleanup;
    app = await buildServer({ store: temp.store });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    userDataDir = mkdtempSync(join(tmpdir(), 'karavan-chromium-docs-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    cleanupStore?.();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('renders every operation and runs one with a clean console', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${base}/api/docs/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    const operations = await page.$$('.opblock');
    expect(operations.length).toBeGreaterThanOrEqual(20);
    // Open GET /api/health, try it out, execute: the answer comes back from this server.
    const health = page.locator('.opblock', { hasText: '/api/health' }).first();
    await health.locator('.opblock-summary').click();
    await health.locator('.try-out__btn').click();
    await health.locator('.execute').click();
    const status = health.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 10_000 });
    expect(await status.innerText()).toContain('200');
    expect(errors).toEqual([]);
  }, 60_000);
});
