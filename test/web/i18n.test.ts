/** The dashboard's texts and cell formats, in Node (the module reads no DOM until a language is set). */
import { describe, expect, it } from 'vitest';
import { formatCell, glossaryTerms, texts } from '../../web/src/i18n.ts';

describe('dashboard texts', () => {
  it('has every text in Russian and in English, the Russian one in Cyrillic unless it is a code or a term', () => {
    // Not Russian by design: the language button names the other language ("English"); "RCA ≤ 1" is a formula.
    const same = new Set(['language', 'notCompetitive']);
    for (const [key, text] of Object.entries(texts)) {
      expect(text.ru.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
      if (!same.has(key)) expect(text.ru, key).toMatch(/[а-яё]/i);
    }
  });
});

describe('formatCell', () => {
  // The default language (ru): setLang would touch the document, which Node has not.
  it('writes a timestamp as a date and time, booleans as words, other text as it is', () => {
    const stamp = formatCell('2026-12-07T10:31:05.123Z', undefined);
    expect(stamp).not.toContain('T10:31');
    expect(stamp).toMatch(/2026/);
    expect(formatCell(true, undefined)).toBe('да');
    expect(formatCell(false, undefined)).toBe('нет');
    expect(formatCell('2017-2021', undefined)).toBe('2017-2021');
    expect(formatCell(null, 'usd')).toBe('—');
  });
});

describe('glossaryTerms', () => {
  it('finds the measures a text names, in Russian and English words', () => {
    expect(glossaryTerms('RCA, PCI и плотность').map((g) => g.name)).toEqual(['RCA', 'PCI', 'Плотность']);
    expect(glossaryTerms('ИХХ поставщиков').map((g) => g.name)).toEqual(['HHI']);
    // A word that contains a term's letters is not the term.
    expect(glossaryTerms('PCIe, ARCADE, cognac')).toEqual([]);
    for (const g of glossaryTerms('RCA PCI ECI COG HHI density')) expect(g.text).toMatch(/[а-яё]/);
  });
});
