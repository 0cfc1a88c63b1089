/**
 * The package as a user gets it: `npm pack` of this repository, installed into an empty folder, runs
 * `karavan report --from BLR --to KAZ` on the embedded data with no network (a network namespace of its
 * own where the machine allows one: `unshare -n`, as root on Linux; else the run is still made, and the test says
 * which). The tarball must hold the compiled CLI, the dashboard and the data, and nothing of the development tree.
 *
 * Needs the build (`npm test` runs `npm run build` first). The install reads the npm cache that `npm ci` filled and
 * may ask the registry for package metadata (`--prefer-offline`); the report itself runs offline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoDir = new URL('../../', import.meta.url).pathname;
let workDir = '';
let tarball = '';
let appDir = '';

function offlineAvailable(): boolean {
  return process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
}

describe('the packed tarball', () => {
  beforeAll(() => {
    for (const built of ['dist/cli/main.js', 'web/dist/index.html'])
      if (!existsSync(join(repoDir, built)))
        throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
    workDir = mkdtempSync(join(tmpdir(), 'karavan-pack-'));
    // --ignore-scripts: the build above is the one under test (prepack would build it again).
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', workDir], { cwd: repoDir });
    tarball = join(
      workDir,
      readdirSync(workDir).find((f) => f.endsWith('.tgz'))!,
    );
    appDir = join(workDir, 'app');
    execFileSync('mkdir', ['-p', appDir]);
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  }, 60_000);

  afterAll(() => {
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it('holds the compiled CLI, the dashboard, the data and the docs, and no sources, tests or benches', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    for (const needed of [
      'bin/karavan.js',
      'dist/cli/main.js',
      'dist/data/store.js',
      'web/dist/index.html',
      'data/embedded/ots_exports_hs4_2017.csv.gz',
      'data/machinery/catalog.json',
      'data/SOURCES.md',
      'README.md',
      'package.json',
    ])
      expect(files).toContain(needed);
    const development = files.filter((f) => /^(src|test|bench|scripts|node_modules)\//.test(f) || f.endsWith('.map'));
    expect(development).toEqual([]);
  });

  it('installs into an empty folder and runs the main job offline', () => {
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: appDir,
      stdio: 'pipe',
    });
    const bin = join(appDir, 'node_modules/.bin/karavan');
    const env = { ...process.env, KARAVAN_HOME: join(workDir, 'home'), LANG: 'en_US.UTF-8' };
    const args = ['report', '--from', 'BLR', '--to', 'KAZ'];
    const isolated = offlineAvailable();
    const run = isolated
      ? spawnSync('unshare', ['-n', bin, ...args], { env, encoding: 'utf8' })
      : spawnSync(bin, args, { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Belarus → Kazakhstan/);
    // The supply section is computed from the embedded 2017 exports: the report really ran on the data.
    expect(run.stdout).toMatch(/Exporter supply/);
    if (!isolated) console.warn('pack test: no network namespace here (unshare -n); the report ran with the network');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 180_000);
});
