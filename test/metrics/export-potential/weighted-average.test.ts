import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, MetricInputError } from '../../../src/errors.ts';
import {
  type TradeFlows,
  resolveWeightedAverage,
  weightedAverageDefaults,
  weightedAverageFlows,
} from '../../../src/metrics/index.ts';
import { flowsOf, randomTrade } from './fixtures.ts';

const dims = { countryCount: 3, productCount: 4 };

describe('weightedAverageFlows (S0)', () => {
  it('has the ITC defaults: weights 1..5 oldest to newest, every flow kept', () => {
    expect(weightedAverageDefaults).toEqual({ weights: [1, 2, 3, 4, 5], minYearsPresent: 1 });
    expect(Object.isFrozen(weightedAverageDefaults)).toBe(true);
    expect(resolveWeightedAverage()).toEqual({ weights: [1, 2, 3, 4, 5], minYearsPresent: 1 });
  });

  it('averages five years with weights 1..5 and treats absent rows as zero', () => {
    const years = [10, 20, 30, 40, 50].map((v, y) =>
      flowsOf(
        y === 2
          ? [[0, 1, 2, v]]
          : [
              [0, 1, 2, v],
              [1, 2, 0, 1],
            ],
      ),
    );
    const out = weightedAverageFlows(years, dims);
    // (1·10 + 2·20 + 3·30 + 4·40 + 5·50) / 15 = 550 / 15; the second flow is 0 in year 3: (1+2+4+5)/15
    expect(Array.from(out.exporterIndex)).toEqual([0, 1]);
    expect(out.valueUsd[0]).toBeCloseTo(550 / 15, 12);
    expect(out.valueUsd[1]).toBeCloseTo(12 / 15, 12);
    expect(Array.from(out.yearsPresent)).toEqual([5, 4]);
  });

  it('renormalises the weights over the years that are available', () => {
    // Years 2 and 4 (weights 2 and 4) missing: (1·10 + 3·30 + 5·50) / 9
    const years = [flowsOf([[0, 1, 0, 10]]), null, flowsOf([[0, 1, 0, 30]]), null, flowsOf([[0, 1, 0, 50]])];
    expect(weightedAverageFlows(years, dims).valueUsd[0]).toBeCloseTo(350 / 9, 12);
    // Three years passed: they get the last three weights 3, 4, 5.
    const three = [10, 20, 30].map((v) => flowsOf([[0, 1, 0, v]]));
    expect(weightedAverageFlows(three, dims).valueUsd[0]).toBeCloseTo((3 * 10 + 4 * 20 + 5 * 30) / 12, 12);
  });

  it('returns a single year unchanged (bit for bit), sorted, without self-trade', () => {
    const year = flowsOf([
      [2, 0, 3, 0.1 + 0.2],
      [0, 1, 1, 7],
      [1, 1, 0, 99],
      [0, 1, 0, 5],
    ]);
    const out = weightedAverageFlows([year], dims);
    expect(Array.from(out.exporterIndex)).toEqual([0, 0, 2]);
    expect(Array.from(out.importerIndex)).toEqual([1, 1, 0]);
    expect(Array.from(out.productIndex)).toEqual([0, 1, 3]);
    expect(Array.from(out.valueUsd)).toEqual([5, 7, 0.1 + 0.2]);
  });

  it('drops flows positive in fewer than minYearsPresent years', () => {
    const years = [
      flowsOf([[0, 1, 0, 10]]),
      flowsOf([
        [0, 1, 0, 10],
        [0, 2, 0, 10],
      ]),
      flowsOf([[0, 1, 0, 10]]),
    ];
    const out = weightedAverageFlows(years, dims, { minYearsPresent: 2 });
    expect(Array.from(out.importerIndex)).toEqual([1]);
  });

  it('equals a brute-force weighted average on random panels', () => {
    const panel = randomTrade.chain((t) =>
      fc
        .array(
          fc.option(fc.subarray(Array.from({ length: t.flows.valueUsd.length }, (_, r) => r)), { nil: null, freq: 4 }),
          {
            minLength: 1,
            maxLength: 5,
          },
        )
        .filter((ys) => ys.some((y) => y !== null))
        .map((ys) => ({ ...t, years: ys })),
    );
    fc.assert(
      fc.property(panel, ({ flows, dims: d, years }) => {
        const yearFlows: (TradeFlows | null)[] = years.map((rows, y) =>
          rows === null
            ? null
            : flowsOf(
                rows.map(
                  (r) =>
                    [
                      flows.exporterIndex[r]!,
                      flows.importerIndex[r]!,
                      flows.productIndex[r]!,
                      flows.valueUsd[r]! * (y + 1),
                    ] as const,
                ),
              ),
        );
        const weights = [1, 2, 3, 4, 5].slice(5 - years.length);
        const total = years.reduce((s, y, n) => s + (y === null ? 0 : weights[n]!), 0);
        const expected = new Map<string, number>();
        yearFlows.forEach((f, n) => {
          if (f === null) return;
          for (let r = 0; r < f.valueUsd.length; r++) {
            const key = `${f.exporterIndex[r]}/${f.importerIndex[r]}/${f.productIndex[r]}`;
            expected.set(key, (expected.get(key) ?? 0) + (weights[n]! * f.valueUsd[r]!) / total);
          }
        });
        const out = weightedAverageFlows(yearFlows, d);
        expect(out.valueUsd.length).toBe(expected.size);
        for (let r = 0; r < out.valueUsd.length; r++) {
          const key = `${out.exporterIndex[r]}/${out.importerIndex[r]}/${out.productIndex[r]}`;
          const want = expected.get(key)!;
          expect(Math.abs(out.valueUsd[r]! - want)).toBeLessThanOrEqual(1e-12 * want);
          if (r > 0) {
            const prev = [out.exporterIndex[r - 1]!, out.importerIndex[r - 1]!, out.productIndex[r - 1]!];
            const cur = [out.exporterIndex[r]!, out.importerIndex[r]!, out.productIndex[r]!];
            expect(prev[0]! * 1e6 + prev[1]! * 1e3 + prev[2]!).toBeLessThan(cur[0]! * 1e6 + cur[1]! * 1e3 + cur[2]!);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects bad options and inputs with the matching error', () => {
    const year = flowsOf([[0, 1, 0, 1]]);
    expect(() => weightedAverageFlows([year], dims, { weights: [1, -2] })).toThrow(InvalidOptionError);
    expect(() => weightedAverageFlows([year], dims, { weights: [] })).toThrow('invalid weights');
    expect(() => weightedAverageFlows([year, year, year], dims, { weights: [1, 2] })).toThrow(
      'invalid weights: 2 weights for 3 years',
    );
    expect(() => weightedAverageFlows([year], dims, { minYearsPresent: 0 })).toThrow('invalid minYearsPresent: 0');
    expect(() => weightedAverageFlows([null, null], dims)).toThrow(MetricInputError);
    expect(() => weightedAverageFlows([flowsOf([[0, 1, 0, -1]])], dims)).toThrow(/year 0: row 0: valueUsd -1/);
  });
});
