import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KaravanError, errorClasses } from '../src/errors.ts';

describe('errors', () => {
  const docs = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const entries = Object.entries(errorClasses);

  it('every error class has a unique KRV_ code', () => {
    const codes = entries.map(([, cls]) => cls.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^KRV_[A-Z]+_[A-Z_]+$/);
  });

  it('every code is documented in docs/errors.md', () => {
    for (const [name, cls] of entries) {
      expect(docs, `${name} (${cls.code}) missing from docs/errors.md`).toContain(`\`${cls.code}\``);
    }
  });

  it('errors carry their location and render it', () => {
    const { BadValueError } = errorClasses;
    const error = new BadValueError('not a number', { file: 'a.csv', line: 3, column: 'v', value: 'abc' });
    expect(error).toBeInstanceOf(KaravanError);
    expect(error.code).toBe('KRV_INGEST_BAD_VALUE');
    expect(error.where()).toBe('a.csv:3, column "v", value "abc"');
    expect(error.toJSON()).toMatchObject({ code: 'KRV_INGEST_BAD_VALUE', line: 3 });
  });
});
