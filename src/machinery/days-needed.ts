/** (F5) Calendar days needed with N machines: `D = A / (N * C_e * G * pwd)`. */
import { requireHoursPerDay, requireInteger, requirePositive, requireShare } from './validate.ts';

export function daysNeeded(
  areaHa: number,
  machines: number,
  capacityHaPerHour: number,
  hoursPerDay: number,
  workableShare: number,
): number {
  requirePositive('areaHa', areaHa);
  requireInteger('machines', machines, 1);
  requirePositive('capacityHaPerHour', capacityHaPerHour);
  requireHoursPerDay('hoursPerDay', hoursPerDay);
  requireShare('workableShare', workableShare);
  return areaHa / (machines * capacityHaPerHour * hoursPerDay * workableShare);
}
