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
  /** A part of a big JSONL file (byte range starting at a line start), audited in a worker of its own. */
  range?: LineRange;
}

export interface LineRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** Line number (1-based) of the line at `start`. */
  firstLine: number;
}
