/**
 * Guards the one-way flow of imports between pipeline stages (docs/architecture.md):
 * data -> metrics/machinery -> analysis -> report -> cli/server. DuckDB only in data/,
 * no Node I/O in metrics/ or machinery/, and no SQL built by pasting values into strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** Folders each stage may import from (besides itself and src/errors.ts). */
const allowed: Record<string, string[]> = {
  data: [],
  metrics: [],
  machinery: [],
  analysis: ['data', 'metrics', 'machinery'],
  report: ['data', 'metrics', 'machinery', 'analysis'],
  cli: ['data', 'metrics', 'machinery', 'analysis', 'report', 'server'],
  server: ['data', 'metrics', 'machinery', 'analysis', 'report'],
};

describe('architecture', () => {
  it('imports flow one way between stages', () => {
    const violations: string[] = [];
    for (const file of files) {
      const stage = file.path.split('/')[0]!;
      if (!(stage in allowed)) continue;
      for (const spec of importsOf(file.text)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(srcDir, join(srcDir, file.path, '..', spec)).split('/')[0]!;
        if (target === stage || target.endsWith('.ts')) continue;
        if (!allowed[stage]!.includes(target)) violations.push(`${file.path} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('DuckDB is used only in src/data/', () => {
    const users = files.filter((f) => /@duckdb\//.test(f.text) && !f.path.startsWith('data/')).map((f) => f.path);
    expect(users).toEqual([]);
  });

  it('metrics/ and machinery/ do no I/O', () => {
    const users = files
      .filter((f) => /^(metrics|machinery)\//.test(f.path))
      .filter((f) => importsOf(f.text).some((spec) => /^node:(fs|child_process|net|http)/.test(spec)))
      .map((f) => f.path);
    expect(users).toEqual([]);
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
