// ESLint flat config: the recommended JavaScript and typescript-eslint rules, and the one-way flow of imports between
// pipeline stages (docs/architecture.md): data -> metrics/machinery -> analysis -> report -> cli/server; web/ talks to
// the server over HTTP only. DuckDB only in src/data/, no Node I/O in src/metrics/ and src/machinery/.
// test/architecture.test.ts proves each boundary rule fires on a sample file.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const stages = ['messages', 'data', 'metrics', 'machinery', 'analysis', 'report', 'cli', 'server'];

/** Folders each stage may import from (besides itself and src/errors.ts). */
export const allowedImports = {
  // The message catalog is a leaf every stage may use: the core returns message ids, interfaces format them.
  messages: [],
  data: ['messages'],
  metrics: ['messages'],
  machinery: ['messages'],
  analysis: ['messages', 'data', 'metrics', 'machinery'],
  report: ['messages', 'data', 'metrics', 'machinery', 'analysis'],
  cli: ['messages', 'data', 'metrics', 'machinery', 'analysis', 'report', 'server'],
  server: ['messages', 'data', 'metrics', 'machinery', 'analysis', 'report'],
};

const nodeIo = ['node:fs', 'node:fs/promises', 'node:child_process', 'node:net', 'node:http', 'node:https'];

function stageRules(stage) {
  const forbidden = stages.filter((other) => other !== stage && !allowedImports[stage].includes(other));
  const patterns = [];
  if (forbidden.length > 0)
    patterns.push({
      group: forbidden.flatMap((other) => [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`]),
      message: `src/${stage}/ may import only from ${['itself', ...allowedImports[stage]].join(', ')} (docs/architecture.md).`,
    });
  if (stage !== 'data') patterns.push({ group: ['@duckdb/*'], message: 'DuckDB is used only in src/data/.' });
  const paths =
    stage === 'metrics' || stage === 'machinery' || stage === 'messages'
      ? nodeIo.map((name) => ({ name, message: `src/${stage}/ is pure: no I/O (pass data in).` }))
      : [];
  return {
    files: [`src/${stage}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns, ...(paths.length > 0 ? { paths } : {}) }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'web/dist/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
      'test/output/',
      'data/',
      'bench/out/',
      'tmp/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import('x').T` in a type position is allowed: it keeps lazily loaded modules (DuckDB) out of the start-up path.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  ...stages.map(stageRules),
  {
    // Tests read JSON bodies and hand-edited catalogs whose shape is the thing under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Types of the API's answers may be shared (they vanish at build time); code may not.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], allowTypeImports: true, message: 'web/ talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
);
