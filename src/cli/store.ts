/** Opens the store for one CLI command and closes it afterwards, whatever happens. */
import type { TradeStore } from '../data/index.ts';

export async function withStore<T>(fn: (store: TradeStore) => Promise<T>): Promise<T> {
  const { TradeStore } = await import('../data/index.ts');
  const store = await TradeStore.open();
  try {
    return await fn(store);
  } finally {
    store.closeSync();
  }
}
