/**
 * CSV text of complexity results: one line per location × product, full double precision
 * (shortest round-trip number text), empty cells for undefined values (NaN).
 *
 * formatComplexityRows() is self-contained (it uses only `allocate`, `chunkBytes` and Node's
 * globals) and takes only structured-clone-able data, so the same function formats on the main
 * thread and, through formatComplexityWorkerSource(), in a worker thread that takes half of every
 * big year's rows (analysis/complexity.ts, FormatWorker).
 */

/** The rows [rowFrom, rowTo) of one year; per-cell arrays are indexed from rowFrom (row − rowFrom). */
export interface FormatRowsInput {
  /** Year text followed by a comma, e.g. "2017,". */
  yearField: string;
  /** CSV-escaped location label of each row in [rowFrom, rowTo). */
  locations: string[];
  /** CSV-escaped product codes. */
  products: string[];
  rows: number;
  /** Per cell, rows × products: value, RCA (or RPOP), M, density, COG. */
  valuesUsd: Float64Array;
  advantage: Float64Array;
  mcp: Uint8Array;
  density: Float64Array;
  cog: Float64Array;
  /** Per row: ECI, diversity, COI. */
  eci: Float64Array;
  diversity: Int32Array;
  coi: Float64Array;
  /** Per product: PCI, ubiquity. */
  pci: Float64Array;
  ubiquity: Int32Array;
}

/** Chunk size of the formatted output. */
const chunkBytes = 1 << 20;

/**
 * Node's Buffer#latin1Write(text, offset): what buf.write(text, offset, 'latin1') calls after
 * normalising its arguments; called directly it is about twice as fast here (measured in
 * bench/complexity.bench.ts). Not in @types/node, hence this type; used only for ASCII text.
 */
type AsciiBuffer = Buffer & { latin1Write(text: string, offset: number): number };

function allocate(): AsciiBuffer {
  const buffer = Buffer.allocUnsafe(chunkBytes) as AsciiBuffer;
  if (typeof buffer.latin1Write !== 'function')
    buffer.latin1Write = (text, offset) => buffer.write(text, offset, 'latin1');
  return buffer;
}

/**
 * CSV lines (each ending in "\n") for the given rows, as UTF-8 chunks of about 1 MB. Bytes are
 * written straight into the chunk buffers: labels are encoded once, numbers are written as their
 * shortest round-trip text (ASCII). Building the text as JavaScript strings instead costs about
 * twice as much, mostly in the garbage collector.
 */
export function formatComplexityRows(input: FormatRowsInput): Uint8Array[] {
  const {
    yearField,
    locations,
    products,
    rows,
    valuesUsd,
    advantage,
    mcp,
    density,
    cog,
    eci,
    diversity,
    coi,
    pci,
    ubiquity,
  } = input;
  const K = products.length;
  const text = (x: number) => (x === 0 ? '0' : x !== x ? '' : String(x));
  // Per product: ",<product>," and ",<pci>," and "<ubiquity>", encoded once.
  const productField = products.map((p) => Buffer.from(',' + p + ',', 'utf8'));
  const pciField = Array.from(pci, (x) => ',' + text(x) + ',');
  const ubiquityField = Array.from(ubiquity, (u) => String(u));
  let longest = 0;
  for (const field of productField) longest = Math.max(longest, field.length);
  const chunks: Uint8Array[] = [];
  let buffer = allocate();
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const lead = Buffer.from(yearField + locations[r]!, 'utf8');
    const eciText = text(eci[r]!);
    const diversityText = String(diversity[r]!) + ',';
    const coiText = ',' + text(coi[r]!) + ',';
    // A line is at most: lead + product + 5 numbers (≤ 25 bytes each) + ECI/PCI/COI + integers.
    const lineMax = lead.length + longest + 400;
    const base = r * K;
    for (let p = 0; p < K; p++) {
      if (at + lineMax > chunkBytes) {
        chunks.push(buffer.subarray(0, at));
        buffer = allocate();
        at = 0;
      }
      const i = base + p;
      buffer.set(lead, at);
      at += lead.length;
      const product = productField[p]!;
      buffer.set(product, at);
      at += product.length;
      at += buffer.latin1Write(text(valuesUsd[i]!), at);
      buffer[at++] = 44; // ,
      at += buffer.latin1Write(text(advantage[i]!), at);
      buffer[at++] = 44;
      buffer[at++] = mcp[i] === 1 ? 49 : 48; // 1 / 0
      buffer[at++] = 44;
      at += buffer.latin1Write(text(density[i]!), at);
      buffer[at++] = 44;
      at += buffer.latin1Write(eciText, at);
      at += buffer.latin1Write(pciField[p]!, at);
      at += buffer.latin1Write(diversityText, at);
      at += buffer.latin1Write(ubiquityField[p]!, at);
      at += buffer.latin1Write(coiText, at);
      at += buffer.latin1Write(text(cog[i]!), at);
      buffer[at++] = 10; // \n
    }
  }
  if (at > 0) chunks.push(buffer.subarray(0, at));
  return chunks;
}

/**
 * Source of the formatting worker: this module's formatter and its two helpers, as the running
 * JavaScript engine holds them (whatever transpiled them), wrapped in a message loop. `__name` is
 * the name-keeping helper some TypeScript transpilers insert; it is a no-op here.
 */
export function formatComplexityWorkerSource(): string {
  return [
    "'use strict';",
    "const { parentPort } = require('node:worker_threads');",
    'const __name = (target) => target;',
    `const chunkBytes = ${chunkBytes};`,
    `const allocate = ${allocate.toString()};`,
    `const formatComplexityRows = ${formatComplexityRows.toString()};`,
    'parentPort.on("message", (message) => {',
    '  try {',
    '    const chunks = formatComplexityRows(message.input);',
    '    parentPort.postMessage({ id: message.id, chunks }, chunks.map((c) => c.buffer));',
    '  } catch (error) {',
    '    parentPort.postMessage({ id: message.id, error: String(error && error.stack || error) });',
    '  }',
    '});',
  ].join('\n');
}
