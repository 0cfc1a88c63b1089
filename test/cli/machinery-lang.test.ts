/**
 * `karavan machinery ... --lang ru` holds no English: every machinery subcommand, run through
 * bin/karavan.js (the launcher runs dist/: run `npx tsc -p tsconfig.build.json` first), prints no
 * Latin-script word (test/support/latin-words.ts: codes, units, addresses, file names and the
 * names of sources are not words) once the ids a user types are taken out: machine, crop and
 * preset ids (from `machinery catalog --json`, so a word the formatter writes is never taken out)
 * and the folder of this test's files. The parameters' sources, the data files' notes and preset
 * titles are said in Russian from the catalog (`machinery.data.*`).
 *
 * Before the catalog these outputs held 38-1,071 such words each (docs/i18n.md § Before and after).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latinWords } from '../support/latin-words.ts';
import { writeReportFixture } from '../support/report-fixture.ts';
import { tempDir } from '../support/store.ts';

const exec = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

const dir = tempDir('karavan-lang-');
const home = join(dir.path, 'home');
const file = (name: string) => join(dir.path, name);

async function karavan(args: string[], env: Record<string, string> = { LANG: 'C' }): Promise<string> {
  const { stdout } = await exec(process.execPath, [launcher, 'machinery', ...args], {
    env: { ...process.env, KARAVAN_HOME: home, LC_ALL: '', LC_MESSAGES: '', ...env },
    maxBuffer: 1 << 26,
  });
  return stdout;
}

/** Fills a CSV sheet's measured columns: the 12 m combine faster and thirstier, as a field would show. */
function fill(path: string, columns: Record<string, (twelve: boolean, row: number) => string>, out: string): void {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  const filled = rows.map((line, i) => {
    const cells = line.split(',');
    const twelve = cells[names.indexOf('machine_id')] === 'combine-sp-12m';
    for (const [name, value] of Object.entries(columns)) cells[names.indexOf(name)] = value(twelve, i);
    return cells.join(',');
  });
  writeFileSync(out, [header, ...filled].join('\n'));
}

const haulage = [
  'haulage',
  ...['--payload-t', '130', '--distance-km', '3', '--speed-loaded-kmh', '20', '--speed-empty-kmh', '35'],
  ...['--load-min', '3', '--dump-min', '1', '--spot-min', '1', '--tonnes-per-year', '20000000'],
  ...['--scheduled-hours', '7000', '--availability', '0.85', '--utilization', '0.9'],
];

/** Every subcommand, with the variants that print different sentences (warnings, towed units, measured rates). */
const commands: string[][] = [
  [
    'fleet',
    ...['--crop', 'wheat', '--area-ha', '10000', '--window-days', '10', '--hours-per-day', '8'],
    ...['--width-m', '9', '--speed-kmh', '6', '--efficiency', '0.7'],
  ],
  ['fleet', '--preset', 'kz-wheat-2024-kzt', '--area-ha', '10000', '--currency', 'KZT'],
  ['fleet', '--preset', 'kz-wheat-2023', '--area-ha', '10000'],
  // A speed outside the class's documented range: the parameter-outside-range warning.
  ['fleet', '--preset', 'kz-wheat-2024-kzt', '--area-ha', '10000', '--speed-kmh', '9'],
  ['fleet', '--machine', 'seed-drill-6m', '--crop', 'wheat', '--area-ha', '3000', '--window-days', '4'],
  ['compare', 'combine-sp-9m', 'combine-pull-6m', '--scenario', file('scenario.json')],
  ['compare', 'combine-sp-9m', 'combine-sp-12m', '--scenario', file('scenario.json'), '--measured', file('blocks.csv')],
  [
    'demo',
    '--area-ha',
    '3000',
    '--machines',
    'combine-sp-9m,combine-sp-12m',
    '--replicates',
    '3',
    '--out',
    file('plots.csv'),
  ],
  ['demo', '--area-ha', '3000', '--machines', 'combine-sp-9m,combine-sp-12m,combine-sp-7m', '--units', '2'],
  [
    'showcase',
    '--area-ha',
    '5000',
    '--machines',
    'combine-sp-9m,combine-sp-12m',
    '--units',
    '5',
    '--preset',
    'kz-wheat-2024-kzt',
  ],
  [
    'showcase',
    '--area-ha',
    '20000',
    '--machines',
    'combine-sp-9m,combine-sp-12m',
    '--split',
    'equal',
    '--out',
    file('show.csv'),
  ],
  ['showcase', '--area-ha', '5000', '--machines', 'combine-sp-9m,combine-sp-12m', '--out', file('show.xlsx')],
  ['demo-results', file('plots-filled.csv')],
  [...haulage, '--truck-price', '4000000', '--life-hours', '60000', '--operator-wage', '20'],
  [
    'staff',
    '--machines',
    '34',
    '--shifts',
    '2',
    '--reserve-share',
    '0.1',
    '--season-start',
    '2025-08-01',
    '--cost-per-trainee-hour',
    '5',
  ],
  ['replacement'],
  ['replacement', '--machine', 'tractors', '--clear-years', '5'],
  ['catalog'],
  ['market'],
];

/** Ids a user types (machines, crops, presets), the same in every language. */
const ids: string[] = [];

function withoutIds(text: string): string {
  // The test's own folder first (its random name is not a word), then each id as a whole token.
  let out = text.replaceAll(dir.path, ' ');
  for (const id of ids)
    out = out.replace(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), ' ');
  return out;
}

describe('karavan machinery --lang ru', () => {
  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    writeFileSync(file('scenario.json'), JSON.stringify({ crop: 'wheat', areaHa: 10000, windowDays: 10 }));
    // The sheets the measured-rate and results commands read, filled as on the field.
    await karavan([
      'demo',
      '--area-ha',
      '3000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--out',
      file('plots.csv'),
    ]);
    fill(
      file('plots.csv'),
      {
        worked_area_ha: () => '20',
        work_hours: (twelve, i) => String((twelve ? 4 : 6) + i * 0.05),
        fuel_litres: (_, i) => String(400 + i * 7),
        grain_loss_kg_per_ha: (_, i) => String(40 + (i % 3) * 5),
        downtime_hours: (_, i) => (i % 2 === 0 ? '0.2' : '0'),
      },
      file('plots-filled.csv'),
    );
    await karavan([
      'showcase',
      '--area-ha',
      '5000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--out',
      file('blocks-empty.csv'),
    ]);
    fill(
      file('blocks-empty.csv'),
      {
        worked_area_ha: () => '100',
        machine_hours: (twelve) => (twelve ? '20' : '25'),
        fuel_litres: (twelve) => (twelve ? '1800' : '1500'),
      },
      file('blocks.csv'),
    );
    const catalog = JSON.parse(await karavan(['catalog', '--json'])) as {
      machines: { id: string }[];
      crops: { id: string }[];
      presets: { presets: { id: string }[] };
    };
    ids.push(
      ...catalog.machines.map((m) => m.id),
      ...catalog.crops.map((c) => c.id),
      ...catalog.presets.presets.map((p) => p.id),
    );
  }, 120_000);
  afterAll(() => dir.cleanup());

  for (const command of commands)
    it(`karavan machinery ${command.slice(0, 3).join(' ')}… --lang ru: no English words`, async () => {
      const text = await karavan([...command, '--lang', 'ru']);
      expect(text.length).toBeGreaterThan(100);
      // Cyrillic prose, not an empty or all-numeric page.
      expect((text.match(/[\u0400-\u04FF]+/g) ?? []).length).toBeGreaterThan(10);
      expect(latinWords(withoutIds(text))).toEqual([]);
    }, 60_000);

  it('numbers in Russian: a decimal comma and a no-break space between thousands', async () => {
    const text = await karavan([...commands[0]!, '--lang', 'ru']);
    expect(text).toContain('= 3,78 га/ч');
    expect(text).toMatch(/итого, долл\.\/га\s+311,2 долл\./);
    expect(text).toMatch(/10\u00a0000 га/);
    expect(text).not.toMatch(/\d\.\d+ га/);
  }, 60_000);

  it('Russian plurals: one, few and many', async () => {
    const staff = await karavan([
      'staff',
      '--machines',
      '34',
      '--shifts',
      '2',
      '--reserve-share',
      '0.1',
      '--lang',
      'ru',
    ]);
    expect(staff).toContain('82 человека; 60 дней курсов');
    const demo = (replicates: string) =>
      karavan([
        'demo',
        '--area-ha',
        '3000',
        '--machines',
        'combine-sp-9m,combine-sp-12m',
        '--replicates',
        replicates,
        '--lang',
        'ru',
      ]);
    expect(await demo('3')).toContain('2 машины, 3 рандомизированных блока');
    expect(await demo('6')).toContain('6 рандомизированных блоков');
    expect(await demo('21')).toContain('21 рандомизированный блок ');
  }, 60_000);

  it('without --lang: Russian in a Russian locale, English otherwise; --lang en is the English', async () => {
    const args = ['fleet', '--area-ha', '10000'];
    const russian = await karavan(args, { LANG: 'ru_RU.UTF-8' });
    expect(russian).toBe(await karavan([...args, '--lang', 'ru']));
    expect(russian).toContain('План парка: уборка пшеницы, 10\u00a0000 га');
    const english = await karavan(args);
    expect(english).toBe(await karavan([...args, '--lang', 'en'], { LANG: 'ru_RU.UTF-8' }));
    expect(english).toContain('Fleet plan: wheat harvest, 10,000 ha');
  }, 60_000);

  it('--json is the same in both languages (numbers and ids)', async () => {
    const args = ['fleet', '--preset', 'kz-wheat-2023', '--area-ha', '10000', '--json'];
    expect(await karavan([...args, '--lang', 'ru'])).toBe(await karavan([...args, '--lang', 'en']));
  }, 60_000);

  it('a Russian workbook (sheet names and headers in Russian) reads back', async () => {
    const book = file('ru-book.xlsx');
    await karavan([
      'showcase',
      '--area-ha',
      '5000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--out',
      book,
      '--lang',
      'ru',
    ]);
    expect(await karavan(['demo-results', book, '--lang', 'ru'])).toContain(
      'Результаты демонстрации: 8 делянок в 4 блоках',
    );
    // Its sheets' names and the machines', measures' and visitor days' sheets speak Russian
    // (the parameters' sheet holds ids, tags and cited sources).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.worksheets.map((w) => w.name)).toContain('Что измерять');
    for (const name of ['Машины', 'Что измерять', 'Дни показа']) {
      const text: string[] = [];
      workbook
        .getWorksheet(name)!
        .eachRow((row) => text.push(...(row.values as unknown[]).map((v) => String(v ?? ''))));
      expect(text.join(' ').length).toBeGreaterThan(50);
      expect(latinWords(withoutIds(text.join('\n'))), name).toEqual([]);
    }
    const sheet = file('ru-plots.xlsx');
    await karavan([
      'demo',
      '--area-ha',
      '3000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--out',
      sheet,
      '--lang',
      'ru',
    ]);
    expect(await karavan(['demo-results', sheet])).toContain('Demonstration results: 12 plots in 6 blocks');
  }, 60_000);

  it('machinery market on a store with flows: the suppliers table in Russian', async () => {
    const fixtureHome = join(dir.path, 'fixture-home');
    mkdirSync(fixtureHome, { recursive: true });
    const flows = writeReportFixture(fixtureHome);
    await exec(process.execPath, [launcher, 'ingest', flows], { env: { ...process.env, KARAVAN_HOME: fixtureHome } });
    const { stdout } = await exec(
      process.execPath,
      [launcher, 'machinery', 'market', '--year', '2021', '--hs', '843351,870190', '--lang', 'ru'],
      { env: { ...process.env, KARAVAN_HOME: fixtureHome, LANG: 'C' } },
    );
    expect(stdout).toMatch(/поставщик\s+млн USD\s+доля, %\s+USD\/т/);
    expect(stdout).toMatch(/RUS\s+15\s+60\s+100\u00a0000/);
    expect(latinWords(stdout)).toEqual([]);
  }, 60_000);

  it('rejects a language it does not speak', async () => {
    await expect(karavan(['staff', '--machines', '3', '--shifts', '1', '--lang', 'de'])).rejects.toMatchObject({
      stderr: expect.stringContaining('invalid --lang: de (en or ru)'),
    });
  }, 60_000);
});
