// A worker thread of `--jobs N`: audits the files it is sent, one at a time, with the run's settings.
import { parentPort, workerData } from 'node:worker_threads';
import { auditFile } from './audit-file.js';
import { fileRuntime, type RunSettings } from './engine.js';
import type { FileRef } from './loaders/types.js';

const rt = fileRuntime(workerData as RunSettings);
parentPort!.on('message', async (msg: { i: number; file: FileRef }) => {
  try {
    parentPort!.postMessage({ i: msg.i, partial: await auditFile(msg.file, rt) });
  } catch (e) {
    parentPort!.postMessage({ i: msg.i, error: (e as Error).message });
  }
});
