/**
 * Machinery planner (docs/machinery.md): ASABE D497 / EP496 fleet sizing and cost per hectare,
 * head-to-head comparison of machines, demonstration-plot plans and their results.
 * Pure functions, no I/O. Formula numbers (F1-F20) follow the methods sheet.
 */

// ---- formulas -------------------------------------------------------------------------------
export { effectiveFieldCapacityHaPerHour, effectiveFieldCapacityAcresPerHour } from './capacity.ts';
export type { FieldCapacityInput } from './capacity.ts';
export { areaPerMachineHa, machinesNeeded, ceilMachines } from './fleet-size.ts';
export type { WindowInput, MachinesNeeded } from './fleet-size.ts';
export { hoursPerYearPerMachine } from './annual-use.ts';
export { daysNeeded } from './days-needed.ts';
export { capitalRecoveryFactor } from './capital-recovery.ts';
export { remainingValueShare, remainingValueShareUnsquared } from './remaining-value.ts';
export type { RemainingValueCoefficients } from './remaining-value.ts';
export { ownershipCostUsdPerYear } from './ownership-cost.ts';
export type { OwnershipInput, OwnershipCost } from './ownership-cost.ts';
export { accumulatedRepairCostUsd, repairCostUsdPerYear } from './repair-cost.ts';
export type { RepairFactors, RepairCost } from './repair-cost.ts';
export {
  fuelLitresPerHourAverage,
  specificFuelLitresPerKwhD4974,
  specificFuelLitresPerKwhD4977,
  dieselLitresPerKwhAverage,
} from './fuel.ts';
export { operatingCostUsdPerYear } from './operating-cost.ts';
export type { OperatingInput, OperatingCost } from './operating-cost.ts';
export { timelinessCostUsd, timelinessCostUsdExpanded } from './timeliness.ts';
export type { TimelinessInput, TimelinessCost, TimelinessExpandedInput } from './timeliness.ts';

export { planHaulage } from './haulage.ts';
export { planStaff, staffPlaceholders } from './staff.ts';
export { fleetFactIds, fleetReplacement, replacementDemand } from './replacement-demand.ts';
export type {
  FleetMachine,
  FleetReplacement,
  ReplacementDemand,
  ReplacementDemandInput,
} from './replacement-demand.ts';
export type { StaffInput, StaffPlan, StaffRole, StaffRolePlan } from './staff.ts';
export type { HaulageCost, HaulageCostInput, HaulageInput, HaulagePlan } from './haulage.ts';

// ---- source tags ------------------------------------------------------------------------------
export { formatTag, isUnconfirmed, sourceTags, tagged, typicalOf } from './tags.ts';
export type { SourceTag, TaggedRange, TaggedValue } from './tags.ts';

// ---- catalog, presets, scenario --------------------------------------------------------------
export { findCrop, findMachine, machineKinds, mergeCatalogs, operationOfKind, operations } from './catalog.ts';
export type { Catalog, Crop, Machine, MachineKind, Operation, RemainingValueParameters } from './catalog.ts';
export { isFieldMachineKind, isTractorKind, parseCatalog } from './catalog-schema.ts';
export { parseJsonText } from './json-reader.ts';
export { currencyRate, findFact, findPreset, parsePresets, presetNumber } from './presets.ts';
export type { CurrencyRate, CurrencyRateValue, Preset, PresetCatalog, PresetFact } from './presets.ts';
export {
  requireNoMachineFields,
  resolveScenario,
  scenarioDefaults,
  scenarioDefaultSources,
  scenarioFromJson,
  machineSpecificKeys,
} from './scenario.ts';
export type { ResolvedScenario, ScenarioOptions, ScenarioPresetInfo } from './scenario.ts';
export { shippedCatalogName, shippedCatalogUrl, shippedPresetsName, shippedPresetsUrl } from './shipped-files.ts';
export { closestIds } from './suggest.ts';
export { resolveUnit } from './unit.ts';
export type { MachineUnit } from './unit.ts';

// ---- plans ----------------------------------------------------------------------------------
export { buildPlanInputs, weakestTag } from './plan-inputs.ts';
export type { PlanInputs, CostedMachineInputs } from './plan-inputs.ts';
export { capacityOf, fleetCostAt } from './fleet-cost.ts';
export type { CostParts, FleetCost, MachineYearCost } from './fleet-cost.ts';
export { costMinimisingFleet } from './optimal-fleet.ts';
export type { OptimalFleet } from './optimal-fleet.ts';
export { planFleet, planFleetForUnit } from './plan-fleet.ts';
export type { FleetPlan, MachineSummary } from './plan-fleet.ts';
export { fleetSizeTable } from './fleet-size-table.ts';
export { defaultFleetSizes, fleetResult } from './fleet-result.ts';
export type { FleetResult, FleetResultOptions } from './fleet-result.ts';
export type { FleetSizeRow, FleetSizeTable } from './fleet-size-table.ts';
export {
  resolveSensitivity,
  sensitivityDefaults,
  sensitivityParameters,
  sensitivityTable,
  windowFleetTotals,
  withParameter,
} from './sensitivity.ts';
export type { SensitivityOptions, SensitivityParameter, SensitivityRow, SensitivityTable } from './sensitivity.ts';
export { compareMachines } from './compare.ts';
export type { CompareSide, ComparisonSide, MachineComparison } from './compare.ts';

// ---- demonstrations ---------------------------------------------------------------------------
export { demoMeasures, demoPlanDefaults, planDemonstration, resolveDemoPlan, seededRandom } from './demo-plan.ts';
export type { DemoBlock, DemoMachine, DemoMeasure, DemoPlan, DemoPlanOptions, DemoPlot } from './demo-plan.ts';
export { demoSheetColumns, demoSheetRows, demoSheetToCsv, parseDemoSheet } from './demo-sheet.ts';
export type { DemoSheetRow } from './demo-sheet.ts';
export { compareDemoResults, demoResultsDefaults } from './demo-results.ts';
export type { DemoResults, DemoResultsOptions, MeasureResult, PairComparison } from './demo-results.ts';
export { planShowcase, showcaseDefaults } from './showcase.ts';
export type {
  Showcase,
  ShowcaseBlock,
  ShowcaseContext,
  ShowcaseMachine,
  ShowcaseOptions,
  ShowcaseSet,
  ShowcaseSplit,
  ShowcaseVisitorDay,
} from './showcase.ts';
export { showcaseMeasures } from './showcase-labels.ts';
export type { ShowcaseMeasure, ShowcaseMeasureId } from './showcase-labels.ts';
export {
  isShowcaseSheetHeader,
  parseShowcaseSheet,
  showcaseSheetColumns,
  showcaseSheetRows,
  showcaseSheetToCsv,
  sheetTableFromRows,
  showcaseTables,
} from './showcase-sheet.ts';
export type { SheetTable, ShowcaseSheetRow } from './showcase-sheet.ts';
export {
  measuredRates,
  measuredRatesFromSheet,
  measuredRowsFromBlocks,
  measuredRowsFromPlots,
  withMeasuredRates,
} from './measured-rates.ts';
export type { MeasuredRates, MeasuredRow } from './measured-rates.ts';
export { escapeFormulaCell, formatCsv, parseCsv, unescapeFormulaCell } from './csv.ts';
export { studentTCdf, studentTQuantile } from './t-distribution.ts';
export { summariseSample, welchInterval } from './welch.ts';
export type { SampleSummary, WelchInterval } from './welch.ts';
