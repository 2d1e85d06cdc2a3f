// Parsers asked the same question again answer from memory. `byValue`: by the text itself, across
// guides, bounded (exports repeat their texts from guide to guide). `perGuide`: for arguments that
// are a guide's own objects; the engine calls `resetGuideMemos` after each guide, so such a memo
// never holds more than one guide's values. Results are shared, so callers must not change them.
import { fnv1a } from './hash.js';

let generation = 0;
const LIMIT = 1024;

/** Forget every per-guide memo (the engine calls it after each guide). */
export function resetGuideMemos(): void {
  generation++;
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

/**
 * `fn` remembered across guides, by value. A province's exports repeat their texts: one item is
 * published by every city and county with the same legal basis, time limits and materials, and one
 * department writes the same hours and phone on all its guides, so most calls are answered from here.
 * Results are shared by every caller: they must be treated as read-only.
 */
export function byValue<R>(fn: (a: string) => R, limit = 2048, chars = 250_000): (a: string) => R {
  const cache = valueCache<R>(limit, chars);
  return (a: string): R => cache(a, fn);
}

/** Fingerprints of texts seen once, per cache (a fixed table: 16K entries). */
const SEEN_BITS = 14;

/**
 * The cache behind `byValue`, for results computed from more than their key: `cache(key, compute)`.
 *
 * A text is kept across guides once a second guide asks about it: the first guide only remembers
 * it for itself (a per-guide memo, gone with the guide) and notes its fingerprint.
 * Text seen once (a unique address, an explanation with a date in it) thus never outlives its
 * guide: kept, it would be dropped later from the old generation of the heap, which V8 collects
 * late, and a run of unique texts would grow the heap by all of them.
 * Kept texts are bounded: two generations of at most `limit` entries (and about `chars` characters
 * of keys) each; an entry used again moves to the new generation, the old one is dropped when the
 * new one is full.
 */
export function valueCache<R>(limit = 2048, chars = 250_000): (key: string, compute: (key: string) => R) => R {
  let recent = new Map<string, R>();
  let older = new Map<string, R>();
  let used = 0;
  let local = new Map<string, R>();
  let localGeneration = -1;
  const seen = new Int32Array(1 << SEEN_BITS);
  const seenIn = new Int32Array(1 << SEEN_BITS).fill(-1);
  const keep = (key: string, r: R) => {
    if (recent.size >= limit || used >= chars) {
      older = recent;
      recent = new Map();
      used = 0;
    }
    recent.set(key, r);
    used += key.length;
  };
  return (key, compute): R => {
    let r: R | undefined = recent.get(key);
    if (r !== undefined || recent.has(key)) return r as R;
    if (older.size) {
      r = older.get(key);
      if (r !== undefined || older.has(key)) {
        keep(key, r as R);
        return r as R;
      }
    }
    if (localGeneration !== generation || local.size >= LIMIT) {
      if (local.size) local = new Map();
      localGeneration = generation;
    }
    r = local.get(key);
    if (r !== undefined || local.has(key)) return r as R;
    r = compute(key);
    if (FREEZE) deepFreeze(r);
    // Two texts with one fingerprint only make the second be kept sooner.
    const fp = fnv1a(key) | 1;
    const slot = fp & ((1 << SEEN_BITS) - 1);
    // Seen in an earlier guide: kept from now on. Else noted, and remembered for this guide only.
    if (seen[slot] === fp && seenIn[slot] !== generation) keep(key, r);
    else {
      seen[slot] = fp;
      seenIn[slot] = generation;
      local.set(key, r);
    }
    return r;
  };
}

/**
 * Length-prefixed, so that texts joined into one cache key never make two different keys equal
 * (`-` for an absent part).
 */
export const keyPart = (s: string | undefined): string => (s === undefined ? '-' : `${s.length}:${s}`);

// Under the test runner, shared results are frozen: a caller that changes one fails its tests.
const FREEZE = process.env.VITEST !== undefined;

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Array.isArray(v) ? v : v instanceof Set ? [...v] : Object.values(v)) deepFreeze(x);
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
