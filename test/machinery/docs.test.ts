/** docs/machinery.md's options tables must show the defaults the code uses. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  demoPlanDefaults,
  demoResultsDefaults,
  scenarioDefaults,
  showcaseDefaults,
  sensitivityDefaults,
} from '../../src/machinery/index.ts';

const doc = readFileSync(new URL('../../docs/machinery.md', import.meta.url), 'utf8');
const rows = doc.split('\n').filter((line) => line.startsWith('|'));

function rowFor(...cells: string[]): string | undefined {
  return rows.find((row) => cells.every((cell) => row.includes(cell)));
}

describe('docs/machinery.md', () => {
  it.each(Object.entries(scenarioDefaults))('scenario option %s shows its default %s', (key, value) => {
    const row = rowFor(`| \`${key}\` |`);
    expect(row, key).toBeDefined();
    expect(row).toContain(`\`${value}\``);
  });

  it.each(Object.entries(demoPlanDefaults))('demonstration option %s shows its default %s', (key, value) => {
    expect(rowFor('`planDemonstration`', `\`${key}\``, `\`${value}\``), key).toBeDefined();
  });

  it('sensitivity and demo-results defaults are shown', () => {
    expect(rowFor('`sensitivityTable`', '`factors`', `\`[${sensitivityDefaults.factors.join(', ')}]\``)).toBeDefined();
    expect(
      rowFor('`compareDemoResults`', '`confidenceLevel`', `\`${demoResultsDefaults.confidenceLevel}\``),
    ).toBeDefined();
  });

  it('lists every formula F1-F20 that the code implements', () => {
    for (const f of [
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'F6',
      'F7',
      'F9',
      'F10',
      'F11',
      'F12',
      'F13',
      'F14',
      'F15',
      'F16',
      'F17',
      'F18',
      'F19',
      'F20',
    ]) {
      expect(rowFor(`| ${f} |`), f).toBeDefined();
    }
  });

  it.each(Object.entries(showcaseDefaults))('showcase option %s shows its default %s', (key, value) => {
    expect(rowFor('`planShowcase`', `\`${key}\``, `\`${value}\``), key).toBeDefined();
  });

  it('lists the showcase formulas SC1-SC5 and the measured rates M1, M2', () => {
    for (const f of ['SC1', 'SC2', 'SC3', 'SC4', 'SC5', 'M1', 'M2']) expect(rowFor(`| ${f} |`), f).toBeDefined();
    expect(rowFor('| `[measured]` |')).toBeDefined();
  });
});
