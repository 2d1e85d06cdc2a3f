// 到办事现场次数 and 网办深度 (INDICATORS.md §C).
import { normalize } from '../normalize.js';
import { parseNumber } from './numerals.js';
import { byValue } from '../memo.js';

/** A non-negative whole number of visits, or undefined when the text states none. */
export function parseVisits(text: string | undefined): number | undefined {
  return text === undefined ? undefined : visits(text);
}
const visits = byValue(computeVisits);

function computeVisits(text: string): number | undefined {
  const t = normalize(text).replace(/[。.;；]+$/, '');
  if (!t) return undefined;
  if (/^(不用跑|零跑腿|零跑动|零跑|0跑|不跑|无需到现场|无需跑动|不需要到现场|一次都不用跑|一次不用跑)$/.test(t)) return 0;
  if (/^(最多跑一次|最多跑1次|跑一次|只跑一次)$/.test(t)) return 1;
  const m = /^(?:最多|不超过|至多)?([0-9]+|[零〇一二两三四五六七八九十]+)\s*(次|趟)?$/.exec(t);
  if (!m) return undefined;
  const n = parseNumber(m[1]!);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export type Depth = 'I' | 'II' | 'III' | 'IV';

/** The online-handling depth level, or undefined for values that are not one level (vendor multi-codes). */
export function parseDepth(text: string | undefined): Depth | undefined {
  return text === undefined ? undefined : depths(text);
}
const depths = byValue(computeDepth);

function computeDepth(text: string): Depth | undefined {
  const t = normalize(text).replace(/\s/g, '').toUpperCase();
  if (!t) return undefined;
  const roman: Record<string, Depth> = { I: 'I', II: 'II', III: 'III', IV: 'IV', 'Ⅰ': 'I', 'Ⅱ': 'II', 'Ⅲ': 'III', 'Ⅳ': 'IV', 一: 'I', 二: 'II', 三: 'III', 四: 'IV', '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };
  let m = /^(IV|III|II|I|[ⅠⅡⅢⅣ])(级)?$/.exec(t);
  if (m) return roman[m[1]!];
  m = /^([一二三四1234])级$/.exec(t);
  if (m) return roman[m[1]!];
  // NFKC turns Ⅳ into IV, so the roman branch above covers the Unicode numerals too.
  if (/^(信息发布|事项信息发布)/.test(t)) return 'I';
  if (/^(材料预审|在线预审|申请材料在线预审)/.test(t)) return 'II';
  if (/^(材料核验|在线核验|申请材料在线核验)/.test(t)) return 'III';
  if (/^(全程网办|全程网上办理)/.test(t)) return 'IV';
  return undefined;
}
