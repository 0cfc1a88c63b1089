/**
 * Writes one generated reader-fuzz input to a file, to look at the bytes behind a finding:
 *
 *   npx tsx test/reliability/dump-fuzz-input.ts <baci|comtrade|exports> <index> [out-file]
 *
 * Prints the input's mutations, what a correct reader must do with it (must / may / never), and
 * the rows and USD total the generator knows it holds. The seed is KARAVAN_SEED, as in
 * fuzz-readers.test.ts, so the printed replay line of a finding gives the same bytes here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradeStore } from '../../src/data/index.ts';
import { seed } from '../support/reliability.ts';
import { fuzzContext, generateInput, type Reader } from './fuzz-inputs.ts';

const [reader, indexText, out] = process.argv.slice(2);
if (!['baci', 'comtrade', 'exports'].includes(reader ?? '') || !/^\d+$/.test(indexText ?? '')) {
  process.stderr.write(
    'usage: npx tsx test/reliability/dump-fuzz-input.ts <baci|comtrade|exports> <index> [out-file]\n',
  );
  process.exit(2);
}
const home = mkdtempSync(join(tmpdir(), 'karavan-dump-'));
try {
  const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
  const ctx = await fuzzContext(store);
  store.closeSync();
  const input = await generateInput(reader as Reader, Number(indexText), seed, ctx);
  const path = out ?? join(tmpdir(), input.fileName);
  writeFileSync(path, input.bytes);
  console.log(`${reader} input ${indexText} (seed ${seed}): ${input.fileName}, ${input.bytes.length} bytes -> ${path}`);
  console.log(
    `mutations: ${input.mutations.join(' ') || '(none)'}; accept: ${input.accept}; known limitations: ${input.known.join(' ') || 'none'}`,
  );
  console.log(`options: ${JSON.stringify(input.options)}; rows ${input.rows}, total ${input.total} USD`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
