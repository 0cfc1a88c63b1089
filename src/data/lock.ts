/**
 * The store's write lock: a file created with O_EXCL holding the writer's pid. A lock whose
 * process is gone (killed mid-ingest) is stale and taken over; a live one makes the second
 * writer fail at once with a clear message instead of waiting or corrupting anything.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StoreLockedError } from '../errors.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface WriteLock {
  release(): void;
}

export function acquireWriteLock(lockPath: string, purpose: string): WriteLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; purpose?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof holder;
      } catch {
        // A lock file caught half-written: its writer is between open and write. Treat as held.
        holder = {};
      }
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && !processAlive(holder.pid)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      throw new StoreLockedError(
        `the store is being written by another process (pid ${holder.pid ?? '?'}, ${holder.purpose ?? 'unknown work'} since ${holder.since ?? '?'}); try again when it has finished`,
        { file: lockPath },
      );
    }
  }
  throw new StoreLockedError('could not take the store lock', { file: lockPath });
}
