/**
 * Failures of the machine rather than of the input: a full disk, a read-only or missing home. Node reports them as
 * errno codes (ENOSPC, EROFS, ...) and DuckDB as message text; both become typed errors that say what to do, never
 * an "internal error" with a stack.
 */
import { DiskFullError, HomeUnusableError, ReadOnlyHomeError, type KaravanError } from '../errors.ts';

const diskFullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const readOnlyCodes = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The typed error for a failure of the machine while doing `what` at `path`, or null when it is something else. */
export function environmentError(
  error: unknown,
  what: string,
  path: string,
  options: { neededBytes?: number } = {},
): KaravanError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if ((code !== undefined && diskFullCodes.has(code)) || /no space left on device|disk quota exceeded/i.test(message)) {
    const needed =
      options.neededBytes !== undefined ? ` (it needs up to about ${formatBytes(options.neededBytes)} free)` : '';
    return new DiskFullError(`the disk is full while ${what}${needed}; nothing was committed`, {
      file: path,
      hint: 'free space on that disk (or set KARAVAN_HOME to a folder on another disk) and run the command again',
    });
  }
  if ((code !== undefined && readOnlyCodes.has(code)) || /read-only file system|permission denied/i.test(message)) {
    return new ReadOnlyHomeError(`cannot write the store's folder while ${what}: ${code ?? 'read-only'}`, {
      file: path,
      hint: 'set KARAVAN_HOME to a folder you can write, or fix the permissions',
    });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new HomeUnusableError(`cannot create the store's folder while ${what}: ${code}`, {
      file: path,
      hint: 'set KARAVAN_HOME to a folder whose parent exists and is a folder',
    });
  }
  return null;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(0)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
