/**
 * Reads back a filled measurement sheet and compares the machines measure by measure: per
 * machine the mean and spread over its plots, and for every pair a Welch t-interval on the
 * difference of means. The plots are replicated blocks; Welch ignores the blocking (it is the
 * conservative choice when blocks differ little).
 */
import { MachineryInputError } from '../errors.ts';
import { demoMeasures, type DemoMeasure } from './demo-plan.ts';
import type { DemoSheetRow } from './demo-sheet.ts';
import { summariseSample, welchInterval, type SampleSummary, type WelchInterval } from './welch.ts';

export interface DemoResultsOptions {
  /** Confidence level of the intervals. @default 0.95 */
  confidenceLevel?: number;
}

export const demoResultsDefaults = Object.freeze({ confidenceLevel: 0.95 });

export interface MachineMeasureSummary extends SampleSummary {
  machineId: string;
  /** Plots whose cells for this measure were blank or unusable (e.g. zero hours). */
  missingPlots: number;
}

export interface PairComparison extends WelchInterval {
  /** Difference is mean(a) - mean(b). */
  a: string;
  b: string;
  /** The better machine when the interval excludes 0, else null (no clear difference). */
  better: string | null;
  /** (mean(a) - mean(b)) / mean(b). */
  relativeDifference: number;
}

export interface MeasureResult {
  measure: DemoMeasure;
  machines: MachineMeasureSummary[];
  comparisons: PairComparison[];
  /** Why there is no comparison (fewer than 2 plots with data for some machine). */
  skipped?: string;
}

export interface DemoResults {
  kind: 'karavan.machinery.demo-results';
  version: 1;
  confidenceLevel: number;
  machineIds: string[];
  plots: number;
  blocks: number;
  measures: MeasureResult[];
  notes: string[];
}

function valueOf(measure: DemoMeasure['id'], row: DemoSheetRow): number | null {
  switch (measure) {
    case 'haPerHour':
      return row.workedAreaHa !== null && row.workHours !== null && row.workHours > 0
        ? row.workedAreaHa / row.workHours
        : null;
    case 'fuelLitresPerHa':
      return row.fuelLitres !== null && row.workedAreaHa !== null && row.workedAreaHa > 0
        ? row.fuelLitres / row.workedAreaHa
        : null;
    case 'grainLossKgPerHa':
      return row.grainLossKgPerHa;
    case 'downtimeShare':
      return row.downtimeHours !== null && row.workHours !== null && row.workHours + row.downtimeHours > 0
        ? row.downtimeHours / (row.workHours + row.downtimeHours)
        : null;
  }
}

export function compareDemoResults(rows: readonly DemoSheetRow[], options: DemoResultsOptions = {}): DemoResults {
  const confidenceLevel = options.confidenceLevel ?? demoResultsDefaults.confidenceLevel;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new MachineryInputError(`invalid confidenceLevel: ${confidenceLevel} (must be between 0 and 1, exclusive)`, {
      column: 'confidenceLevel',
      value: String(confidenceLevel),
    });
  }
  const machineIds = [...new Set(rows.map((r) => r.machineId))];
  if (machineIds.length < 2)
    throw new MachineryInputError(
      `invalid machine_id: only ${machineIds.join('') || 'no machine'} in the sheet (a comparison needs 2 or more)`,
      { column: 'machine_id' },
    );
  const measures = demoMeasures.map((measure): MeasureResult => {
    const machines = machineIds.map((machineId): MachineMeasureSummary => {
      const own = rows.filter((r) => r.machineId === machineId);
      const values = own.map((r) => valueOf(measure.id, r)).filter((v): v is number => v !== null);
      return { machineId, ...summariseSample(values), missingPlots: own.length - values.length };
    });
    const short = machines.filter((m) => m.n < 2);
    if (short.length > 0) {
      return {
        measure,
        machines,
        comparisons: [],
        skipped: `fewer than 2 plots with data for ${short.map((m) => m.machineId).join(', ')}`,
      };
    }
    const comparisons: PairComparison[] = [];
    for (let i = 0; i < machines.length; i++) {
      for (let j = i + 1; j < machines.length; j++) {
        const a = machines[i]!;
        const b = machines[j]!;
        const interval = welchInterval(a, b, confidenceLevel);
        const aBetter = measure.better === 'higher' ? interval.differenceOfMeans > 0 : interval.differenceOfMeans < 0;
        comparisons.push({
          ...interval,
          a: a.machineId,
          b: b.machineId,
          better: interval.excludesZero ? (aBetter ? a.machineId : b.machineId) : null,
          relativeDifference: b.mean !== 0 ? interval.differenceOfMeans / b.mean : Number.NaN,
        });
      }
    }
    return { measure, machines, comparisons };
  });
  return {
    kind: 'karavan.machinery.demo-results',
    version: 1,
    confidenceLevel,
    machineIds,
    plots: rows.length,
    blocks: new Set(rows.map((r) => r.block)).size,
    measures,
    notes: [
      `Intervals are Welch t-intervals (unequal variances) at ${Math.round(confidenceLevel * 100)} % on mean(a) - mean(b); "better" is named only when the interval excludes 0.`,
      'Welch treats plots as independent and ignores the blocks; with strong block effects a paired analysis by block would be sharper.',
    ],
  };
}
