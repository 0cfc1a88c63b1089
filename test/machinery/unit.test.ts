import { describe, expect, it } from 'vitest';
import { type KaravanError, MachineryInputError, UnknownMachineError } from '../../src/errors.ts';
import { resolveUnit } from '../../src/machinery/index.ts';
import { catalog } from './helpers.ts';

describe('resolveUnit', () => {
  it('a self-propelled combine works alone', () => {
    expect(resolveUnit(catalog, 'combine-sp-9m').tractor).toBeUndefined();
  });

  it("a towed machine gets its class's default tractor, or the one named", () => {
    expect(resolveUnit(catalog, 'seed-drill-12m').tractor?.id).toBe('tractor-4wd-300kw');
    expect(resolveUnit(catalog, 'seed-drill-12m', 'tractor-4wd-400kw').tractor?.id).toBe('tractor-4wd-400kw');
  });

  it('refuses a tractor as the working machine, a tractor for a self-propelled one, and a combine as tractor', () => {
    expect(() => resolveUnit(catalog, 'tractor-4wd-300kw')).toThrow(/a tractor does no field work alone/);
    expect(() => resolveUnit(catalog, 'combine-sp-9m', 'tractor-4wd-300kw')).toThrow(
      /self-propelled and takes no tractor/,
    );
    expect(() => resolveUnit(catalog, 'plough-mouldboard-3m', 'combine-sp-9m')).toThrow(/not a tractor/);
  });

  it('refuses mining trucks: the field planner does not apply to haulage', () => {
    expect(() => resolveUnit(catalog, 'mining-truck-220t')).toThrow(MachineryInputError);
    expect(() => resolveUnit(catalog, 'mining-truck-220t')).toThrow(/does not apply to haulage.*indicative \[M\]/);
  });

  it('an unknown tractor is an UnknownMachineError with suggestions', () => {
    try {
      resolveUnit(catalog, 'seed-drill-12m', 'tractor-4wd-30kw');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMachineError);
      expect((error as KaravanError).hint).toMatch(/tractor-4wd-300kw/);
    }
  });
});
