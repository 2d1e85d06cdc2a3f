// Atomic output: write a temporary file beside the target, then rename over it.
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Bytes gathered per write: one buffer, reused, so writing makes no garbage but the pieces themselves. */
const BUFFER_BYTES = 1024 * 1024;

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
    const buf = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    for (const c of chunks) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8: room for that is room enough.
      if (used + c.length * 3 > BUFFER_BYTES) {
        await writeAll(fh, buf.subarray(0, used));
        used = 0;
        if (c.length * 3 > BUFFER_BYTES) {
          await writeAll(fh, Buffer.from(c, 'utf8'));
          continue;
        }
      }
      used += buf.write(c, used, 'utf8');
    }
    if (used) await writeAll(fh, buf.subarray(0, used));
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length;) off += (await fh.write(bytes, off)).bytesWritten;
}
