/**
 * The message catalog: every id has an English and a Russian text, each parses as ICU
 * MessageFormat, and both languages take the same arguments (so a message formats the same
 * values in either). Formatting follows the language: decimal comma and a space between
 * thousands in Russian, Russian plural forms, statuses that agree with the section's name.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalog, formatMessage, localiseMessages, msg, statusText, t } from '../../src/messages/index.ts';

/** Argument names of an ICU message, from its syntax tree (nested in plural and select branches too). */
function argumentsOf(text: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<{
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }>) {
      // Types 1-6 are argument, number, date, time, select and plural (literal 0 and pound 7 carry no name).
      if (node.type >= 1 && node.type <= 6 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, lang).getAst() as unknown[]);
  return [...names].sort();
}

describe('message catalog', () => {
  const ids = Object.keys(catalog) as Array<keyof typeof catalog>;

  it('has over 250 messages, each in both languages, non-empty', () => {
    expect(ids.length).toBeGreaterThan(250);
    for (const id of ids) {
      const entry = catalog[id] as { en: string; ru: string };
      expect(entry.en.length, id).toBeGreaterThan(0);
      expect(entry.ru.length, id).toBeGreaterThan(0);
    }
  });

  it('parses every message and gives both languages the same arguments', () => {
    const differ = ids.filter((id) => {
      const entry = catalog[id] as { en: string; ru: string };
      return argumentsOf(entry.en, 'en').join() !== argumentsOf(entry.ru, 'ru').join();
    });
    // Agreement is Russian grammar only (the section's gender, and the statuses that agree with it), and an
    // official note carries its text in each language: English has no argument there, or another one.
    expect(differ).toEqual(['section.gender', 'status.computed', 'status.partial', 'status.missing', 'official.note']);
  });

  it('formats numbers as the language writes them, in prose too', () => {
    const values = { demand: 0.35, density: 0.3, cog: 0.2, pci: 0.15 };
    expect(t('ru', 'report.weights', values)).toBe(
      'Балл = 0,35·z(ln спроса) + 0,3·z(плотность) + 0,2·z(COG) + 0,15·z(PCI) (z-оценки по кандидатам).',
    );
    expect(t('en', 'report.weights', values)).toContain('0.35·z(ln demand)');
    const kaz = { country: 'KAZ', en: 'Kazakhstan', ru: 'Казахстан' };
    expect(t('ru', 'joint.demandImports', { importer: kaz, usd: 1_234_567_890 })).toBe(
      // Intl puts a no-break space between the number and its scale word.
      'Казахстан: импорт 1,2\u00a0млрд долл. США в год',
    );
  });

  it('uses the Russian plural forms: 1 товар, 3 товара, 97 товаров', () => {
    const basket = (count: number) =>
      t('ru', 'basis.basket', {
        source: 'baci',
        year: '2021',
        level: '6',
        exporter: 'ЮАР',
        importer: 'Казахстан',
        count,
      });
    expect(basket(1)).toMatch(/: 1 товар$/);
    expect(basket(3)).toMatch(/: 3 товара$/);
    expect(basket(97)).toMatch(/: 97 товаров$/);
    expect(basket(21)).toMatch(/: 21 товар$/);
  });

  it('makes the status agree with the section name in Russian', () => {
    expect(statusText('ru', 'computed', 'needs')).toBe('рассчитаны');
    expect(statusText('ru', 'computed', 'potential')).toBe('рассчитан');
    expect(statusText('ru', 'missing', 'basket')).toBe('не рассчитана');
    expect(statusText('ru', 'partial', 'supply')).toBe('рассчитано частично');
    expect(statusText('en', 'missing', 'needs')).toBe('not computed');
  });

  it('formats nested messages and countries in the reader language', () => {
    const message = msg('need.pairFlows', {
      exporter: { country: 'BLR', en: 'Belarus', ru: 'Беларусь' },
      importer: { country: 'KAZ', en: 'Kazakhstan', ru: 'Казахстан' },
    });
    expect(formatMessage(message, 'en')).toBe('no flows between Belarus and Kazakhstan');
    expect(formatMessage(message, 'ru')).toBe('нет данных о торговле Беларусь — Казахстан');
    expect(localiseMessages({ basis: message, rows: [1] }, 'ru')).toEqual({
      basis: 'нет данных о торговле Беларусь — Казахстан',
      basisMessage: message,
      rows: [1],
    });
  });
});
