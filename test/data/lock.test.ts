/**
 * The store's write lock (src/data/lock.ts): never half-written, stale locks taken over whatever their content
 * (an empty file left by a full disk, a dead or reused pid, garbage), live ones refused with KRV_STORE_LOCKED,
 * and a full disk at the lock reported as KRV_ENV_DISK_FULL leaving nothing behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock, processStartTicks, staleReason } from '../../src/data/lock.ts';
import { environmentError } from '../../src/data/environment.ts';
import { tempDir } from '../support/store.ts';

const old = (path: string) => utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

/** A pid that is not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('write lock', () => {
  it('holds a whole JSON record while held and removes it at release', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'write.lock');
      const lock = acquireWriteLock(path, 'ingesting x.csv');
      const holder = JSON.parse(readFileSync(path, 'utf8'));
      expect(holder).toMatchObject({ pid: process.pid, host: hostname(), purpose: 'ingesting x.csv' });
      if (process.platform === 'linux') expect(holder.startTicks).toBe(processStartTicks(process.pid));
      lock.release();
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(dir.path)).toEqual([]); // no temporary files left
    } finally {
      dir.cleanup();
    }
  });

  it('takes over an empty lock (a full disk between create and write) once it is older than the grace time', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'write.lock');
      writeFileSync(path, '');
      expect(() => acquireWriteLock(path, 'fresh empty')).toThrow(
        expect.objectContaining({ code: 'KRV_STORE_LOCKED' }),
      );
      old(path);
      const lock = acquireWriteLock(path, 'after the disk was freed');
      expect(JSON.parse(readFileSync(path, 'utf8')).purpose).toBe('after the disk was freed');
      lock.release();
      for (const garbage of ['{"pid":', 'not json', '{"purpose":"no pid"}', 'null']) {
        writeFileSync(path, garbage);
        old(path);
        acquireWriteLock(path, garbage).release();
        expect(existsSync(path)).toBe(false);
      }
    } finally {
      dir.cleanup();
    }
  });

  it("takes over a dead process's lock and one whose pid now belongs to another process", () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'write.lock');
      writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), purpose: 'killed', since: 'then' }));
      acquireWriteLock(path, 'next').release();
      if (process.platform === 'linux') {
        // Our parent is alive; a recorded start time that differs says the pid was reused.
        writeFileSync(path, JSON.stringify({ pid: process.ppid, startTicks: '1', host: hostname(), purpose: 'old' }));
        expect(staleReason(readFileSync(path, 'utf8'), 0, { pid: process.pid, host: hostname() })).toMatch(
          /another process/,
        );
        acquireWriteLock(path, 'after pid reuse').release();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('refuses a live holder, and a holder on another host, with KRV_STORE_LOCKED naming what it does', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'write.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      const record = {
        pid: holder.pid,
        startTicks: processStartTicks(holder.pid!),
        host: hostname(),
        purpose: 'ingesting BACI.zip',
        since: '2026-12-07T09:00:00Z',
      };
      writeFileSync(path, JSON.stringify(record));
      old(path);
      expect(() => acquireWriteLock(path, 'second')).toThrow(
        expect.objectContaining({
          code: 'KRV_STORE_LOCKED',
          message: expect.stringMatching(/ingesting BACI\.zip since 2026-12-07/),
        }),
      );
      writeFileSync(path, JSON.stringify({ ...record, pid: deadPid(), host: 'other-machine' }));
      old(path);
      expect(() => acquireWriteLock(path, 'second')).toThrow(
        expect.objectContaining({ message: expect.stringMatching(/on other-machine/) }),
      );
    } finally {
      holder.kill();
      dir.cleanup();
    }
  });

  it('does not remove a lock that is no longer its own at release', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'write.lock');
      const lock = acquireWriteLock(path, 'first');
      writeFileSync(path, JSON.stringify({ pid: process.ppid, host: hostname(), purpose: 'took over' }));
      lock.release();
      expect(JSON.parse(readFileSync(path, 'utf8')).purpose).toBe('took over');
    } finally {
      dir.cleanup();
    }
  });

  it('maps the machine failures to typed errors', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(environmentError(full, 'taking the store lock', '/h/write.lock', { neededBytes: 3e9 })).toMatchObject({
      code: 'KRV_ENV_DISK_FULL',
      message: expect.stringMatching(/about 3\.0 GB free/),
    });
    expect(environmentError(new Error('IO Error: No space left on device'), 'writing', '/h')).toMatchObject({
      code: 'KRV_ENV_DISK_FULL',
    });
    expect(environmentError(Object.assign(new Error('x'), { code: 'EROFS' }), 'writing', '/h')).toMatchObject({
      code: 'KRV_ENV_READ_ONLY',
    });
    expect(environmentError(Object.assign(new Error('x'), { code: 'ENOTDIR' }), 'creating', '/h')).toMatchObject({
      code: 'KRV_ENV_HOME_UNUSABLE',
    });
    expect(environmentError(new Error('something else'), 'writing', '/h')).toBeNull();
  });

  it('a full disk at the lock is KRV_ENV_DISK_FULL and leaves no lock behind (a 64 kB tmpfs, where the machine allows one)', () => {
    const dir = tempDir();
    try {
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir.path]);
      if (mount.status !== 0) {
        console.warn('lock test: cannot mount a tmpfs here; the ENOSPC mapping is covered by the unit case above');
        return;
      }
      try {
        writeFileSync(join(dir.path, 'filler'), Buffer.alloc(0));
        // Fill the file system to the last byte.
        const fd = openSync(join(dir.path, 'filler'), 'w');
        try {
          for (;;) writeSync(fd, Buffer.alloc(4096));
        } catch {
          // ENOSPC: full.
        } finally {
          closeSync(fd);
        }
        const path = join(dir.path, 'write.lock');
        expect(() => acquireWriteLock(path, 'on a full disk')).toThrow(
          expect.objectContaining({ code: 'KRV_ENV_DISK_FULL' }),
        );
        expect(existsSync(path)).toBe(false);
        expect(readdirSync(dir.path)).toEqual(['filler']);
        writeFileSync(join(dir.path, 'filler'), ''); // free the space: the next writer gets the lock
        acquireWriteLock(path, 'after freeing').release();
      } finally {
        spawnSync('umount', [dir.path]);
      }
    } finally {
      dir.cleanup();
    }
  });
});
