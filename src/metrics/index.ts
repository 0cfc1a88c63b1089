/** Public API of the metrics layer: pure functions over typed arrays. Named re-exports only. */

// ---- export potential (ITC EPI trade-flow variant, Atlas opportunity score): docs/export-potential.md ----
export { flowCount, validateTradeFlows } from './export-potential/trade-flows.ts';
export type { TradeDimensions, TradeFlows } from './export-potential/trade-flows.ts';
export {
  resolveWeightedAverage,
  weightedAverageDefaults,
  weightedAverageFlows,
} from './export-potential/weighted-average.ts';
export type {
  ResolvedWeightedAverageOptions,
  WeightedAverageOptions,
  WeightedFlows,
} from './export-potential/weighted-average.ts';
export { worldTotals } from './export-potential/world-totals.ts';
export type { WorldTotals } from './export-potential/world-totals.ts';
export { netImporterPenalty, supplyShares } from './export-potential/supply-share.ts';
export type { SupplyShareInputs, SupplyShares } from './export-potential/supply-share.ts';
export { demandUsd } from './export-potential/demand.ts';
export {
  importGrowthFactor,
  resolveTrendGrowth,
  trendGrowthDefaults,
  trendGrowthRatio,
} from './export-potential/growth.ts';
export type { ResolvedTrendGrowthOptions, TrendGrowthOptions } from './export-potential/growth.ts';
export { globalTariffDisadvantage, marketTariffAdvantage, tariffRatioFactor } from './export-potential/tariff.ts';
export type { BilateralTariffs, TariffInput } from './export-potential/tariff.ts';
export { distanceFactor } from './export-potential/distance-factor.ts';
export { ExportPotentialFlag, easeFlags, shrunkEase } from './export-potential/ease.ts';
export { normalisePotential } from './export-potential/market-potential.ts';
export {
  exportPotentialDefaults,
  prepareExportPotential,
  resolveExportPotential,
} from './export-potential/prepare-export-potential.ts';
export type {
  ExportPotentialModel,
  ExportPotentialOptions,
  ResolvedExportPotentialOptions,
} from './export-potential/prepare-export-potential.ts';
export { exportPotentialPair } from './export-potential/export-potential-pair.ts';
export type { ExportPotentialPair, ExportPotentialRows } from './export-potential/export-potential-pair.ts';
export { exportPotentialAllPairs } from './export-potential/export-potential-all-pairs.ts';
export type { ExportPotentialAllPairs } from './export-potential/export-potential-all-pairs.ts';
export { potentialTotals, realizedShare, realizedUsd, untappedUsd } from './export-potential/untapped.ts';
export type { PotentialTotals } from './export-potential/untapped.ts';
export { aggregatePotentialByGroup, aggregatePotentialByKey } from './export-potential/aggregate.ts';
export type { GroupedPotentialTotals, PotentialRowsLike } from './export-potential/aggregate.ts';
export {
  displayThresholdDefaults,
  displayThresholdMask,
  resolveDisplayThreshold,
} from './export-potential/display-threshold.ts';
export type { DisplayThresholdOptions, ResolvedDisplayThresholdOptions } from './export-potential/display-threshold.ts';
export {
  opportunityScore,
  opportunityScoreDefaults,
  opportunityStrategyWeights,
  resolveOpportunityScore,
} from './export-potential/opportunity-score.ts';
export type {
  OpportunityScore,
  OpportunityScoreInput,
  OpportunityScoreOptions,
  OpportunityStrategy,
  OpportunityWeights,
  ResolvedOpportunityScoreOptions,
} from './export-potential/opportunity-score.ts';

// ---- economic complexity (Stata ecomplexity / py-ecomplexity definitions): docs/complexity.md ----
export { rca } from './rca.ts';
export { rpop } from './rpop.ts';
export { checkPresence, mcp } from './mcp.ts';
export { diversity } from './diversity.ts';
export { ubiquity } from './ubiquity.ts';
export { coOccurrence, continuousProximity, proximity, proximityDefaults, resolveProximity } from './proximity.ts';
export type { ProximityOptions, ResolvedProximityOptions } from './proximity.ts';
export { columnSums, density, densityDiscrete } from './density.ts';
export type { DiscreteDensity } from './density.ts';
export { knnDensity, stataKnnThreshold } from './density-knn.ts';
export { lanczosLargest, symmetricTridiagonalEigen } from './eigen.ts';
export type { LanczosOptions, LargestEigenpair, SymmetricEigen } from './eigen.ts';
export { eci, standardise } from './eci.ts';
export type { ComplexityVectors } from './eci.ts';
export { pci } from './pci.ts';
export { coi } from './coi.ts';
export { cog, cogDiscrete, transpose } from './cog.ts';
export { complexityDefaults, presenceTests, resolveComplexity } from './complexity-options.ts';
export type { ComplexityOptions, PresenceTest, ResolvedComplexityOptions } from './complexity-options.ts';
export { complexity } from './complexity.ts';
export { atlasCountryFilter, atlasThresholds } from './country-filter.ts';
export type { CountryFilter, CountryFilterReason } from './country-filter.ts';
export type { ComplexityYearInput, ComplexityYearResult } from './complexity.ts';
export {
  hsSection,
  maximumSpanningForest,
  productSpace,
  productSpaceDefaults,
  resolveProductSpace,
} from './product-space.ts';
export type {
  ProductSpace,
  ProductSpaceEdge,
  ProductSpaceInput,
  ProductSpaceNode,
  ProductSpaceOptions,
  ResolvedProductSpaceOptions,
} from './product-space.ts';
