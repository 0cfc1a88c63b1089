/**
 * The server under load, in its own process (so its RSS and its event loop are its own, not the
 * load generator's): `buildServer` over a fresh temporary store with the embedded default data,
 * on 127.0.0.1 and a random port. Started by bench/server-workload.ts `launchServer()` with an
 * IPC channel: it sends { url } when listening, answers { rss } to 'rss', and closes on 'close'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradeStore } from '../src/data/index.ts';
import { buildServer } from '../src/server/index.ts';

const send = (message: object) => process.send!(message);
const home = mkdtempSync(join(tmpdir(), 'karavan-soak-'));
const store = await TradeStore.open({ home });
const app = await buildServer({ store });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
if (!url.startsWith('http://127.0.0.1:')) throw new Error(`refusing to listen on anything but loopback: ${url}`);

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  const deadline = setTimeout(() => process.exit(0), 15_000);
  await app.close();
  // Requests whose clients went away may still have queries on the store's connection.
  await app.resultCache.settled();
  store.closeSync();
  rmSync(home, { recursive: true, force: true });
  clearTimeout(deadline);
  send({ closed: true });
  process.exit(0);
}

process.on('message', (message) => {
  if (message === 'rss')
    send({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, cached: app.resultCache.size });
  else if (message === 'close') void close();
});
process.on('disconnect', () => void close());
send({ url });
