import { createWriteStream } from 'node:fs';
import yazl from 'yazl';

/** Writes a zip with the given members (name -> content), as a BACI release is packed. */
export async function writeZip(path: string, members: Record<string, string | Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(members))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
}
