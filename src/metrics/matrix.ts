/**
 * Shape checks shared by the complexity metrics. Matrices are row-major typed arrays,
 * locations × products (row c, column p at index c * products + p); products × products for
 * proximity. Each check throws MetricInputError naming the function and the argument.
 */
import { MetricInputError } from '../errors.ts';

/** A count of rows or columns: a positive integer. */
export function checkCount(fn: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new MetricInputError(`${fn}: ${name} must be a positive integer, got ${n}`);
}

/** `array` holds `rows × cols` cells. */
export function checkShape(fn: string, name: string, array: ArrayLike<number>, rows: number, cols: number): void {
  if (array.length !== rows * cols) {
    throw new MetricInputError(`${fn}: ${name} has ${array.length} cells, expected ${rows} × ${cols} = ${rows * cols}`);
  }
}

/** Every cell of a presence matrix is 0 or 1. */
export function checkBinary(fn: string, name: string, m: ArrayLike<number>, products: number): void {
  for (let i = 0; i < m.length; i++) {
    const v = m[i]!;
    if (v !== 0 && v !== 1) {
      const row = Math.floor(i / products);
      throw new MetricInputError(
        `${fn}: ${name} must hold only 0 and 1; location ${row}, product ${i - row * products} is ${v}`,
        {
          value: String(v),
        },
      );
    }
  }
}

/** Every value is finite and >= 0 (exports, populations). */
export function checkNonNegative(fn: string, name: string, values: ArrayLike<number>, products: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0) || v === Infinity) {
      const row = Math.floor(i / products);
      throw new MetricInputError(
        `${fn}: ${name} must be finite and >= 0; location ${row}, product ${i - row * products} is ${v}`,
        { value: String(v) },
      );
    }
  }
}

/**
 * For each row, the columns whose cell is non-zero: a compressed sparse row index. `start`
 * has rows + 1 entries; row r's columns are `columns[start[r] .. start[r+1])`, ascending.
 */
export interface SparseRows {
  start: Int32Array;
  columns: Int32Array;
}

export function sparseRows(matrix: ArrayLike<number>, rows: number, cols: number): SparseRows {
  let nonZero = 0;
  for (let i = 0; i < rows * cols; i++) if (matrix[i] !== 0) nonZero++;
  const start = new Int32Array(rows + 1);
  const columns = new Int32Array(nonZero);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    start[r] = k;
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (matrix[base + c] !== 0) columns[k++] = c;
  }
  start[rows] = k;
  return { start, columns };
}

/**
 * For each column, the rows whose cell is non-zero (compressed sparse columns): column c's rows
 * are `rows[start[c] .. start[c+1])`, ascending.
 */
export interface SparseColumns {
  start: Int32Array;
  rows: Int32Array;
}

export function sparseColumns(matrix: ArrayLike<number>, rows: number, cols: number): SparseColumns {
  const start = new Int32Array(cols + 1);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (matrix[base + c] !== 0) start[c + 1]!++;
  }
  for (let c = 0; c < cols; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols);
  const out = new Int32Array(start[cols]!);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (matrix[base + c] !== 0) out[fill[c]!++] = r;
  }
  return { start, rows: out };
}

/**
 * Columns per block for the cache-blocked sparse × dense kernels (density, COG): a block of the
 * output (rows × block doubles) stays within about 512 KB, so it is reused from cache while the
 * proximity rows stream through.
 */
export function columnBlock(rows: number, cols: number): number {
  return Math.max(64, Math.min(cols, Math.floor(65536 / Math.max(rows, 1))));
}
