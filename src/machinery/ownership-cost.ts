/**
 * Annual ownership cost of one machine (EP496 / AgDM A3-29):
 * (F11) capital recovery `CR = (PP - S) * CRF(i, n) + S * i`, S = RV share (F9) * LP at year n;
 * (F12) taxes, insurance, housing `TIH = k_TIH * PP`.
 * LP (list price) drives the salvage value; PP (purchase price) is what is financed.
 */
import { capitalRecoveryFactor } from './capital-recovery.ts';
import { remainingValueShare, type RemainingValueCoefficients } from './remaining-value.ts';
import { requireNonNegative, requirePositive, requireShareOrZero } from './validate.ts';

export interface OwnershipInput {
  listPriceUsd: number;
  purchasePriceUsd: number;
  ownershipYears: number;
  /** Hours on the machine when it is sold (h_yr * n). */
  accumulatedHours: number;
  /** Real interest rate (nominal - inflation), e.g. 0.05. */
  realInterestRate: number;
  /** k_TIH: taxes + insurance + housing as a share of purchase price per year. */
  taxesInsuranceHousingShare: number;
  remainingValue: RemainingValueCoefficients;
}

export interface OwnershipCost {
  /** F10. */
  capitalRecoveryFactor: number;
  /** F9 share of list price left at the end of ownership. */
  remainingValueShare: number;
  /** S = RV share * LP, USD. */
  salvageValueUsd: number;
  /** (PP - S) * CRF: depreciation plus interest on the part that is used up, USD/yr. */
  depreciationAndInterestUsdPerYear: number;
  /** S * i: interest on the salvage value, USD/yr. */
  salvageInterestUsdPerYear: number;
  /** F11 total, USD/yr. */
  capitalRecoveryUsdPerYear: number;
  /** F12, USD/yr. */
  taxesInsuranceHousingUsdPerYear: number;
  /** F11 + F12, USD/yr. */
  ownershipUsdPerYear: number;
}

export function ownershipCostUsdPerYear(input: OwnershipInput): OwnershipCost {
  requirePositive('listPriceUsd', input.listPriceUsd);
  requirePositive('purchasePriceUsd', input.purchasePriceUsd);
  requireShareOrZero('taxesInsuranceHousingShare', input.taxesInsuranceHousingShare);
  requireNonNegative('accumulatedHours', input.accumulatedHours);
  const crf = capitalRecoveryFactor(input.realInterestRate, input.ownershipYears);
  const rvShare = remainingValueShare(input.ownershipYears, input.accumulatedHours, input.remainingValue);
  const salvageValueUsd = rvShare * input.listPriceUsd;
  const depreciationAndInterestUsdPerYear = (input.purchasePriceUsd - salvageValueUsd) * crf;
  const salvageInterestUsdPerYear = salvageValueUsd * input.realInterestRate;
  const capitalRecoveryUsdPerYear = depreciationAndInterestUsdPerYear + salvageInterestUsdPerYear;
  const taxesInsuranceHousingUsdPerYear = input.taxesInsuranceHousingShare * input.purchasePriceUsd;
  return {
    capitalRecoveryFactor: crf,
    remainingValueShare: rvShare,
    salvageValueUsd,
    depreciationAndInterestUsdPerYear,
    salvageInterestUsdPerYear,
    capitalRecoveryUsdPerYear,
    taxesInsuranceHousingUsdPerYear,
    ownershipUsdPerYear: capitalRecoveryUsdPerYear + taxesInsuranceHousingUsdPerYear,
  };
}
