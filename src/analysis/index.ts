/** The analysis layer: report sections computed from the store and the metrics. */
export { dataCoverage, howToGetBaci, howToGetComtrade, worldCoverageMinExporters } from './coverage.ts';
export type { DataCoverage, SectionCoverage, SectionId, SectionStatus } from './coverage.ts';
