import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'karavan-showcase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'karavan', 'machinery', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const scenario = new URL('../../docs/examples/machinery/kostanay-wheat.json', import.meta.url).pathname;
const farm = [
  'showcase',
  '--area-ha',
  '5000',
  '--machines',
  'combine-sp-9m,combine-sp-12m',
  '--units',
  '5',
  '--preset',
  'kz-wheat-2024-kzt',
];

/** Fills a block sheet's rows: every 9 m block 100 ha in 25 machine hours with 1,500 L, every 12 m block 100 ha in 20 h with 1,800 L. */
function fillBlocks(header: string[], rows: string[][]): string[][] {
  const at = (name: string) => header.indexOf(name);
  return rows.map((cells) => {
    const out = [...cells];
    const nine = out[at('machine_id')] === 'combine-sp-9m';
    out[at('worked_area_ha')] = '100';
    out[at('machine_hours')] = nine ? '25' : '20';
    out[at('fuel_litres')] = nine ? '1500' : '1800';
    return out;
  });
}

describe('karavan machinery showcase', () => {
  it('plans the 5,000 ha farm: sets of blocks, plots first, visitor days, measures with instruments', async () => {
    const { code, stdout } = await run(...farm);
    expect(code).toBe(0);
    // 5 units x 3.15 ha/h: (2,074 ha of blocks + 80 ha of plots) / 15.75 = 136.8 h, so 18 one-day sets of 277.8 ha.
    expect(stdout).toContain('Whole-field showcase: 5,000 ha of wheat, 2 machines, 18 sets of adjacent blocks');
    expect(stdout).toContain('18 working days of 8 h [M]');
    expect(stdout).toContain('against a 20-day window [preset]: fits');
    expect(stdout).toMatch(/combine-sp-9m\s+5 \[user\]\s+9 \[M\]\s+5 \[M\]\s+0\.7 \[M\]\s+3\.15\s+2,074\s+80\s+136\.8/);
    expect(stdout).toMatch(/^\s+1\s+plot block 1 \| S1-B1/m);
    expect(stdout).toMatch(/Start\s+1\s/);
    // Half of 5,000 ha is done at the end of set 9 (9 x 277.8 ha).
    expect(stdout).toMatch(/Peak\s+9\s/);
    expect(stdout).toMatch(/End\s+18\s/);
    expect(stdout).toContain('Broken grain');
    expect(stdout).toContain('Weighbridge tickets');
    const json = JSON.parse((await run(...farm, '--json')).stdout);
    expect(json.kind).toBe('karavan.machinery.showcase');
    expect(json.blocks).toHaveLength(36);
    expect(json.parameters.yieldTPerHa).toMatchObject({ value: 1.62, tag: 'preset' });
  });

  it('--out sheet.csv writes the block sheet and the plot sheet beside it; the filled block sheet feeds compare', async () => {
    const sheet = join(dir, 'blocks.csv');
    const { code, stdout } = await run(...farm, '--out', sheet);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `Block sheet written to ${sheet} (36 blocks), plot sheet to ${join(dir, 'blocks-plots.csv')}`,
    );
    const lines = readFileSync(sheet, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(37);
    expect(readFileSync(join(dir, 'blocks-plots.csv'), 'utf8').trim().split('\r\n')).toHaveLength(9);
    const header = lines[0]!.split(',');
    const filled = [
      header,
      ...fillBlocks(
        header,
        lines.slice(1).map((l) => l.split(',')),
      ),
    ];
    const filledFile = join(dir, 'filled-blocks.csv');
    writeFileSync(filledFile, filled.map((r) => r.join(',')).join('\n'));
    const compare = await run(
      'compare',
      'combine-sp-9m',
      'combine-sp-12m',
      '--scenario',
      scenario,
      '--measured',
      filledFile,
    );
    expect(compare.code).toBe(0);
    // M1: 18 x 100 ha / 18 x 25 h = 4 ha/h and 5 ha/h; M2: 15 and 18 L/ha.
    expect(compare.stdout).toMatch(/capacity, ha\/h\s+4\.00 \[measured\]\s+5\.00 \[measured\]/);
    expect(compare.stdout).toMatch(/fuel, L\/ha\s+15\.00 \[measured\]\s+18\.00 \[measured\]/);
    expect(compare.stdout).toContain('M1: 1800 ha / 450 h over 18 of 18 rows of');
    const json = JSON.parse(
      (
        await run(
          'compare',
          'combine-sp-9m',
          'combine-sp-12m',
          '--scenario',
          scenario,
          '--measured',
          filledFile,
          '--json',
        )
      ).stdout,
    );
    expect(json.a.capacityHaPerHour).toBe(4);
    expect(json.plans.a.parameters.capacityHaPerHour.tag).toBe('measured');
    // Fuel per ha at the default $1/L is the measured 15 L/ha.
    expect(json.plans.a.windowFleet.usdPerHa.fuel).toBeCloseTo(15, 9);
  });

  it('--out sheet.xlsx writes one workbook; filled in the workbook it feeds compare and demo-results', async () => {
    const book = join(dir, 'showcase.xlsx');
    const { code, stdout } = await run(...farm, '--out', book);
    expect(code).toBe(0);
    expect(stdout).toContain(`Block sheet written to ${book} (36 blocks), plot sheet in the same workbook`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.worksheets.map((w) => w.name)).toHaveLength(6);
    const blocks = workbook.worksheets[0]!;
    expect(blocks.getRow(1).getCell(14).value).toBe('Machine hours (all units)');
    // The field team fills the block sheet under its English labels, and the plot sheet under its column names.
    const labels = (blocks.getRow(1).values as unknown[]).slice(1).map(String);
    const keyOf: Record<string, string> = {
      Machine: 'machine_id',
      'Worked area, ha': 'worked_area_ha',
      'Machine hours (all units)': 'machine_hours',
      'Fuel, L': 'fuel_litres',
    };
    const header = labels.map((l) => keyOf[l] ?? l);
    blocks.eachRow((row, n) => {
      if (n === 1) return;
      const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
      const [filled] = fillBlocks(header, [cells]);
      filled!.forEach((value, i) => {
        if (value !== cells[i]) row.getCell(i + 1).value = Number(value);
      });
    });
    const plots = workbook.worksheets[1]!;
    const plotHeader = (plots.getRow(1).values as unknown[]).slice(1).map(String);
    plots.eachRow((row, n) => {
      if (n === 1) return;
      const twelve = row.getCell(plotHeader.indexOf('machine_id') + 1).value === 'combine-sp-12m';
      row.getCell(plotHeader.indexOf('worked_area_ha') + 1).value = 20;
      row.getCell(plotHeader.indexOf('work_hours') + 1).value = (twelve ? 4 : 6) + n * 0.05;
      row.getCell(plotHeader.indexOf('fuel_litres') + 1).value = 300 + n * 7;
    });
    const filledBook = join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(filledBook);
    const compare = await run(
      'compare',
      'combine-sp-9m',
      'combine-sp-12m',
      '--scenario',
      scenario,
      '--measured',
      filledBook,
    );
    expect(compare.stderr).toBe('');
    expect(compare.stdout).toMatch(/capacity, ha\/h\s+4\.00 \[measured\]\s+5\.00 \[measured\]/);
    const results = JSON.parse((await run('demo-results', filledBook, '--json')).stdout);
    expect(results.plots).toBe(8);
    expect(results.measures[0].comparisons[0].better).toBe('combine-sp-12m');
  });

  it('demo --out sheet.xlsx writes the plot sheet as a workbook', async () => {
    const book = join(dir, 'demo.xlsx');
    const { code } = await run(
      'demo',
      '--area-ha',
      '3000',
      '--machines',
      'combine-sp-9m,combine-sp-12m',
      '--out',
      book,
    );
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.worksheets).toHaveLength(1);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('plot_id');
    expect(workbook.worksheets[0]!.rowCount).toBe(13);
  });

  it('rejects bad input, naming the flag or the file', async () => {
    expect((await run(...farm, '--units', '5,3,2')).stderr).toMatch(/invalid units: 5,3,2/);
    expect((await run(...farm, '--split', 'half')).stderr).toMatch(/invalid split: half/);
    expect((await run(...farm, '--sets', '1')).stderr).toMatch(/invalid sets: 1[\s\S]*--sets/);
    const other = join(dir, 'other.csv');
    writeFileSync(
      other,
      'plot_id,block,machine_id,worked_area_ha,work_hours,fuel_litres,grain_loss_kg_per_ha,downtime_hours\nB1-P1,1,x,20,5,300,,\n',
    );
    expect(
      (await run('compare', 'combine-sp-9m', 'combine-sp-12m', '--scenario', scenario, '--measured', other)).stderr,
    ).toMatch(/invalid measured sheet: .*has neither combine-sp-9m nor combine-sp-12m \(it has x\)[\s\S]*--measured/);
    const notBook = join(dir, 'not.xlsx');
    writeFileSync(notBook, 'plain text');
    expect(
      (await run('compare', 'combine-sp-9m', 'combine-sp-12m', '--scenario', scenario, '--measured', notBook)).stderr,
    ).toMatch(/not a readable XLSX workbook/);
  });
});
