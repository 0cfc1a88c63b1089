import { describe, expect, it } from 'vitest';
import { InvalidOptionError, MetricInputError } from '../../../src/errors.ts';
import {
  opportunityScore,
  opportunityScoreDefaults,
  opportunityStrategyWeights,
  resolveOpportunityScore,
} from '../../../src/metrics/index.ts';

const input = {
  density: Float64Array.from([0.1, 0.2, 0.3]),
  pci: Float64Array.from([1, 1, 1]),
  cog: Float64Array.from([3, 1, 2]),
};

describe('opportunityScore (A7) [UNVERIFIED weights]', () => {
  it('defaults to the balanced-portfolio preset and lists the method note presets', () => {
    expect(opportunityScoreDefaults).toEqual({ strategy: 'balanced-portfolio', weights: null });
    expect(resolveOpportunityScore()).toEqual({ strategy: 'balanced-portfolio', weights: null });
    expect(opportunityStrategyWeights).toEqual({
      'low-hanging-fruit': { feasibility: 0.6, pci: 0.15, cog: 0.25 },
      'balanced-portfolio': { feasibility: 0.5, pci: 0.15, cog: 0.35 },
      'long-jumps': { feasibility: 0.45, pci: 0.2, cog: 0.35 },
    });
  });

  it('combines z-scores within the country with the preset weights', () => {
    const z = Math.sqrt(1.5); // population sd of (-1, 0, 1) is sqrt(2/3): z = ±1.2247
    const out = opportunityScore(input);
    expect(out.densityZ[0]).toBeCloseTo(-z, 12);
    expect(out.densityZ[1]).toBeCloseTo(0, 12);
    expect(out.densityZ[2]).toBeCloseTo(z, 12);
    expect(Array.from(out.pciZ)).toEqual([0, 0, 0]); // no spread: all 0
    expect(out.cogZ[0]).toBeCloseTo(z, 12);
    expect(out.score[0]).toBeCloseTo(0.5 * -z + 0.35 * z, 12);
    expect(out.score[2]).toBeCloseTo(0.5 * z, 12);
    expect(out.weights).toEqual(opportunityStrategyWeights['balanced-portfolio']);
    const low = opportunityScore(input, { strategy: 'low-hanging-fruit' });
    expect(low.score[0]).toBeCloseTo(0.6 * -z + 0.25 * z, 12);
  });

  it('uses custom weights when given', () => {
    const out = opportunityScore(input, { weights: { feasibility: 0, pci: 0, cog: 1 } });
    expect(Array.from(out.score)).toEqual(Array.from(out.cogZ));
  });

  it('rejects bad options and inputs', () => {
    expect(() => opportunityScore(input, { strategy: 'frontier' as never })).toThrow(InvalidOptionError);
    expect(() => opportunityScore(input, { strategy: 'frontier' as never })).toThrow('invalid strategy: frontier');
    expect(() => opportunityScore(input, { weights: { feasibility: Number.NaN, pci: 0, cog: 0 } })).toThrow(
      'invalid weights.feasibility: NaN',
    );
    expect(() => opportunityScore({ ...input, pci: new Float64Array(2) })).toThrow(MetricInputError);
    expect(() => opportunityScore({ ...input, cog: Float64Array.from([1, Infinity, 0]) })).toThrow(
      'cog[1] is Infinity',
    );
  });
});
