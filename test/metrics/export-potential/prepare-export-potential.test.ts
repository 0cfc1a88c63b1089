import { describe, expect, it } from 'vitest';
import { InvalidOptionError, MetricInputError } from '../../../src/errors.ts';
import { exportPotentialDefaults, prepareExportPotential, resolveExportPotential } from '../../../src/metrics/index.ts';
import { flowsOf, workedExampleDims, workedExampleFlows } from './fixtures.ts';

describe('prepareExportPotential', () => {
  it('has the static ITC defaults: no shrinkage, no cap, no penalty, no growth, tariffs or distances', () => {
    expect(exportPotentialDefaults).toEqual({
      shrinkageUsd: 0,
      maxEase: Infinity,
      netImporterPenalty: false,
      exporterGdpGrowth: null,
      importGrowth: null,
      tariffs: null,
      distanceKm: null,
      easeExcludedProducts: null,
      embargoPairs: null,
      displayThreshold: false,
      displayMinPotentialUsd: 200_000,
      displayCumulativeShare: 0.95,
    });
    expect(Object.isFrozen(exportPotentialDefaults)).toBe(true);
    expect(resolveExportPotential({}, workedExampleDims)).toEqual(exportPotentialDefaults);
  });

  it('computes the world totals of the worked example (X_ik, M_jk, V_k, V_ij)', () => {
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims);
    const m = (a: Float64Array) => Array.from(a, (x) => x / 1e6);
    expect(m(model.totals.exportsUsd)).toEqual([80, 10, 20, 15, 100, 15, 20, 20, 70]);
    expect(m(model.totals.importsUsd)).toEqual([25, 45, 40, 50, 25, 40, 40, 60, 25]);
    expect(m(model.totals.worldExportsUsd)).toEqual([115, 130, 105]);
    expect(m(model.totals.pairExportsUsd)).toEqual([0, 60, 50, 55, 0, 75, 55, 55, 0]);
    // Without growth projection: demand is this year's imports, supply the world shares X_ik / V_k (by hand).
    expect(m(model.demandUsd)).toEqual([25, 45, 40, 50, 25, 40, 40, 60, 25]);
    const worldShares = [80 / 115, 10 / 130, 20 / 105, 15 / 115, 100 / 130, 15 / 105, 20 / 115, 20 / 130, 70 / 105];
    Array.from(model.supply.supply).forEach((share, n) => expect(share).toBeCloseTo(worldShares[n]!, 15));
    Array.from(model.supply.staticSupply).forEach((share, n) => expect(share).toBeCloseTo(worldShares[n]!, 15));
  });

  it('rejects each bad option with InvalidOptionError naming it', () => {
    const flows = workedExampleFlows();
    const d = workedExampleDims;
    const cases: [Record<string, unknown>, string][] = [
      [{ shrinkageUsd: -1 }, 'invalid shrinkageUsd: -1'],
      [{ shrinkageUsd: Number.NaN }, 'invalid shrinkageUsd: NaN'],
      [{ maxEase: 0 }, 'invalid maxEase: 0'],
      [{ netImporterPenalty: 'yes' }, 'invalid netImporterPenalty: yes'],
      [{ displayThreshold: 1 }, 'invalid displayThreshold: 1'],
      [{ displayMinPotentialUsd: -5 }, 'invalid displayMinPotentialUsd: -5'],
      [{ displayCumulativeShare: 1.5 }, 'invalid displayCumulativeShare: 1.5'],
      [{ exporterGdpGrowth: new Float64Array(2) }, 'invalid exporterGdpGrowth: length 2 (expected 3)'],
      [{ exporterGdpGrowth: Float64Array.from([1, -1, 1]) }, 'invalid exporterGdpGrowth: -1 at 1'],
      [{ importGrowth: new Float64Array(4) }, 'invalid importGrowth: length 4 (expected 3 or 9)'],
      [{ easeExcludedProducts: new Uint8Array(2) }, 'invalid easeExcludedProducts'],
      [{ embargoPairs: new Uint8Array(3) }, 'invalid embargoPairs'],
      [{ tariffs: { mfnRate: new Float64Array(3), sigma: 1 } }, 'invalid tariffs.mfnRate'],
      [{ tariffs: { mfnRate: new Float64Array(9), sigma: -1 } }, 'invalid tariffs.sigma: -1'],
      [{ tariffs: { mfnRate: new Float64Array(9).fill(-1), sigma: 1 } }, 'invalid tariffs.mfnRate: -1 at 0'],
      [{ distanceKm: new Float64Array(3) }, 'invalid distanceKm'],
    ];
    for (const [options, message] of cases) {
      expect(() => prepareExportPotential(flows, d, options), message).toThrow(InvalidOptionError);
      expect(() => prepareExportPotential(flows, d, options)).toThrow(message);
    }
  });

  it('rejects malformed flows with MetricInputError', () => {
    const d = workedExampleDims;
    expect(() => prepareExportPotential(flowsOf([[0, 3, 0, 1]]), d)).toThrow(MetricInputError);
    expect(() => prepareExportPotential(flowsOf([[0, 3, 0, 1]]), d)).toThrow('row 0: importerIndex 3 outside 0..2');
    expect(() => prepareExportPotential(flowsOf([[0, 1, 0, Number.NaN]]), d)).toThrow('valueUsd NaN');
    expect(() => prepareExportPotential({ ...flowsOf([[0, 1, 0, 1]]), productIndex: new Int32Array(2) }, d)).toThrow(
      'column lengths differ',
    );
    expect(() => prepareExportPotential(flowsOf([]), { countryCount: 0, productCount: 1 })).toThrow(
      'invalid countryCount: 0',
    );
  });

  it('treats NaN growth ratios as unknown = 1', () => {
    const flows = workedExampleFlows();
    const withNaN = prepareExportPotential(flows, workedExampleDims, {
      exporterGdpGrowth: Float64Array.from([Number.NaN, 1, 1]),
    });
    expect(Array.from(withNaN.supply.supply)).toEqual(
      Array.from(prepareExportPotential(flows, workedExampleDims).supply.supply),
    );
  });
});
