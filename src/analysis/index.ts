/** The analysis layer: report sections computed from the store and the metrics. */
export { dataCoverage, groupMembersNote, worldCoverageMinExporters } from './coverage.ts';
export { baciAdvice, comtradeAdvice, countryValue, countryValues, gap, joinMessages } from './messages.ts';
export type { DataCoverage, SectionCoverage, SectionId } from './coverage.ts';
export type { SectionMeta, SectionStatus } from './section.ts';
export { capabilities, capabilitiesSource } from './capabilities.ts';
export type { Capabilities } from './capabilities.ts';
export { turnover, targetPlanner, pairTarget } from './turnover.ts';
export type {
  TurnoverResult,
  TurnoverRow,
  MirrorGap,
  OfficialFigure,
  TargetPlan,
  PairTarget,
  TargetRequest,
  TargetPlanInput,
} from './turnover.ts';
export { tradeBasket, basketDefaults, basketTree } from './basket.ts';
export type { BasketOptions, BasketResult, BasketRow, BasketGroup, BasketDirection, BasketLine } from './basket.ts';
export { importerNeeds, needsDefaults } from './needs.ts';
export type { NeedsOptions, NeedsResult, NeedRow, WorldDemandRow } from './needs.ts';
export { exporterSupply, supplyDefaults } from './supply.ts';
export type { SupplyOptions, SupplyResult, SupplyRow } from './supply.ts';
export { exportPotential, potentialDefaults } from './potential.ts';
export type { PotentialOptions, PotentialResult, PotentialRow, SectionTotal } from './potential.ts';
export { rivals, rivalsDefaults } from './rivals.ts';
export type { RivalsOptions, RivalsResult, RivalsProduct, RivalRow, UnitValueFlag } from './rivals.ts';
export { jointProduction, jointProductionDefaults } from './joint-production.ts';
export type {
  JointProductionOptions,
  JointProductionResult,
  JointProductionRow,
  JointProductionWeights,
} from './joint-production.ts';
export { surplusPlacement, surplusDefaults } from './surplus.ts';
export type { SurplusOptions, SurplusResult, SurplusRow } from './surplus.ts';
export { buildReport, resolveReport, reportDefaults, machineryHeadings } from './report.ts';
export type { ReportOptions, ResolvedReportOptions, ReportModel } from './report.ts';
export {
  allWholeNumbers,
  complexityCsv,
  complexityCsvColumns,
  complexityOutputYear,
  complexityPanelYear,
  complexityPanelYears,
  writeComplexityYears,
} from './complexity.ts';
export type { ComplexityCsvOptions, ComplexityCsvSummary, ComplexityPanel, ComplexityPanelYear } from './complexity.ts';
export { productSpaceCsv, productSpaceOfPanel } from './product-space.ts';
export type { ProductSpaceCsvOptions, ProductSpaceGraph } from './product-space.ts';
export { machineryDemand } from './machinery-demand.ts';
export type { MachineryDemand } from './machinery-demand.ts';
export {
  belarusRegions,
  coverageMessage,
  kazakhstanRegions,
  regionCoverageTolerance,
  regionFleetDefaults,
} from './regions.ts';
export type { AreaCoverage, BelarusRegions, KazakhstanRegions, OblastFleet, OblastView } from './regions.ts';
