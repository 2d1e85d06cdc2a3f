// The fixed hash of shard membership and of the memo fingerprints.

/** FNV-1a, 32 bits, over UTF-16 code units: fixed for all time, so shard membership never moves. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
