/**
 * `karavan regions` through bin/karavan.js: Kazakhstan's oblasts and Belarus's makers in Russian,
 * with numbered sources; `--match BLR KAZ` keeps the combine makers; a country without regional
 * facts is a typed error. Run `npx tsc -p tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;
const karavan = (args: string[]) =>
  run(process.execPath, [launcher, 'regions', ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '' } });

describe('karavan regions', () => {
  it('Kazakhstan in Russian: the coverage said, combines needed beside those at work, sources numbered', async () => {
    const { stdout } = await karavan(['--lang', 'ru']);
    expect(stdout).toContain('Площадь пшеницы известна по 3 из 17 областей');
    // Intl groups thousands with a no-break space in Russian.
    expect(stdout).toMatch(/Северо-Казахстанская\s+2\s605,5\s+3\s200\s+11,38\s+5\s170\s+7\s300/);
    expect(stdout).toMatch(/\[1\] .+: https:\/\/github\.com\/NecronTrooper/);
  });

  it('--match BLR KAZ: only the makers of combines and harvesters', async () => {
    const { stdout } = await karavan(['--match', 'BLR', 'KAZ', '--lang', 'ru']);
    expect(stdout).toContain('ОАО «Гомсельмаш»');
    expect(stdout).toContain('ОАО «Лидагропроммаш»');
    expect(stdout).not.toContain('ОАО «БЕЛАЗ»');
  });

  it('--json and a country without regional facts', async () => {
    const { stdout } = await karavan(['--country', 'BLR', '--json']);
    expect(JSON.parse(stdout).belarus.regions).toHaveLength(6);
    const error = await karavan(['--country', 'UZB']).catch((e: { stderr: string; code: number }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('KRV_OPT_INVALID');
  });
});
