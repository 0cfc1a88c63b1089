/**
 * Runs every benchmark in bench/ one after another (`npm run bench`), or the named ones
 * (`npm run bench -- ingest report`). Each prints its own figures and ratios; sizes are the
 * defaults each file documents (pass arguments by running the file directly).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
}
