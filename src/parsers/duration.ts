// Durations in time-limit fields and process text (INDICATORS.md A 法定/承诺办结时限, C 流程内容详实性).
import { capped, normalizeKeepLines } from '../normalize.js';
import { byValue } from '../memo.js';
import { CHINESE_NUMERAL_CLASS as CN, parseNumber } from './numerals.js';

export type DurationUnit = '工作日' | '自然日' | '日' | '天' | '小时' | '分钟' | '周' | '月' | '年' | '即办';

export interface Duration {
  value: number;
  unit: DurationUnit;
  /** The matched text, e.g. `二十个工作日`, `3-5个工作日`, `30天(自然日)`, `即办`. */
  raw: string;
  /** Offsets of `raw` in `normalizeKeepLines(capped(text))` (= in `text` itself when it is already so normalised). */
  start: number;
  end: number;
  /** The duration follows 延长/延期 in the same sentence (`…，经批准可延长10个工作日`). */
  afterExtension: boolean;
  /** Lower bound of a range such as `3-5个工作日` / `3至5个工作日`; `value` is then the upper bound. */
  rangeFrom?: number;
}

const NUM = `(\\d{1,7}(?:\\.\\d{1,3})?|[${CN}]{1,12})`;
const DASH = '(?:-|~|〜|—|–|至|到)';
// Longest alternatives first so that 日 never matches inside 工作日/自然日.
const UNIT = '(\\(个?(?:工作日|自然日)\\)|工作日|工作天|自然日|自然天|日历日|日历天|小时|钟头|分钟|星期|周|月|日|天|年)';
const INSTANT = '(即来即办|立即办结|当场办结|即时办结|即时办理|当场办理|即办件|即办|即时|当场)';
// Group numbers: 1 range-from, 2 number, 3 leading 半, 4 个, 5 半 after 个 (一个半月), 6 unit, 7 bracketed unit, 8 instant.
const DURATION_RX = new RegExp(
  `(?<![\\d.${CN}])(?<!\\d ?: ?)(?:${NUM} ?(?:个 ?)?${DASH} ?)?(?:${NUM}|(半)) ?(个 ?)?(半 ?)?${UNIT}(?: ?\\(个?(工作日|自然日)\\))?`
  + `|(?<!不能|无法|不可|不予|未能|非|不|来|立)${INSTANT}`,
  'dg',
);
const FOLLOWING_MONTH = new RegExp(`^ ?(?:\\d{1,2}|[${CN}]{1,3}) ?月`);
const SENTENCE_END = /[。；;!！?？\n]/;
// 延长/延期 that is not negated (不得延长, 不予延期, 无延长).
const EXTENSION_RX = /(?<!不得|不能|不可|不予|不|无|没有)(?:延长|延期)/g;

function unitOf(u: string): DurationUnit | undefined {
  const s = u.replace(/[()个]/g, '');
  switch (s) {
    case '工作日': case '工作天': return '工作日';
    case '自然日': case '自然天': case '日历日': case '日历天': return '自然日';
    case '小时': case '钟头': return '小时';
    case '分钟': return '分钟';
    case '星期': case '周': return '周';
    case '月': return '月';
    case '日': return '日';
    case '天': return '天';
    case '年': return '年';
    default: return undefined;
  }
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseNumber(s);
}

/**
 * Every duration in the text, in order. Offsets refer to `normalizeKeepLines(capped(text))`.
 * Decisions: `N月` without 个 is a month name, not a duration (`3个月`, `一个月`, `半个月`, `一个半月` are);
 * `半` gives 0.5 (`半天`, `半小时`, `一个半小时` = 1.5); ranges `3-5个工作日` give value 5 with rangeFrom 3;
 * `N天(自然日)` / `20(工作日)` take the bracketed unit; dates (`2019年9月6日`, `9月20日`, `19年9月`,
 * `周六日`) and ordinals (`第5个工作日`) are skipped; `之日起`/`次日`/`当日` carry no number and are not durations;
 * `1日内` is a duration of 1 日. Approximations (`三五天`, `20多个工作日`) are not read.
 * 即办 forms (即办, 即时, 当场, 当场办结, 立即办结, 即来即办, 即办件) give value 0, unless negated (`不能当场办结`).
 */
export const findDurations: (text: string) => readonly Duration[] = byValue(computeDurations);

function computeDurations(text: string): Duration[] {
  const t = capped(normalizeKeepLines(capped(text)));
  const found: Omit<Duration, 'afterExtension'>[] = [];
  for (const m of t.matchAll(DURATION_RX)) {
    const start = m.index;
    const raw = m[0];
    if (m[8] !== undefined) {
      found.push({ value: 0, unit: '即办', raw, start, end: start + raw.length });
      continue;
    }
    const end = start + raw.length;
    const prev = t[start - 1] ?? '';
    const after = t.slice(end, end + 8);
    const bare = m[6] as string;
    // `30天(自然日)`: the bracket makes a bare 日/天 explicit.
    const unit = unitOf(m[7] !== undefined && (bare === '日' || bare === '天') ? m[7] : bare);
    if (!unit) continue;
    const hasGe = m[4] !== undefined;
    let value = m[3] !== undefined ? 0.5 : num(m[2]);
    if (value === undefined) continue;
    if (m[5] !== undefined) value += 0.5;
    if (prev === '第') continue; // ordinal: 第5个工作日
    if (unit === '月' && !hasGe && m[3] === undefined) continue; // 3月 = March
    const prev2 = t.slice(start - 2, start);
    if ((bare === '日' || bare === '天') && (prev === '月' || prev === '周' || prev2 === '星期' || prev2 === '礼拜')) continue; // 9月20日, 周六日
    if (unit === '年' && (value >= 1000 || FOLLOWING_MONTH.test(after) || /^[级龄度代份纪]/.test(after))) continue;
    if (unit === '周' && /^[岁年]/.test(after)) continue; // 3周岁, 10周年
    if (bare === '日' && after.startsWith('期')) continue;
    let from = num(m[1]);
    let s = start;
    if (m[1] !== undefined && (from === undefined || from > value)) {
      // Not a sensible lower bound (`2019-20个工作日`): the duration starts at its own number.
      s = (m.indices?.[2] ?? m.indices?.[3])?.[0] ?? start;
      from = undefined;
    }
    const d: Omit<Duration, 'afterExtension'> = { value, unit, raw: t.slice(s, end), start: s, end };
    if (from !== undefined) d.rangeFrom = from;
    found.push(d);
  }
  // afterExtension: an unnegated 延长/延期 between the last sentence end and the duration.
  const exts = [...t.matchAll(EXTENSION_RX)].map((m) => m.index);
  let ei = 0;
  let lastExt = -1;
  let lastEnd = -1;
  let scan = 0;
  return found.map((d) => {
    for (; scan < d.start; scan++) if (SENTENCE_END.test(t[scan] as string)) lastEnd = scan;
    while (ei < exts.length && (exts[ei] as number) < d.start) lastExt = exts[ei++] as number;
    return { ...d, afterExtension: lastExt > lastEnd };
  });
}

const FILLER = /^(?:共计|合计|共|为|以内|之内|内|办结|完成|[\s()[\]【】。.，,；;、:：])*$/;

/**
 * The whole (trimmed) text as exactly one duration: `20个工作日`, `二十个工作日`, `即办`, `20个工作日内`,
 * `共20个工作日`, `即办（当场办结）` (repeats of the same duration are tolerated). `20` → undefined (no unit);
 * anything with other words (`20个工作日（不含公示时间）`) → undefined.
 */
export function parseDurationValue(text: string): Duration | undefined {
  const t = capped(normalizeKeepLines(capped(text)));
  const ds = findDurations(t);
  const first = ds[0];
  if (!first) return undefined;
  let rest = '';
  let pos = 0;
  for (const d of ds) {
    if (d.value !== first.value || d.unit !== first.unit || d.afterExtension) return undefined;
    rest += t.slice(pos, d.start);
    pos = d.end;
  }
  rest += t.slice(pos);
  return FILLER.test(rest) ? first : undefined;
}

/** Working days: 工作日 as is, 自然日 divided by naturalPerWork (7/5 by default), 即办 = 0; other units undefined. */
export function toWorkdays(d: { value: number; unit: DurationUnit }, naturalPerWork = 7 / 5): number | undefined {
  switch (d.unit) {
    case '工作日': return d.value;
    case '自然日': return d.value / naturalPerWork;
    case '即办': return 0;
    default: return undefined;
  }
}

/** The units the evaluation accepts as "明确说明是工作日还是自然日" (即办 counts as 0 days). */
export function isExplicitDayUnit(u: DurationUnit): boolean {
  return u === '工作日' || u === '自然日' || u === '即办';
}

/** `10个工作日`, `7.5个工作日`, `30个自然日`, `3个月`, `2小时`, `即办`; at most two decimals. */
export function formatDuration(value: number, unit: DurationUnit): string {
  if (unit === '即办') return '即办';
  const n = String(Math.round(value * 100) / 100);
  const ge = unit === '工作日' || unit === '自然日' || unit === '月' ? '个' : '';
  return `${n}${ge}${unit}`;
}
