/**
 * The complexity() properties of eci.test.ts and coi.test.ts cannot pass without testing: run
 * against deliberately broken builds of complexity(), each of them fails. A build that throws an
 * unexpected error fails at once; a build that rejects every input with the documented
 * MetricInputError fails through fast-check's skip limit; a build that returns wrong numbers fails
 * the assertions.
 */
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import { complexity } from '../../src/metrics/index.ts';
import { complexityPropertyChecks, type ComplexityFunction } from './complexity-properties.ts';

const throwsTypeError: ComplexityFunction = () => {
  throw new TypeError('regression: cannot read properties of undefined');
};
const rejectsEveryInput: ComplexityFunction = () => {
  throw new MetricInputError('regression: every input declared out of the domain');
};
/** Correct except for the first location's ECI, shifted by 0.5. */
const shiftsFirstEci: ComplexityFunction = (input, options) => {
  const result = complexity(input, options);
  const eci = Float64Array.from(result.eci);
  eci[0] = eci[0]! + 0.5;
  return { ...result, eci };
};
/** COI of every location doubled: no longer standardised. */
const doublesCoi: ComplexityFunction = (input, options) => {
  const result = complexity(input, options);
  return { ...result, coi: result.coi.map((x) => 2 * x) };
};

/** The error a call throws; fails the test when it does not throw. */
function thrownBy(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the property to fail, and it passed');
}

describe.each(Object.entries(complexityPropertyChecks))('property "%s"', (_name, check) => {
  it('holds for the real complexity()', () => {
    expect(() => check(complexity)).not.toThrow();
  });

  it('fails when complexity() throws something other than MetricInputError', () => {
    const failure = thrownBy(() => check(throwsTypeError));
    expect(failure.message).toMatch(/^Property failed/);
    expect(failure.cause).toBeInstanceOf(TypeError);
  });

  it('fails when complexity() rejects every input as outside its domain', () => {
    expect(() => check(rejectsEveryInput)).toThrow(/too many pre-condition failures/);
  });
});

describe('the properties check numbers, not only that complexity() returns', () => {
  it('a shifted ECI breaks "ECI is the mean PCI of the products"', () => {
    const failure = thrownBy(() => complexityPropertyChecks['ECI is the mean PCI of the products']!(shiftsFirstEci));
    expect(failure.message).toMatch(/^Property failed/);
  });

  it('a doubled COI breaks "COI is standardised"', () => {
    const failure = thrownBy(() => complexityPropertyChecks['COI is standardised']!(doublesCoi));
    expect(failure.message).toMatch(/^Property failed/);
  });
});
