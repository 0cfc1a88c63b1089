/** (F4) Annual use per machine: `h_yr [h] = A / (N * C_e)`. */
import { requireInteger, requirePositive } from './validate.ts';

export function hoursPerYearPerMachine(areaHa: number, machines: number, capacityHaPerHour: number): number {
  requirePositive('areaHa', areaHa);
  requireInteger('machines', machines, 1);
  requirePositive('capacityHaPerHour', capacityHaPerHour);
  return areaHa / (machines * capacityHaPerHour);
}
