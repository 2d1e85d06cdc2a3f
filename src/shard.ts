// `--shard i/n`: a fixed share of the guides by a hash of the 基本编码 (else characters 20–31 of a
// valid 实施编码, else the name), so every guide of one catalogue item lands in the same shard and
// the cross-guide rules see the whole group.
import type { Guide } from './model.js';
import { baseCodeOf } from './parsers/item-code.js';
import { fnv1a } from './hash.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export { fnv1a };

export function shardKey(g: Pick<Guide, 'baseCode' | 'code' | 'handleCode' | 'name'>): string {
  return baseCodeOf(g) ?? (g.name ?? '').trim();
}

export function inShard(g: Pick<Guide, 'baseCode' | 'code' | 'handleCode' | 'name'>, shard: Shard): boolean {
  return fnv1a(shardKey(g)) % shard.count === shard.index - 1;
}
