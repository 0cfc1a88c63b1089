/**
 * Properties of complexity() shared by eci.test.ts and coi.test.ts, written over the function under
 * test so that complexity-properties.test.ts can run the same properties against deliberately broken
 * builds and show that they fail.
 *
 * A draw outside complexity()'s documented domain (it throws MetricInputError: fewer than 2 locations
 * or products with presence, or no structure to rank) is skipped with fc.pre; any other exception
 * fails the property. `propertyRuns` allows at most one skip per run, so a regression that throws
 * MetricInputError on every input fails too ("too many pre-condition failures"), instead of passing
 * without testing anything.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import type { complexity } from '../../src/metrics/index.ts';
import { exportsMatrix } from './helpers.ts';

export type ComplexityFunction = typeof complexity;
type ComplexityResult = ReturnType<ComplexityFunction>;

/** 60 runs; the generator (every row and column positive) stays in the domain, so skips are rare. */
export const propertyRuns = { numRuns: 60, maxSkipsPerRun: 1 } as const;

/** complexity() of a draw; a draw outside the documented domain is skipped, anything else propagates. */
export function complexityInDomain(
  compute: ComplexityFunction,
  input: Parameters<ComplexityFunction>[0],
): ComplexityResult {
  try {
    return compute(input);
  } catch (error) {
    if (error instanceof MetricInputError) fc.pre(false);
    throw error;
  }
}

/** Scaling every export of the year, or rotating the locations, changes neither ECI, PCI nor density. */
export function scaleAndReorderInvariance(compute: ComplexityFunction) {
  return fc.property(
    exportsMatrix(3, 7, 3, 9),
    fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    fc.integer(),
    ({ locations, products, values }, k, shift) => {
      const base = complexityInDomain(compute, { locations, products, valuesUsd: values });
      const scaled = compute({ locations, products, valuesUsd: values.map((v) => v * k) });
      for (let c = 0; c < locations; c++)
        if (!Number.isNaN(base.eci[c]!)) expect(scaled.eci[c]).toBeCloseTo(base.eci[c]!, 7);
      // Rotate the rows: the same ECI per location, at its new position.
      const r = ((shift % locations) + locations) % locations;
      const rotated = new Float64Array(values.length);
      for (let c = 0; c < locations; c++)
        rotated.set(values.subarray(c * products, (c + 1) * products), ((c + r) % locations) * products);
      const moved = compute({ locations, products, valuesUsd: rotated });
      for (let c = 0; c < locations; c++) {
        if (!Number.isNaN(base.eci[c]!)) expect(moved.eci[(c + r) % locations]).toBeCloseTo(base.eci[c]!, 7);
        for (let p = 0; p < products; p++) {
          const before = base.density[c * products + p]!;
          const after = moved.density[((c + r) % locations) * products + p]!;
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expect(after).toBeCloseTo(before, 10);
        }
      }
      for (let p = 0; p < products; p++)
        if (!Number.isNaN(base.pci[p]!)) expect(moved.pci[p]).toBeCloseTo(base.pci[p]!, 7);
    },
  );
}

/** ECI of a location is the mean PCI of its products (the same μ and σ standardise both). */
export function eciIsMeanPciOfProducts(compute: ComplexityFunction) {
  return fc.property(exportsMatrix(3, 8, 3, 10), ({ locations, products, values }) => {
    const r = complexityInDomain(compute, { locations, products, valuesUsd: values });
    for (let c = 0; c < locations; c++) {
      if (r.diversity[c] === 0) continue;
      let s = 0;
      for (let p = 0; p < products; p++) if (r.mcp[c * products + p] === 1) s += r.pci[p]!;
      expect(r.eci[c]).toBeCloseTo(s / r.diversity[c]!, 8);
    }
  });
}

/** COI is standardised over the rectangular rows: mean 0, sd 1 (ddof 1, each location counted P times). */
export function coiIsStandardised(compute: ComplexityFunction) {
  return fc.property(exportsMatrix(3, 8, 3, 10), ({ locations, products, values }) => {
    const r = complexityInDomain(compute, { locations, products, valuesUsd: values });
    const valid = Array.from(r.coi).filter((x) => !Number.isNaN(x));
    const mean = valid.reduce((s, x) => s + x, 0) / valid.length;
    expect(mean).toBeCloseTo(0, 10);
    const variance = (products * valid.reduce((s, x) => s + (x - mean) ** 2, 0)) / (valid.length * products - 1);
    if (variance > 0) expect(variance).toBeCloseTo(1, 10);
  });
}

/** Every property above, by name, asserted with `propertyRuns` (throws when it fails), for the broken-build check. */
export const complexityPropertyChecks: Record<string, (compute: ComplexityFunction) => void> = {
  'scale and reorder invariance': (compute) => fc.assert(scaleAndReorderInvariance(compute), propertyRuns),
  'ECI is the mean PCI of the products': (compute) => fc.assert(eciIsMeanPciOfProducts(compute), propertyRuns),
  'COI is standardised': (compute) => fc.assert(coiIsStandardised(compute), propertyRuns),
};
