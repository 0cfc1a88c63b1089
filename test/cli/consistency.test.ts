/**
 * One answer in every interface: each section command's --json and `karavan report --format json`
 * (run through bin/karavan.js on a store of the embedded data) give the same figures, statuses and
 * words as the API (in-process, same embedded data), for Belarus -> Kazakhstan and for South Africa
 * -> Kazakhstan 2021 at HS6. Run `npx tsc -p tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, testServer, type TestServer } from '../server/helpers.ts';
import { tempDir } from '../support/store.ts';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

describe('the CLI, the report and the API agree', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  let s: TestServer;
  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    s = await testServer({ fixture: false });
  });
  afterAll(async () => {
    await s.close();
    dir.cleanup();
  });

  async function karavan(args: string[]): Promise<any> {
    const { stdout } = await run(process.execPath, [launcher, ...args, '--lang', 'en'], {
      env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '' },
      maxBuffer: 1 << 26,
    });
    return JSON.parse(stdout);
  }

  const cases = [
    { name: 'BLR -> KAZ, defaults', from: 'BLR', to: 'KAZ', cli: [] as string[], api: '' },
    {
      name: 'ZAF -> KAZ, 2021, HS6',
      from: 'ZAF',
      to: 'KAZ',
      cli: ['--year', '2021', '--level', '6'],
      api: '&year=2021&level=6',
    },
  ];

  for (const c of cases) {
    it(
      c.name,
      async () => {
        const pair = ['--from', c.from, '--to', c.to];
        const query = `exporter=${c.from}&importer=${c.to}${c.api}`;
        const report = await karavan(['report', ...pair, ...c.cli, '--format', 'json']);
        const api = (await getJson(s.app, `/api/report?${query}`)).body;
        // The report: every section the same in the CLI's JSON and the API's (the run's time and store id aside).
        for (const key of [
          'coverage',
          'turnover',
          'basket',
          'target',
          'needs',
          'supply',
          'potential',
          'rivals',
          'jointProduction',
          'surplus',
          'machineryMarket',
          'machineryDemand',
        ])
          expect(report[key], key).toEqual(api[key]);
        const limit = ['--limit', String(report.options.limit)];
        const section = async (command: string[], key: string) =>
          expect(await karavan([...command, ...c.cli, ...limit, '--json']), command[0]).toEqual(report[key]);
        await section(['basket', ...pair], 'basket');
        await section(['needs', ...pair], 'needs');
        await section(['potential', ...pair], 'potential');
        await section(['surplus', ...pair], 'surplus');
        await section(['rivals', ...pair], 'rivals');
        await section(['joint', ...pair], 'jointProduction');
        await section(['supply', '--from', c.from], 'supply');
        expect(await karavan(['turnover', ...pair, '--json'])).toEqual(report.turnover);
      },
      120_000,
    );
  }
});
