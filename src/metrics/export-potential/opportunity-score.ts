/**
 * (§6 A7) Harvard Atlas-style "growth opportunities" composite for one country's candidate
 * products (typically those with RCA < 1):
 *   score_p = w_f · z(density_p) + w_pci · z(PCI_p) + w_cog · z(COG_p)
 * z = standardisation over the products passed in ((x − mean) / population sd; 0 when sd = 0).
 * Density (feasibility), PCI and COG come from the complexity metrics (method note complexity.md).
 *
 * [UNVERIFIED] The live Atlas computes these server-side; its weights are not public. The presets
 * below are the method note's reading (feasibility dominant, shifting weight to PCI/COG as the
 * jump lengthens), to be tuned or confirmed. The Atlas "technological frontier" strategy has no
 * published weights and is not offered. Pass `weights` to use your own.
 */
import { InvalidOptionError, MetricInputError } from '../../errors.ts';

export type OpportunityStrategy = 'low-hanging-fruit' | 'balanced-portfolio' | 'long-jumps';

export interface OpportunityWeights {
  /** w_f, weight on z(density). */
  feasibility: number;
  /** w_pci, weight on z(PCI). */
  pci: number;
  /** w_cog, weight on z(COG). */
  cog: number;
}

/** [UNVERIFIED] strategy presets (w_f, w_pci, w_cog) from the method note §6 A7. */
export const opportunityStrategyWeights: Readonly<Record<OpportunityStrategy, Readonly<OpportunityWeights>>> =
  Object.freeze({
    'low-hanging-fruit': Object.freeze({ feasibility: 0.6, pci: 0.15, cog: 0.25 }),
    'balanced-portfolio': Object.freeze({ feasibility: 0.5, pci: 0.15, cog: 0.35 }),
    'long-jumps': Object.freeze({ feasibility: 0.45, pci: 0.2, cog: 0.35 }),
  });

export interface OpportunityScoreOptions {
  /** Preset weights to use. [UNVERIFIED] @default 'balanced-portfolio' */
  strategy?: OpportunityStrategy;
  /** Own weights; when given they replace the strategy preset. @default null */
  weights?: OpportunityWeights | null;
}

export interface ResolvedOpportunityScoreOptions {
  strategy: OpportunityStrategy;
  weights: OpportunityWeights | null;
}

export const opportunityScoreDefaults: Readonly<ResolvedOpportunityScoreOptions> = Object.freeze({
  strategy: 'balanced-portfolio',
  weights: null,
});

/** @throws InvalidOptionError naming the field. */
export function resolveOpportunityScore(options: OpportunityScoreOptions = {}): ResolvedOpportunityScoreOptions {
  const strategy = options.strategy ?? opportunityScoreDefaults.strategy;
  if (!Object.hasOwn(opportunityStrategyWeights, strategy)) {
    throw new InvalidOptionError(`invalid strategy: ${strategy}`, { value: String(strategy) });
  }
  const weights = options.weights ?? null;
  if (weights !== null) {
    for (const name of ['feasibility', 'pci', 'cog'] as const) {
      const w = weights[name];
      if (!(typeof w === 'number' && Number.isFinite(w))) {
        throw new InvalidOptionError(`invalid weights.${name}: ${w}`, { value: String(w) });
      }
    }
  }
  return { strategy, weights };
}

export interface OpportunityScoreInput {
  /** ω_cp, density (feasibility) per candidate product of country c. */
  density: Float64Array;
  /** PCI_p per candidate product. */
  pci: Float64Array;
  /** COG_cp per candidate product. */
  cog: Float64Array;
}

export interface OpportunityScore {
  score: Float64Array;
  densityZ: Float64Array;
  pciZ: Float64Array;
  cogZ: Float64Array;
  /** The weights applied. */
  weights: OpportunityWeights;
}

/** Scores one country's candidate products. @throws MetricInputError on unequal lengths or non-finite values. */
export function opportunityScore(
  input: OpportunityScoreInput,
  options: OpportunityScoreOptions = {},
): OpportunityScore {
  const o = resolveOpportunityScore(options);
  const weights = o.weights ?? opportunityStrategyWeights[o.strategy];
  const n = input.density.length;
  if (input.pci.length !== n || input.cog.length !== n) {
    throw new MetricInputError(
      `opportunityScore: lengths differ (density ${n}, pci ${input.pci.length}, cog ${input.cog.length})`,
    );
  }
  const densityZ = zScores(input.density, 'density');
  const pciZ = zScores(input.pci, 'pci');
  const cogZ = zScores(input.cog, 'cog');
  const score = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    score[r] = weights.feasibility * densityZ[r]! + weights.pci * pciZ[r]! + weights.cog * cogZ[r]!;
  }
  return { score, densityZ, pciZ, cogZ, weights: { ...weights } };
}

/** (x − mean) / population sd; all 0 when sd = 0 or n = 0. */
function zScores(x: Float64Array, name: string): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let r = 0; r < n; r++) {
    const value = x[r]!;
    if (!Number.isFinite(value))
      throw new MetricInputError(`opportunityScore: ${name}[${r}] is ${value}`, { value: String(value) });
    mean += value;
  }
  mean /= n || 1;
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (x[r]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n || 1));
  const out = new Float64Array(n);
  if (sd > 0) for (let r = 0; r < n; r++) out[r] = (x[r]! - mean) / sd;
  return out;
}
