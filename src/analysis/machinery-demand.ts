/**
 * The machinery market's size beside its trade: the yearly replacement demand of the importer's
 * combine and tractor fleets (src/machinery/replacement-demand.ts, R1-R4), from the shipped
 * presets' dated facts. Those facts are Kazakhstan's; for another importer the report says so
 * rather than borrowing them.
 */
import { fleetReplacement, type FleetReplacement } from '../machinery/index.ts';
import { msg, type Message } from '../messages/index.ts';
import { countryValue } from './messages.ts';
import { shippedPresets } from './shipped-machinery.ts';
import type { TradeStore } from '../data/index.ts';

export interface MachineryDemand {
  importer: string;
  /** Combines and tractors; empty when the presets hold no fleet facts for the importer. */
  fleets: FleetReplacement[];
  /** Why there are no fleets, when there are none. */
  missing: Message | null;
}

/** The country the shipped fleet facts describe. */
const factsCountry = 'KAZ';

export async function machineryDemand(store: TradeStore, importer: string): Promise<MachineryDemand> {
  if (importer !== factsCountry) {
    const [who, kaz] = await Promise.all([countryValue(store, importer), countryValue(store, factsCountry)]);
    return { importer, fleets: [], missing: msg('machinery.demandOnlyFor', { importer: who, country: kaz }) };
  }
  const presets = shippedPresets();
  return {
    importer,
    fleets: [fleetReplacement(presets, 'combines'), fleetReplacement(presets, 'tractors')],
    missing: null,
  };
}
