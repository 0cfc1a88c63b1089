/** The report's number formats: shares small enough to round to 0 keep two significant digits. */
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/i18n.ts';

describe('formatters', () => {
  it('prints a share under 0.1 % with two significant digits, in each language', () => {
    const en = formatters('en');
    const ru = formatters('ru');
    expect(en.pct(0.00017)).toBe('0.017%');
    expect(ru.pct(0.00017)).toBe('0,017\u00a0%');
    expect(en.pct(0.0000123)).toBe('0.0012%');
    // From 0.1 % up, one decimal as before; zero and missing as they were.
    expect(en.pct(0.00123)).toBe('0.1%');
    expect(en.pct(0.4567)).toBe('45.7%');
    expect(en.pct(0)).toBe('0%');
    expect(en.pct(-0.0002)).toBe('-0.02%');
    expect(en.pct(null)).toBe('n/a');
  });
});
