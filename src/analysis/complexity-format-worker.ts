/**
 * Worker thread entry: formats the rows it is sent (formatComplexityRows) and answers with the
 * text, so that a second core formats half of each year's output (complexity.ts,
 * ComplexityCsvWriter). Started with tsx's loader, as the CLI itself.
 */
import { parentPort } from 'node:worker_threads';
import { formatComplexityRows, type FormatRowsInput } from './complexity-format.ts';

parentPort?.on('message', (message: { id: number; input: FormatRowsInput }) => {
  try {
    const chunks = formatComplexityRows(message.input);
    // Hand the bytes over without copying them.
    parentPort!.postMessage({ id: message.id, chunks }, chunks.map((c) => c.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
