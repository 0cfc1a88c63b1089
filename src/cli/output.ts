/** Shared output helpers for CLI commands: errors at the edge, JSON, simple tables. */
import { KaravanError } from '../errors.ts';

/**
 * Text from files and data (file names, licences, values quoted in errors) as it may go to a terminal: control
 * characters (ANSI escapes, carriage returns, newlines, C1 controls) are shown as `\x1b`-style escapes, so a name
 * cannot move the cursor, recolour the screen or forge a line of output.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Prints an error for a person: the message, where in the input it happened, and a hint. */
export function reportError(error: unknown): void {
  if (error instanceof KaravanError) {
    process.stderr.write(`error ${error.code}: ${terminalSafe(error.message)}\n`);
    const where = error.where();
    if (where && !error.message.includes(where)) process.stderr.write(`  at ${terminalSafe(where)}\n`);
    if (error.hint) process.stderr.write(`  hint: ${terminalSafe(error.hint)}\n`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`internal error (please report it): ${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, jsonReplacer, 2) + '\n');
}

/** BigInt and non-finite numbers are not JSON: write them as numbers / null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Renders rows as an aligned plain-text table (numbers right-aligned). */
export function formatTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : terminalSafe(String(cell)))),
  );
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 && rows.every((row) => row[i] === null || row[i] === undefined || typeof row[i] === 'number'),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}
