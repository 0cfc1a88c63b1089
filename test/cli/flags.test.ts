/** The flags every command reads alike: one --level convention, and the language a command answers in. */
import { afterEach, describe, expect, it } from 'vitest';
import { levelHelp, parseLang, parseLevel } from '../../src/cli/flags.ts';

describe('parseLevel', () => {
  it('takes hs2/hs4/hs6 and the digits alone, in any case, and the fallback when not given', () => {
    for (const [text, level] of [
      ['hs4', 4],
      ['HS6', 6],
      ['2', 2],
      [' 6 ', 6],
    ] as const)
      expect(parseLevel(text, [2, 4, 6] as const)).toBe(level);
    expect(parseLevel(undefined, [4, 6] as const, 6)).toBe(6);
    expect(parseLevel(undefined, [2, 4, 6] as const)).toBeUndefined();
  });

  it('refuses a level the command does not take, naming those it does', () => {
    expect(() => parseLevel('hs2', [4, 6] as const)).toThrow('invalid --level: hs2 (hs4, hs6, or the digits alone)');
    for (const bad of ['5', 'hs', 'hs44', 'four', ''])
      expect(() => parseLevel(bad, [2, 4, 6] as const), bad).toThrow(/^invalid --level/);
  });

  it('says each default once in the help', () => {
    expect(levelHelp([4, 6], 'HS level', 'hs6')).toBe('[hs4|hs6] HS level; 4 and hs4 are the same (default: hs6)');
  });
});

describe('parseLang', () => {
  const saved = { LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'] };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  it('answers in Russian for a Russian locale or a search typed in Cyrillic, else in English', () => {
    delete process.env['LC_ALL'];
    delete process.env['LC_MESSAGES'];
    process.env['LANG'] = 'C';
    expect(parseLang(undefined)).toBe('en');
    expect(parseLang(undefined, 'комбайн')).toBe('ru');
    expect(parseLang(undefined, 'combine')).toBe('en');
    process.env['LANG'] = 'ru_RU.UTF-8';
    expect(parseLang(undefined, 'combine')).toBe('ru');
    expect(parseLang('en', 'комбайн')).toBe('en');
    expect(() => parseLang('de')).toThrow('invalid --lang: de (en or ru)');
  });
});

describe('help', () => {
  it('says each default once, on every command', async () => {
    const { buildProgram } = await import('../../src/cli/program.ts');
    const doubled: string[] = [];
    const visit = (command: import('commander').Command, path: string) => {
      // Lines joined so a description wrapped by the terminal width still counts as one.
      const help = command.helpInformation().replace(/\n\s{4,}/g, ' ');
      for (const line of help.split('\n'))
        if ((line.match(/\(default: /g) ?? []).length > 1) doubled.push(`${path}: ${line.trim()}`);
      for (const sub of command.commands) visit(sub, `${path} ${sub.name()}`);
    };
    visit(buildProgram(), 'karavan');
    expect(doubled).toEqual([]);
  });
});
