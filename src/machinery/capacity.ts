/**
 * (F1) Effective field capacity: `C_e [ha/h] = v [km/h] * w [m] * E_f / 10`.
 * (F1a) The imperial form of EP496: `C_e [ac/h] = v [mph] * w [ft] * E_f / 8.25`.
 * Field efficiency E_f absorbs turning, overlap, unloading and minor stops (methods doc §2).
 */
import { requirePositive, requireShare } from './validate.ts';

export interface FieldCapacityInput {
  speedKmh: number;
  widthM: number;
  /** Field efficiency E_f, a share in (0, 1]. */
  fieldEfficiency: number;
}

/** F1: effective field capacity in ha/h. */
export function effectiveFieldCapacityHaPerHour(input: FieldCapacityInput): number {
  requirePositive('speedKmh', input.speedKmh);
  requirePositive('widthM', input.widthM);
  requireShare('fieldEfficiency', input.fieldEfficiency);
  return (input.speedKmh * input.widthM * input.fieldEfficiency) / 10;
}

/** F1a: effective field capacity in acres/h from mph and feet (EP496 imperial form). */
export function effectiveFieldCapacityAcresPerHour(speedMph: number, widthFt: number, fieldEfficiency: number): number {
  requirePositive('speedMph', speedMph);
  requirePositive('widthFt', widthFt);
  requireShare('fieldEfficiency', fieldEfficiency);
  return (speedMph * widthFt * fieldEfficiency) / 8.25;
}
