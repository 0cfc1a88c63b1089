/** The data layer's public surface: the store, readers' options, reference look-ups. */
export { TradeStore, parseColumnMap } from './store.ts';
export type { OpenStoreOptions, IngestOptions, IngestResult } from './store.ts';
export type { DatasetRecord, DatasetFormat, DatasetKind, Manifest } from './manifest.ts';
export { datasetFiles } from './manifest.ts';
export type { FieldRole } from './readers/formats.ts';
export { exportTableRoles } from './readers/formats.ts';
export { resolveHome, storePaths } from './home.ts';
export { checkStore, removeDataset } from './maintenance.ts';
export { populationNear } from './indicators.ts';
export type { PopulationTable } from './indicators.ts';
export type { StoreCheck, DatasetCheck, FileProblem, RemovedDataset } from './maintenance.ts';
export {
  listCountries,
  resolveCountry,
  resolvePair,
  checkStoreYear,
  countryLabels,
  storeYears,
  searchProducts,
  productNames,
  checkProductCode,
  countryName,
} from './catalog.ts';
export type { CountryRecord, ProductRecord, ProductSearchOptions, Lang } from './catalog.ts';
export { pairCoverage } from './coverage.ts';
export { checkGroupPair, countryGroups, isMemberIn, pairSideMembers } from './groups.ts';
export type { CountryGroup, GroupMember } from './groups.ts';
export type { OfficialTotal, PairCoverage, YearCoverage } from './coverage.ts';
export { yearRange } from './ingest.ts';
export {
  primaryFlowSource,
  bilateralSeries,
  importNeeds,
  exportMatrix,
  exportMatrixYears,
  smoothedFlows,
  restOfWorld,
  worldFlowMinExporters,
  suppliersByYear,
  exporterWorldSales,
  flowYears,
  pairProductSeries,
  exporterProductSeries,
  importerProductSeries,
  productSections,
} from './queries.ts';
export type {
  PairProductYearRow,
  HsLevel,
  BilateralYear,
  ImportNeedRow,
  ExportMatrix,
  SmoothedFlows,
  SupplierYearRow,
  ExporterWorldRow,
} from './queries.ts';
export { populationOf, readPanelCsv, readPopulationCsv } from './read-panel-csv.ts';
export type { PanelCsv, PanelCsvColumns, PopulationCsv, PopulationCsvColumns } from './read-panel-csv.ts';
export { loadRegions, regionMeasures } from './regions.ts';
export type {
  BelarusRegion,
  Maker,
  Oblast,
  RegionFigure,
  RegionMeasure,
  RegionsData,
  RegionSource,
} from './regions.ts';
