/**
 * The main job through the real launcher (`bin/karavan.js`), as a user runs it: on the embedded
 * default store, and on the hand-checked fixture where every section computes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { tempDir } from '../support/store.ts';
import { writeReportFixture } from '../support/report-fixture.ts';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

async function karavan(home: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [launcher, ...args], {
      env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '', ...env },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('karavan report and section commands', () => {
  const dir = tempDir();
  const defaultHome = join(dir.path, 'default');
  const fixtureHome = join(dir.path, 'fixture');
  beforeAll(async () => {
    mkdirSync(fixtureHome, { recursive: true });
    const store = await TradeStore.open({ home: fixtureHome });
    await store.ingest(writeReportFixture(dir.path));
    store.closeSync();
  });
  afterAll(() => dir.cleanup());

  it('on the embedded default: computes supply and joint production, says what to ingest for the rest', async () => {
    const { code, stdout } = await karavan(defaultHome, ['report', '--from', 'BLR', '--to', 'KAZ']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Belarus → Kazakhstan/);
    expect(stdout).toMatch(/## 2\. Trade basket of the pair\n\n\*Status: not computed\.\*/);
    expect(stdout).toMatch(/## 4\. Exporter supply\n\n\*Status: computed\.\*/);
    expect(stdout).toMatch(/## 5\. Export potential\n\n\*Status: not computed\.\*/);
    expect(stdout).toContain('karavan ingest BACI_HS17_V202401.zip');
    expect(stdout).toContain('| 3104 | Fertilizers; mineral or chemical, potassic |');
  });

  it('writes Russian when the locale is Russian', async () => {
    const { stdout } = await karavan(defaultHome, ['report'], { LANG: 'ru_RU.UTF-8' });
    expect(stdout).toMatch(/^# Беларусь → Казахстан/);
    expect(stdout).toContain('загрузите выпуск CEPII BACI');
  });

  it('on the fixture: every section computed; JSON has the worked-example potential', async () => {
    const { code, stdout } = await karavan(fixtureHome, ['report', '--format', 'json', '--year', '2020']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      potential: { status: string; rows: Array<{ product: string; potentialUsd: number }> };
      needs: { status: string };
    };
    expect(report.potential.status).toBe('computed');
    expect(report.needs.status).toBe('computed');
    const butter = report.potential.rows.find((r) => r.product === '040510')!;
    // Window 2016-2020: weights 1..5 on year factors 0.4..0.8 average to 2/3 of the example.
    expect(butter.potentialUsd / 1e6).toBeCloseTo((8.64 * 2) / 3, 1);
  });

  it('section commands and the machinery market view call the same core', async () => {
    const potential = await karavan(fixtureHome, ['potential', '--json']);
    // 1.354 in the three-country example; the embedded BACI 2021 slice (Afghanistan, South
    // Africa) is in this store too and moves world shares slightly.
    expect(JSON.parse(potential.stdout).ease).toBeCloseTo(1.354, 1);
    const market = await karavan(fixtureHome, ['machinery', 'market', '--hs', '8433,8701']);
    expect(market.code).toBe(0);
    expect(market.stdout).toContain('8701');
    expect(market.stdout).toMatch(/RUS\s+15\s+60\s+100000/);
  });

  it('bad input: unknown country with a suggestion, bad level, xlsx without --out', async () => {
    const unknown = await karavan(fixtureHome, ['report', '--to', 'Kazakstan']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/KRV_REF_UNKNOWN_COUNTRY.*did you mean KAZ/);
    const level = await karavan(fixtureHome, ['report', '--level', '5']);
    expect(level.stderr).toMatch(/invalid --level: 5/);
    const xlsx = await karavan(fixtureHome, ['report', '--format', 'xlsx']);
    expect(xlsx.stderr).toMatch(/--out/);
    // A year the store lacks is an error naming the years it has (the fixture's 2016-2021 and OTS's 2017).
    const year = await karavan(fixtureHome, ['report', '--year', '1999']);
    expect(year.code).toBe(1);
    expect(year.stderr).toContain(
      'error KRV_REF_YEAR_OUT_OF_RANGE: year 1999 is not in the store: it has 2016, 2017, 2018, 2019, 2020, 2021',
    );
    const sectionYear = await karavan(fixtureHome, ['needs', '--year', '2030']);
    expect(sectionYear.stderr).toContain('year 2030 is not in the store');
    // hs6 and 6 are the same level, on the report as on the sections.
    const hs = await karavan(fixtureHome, ['report', '--level', 'hs6', '--format', 'json']);
    expect(JSON.parse(hs.stdout).options.level).toBe(6);
  });
});
