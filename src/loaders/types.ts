import type { Guide } from '../model.js';

export interface LoadError {
  file: string;
  message: string;
  sheet?: string;
  row?: number;
  line?: number;
  index?: number;
}

export type LoadEvent =
  | { kind: 'guide'; guide: Guide }
  | { kind: 'error'; error: LoadError }
  | { kind: 'skipped'; reason: string }
  | { kind: 'notice'; message: string };

export interface FileRef {
  /** Absolute path on disk. */
  abs: string;
  /** The path as reported: as the user named it, `/` separators, no `./`. */
  display: string;
}
