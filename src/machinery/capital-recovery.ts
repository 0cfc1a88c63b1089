/** (F10) Capital recovery factor: `CRF(i, n) = i / (1 - (1 + i)^-n)`; at i = 0 it is 1/n. */
import { requireNonNegative, requirePositive } from './validate.ts';

export function capitalRecoveryFactor(realInterestRate: number, years: number): number {
  requireNonNegative('realInterestRate', realInterestRate);
  requirePositive('ownershipYears', years);
  if (realInterestRate === 0) return 1 / years;
  return realInterestRate / (1 - (1 + realInterestRate) ** -years);
}
