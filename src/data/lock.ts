/**
 * The store's write lock: `write.lock`, a small JSON file naming its holder (pid, the process's start time, host,
 * what it does, since when). Node has no portable OS-level file lock (flock) without a native addon, so the lock is a
 * file whose holder can be checked:
 *
 * - **Never half-written.** The content is written to a private temporary file first and linked into place
 *   (`link` fails if the lock exists, atomically), so a full disk or a kill leaves either no lock or a whole one. On
 *   file systems without hard links it falls back to create-exclusive-then-write, removing the file if the write
 *   fails.
 * - **Stale locks are taken over, whatever their content**: the holder's process is gone; or its pid now belongs to
 *   another process (Linux: the start time in /proc differs, so a reused pid does not hold the store forever); or
 *   the file is empty or unreadable and older than two seconds (left by an older version or a crash between create
 *   and write). A lock from another host is never judged stale: its process cannot be checked from here.
 * - **Take-over is safe against a race**: the stale file is renamed aside and its bytes compared with what was
 *   judged; if another writer's fresh lock was moved instead, it is put back.
 * - **Release removes only our own lock.**
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { StoreLockedError, type KaravanError } from '../errors.ts';
import { environmentError } from './environment.ts';

/** An unreadable lock younger than this may be a writer between create and write (older versions): held. */
const unreadableGraceMs = 2000;

interface LockHolder {
  pid?: number;
  /** The holder's start time in clock ticks since boot (Linux), to tell a reused pid. */
  startTicks?: string | null;
  host?: string;
  purpose?: string;
  since?: string;
}

export interface WriteLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time (field 22 of /proc/<pid>/stat, after the command name), or null where /proc is absent. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the lock file's holder no longer holds it, and why; null when it is held. */
export function staleReason(raw: string, ageMs: number, now: { pid: number; host: string }): string | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(raw) as LockHolder;
  } catch {
    return ageMs > unreadableGraceMs ? 'the lock file is empty or unreadable' : null;
  }
  if (typeof holder !== 'object' || holder === null || typeof holder.pid !== 'number')
    return ageMs > unreadableGraceMs ? 'the lock file names no process' : null;
  if (holder.host !== undefined && holder.host !== now.host) return null;
  if (holder.pid === now.pid) return null;
  if (!processAlive(holder.pid)) return `its process ${holder.pid} has ended`;
  const current = processStartTicks(holder.pid);
  if (holder.startTicks && current !== null && current !== holder.startTicks)
    return `its process ${holder.pid} has ended (the pid now belongs to another process)`;
  return null;
}

function lockedError(raw: string, lockPath: string): KaravanError {
  let holder: LockHolder = {};
  try {
    holder = JSON.parse(raw) as LockHolder;
  } catch {
    // Being created by another writer: described without details.
  }
  const elsewhere = holder.host !== undefined && holder.host !== hostname() ? ` on ${holder.host}` : '';
  return new StoreLockedError(
    `the store is being written by another process${elsewhere} (pid ${holder.pid ?? '?'}, ${holder.purpose ?? 'starting'} since ${holder.since ?? 'a moment ago'}); try again when it has finished`,
    { file: lockPath },
  );
}

/** Moves a stale lock aside; puts it back if what was moved is not the file that was judged (a writer's fresh lock). */
function takeOver(lockPath: string, judged: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over first
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== judged) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // A third writer took the place meanwhile; the moved lock's owner will find its lock gone at release.
    }
  }
  rmSync(aside, { force: true });
}

function writeLockFile(lockPath: string, content: string): void {
  const temp = `${lockPath}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    try {
      linkSync(temp, lockPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      // No hard links on this file system: create exclusively, then write; never leave an empty lock behind.
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, content);
      } catch (writeError) {
        closeSync(fd);
        rmSync(lockPath, { force: true });
        throw writeError;
      }
      closeSync(fd);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

export function acquireWriteLock(lockPath: string, purpose: string): WriteLock {
  const content = JSON.stringify({
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    host: hostname(),
    purpose,
    since: new Date().toISOString(),
  } satisfies LockHolder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeLockFile(lockPath, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw environmentError(error, 'taking the store lock', lockPath) ?? error;
      let raw: string;
      let ageMs: number;
      try {
        raw = readFileSync(lockPath, 'utf8');
        ageMs = Date.now() - statSync(lockPath).mtimeMs;
      } catch (readError) {
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
        throw readError;
      }
      if (staleReason(raw, ageMs, { pid: process.pid, host: hostname() }) !== null) {
        takeOver(lockPath, raw);
        continue;
      }
      throw lockedError(raw, lockPath);
    }
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8') === content) rmSync(lockPath, { force: true });
        } catch {
          // Already gone.
        }
      },
    };
  }
  throw new StoreLockedError('could not take the store lock: other writers kept taking it', { file: lockPath });
}
