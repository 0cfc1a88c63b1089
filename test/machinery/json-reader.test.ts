/**
 * The typed JSON reader behind the catalog, preset and scenario files: each accessor's exact message
 * ("<file>: <path>: <what>"), the error's file, column and value, the bounds at their edges, and how
 * long or unprintable values are shortened.
 */
import { describe, expect, it } from 'vitest';
import { BadCatalogError, type KaravanError } from '../../src/errors.ts';
import { JsonReader, parseJsonText } from '../../src/machinery/json-reader.ts';

const reader = new JsonReader('own.json', BadCatalogError);

function thrownBy(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadCatalogError);
    return error as KaravanError;
  }
  throw new Error('expected a BadCatalogError');
}

describe('JsonReader', () => {
  it('object, array, string, boolean: the value back, or the exact message naming what came', () => {
    expect(reader.object('a', { x: 1 })).toEqual({ x: 1 });
    expect(reader.array('a', [1])).toEqual([1]);
    expect(reader.string('a', 'x')).toBe('x');
    expect(reader.boolean('a', false)).toBe(false);
    expect(reader.optionalString('a', undefined)).toBeUndefined();
    expect(reader.optionalString('a', 'y')).toBe('y');
    const cases: Array<[() => unknown, string]> = [
      [() => reader.object('m[0]', null), 'own.json: m[0]: expected an object, got null'],
      [() => reader.object('m[0]', [1]), 'own.json: m[0]: expected an object, got an array'],
      [() => reader.object('m[0]', 'x'), 'own.json: m[0]: expected an object, got "x"'],
      [() => reader.array('m', {}), 'own.json: m: expected an array, got an object'],
      [() => reader.array('m', 3), 'own.json: m: expected an array, got 3'],
      [() => reader.string('id', ''), 'own.json: id: expected a non-empty string, got ""'],
      [() => reader.string('id', '  '), 'own.json: id: expected a non-empty string, got "  "'],
      [() => reader.string('id', 5), 'own.json: id: expected a non-empty string, got 5'],
      [() => reader.optionalString('id', 5), 'own.json: id: expected a non-empty string, got 5'],
      [() => reader.boolean('ok', 'yes'), 'own.json: ok: expected true or false, got "yes"'],
      [() => reader.boolean('ok', 1), 'own.json: ok: expected true or false, got 1'],
    ];
    for (const [run, message] of cases) {
      const error = thrownBy(run);
      expect(error.message).toBe(message);
      expect(error.file).toBe('own.json');
    }
  });

  it('number: finite, then gt (exclusive), min and max (inclusive) at their edges', () => {
    expect(reader.number('v', 0)).toBe(0);
    expect(reader.number('v', 1e-12, { gt: 0 })).toBe(1e-12);
    expect(reader.number('v', 2, { min: 2, max: 2 })).toBe(2);
    const cases: Array<[unknown, object, string]> = [
      ['3', {}, 'expected a number, got "3"'],
      [NaN, {}, 'expected a number, got NaN'],
      [Infinity, {}, 'expected a number, got Infinity'],
      [null, {}, 'expected a number, got null'],
      [0, { gt: 0 }, 'must be greater than 0, got 0'],
      [-1, { gt: 0 }, 'must be greater than 0, got -1'],
      [1.999, { min: 2 }, 'must be at least 2, got 1.999'],
      [5.001, { max: 5 }, 'must be at most 5, got 5.001'],
    ];
    for (const [value, bounds, what] of cases) {
      const error = thrownBy(() => reader.number('classes[3].speedKmh.typical', value, bounds));
      expect(error.message).toBe(`own.json: classes[3].speedKmh.typical: ${what}`);
      expect(error.column).toBe('classes[3].speedKmh.typical');
    }
  });

  it('oneOf lists the allowed values', () => {
    expect(reader.oneOf('tag', 'V', ['V', 'M'])).toBe('V');
    expect(thrownBy(() => reader.oneOf('tag', 'X', ['V', 'M'])).message).toBe(
      'own.json: tag: expected one of V, M, got "X"',
    );
    expect(thrownBy(() => reader.oneOf('tag', 1, ['V', 'M'])).message).toBe(
      'own.json: tag: expected one of V, M, got 1',
    );
  });

  it('onlyKeys and required name the full path, with or without a parent', () => {
    expect(() => reader.onlyKeys('m[0]', { a: 1, b: 2 }, ['a', 'b', 'c'])).not.toThrow();
    const typo = thrownBy(() => reader.onlyKeys('m[0]', { a: 1, listPriceUSD: 2 }, ['a', 'listPriceUsd']));
    expect(typo.message).toBe('own.json: m[0].listPriceUSD: unknown field (allowed: a, listPriceUsd)');
    expect(typo.column).toBe('m[0].listPriceUSD');
    expect(thrownBy(() => reader.onlyKeys('', { x: 1 }, ['a'])).message).toBe(
      'own.json: x: unknown field (allowed: a)',
    );
    expect(reader.required('m[0]', { id: 'c' }, 'id')).toBe('c');
    expect(reader.required('m[0]', { n: 0 }, 'n')).toBe(0);
    expect(thrownBy(() => reader.required('m[0]', {}, 'id')).message).toBe('own.json: m[0].id: missing required field');
    expect(thrownBy(() => reader.required('', { id: undefined }, 'id')).message).toBe(
      'own.json: id: missing required field',
    );
  });

  it('the value in the error: strings as they are, others as JSON, cut at 60 characters; none when absent', () => {
    expect(thrownBy(() => reader.string('id', 7)).value).toBe('7');
    expect(thrownBy(() => reader.object('o', 'text')).value).toBe('text');
    expect(thrownBy(() => reader.array('a', { k: 1 })).value).toBe('{"k":1}');
    const long = 'x'.repeat(61);
    expect(thrownBy(() => reader.object('o', long)).value).toBe(`${'x'.repeat(57)}...`);
    expect(thrownBy(() => reader.object('o', 'y'.repeat(60))).value).toBe('y'.repeat(60));
    expect(thrownBy(() => reader.required('', {}, 'id')).value).toBeUndefined();
  });

  it('a described string longer than 40 characters is cut to 37 and "..."', () => {
    const long = 'z'.repeat(41);
    expect(thrownBy(() => reader.number('n', long)).message).toBe(
      `own.json: n: expected a number, got "${'z'.repeat(37)}..."`,
    );
    expect(thrownBy(() => reader.number('n', 'z'.repeat(40))).message).toBe(
      `own.json: n: expected a number, got "${'z'.repeat(40)}"`,
    );
  });

  it('a value nested too deep to print is named by its type', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(thrownBy(() => reader.object('o', deep)).value).toBe('[...]');
    let deepObject: unknown = 1;
    for (let i = 0; i < 20_000; i++) deepObject = { k: deepObject };
    expect(thrownBy(() => reader.array('a', deepObject)).value).toBe('{...}');
  });
});

describe('parseJsonText', () => {
  it('parses, skipping a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}', 'f.json', BadCatalogError)).toEqual({ a: 1 });
    expect(parseJsonText('[1]', 'f.json', BadCatalogError)).toEqual([1]);
  });

  it('a syntax error names the file and keeps the cause', () => {
    const error = thrownBy(() => parseJsonText('{"a":', 'f.json', BadCatalogError));
    expect(error.message).toMatch(/^f\.json: not valid JSON \(.+\)$/);
    expect(error.file).toBe('f.json');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});
