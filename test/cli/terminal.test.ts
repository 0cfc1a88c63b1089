/**
 * Names and licences from files reach the terminal as text: an ANSI escape or a newline in a file name or a
 * licence cannot recolour the screen or forge a line of output (`karavan ingest`, `karavan datasets`, errors).
 */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { terminalSafe } from '../../src/cli/output.ts';
import { tempDir, writeTemp } from '../support/store.ts';

async function run(args: string[], home: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const previous = process.env['KARAVAN_HOME'];
  process.env['KARAVAN_HOME'] = home;
  try {
    const code = await main(['node', 'karavan', ...args]);
    return {
      code,
      out: stdout.mock.calls.map((c) => String(c[0])).join(''),
      err: stderr.mock.calls.map((c) => String(c[0])).join(''),
    };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    if (previous === undefined) delete process.env['KARAVAN_HOME'];
    else process.env['KARAVAN_HOME'] = previous;
  }
}

describe('terminal-safe output', () => {
  it('shows control characters as escapes and leaves other text (Cyrillic, tabs, symbols) alone', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m')).toBe('a\\x1b[31mred\\x1b[0m');
    expect(terminalSafe('line\nforged\rline')).toBe('line\\x0aforged\\x0dline');
    expect(terminalSafe('\u009b2J')).toBe('\\x9b2J');
    expect(terminalSafe('Казахстан\t→ 5 %')).toBe('Казахстан\t→ 5 %');
  });

  it('ingest and datasets print a hostile file name and licence without their control characters', async () => {
    const dir = tempDir();
    try {
      const file = writeTemp(
        dir.path,
        'exports\u001b[2J\nfake.csv',
        'exporter,product,year,valueUsd\nBLR,8433,2017,1000\nKAZ,8433,2017,500\n',
      );
      const licence = 'CC-BY \u001b[31mred\u001b[0m\nerror KRV_FAKE: forged line';
      const ingest = await run(['ingest', file, '--format', 'exports', '--licence', licence], `${dir.path}/home`);
      expect(ingest.err).toBe('');
      expect(ingest.code).toBe(0);
      const datasets = await run(['datasets'], `${dir.path}/home`);
      for (const out of [ingest.out, datasets.out]) expect(out).not.toContain('\u001b');
      expect(ingest.out).toContain('exports\\x1b[2J\\x0afake.csv');
      expect(datasets.out).toContain('\\x1b[31mred\\x1b[0m\\x0aerror KRV_FAKE');
      expect(datasets.out.split('\n').some((line) => line.startsWith('error KRV_FAKE'))).toBe(false);
      const missing = await run(['ingest', `${dir.path}/no\u001b[2Jsuch.csv`], `${dir.path}/home`);
      expect(missing.code).toBe(1);
      expect(missing.err).not.toContain('\u001b');
      expect(missing.err).toContain('no\\x1b[2Jsuch.csv');
    } finally {
      dir.cleanup();
    }
  });
});
