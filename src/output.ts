// Atomic output: write a temporary file beside the target, then rename over it.
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { collectGarbage } from './gc.js';

/**
 * Pieces of a text are gathered up to this many characters per write: small enough that neither
 * the joined string nor its UTF-8 bytes land in V8's large-object space, which only a full
 * collection frees.
 */
const BATCH_CHARS = 16 * 1024;
const COLLECT_EVERY_CHARS = 16 * 1024 * 1024;

export async function writeAtomic(file: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.guide-audit-tmp-${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(file)}`);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
    else await writeChunks(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Write a text given in pieces, never holding the whole of it. */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const fh = await open(file, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    let sinceCollection = 0;
    for (const c of chunks) {
      batch.push(c);
      size += c.length;
      if (size >= BATCH_CHARS) {
        await writeAll(fh, batch.join(''));
        sinceCollection += size;
        batch = [];
        size = 0;
        // A report of a province is hundreds of MB of short-lived strings (see gc.ts).
        if (sinceCollection >= COLLECT_EVERY_CHARS) {
          collectGarbage();
          sinceCollection = 0;
        }
      }
    }
    if (batch.length) await writeAll(fh, batch.join(''));
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let off = 0; off < bytes.length;) off += (await fh.write(bytes, off)).bytesWritten;
}
