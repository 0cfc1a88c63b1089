/**
 * Growth ratios for the projected variant (all optional; the default engine is static).
 *
 * (F5a) ITC projected imports: ProjM_jk = M_jk × (ΔGDP_j/ΔPop_j)^E × ΔPop_j × ζ × TR_jk.
 *   importGrowthFactor() returns the multiplier (ΔGDP_j/ΔPop_j)^E × ΔPop_j × ζ; ratios are
 *   end/start (1.12 = +12 % over the horizon), E = income elasticity of per-capita imports
 *   (ITC estimates it by development level × HS2 chapter; 1 when unknown), ζ = residual-trend
 *   factor exp((22/3)·α) (1 when unknown). TR (forward-looking tariff cuts) is not modelled.
 * (S1) proxy when no GDP projection exists: trendGrowthRatio() extrapolates a value's own trend,
 *   clip((latest/base)^(horizon/yearsBetween), min, max). Not ITC; a stand-in, documented as such.
 */
import { InvalidOptionError, MetricInputError } from '../../errors.ts';

/**
 * (ΔGDPpc)^E × ΔPop × ζ.
 * @param gdpPerCapitaRatio ΔGDP_j/ΔPop_j, per-capita GDP at the horizon ÷ today (> 0)
 * @param populationRatio ΔPop_j (> 0)
 * @param incomeElasticity E (default 1, the UK replication's value)
 * @param residualTrendFactor ζ (default 1)
 */
export function importGrowthFactor(
  gdpPerCapitaRatio: number,
  populationRatio: number,
  incomeElasticity = 1,
  residualTrendFactor = 1,
): number {
  const args = { gdpPerCapitaRatio, populationRatio, incomeElasticity, residualTrendFactor };
  for (const [name, x] of Object.entries(args)) {
    const ok = name === 'incomeElasticity' ? Number.isFinite(x) : Number.isFinite(x) && x > 0;
    if (!ok) throw new MetricInputError(`invalid ${name}: ${x}`, { value: String(x) });
  }
  return Math.pow(gdpPerCapitaRatio, incomeElasticity) * populationRatio * residualTrendFactor;
}

export interface TrendGrowthOptions {
  /** Years between the base and the latest value. @default 4 */
  yearsBetween?: number;
  /** Projection horizon in years. @default 6 */
  horizonYears?: number;
  /** Lower clip of the ratio. @default 0.5 */
  min?: number;
  /** Upper clip of the ratio. @default 2 */
  max?: number;
}

export type ResolvedTrendGrowthOptions = Required<TrendGrowthOptions>;

export const trendGrowthDefaults: Readonly<ResolvedTrendGrowthOptions> = Object.freeze({
  yearsBetween: 4,
  horizonYears: 6,
  min: 0.5,
  max: 2,
});

/** Validates and fills in defaults. @throws InvalidOptionError naming the field. */
export function resolveTrendGrowth(options: TrendGrowthOptions = {}): ResolvedTrendGrowthOptions {
  const o = { ...trendGrowthDefaults, ...options };
  const checks: [keyof ResolvedTrendGrowthOptions, boolean][] = [
    ['yearsBetween', Number.isFinite(o.yearsBetween) && o.yearsBetween > 0],
    ['horizonYears', Number.isFinite(o.horizonYears) && o.horizonYears >= 0],
    ['min', o.min > 0 && o.min <= 1],
    ['max', o.max >= 1 && o.max < Infinity],
  ];
  for (const [name, ok] of checks) {
    if (!ok) throw new InvalidOptionError(`invalid ${name}: ${o[name]}`, { value: String(o[name]) });
  }
  return o;
}

/**
 * clip((latest/base)^(horizon/yearsBetween), min, max) per element; 1 where either value is not
 * positive (no trend can be read). Use for g_i (exporter totals, S1) or g_jk (imports, S2).
 */
export function trendGrowthRatio(
  latestUsd: Float64Array,
  baseUsd: Float64Array,
  options: TrendGrowthOptions = {},
): Float64Array {
  const o = resolveTrendGrowth(options);
  if (latestUsd.length !== baseUsd.length) {
    throw new MetricInputError(`trendGrowthRatio: lengths differ (${latestUsd.length} vs ${baseUsd.length})`);
  }
  const power = o.horizonYears / o.yearsBetween;
  const out = new Float64Array(latestUsd.length);
  for (let q = 0; q < out.length; q++) {
    const a = latestUsd[q]!;
    const b = baseUsd[q]!;
    out[q] =
      a > 0 && b > 0 && a < Infinity && b < Infinity ? Math.min(o.max, Math.max(o.min, Math.pow(a / b, power))) : 1;
  }
  return out;
}
