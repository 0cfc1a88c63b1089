import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

describe('karavan serve', () => {
  it('rejects a bad port before opening anything', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'karavan', 'serve', '--port', 'abc'])).toBe(1);
      expect(await main(['node', 'karavan', 'serve', '--port', '70000'])).toBe(1);
      expect(await main(['node', 'karavan', 'serve', '--max-upload-mb', '0'])).toBe(1);
      const written = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(written).toContain('invalid --port: abc');
      expect(written).toContain('invalid port: 70000');
      expect(written).toContain('invalid maxUploadMb: 0');
    } finally {
      stderr.mockRestore();
    }
  });

  it('shows the defaults in its help: loopback, port 8080, ingest off', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'karavan', 'serve', '--help'])).toBe(0);
      const help = stdout.mock.calls.map((c) => String(c[0])).join('');
      expect(help).toContain('(default: 127.0.0.1)');
      expect(help).toContain('(default: 8080)');
      expect(help).toMatch(/--allow-ingest[\s\S]*\(default: false\)/);
    } finally {
      stdout.mockRestore();
    }
  });
});
