// Shared helpers of the 申请材料 rules (checked material by material).
import type { Guide, Material } from '../../src/model.js';
import type { RuleFinding } from '../../src/rule.js';
import { normalize } from '../../src/normalize.js';
import { byValue } from '../../src/memo.js';

export function materialRef(m: Material): Pick<RuleFinding, 'material' | 'loc'> {
  const ref: Pick<RuleFinding, 'material' | 'loc'> = { material: { index: m.index, ...(m.name ? { name: m.name } : {}) } };
  if (m.loc) ref.loc = m.loc;
  return ref;
}

export function materialLabel(m: Material): string {
  return m.name ? `“${m.name}”` : `第${m.index}项`;
}

/** Guides with no material list are out of scope of section B (nothing to check material by material). */
export function hasMaterials(g: Guide): boolean {
  return g.materials.length > 0;
}

/** A copy count as a number: digits or a Chinese numeral; undefined when not stated. */
export function countOf(v: string | undefined): number | undefined {
  return v === undefined ? undefined : counts(v);
}
const COUNT_WORDS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const counts = byValue((v: string): number | undefined => {
  const t = normalize(v).replace(/份$/, '');
  if (!t) return undefined;
  const m = /^(\d+)$/.exec(t);
  if (m) return Number(m[1]);
  return Object.hasOwn(COUNT_WORDS, t) ? COUNT_WORDS[t] : undefined;
});

/** Electronic-only material (电子 / 电子版 / 电子证照), for which paper counts are not required. */
export function electronicOnly(m: Material): boolean {
  const f = normalize(m.form);
  return /^(电子|电子版|电子化|电子证照|电子材料|电子文档|电子文件)$/.test(f);
}
