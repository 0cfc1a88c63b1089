import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDefaults } from '../../src/server/index.ts';
import { testServer, type TestServer } from './helpers.ts';

const docs = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');

describe('docs/server.md', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('lists every route of the OpenAPI document with its summary', () => {
    const doc = s.app.swagger() as unknown as { paths: Record<string, Record<string, { summary: string }>> };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(docs, `${method} ${path}`).toContain(`| ${method.toUpperCase()} | \`${path}\` |`);
        expect(docs, `${method} ${path} summary`).toContain(op.summary);
      }
    }
  });

  it('states each option default as serverDefaults has it', () => {
    for (const [option, value] of Object.entries(serverDefaults)) {
      if (option === 'webRoot') continue;
      const shown = Array.isArray(value) ? (value.length > 0 ? value.join(', ') : 'none') : String(value);
      expect(docs, option).toMatch(new RegExp(`\\| \`${option}\` \\|[^|]*\\| \`${shown}\` \\|`));
    }
  });
});
