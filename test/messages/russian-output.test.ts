/**
 * The Russian output of the report and of every section command holds no English: at most a
 * handful of Latin-script words outside codes, acronyms, units, URLs, file names and the names of
 * data sources (test/support/latin-words.ts says what is not counted). Run through bin/karavan.js
 * on the embedded default store, for Belarus -> Kazakhstan and South Africa -> Kazakhstan 2021 at
 * HS6. Before the message catalog these outputs held 23-63 such words each (docs/i18n.md § Before and after).
 * Run `npx tsc -p tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latinWords } from '../support/latin-words.ts';
import { tempDir } from '../support/store.ts';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

const pairs = [
  ['--from', 'BLR', '--to', 'KAZ'],
  ['--from', 'ZAF', '--to', 'KAZ', '--year', '2021'],
];
const commands = [
  ['report', '--level', '6'],
  ['report', '--format', 'html'],
  ['turnover'],
  ['basket'],
  ['needs'],
  ['supply'],
  ['potential'],
  ['rivals', '--hs', '8433,8701'],
  ['joint'],
  ['surplus'],
];

describe('Russian output', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  beforeAll(() => mkdirSync(home, { recursive: true }));
  afterAll(() => dir.cleanup());

  async function karavan(args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, [launcher, ...args, '--lang', 'ru'], {
      env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '' },
      maxBuffer: 1 << 26,
    });
    return stdout;
  }

  for (const pair of pairs)
    for (const command of commands) {
      it(`karavan ${[...command, ...pair].join(' ')} --lang ru: no English words`, async () => {
        const text = await karavan([...command, ...pair]);
        // HTML: the text a reader sees, not the markup, scripts or chart options.
        const visible = command.includes('html')
          ? text
              .replace(/<script[\s\S]*?<\/script>/g, ' ')
              .replace(/<style[\s\S]*?<\/style>/g, ' ')
              .replace(/<[^>]+>/g, ' ')
              .replace(/&(gt|lt|amp|quot|#39|nbsp);/g, ' ')
          : text;
        expect(visible.length).toBeGreaterThan(200);
        expect(latinWords(visible)).toEqual([]);
      }, 60_000);
    }

  it('target planner in Russian', async () => {
    const text = await karavan(['target', '--target-usd', '3000000000', '--target-year', '2030']);
    expect(text).toContain('нужен рост');
    expect(latinWords(text)).toEqual([]);
  }, 60_000);
});
