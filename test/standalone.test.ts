/**
 * The repository stands alone: a user's clone has nothing beside it, so no file in it may read,
 * import, link or cite the team's shared folder next to the checkout (the parent-relative path or
 * the absolute one). Test data lives in the repository (test/data/fixtures/README.md) and the
 * method notes are copied into docs/methods/.
 *
 * The patterns are built from pieces so that this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedDir, embeddedFixtures, fixturePath, readFixture, type FixtureName } from './support/fixtures.ts';

const root = new URL('..', import.meta.url).pathname;
const shared = 'sha' + 'red';
const outside: Array<{ name: string; pattern: RegExp }> = [
  { name: `..${'/'}${shared}`, pattern: new RegExp(`\\.\\.[\\\\/]+${shared}\\b`) },
  { name: `/work/${shared}`, pattern: new RegExp(`[\\\\/]work[\\\\/]+${shared}\\b`) },
  { name: `'..', '${shared}'`, pattern: new RegExp(`['"]\\.\\.['"]\\s*,\\s*['"]${shared}['"]`) },
];

/** Each line of `text` that points outside the repository, as "line: pattern". */
function outsideReferences(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { name, pattern } of outside) if (pattern.test(line)) found.push(`${index + 1}: ${name}`);
  });
  return found;
}

/** The repository's files: tracked ones and new ones not ignored (a file about to be committed counts too). */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return [...new Set(out.split('\0').filter(Boolean))];
}

/** The folders and files a clone's code, tests, benchmarks and docs live in. */
const scanned = ['src/', 'test/', 'bench/', 'docs/', 'web/', 'scripts/', 'bin/', 'data/', '.ci/'];
const scannedFiles = ['README.md', 'package.json', 'vitest.config.ts', 'tsconfig.json', 'tsconfig.build.json'];

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

describe('the repository stands alone', () => {
  it('the guard flags references outside the repository, and only those', () => {
    const parent = ['..', shared].join('/');
    expect(outsideReferences(`const data = new URL('../../${parent}/data/', import.meta.url);`)).toEqual([
      `1: ..${'/'}${shared}`,
    ]);
    expect(
      outsideReferences(`ok\nSource: ${['', 'work', shared, 'docs', 'methods', 'complexity.md'].join('/')} §2`),
    ).toEqual([`2: /work/${shared}`]);
    expect(outsideReferences(`join(repo, '..', '${shared}', 'data')`)).toEqual([`1: '..', '${shared}'`]);
    expect(outsideReferences(`x = '..\\\\${shared}\\\\data'`)).toHaveLength(1);
    // Not outside: the in-repo copies, and the word in other senses.
    expect(
      outsideReferences(
        `Source: docs/methods/complexity.md §2; the ${shared} kernel; src/queries/${shared}.ts; ${shared}Data`,
      ),
    ).toEqual([]);
  });

  it('no file of src, test, bench, docs, web, scripts, bin, data, README.md or package.json points outside', () => {
    const files = repositoryFiles().filter((f) => scanned.some((dir) => f.startsWith(dir)) || scannedFiles.includes(f));
    // The scan must see the files it is about (a wrong cwd or an empty listing would pass vacuously).
    for (const f of ['README.md', 'package.json', 'test/standalone.test.ts', 'test/support/fixtures.ts'])
      expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      if (!existsSync(path) || !statSync(path).isFile()) continue; // deleted in the work tree
      const bytes = readFileSync(path);
      if (!isText(bytes)) continue;
      for (const hit of outsideReferences(bytes.toString('utf8'))) offenders.push(`${file}:${hit}`);
    }
    expect(offenders).toEqual([]);
  });

  it('every fixture resolves inside the repository to the bytes test/data/fixtures/README.md records', () => {
    for (const [name, { embedded, bytes, sha256 }] of Object.entries(embeddedFixtures)) {
      expect(existsSync(join(embeddedDir, embedded)), embedded).toBe(true);
      const data = readFixture(name as FixtureName);
      expect(data.length, name).toBe(bytes);
      expect(createHash('sha256').update(data).digest('hex'), name).toBe(sha256);
      expect(statSync(fixturePath(name as FixtureName)).size, name).toBe(bytes);
    }
  });
});
