// Several rules ask the same parser about the same value of the same guide (the time limits are
// analysed by six rules and the statistics). Parsers wrapped in `perGuide` answer each distinct
// argument once per guide: the engine calls `resetGuideMemos` after each guide, so a memo never
// holds more than one guide's values. Results are shared, so callers must not change them.
import { resetNormalizeMemo } from './normalize.js';

let generation = 0;
const LIMIT = 1024;

/** Forget every per-guide memo (the engine calls it after each guide). */
export function resetGuideMemos(): void {
  generation++;
  resetNormalizeMemo();
}

/** `fn` answering each distinct argument (by value for strings, by identity for objects) once per guide. */
export function perGuide<A, R>(fn: (a: A) => R): (a: A) => R {
  let seen = -1;
  let cache = new Map<A, R>();
  return (a: A): R => {
    if (seen !== generation || cache.size >= LIMIT) {
      if (cache.size) cache = new Map();
      seen = generation;
    }
    let r = cache.get(a);
    if (r === undefined && !cache.has(a)) {
      r = fn(a);
      cache.set(a, r);
    }
    return r as R;
  };
}

/** A string table: the same text read by many guides (a department, a file name) is kept once. */
export function interner(): <T extends string | undefined>(s: T) => T {
  const table = new Map<string, string>();
  return <T extends string | undefined>(s: T): T => {
    if (s === undefined) return s;
    const known = table.get(s);
    if (known !== undefined) return known as T;
    table.set(s, s);
    return s;
  };
}
