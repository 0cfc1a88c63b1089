/**
 * Snapshots cannot recreate themselves: vitest runs with `update: 'none'` (a missing snapshot fails,
 * `vitest run -u` writes), and every snapshot file a test names is committed. Without both, a
 * deleted snapshot would be written again by the next run and the test would pass.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import mainConfig from '../vitest.config.ts';
import mutationConfig from '../vitest.mutation.config.ts';

const repoDir = resolve(import.meta.dirname, '..');

function listTestFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : listTestFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const testFiles = [...listTestFiles(join(repoDir, 'test')), ...listTestFiles(join(repoDir, 'web'))].map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

/** Every toMatchFileSnapshot call: its argument when it is a string literal, else null. */
const fileSnapshotCalls = testFiles.flatMap(({ path, text }) =>
  [...text.matchAll(/toMatchFileSnapshot\(\s*(?:'([^']+)'|"([^"]+)"|`([^`$]+)`)?/g)].map((match) => ({
    testFile: relative(repoDir, path),
    snapshot: match[1] ?? match[2] ?? match[3] ?? null,
    resolved:
      (match[1] ?? match[2] ?? match[3]) === undefined
        ? null
        : resolve(dirname(path), match[1] ?? match[2] ?? match[3]!),
  })),
);

describe('snapshots', () => {
  it('vitest never writes a snapshot unless asked (-u): update is "none" in both configs', () => {
    expect(mainConfig.test?.update).toBe('none');
    expect(mutationConfig.test?.update).toBe('none');
  });

  it('finds the report snapshots (the scan itself works)', () => {
    expect(fileSnapshotCalls.map((call) => call.snapshot).sort()).toEqual(
      expect.arrayContaining([
        '../output/report-blr-kaz.en.html',
        '../output/report-blr-kaz.en.md',
        '../output/report-blr-kaz.ru.md',
      ]),
    );
  });

  it('every file snapshot is named by a literal path, so it can be checked here', () => {
    expect(fileSnapshotCalls.filter((call) => call.snapshot === null).map((call) => call.testFile)).toEqual([]);
  });

  it.each(fileSnapshotCalls.filter((call) => call.resolved !== null))(
    '$testFile: $snapshot is committed and not empty',
    ({ resolved }) => {
      expect(existsSync(resolved!), resolved!).toBe(true);
      expect(statSync(resolved!).size).toBeGreaterThan(0);
    },
  );

  it('every toMatchSnapshot() has its committed __snapshots__ file', () => {
    const missing = testFiles
      .filter(({ text }) => /\.toMatchSnapshot\(/.test(text))
      .map(({ path }) => join(dirname(path), '__snapshots__', `${path.split('/').pop()!}.snap`))
      .filter((snap) => !existsSync(snap));
    expect(missing).toEqual([]);
  });

  it('every file in test/output/ is a snapshot some test compares with (none orphaned)', () => {
    const referenced = new Set(fileSnapshotCalls.map((call) => call.resolved));
    const outputDir = join(repoDir, 'test', 'output');
    const orphans = readdirSync(outputDir)
      .map((name) => join(outputDir, name))
      .filter((path) => !referenced.has(path));
    expect(orphans).toEqual([]);
  });
});
