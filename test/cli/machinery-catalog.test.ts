/**
 * `karavan machinery catalog --maker`: a maker's named models with their figures and tags, in
 * Russian too; an unknown maker is refused with the makers the catalog has. Run `npx tsc -p
 * tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;
const karavan = (args: string[]) =>
  run(process.execPath, [launcher, 'machinery', 'catalog', ...args], {
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });

describe('machinery catalog --maker', () => {
  it("lists BELAZ's models with the maker's figures, V from belaz.by for the 75710", async () => {
    const { stdout } = await karavan(['--maker', 'belaz']);
    expect(stdout).toMatch(
      /belaz-75710\s+BELAZ\s+75710\s+BLR\s+mining-truck-220t\s+power, kW 3,430 \[V\]; payload, t 450 \[V\]/,
    );
    expect(stdout).not.toContain('mtz-1523-5');
    const ru = (await karavan(['--maker', 'MTZ', '--lang', 'ru'])).stdout;
    expect(ru).toMatch(/mtz-1523-5\s+MTZ\s+BELARUS-1523\.5\s+BLR\s+tractor-2wd-130kw\s+мощность, кВт 116,1 \[M\]/);
  });

  it('refuses a maker the catalog does not have, naming those it has', async () => {
    const error = await karavan(['--maker', 'Deere']).catch((e: { stderr: string }) => e);
    expect((error as { stderr: string }).stderr).toContain('KRV_OPT_INVALID');
    expect((error as { stderr: string }).stderr).toContain('makers: BELAZ, MTZ, Gomselmash, CLAAS');
  });
});
