/** The haulage contract's worked example (the machinery issue): a 130 t truck on a 3 km haul, 20 Mt a year. */
import type { HaulageInput } from '../../src/machinery/haulage.ts';

export const haulageExample: HaulageInput = {
  payloadT: 130,
  distanceKm: 3,
  speedLoadedKmh: 20,
  speedEmptyKmh: 35,
  loadMin: 3,
  dumpMin: 1,
  spotMin: 1,
  tonnesPerYear: 20_000_000,
  scheduledHours: 7000,
  availability: 0.85,
  utilization: 0.9,
};
