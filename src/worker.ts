// A worker thread of `--jobs N`: audits the files it is sent, one at a time, with the run's settings.
import { parentPort, workerData } from 'node:worker_threads';
import { auditFile } from './audit-file.js';
import { collectGarbage } from './gc.js';
import { fileRuntime, type RunSettings } from './engine.js';
import type { FileRef } from './loaders/types.js';

/** Guides in a part worth a collection after it (small parts leave little behind). */
const BIG_PART = 5000;

// A worker's live data is a part's partial (tens of MB); collecting every few thousand guides keeps
// its heap near that instead of the hundreds of MB V8 would let it grow to (see gc.ts).
const rt = { ...fileRuntime(workerData as RunSettings), collectEvery: BIG_PART };
parentPort!.on('message', async (msg: { i: number; file: FileRef }) => {
  try {
    const partial = await auditFile(msg.file, rt);
    // What the part left behind is garbage now: collect it before the next part adds to it.
    if (partial.guides.length >= BIG_PART) collectGarbage();
    parentPort!.postMessage({ i: msg.i, partial });
  } catch (e) {
    parentPort!.postMessage({ i: msg.i, error: (e as Error).message });
  }
});
