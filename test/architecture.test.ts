/**
 * Guards the one-way flow of imports between pipeline stages (docs/architecture.md):
 * data -> metrics/machinery -> analysis -> report -> cli/server. DuckDB only in data/,
 * no Node I/O in metrics/ or machinery/, and no SQL built by pasting values into strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { allowedImports, type Stage } from '../eslint.config.js';

const srcDir = new URL('../src/', import.meta.url).pathname;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = listFiles(srcDir).map((path) => ({
  path: relative(srcDir, path),
  text: readFileSync(path, 'utf8'),
}));

/** The ESLint rules that hold the stages apart (eslint.config.js), run on one sample file. */
async function lintMessages(filePath: string, code: string): Promise<string[]> {
  const result = await eslint.lintText(code, { filePath: join(repoDir, filePath) });
  return result.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

const repoDir = new URL('../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: repoDir });
const stages = Object.keys(allowedImports) as Stage[];

describe('architecture', () => {
  // `npm test` lints the whole tree; these cases prove that each boundary rule fires, so a broken config cannot pass.
  it('imports flow one way between stages: every forbidden pair is an ESLint error, every allowed one is not', async () => {
    const misses: string[] = [];
    for (const stage of stages) {
      for (const target of stages) {
        if (target === stage) continue;
        const code = `import { x } from '../${target}/thing.ts';\nexport const y = x;\n`;
        const messages = await lintMessages(`src/${stage}/sample.ts`, code);
        const restricted = messages.some((m) => m.startsWith('no-restricted-imports'));
        const allowed = allowedImports[stage].includes(target);
        if (restricted === allowed) misses.push(`${stage} -> ${target}: ${allowed ? 'refused' : 'accepted'}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('DuckDB is used only in src/data/, and metrics/ and machinery/ do no I/O', async () => {
    const duckdb = `import { DuckDBInstance } from '@duckdb/node-api';\nexport const d = DuckDBInstance;\n`;
    expect(await lintMessages('src/analysis/sample.ts', duckdb)).toEqual([
      expect.stringMatching(/DuckDB is used only/),
    ]);
    expect(await lintMessages('src/data/sample.ts', duckdb)).toEqual([]);
    const io = `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`;
    expect(await lintMessages('src/metrics/sample.ts', io)).toEqual([expect.stringMatching(/no I\/O/)]);
    expect(await lintMessages('src/machinery/sample.ts', io)).toEqual([expect.stringMatching(/no I\/O/)]);
    expect(await lintMessages('src/report/sample.ts', io)).toEqual([]);
  });

  it('web/ shares only types with the server code', async () => {
    const value = `import { buildReport } from '../../src/analysis/index.ts';\nexport const b = buildReport;\n`;
    const type = `import type { NeedsResult } from '../../src/analysis/index.ts';\nexport type N = NeedsResult;\n`;
    expect(await lintMessages('web/src/sample.ts', value)).toEqual([expect.stringMatching(/HTTP only/)]);
    expect(await lintMessages('web/src/sample.ts', type)).toEqual([]);
  });

  it('no SQL text is built by interpolating values', () => {
    // In a template literal with SQL in it, every ${...} must be a quoting helper from
    // src/data/sql.ts, or a fragment of SQL text that code composed, named with the suffix
    // `Sql` (productSql(plan), whereSql); values always travel as bound parameters ($1, $2).
    const offenders: string[] = [];
    for (const file of files) {
      for (const m of file.text.matchAll(/`[^`]*\b(SELECT|INSERT|DELETE|UPDATE|CREATE|COPY|FROM|WHERE)\b[^`]*`/g)) {
        const body = m[0];
        const interpolations = [...body.matchAll(/\$\{([^}]*)\}/g)].map((x) => x[1]!.trim());
        const unsafe = interpolations.filter(
          (expr) =>
            !/^(quoteIdentifier|quoteString|sqlList|sqlStruct)\(/.test(expr) &&
            !/^[\w.]*Sql\b/.test(expr) &&
            !/^[A-Z_]+$/.test(expr),
        );
        if (unsafe.length > 0) offenders.push(`${file.path}: \${${unsafe.join('}, ${')}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no SQL text is built by string concatenation', () => {
    // A string literal with SQL in it joined with + (or .concat) to anything: SQL is composed
    // in template literals only, where the test above checks every interpolation.
    const keywords = String.raw`\b(?:SELECT|INSERT|DELETE|UPDATE|CREATE|COPY|FROM|WHERE)\b`;
    const quoted = (q: string) => `${q}[^${q}\\n]*${keywords}[^${q}\\n]*${q}`;
    const literal = `(?:${quoted('"')}|${quoted("'")}|${quoted('`')})`;
    const before = new RegExp(String.raw`${literal}\s*(?:\+|\.concat\()`, 'g');
    const after = new RegExp(String.raw`\+\s*${literal}`, 'g');
    const find = (text: string) => [...text.matchAll(before), ...text.matchAll(after)].map((m) => m[0].slice(0, 80));
    // The check itself catches what it is for.
    expect(find(`const sql = "SELECT * FROM flows WHERE importer = '" + iso3 + "'";`)).not.toHaveLength(0);
    expect(find(`db.run(prefix + ' WHERE year = ' + year)`)).not.toHaveLength(0);
    expect(find(`const a = 'SELECT 1'.concat(x)`)).not.toHaveLength(0);
    expect(find(`const label = 'from ' + name`)).toHaveLength(0);
    const offenders = files.flatMap((file) => find(file.text).map((m) => `${file.path}: ${m}`));
    expect(offenders).toEqual([]);
  });
});
