/**
 * The core's result types as the API sends them: every message (basis, missing, a candidate's
 * reason) arrives as text in the asked language, with the message id beside it (`basisMessage`).
 */
import type * as Analysis from '../../src/analysis/index.ts';
import type { Localised, Message } from '../../src/messages/index.ts';

type WithMessages<T> = Localised<T> & { basisMessage?: Message; missingMessage?: Message | null };

export type NeedsResult = WithMessages<Analysis.NeedsResult>;
export type RivalsResult = WithMessages<Analysis.RivalsResult>;
export type PotentialResult = WithMessages<Analysis.PotentialResult>;
export type JointProductionResult = WithMessages<Analysis.JointProductionResult>;
export type SupplyResult = WithMessages<Analysis.SupplyResult>;
export type BasketResult = WithMessages<Analysis.BasketResult>;
export type TurnoverResult = Localised<Analysis.TurnoverResult>;
export type TargetPlan = Localised<Analysis.TargetPlan> & { basis?: string };
