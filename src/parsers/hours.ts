// 办理时间 (INDICATORS.md A): a weekly cycle, clock ranges, and 12-hour afternoon times.
import { capped, normalizeKeepLines } from '../normalize.js';
import { CHINESE_NUMERAL_CLASS as CN } from './numerals.js';
import { byValue } from '../memo.js';

export interface Clock { h: number; m: number }
export interface ClockRange {
  /** The range as in the normalised text, e.g. `9:00-12:00`, `9:00至下午5:00`. */
  raw: string;
  start: Clock;
  end: Clock;
  /** 上午/下午/晚上/中午/早上/… preceding the range in the same clause. */
  period?: string;
}
export interface HoursAnalysis {
  /** The matched cycle text (`星期一至星期五`, `工作日`, `每周一、三、五`, `每天` …). */
  weekCycle?: string;
  ranges: ClockRange[];
  /** Times in 12-hour form, with the text from the period word (if any) and its 24-hour rewrite. */
  twelveHour: { raw: string; suggestion: string }[];
}

const AFTERNOON = new Set(['下午', '晚上', '傍晚', '晚间']); // not 夜间 (0:00-6:00 is a real night shift)
const PERIOD = '上午|下午|中午|晚上|早上|早晨|傍晚|凌晨|晚间|夜间';
const DASH = '[-—–~〜―‐‑−]{1,2}';
const TIME = '(\\d{1,2}) ?: ?(\\d{2})(?: ?: ?\\d{2})?';
// Groups: 1-2 start h:m, 3 period word before the end time (上午9:00至下午5:00), 4-5 end h:m.
const RANGE_RX = new RegExp(`(?<!\\d)(?<!\\d[:.] ?)${TIME} ?(?:${DASH}|至|到) ?(${PERIOD})? ?${TIME}(?![\\d])`, 'dg');
const TIME_RX = new RegExp(`(?<!\\d)(?<!\\d[:.] ?)${TIME}(?![\\d])`, 'dg');
const PERIOD_RX = new RegExp(PERIOD, 'g');
const CLAUSE_END = /[，,；;。\n]/;

const DAY = '[一二三四五六七日天1-7](?![次个遍])';
const WD = '(?:星期|周|礼拜)';
const EVERY = '(?:每个?)?';
// Strongest evidence first: a day range, a day list, 工作日, every day, a single day.
const CYCLE_RXS: RegExp[] = [
  new RegExp(`${EVERY}${WD}${DAY} ?(?:${DASH}|至|到) ?${WD}?${DAY}`),
  new RegExp(`${EVERY}${WD}${DAY}(?: ?[、,，和及] ?${WD}?${DAY}){1,6}`),
  // Not a duration (5个工作日) and not 非工作日.
  new RegExp(`(?<![\\d${CN}] ?(?:个 ?)?)(?<!非)(?:国家)?(?:法定)?工作日`),
  /每天|每日|天天|全年无休|全年365天|节假日无休|节假日不休|节假日照常|无休息日|7 ?[×xX*] ?24/,
  new RegExp(`${EVERY}${WD}${DAY}|周末|双休日`),
];

function clockOk(h: number, m: number): boolean {
  return h >= 0 && m >= 0 && m <= 59 && (h < 24 || (h === 24 && m === 0));
}

/** The last period word of the clause that ends at `pos`, not looking before `floor`. */
function periodBefore(t: string, pos: number, floor: number): { word: string; at: number } | undefined {
  let from = Math.max(floor, pos - 40);
  for (let i = pos - 1; i >= from; i--) if (CLAUSE_END.test(t[i] as string)) { from = i + 1; break; }
  let found: { word: string; at: number } | undefined;
  for (const m of t.slice(from, pos).matchAll(PERIOD_RX)) found = { word: m[0], at: from + m.index };
  return found;
}

/**
 * Weekly cycle, clock ranges and 12-hour afternoon times of a 办理时间 value. Works on
 * `normalizeKeepLines(capped(text))` (NFKC: `９：００－１２：００` reads as `9:00-12:00`); `raw` strings come from it.
 * Decisions:
 * - Cycle: day ranges/lists (周一至周五, 星期一～星期五, 周一—周五, 每周一、三、五), 工作日/法定工作日 (not `5个工作日`,
 *   not 非工作日), every-day forms (每天, 每日, 全年无休, 节假日无休, 7×24), a single day (每周六, 星期三), 周末.
 *   `全天` / `24小时` alone do not name days and are not a cycle.
 * - Clock: only `H:MM` (colon) forms; `9点-12点`, `9时至12时`, `8.30-12.00` are not ranges (dates such as
 *   `5.1-9.30`, `5月1日至9月30日` never are). Seconds (`09:00:00`) are tolerated. Invalid times (25:00) are skipped.
 * - 12-hour: after 下午/晚上/傍晚 (same clause) any hour 1–11 (`下午2:00-5:00` → `下午14:00-17:00`; also single
 *   times, `下午5:00前`). Without a period word, only when unmistakable: a range ending before it starts at an
 *   hour 1–11 (`9:00-5:00` → `9:00-17:00`, `12:00-2:00`; overnight `22:00-6:00` is left alone), or a range
 *   within 1:00–11:59 starting before 7:00 that follows a range ending at 11:00 or later
 *   (`8:30-12:00，2:30-6:00` → `14:30-18:00`). `中午12:00-14:00`, `8:30-12:00 14:30-18:00` are fine.
 */
export const analyzeHours: (text: string) => HoursAnalysis = byValue(computeHours);

function computeHours(text: string): HoursAnalysis {
  const t = capped(normalizeKeepLines(capped(text)));
  const out: HoursAnalysis = { ranges: [], twelveHour: [] };
  for (const rx of CYCLE_RXS) {
    const m = rx.exec(t);
    if (m) { out.weekCycle = m[0]; break; }
  }

  const found: { at: number; raw: string; suggestion: string }[] = [];
  const covered: [number, number][] = [];
  let floor = 0;
  let prevEnd: Clock | undefined;
  for (const m of t.matchAll(RANGE_RX)) {
    const [sh, sm, endPeriod, eh, em] = [Number(m[1]), Number(m[2]), m[3], Number(m[4]), Number(m[5])];
    if (!clockOk(sh, sm) || !clockOk(eh, em)) continue;
    const idx = m.indices as RegExpIndicesArray;
    const start = m.index;
    const end = start + m[0].length;
    const p = periodBefore(t, start, floor);
    const range: ClockRange = { raw: m[0], start: { h: sh, m: sm }, end: { h: eh, m: em } };
    if (p) range.period = p.word;
    out.ranges.push(range);
    covered.push([start, end]);

    const startPm = p !== undefined && AFTERNOON.has(p.word);
    const endPm = endPeriod !== undefined ? AFTERNOON.has(endPeriod) : startPm;
    let fixStart = startPm && sh >= 1 && sh <= 11;
    let fixEnd = endPm && eh >= 1 && eh <= 11;
    const noPeriod = p === undefined && endPeriod === undefined;
    if (noPeriod || (p && !AFTERNOON.has(p.word) && endPeriod === undefined)) {
      const s = sh * 60 + sm;
      const e = eh * 60 + em;
      if (e < s && eh >= 1 && eh <= 11 && sh <= 12) fixEnd = true; // 9:00-5:00, 12:00-2:00
      else if (noPeriod && prevEnd && prevEnd.h >= 11 && sh >= 1 && sh < 7 && eh <= 11 && e > s) {
        fixStart = true; // 8:30-12:00，2:30-6:00
        fixEnd = true;
      }
    }
    if (fixStart || fixEnd) {
      const from = p && (startPm || endPm) ? p.at : start;
      const pieces: string[] = [t.slice(from, start)];
      const [s1, e1] = idx[1] as [number, number];
      const [s4, e4] = idx[4] as [number, number];
      pieces.push(fixStart ? String(sh + 12) : t.slice(s1, e1), t.slice(e1, s4), fixEnd ? String(eh + 12) : t.slice(s4, e4), t.slice(e4, end));
      found.push({ at: from, raw: t.slice(from, end), suggestion: pieces.join('') });
    }
    prevEnd = { h: eh, m: em };
    floor = end;
  }

  // Single afternoon times outside ranges: 下午5:00前停止受理.
  let ci = 0;
  let lastEnd = 0;
  for (const m of t.matchAll(TIME_RX)) {
    const s = m.index;
    while (ci < covered.length && (covered[ci] as [number, number])[1] <= s) lastEnd = (covered[ci++] as [number, number])[1];
    const c = covered[ci];
    if (c && s >= c[0] && s < c[1]) continue;
    const h = Number(m[1]);
    if (!clockOk(h, Number(m[2])) || h < 1 || h > 11) continue;
    const p = periodBefore(t, s, lastEnd);
    if (!p || !AFTERNOON.has(p.word)) continue;
    const [hs, he] = (m.indices as RegExpIndicesArray)[1] as [number, number];
    const end = s + m[0].length;
    found.push({ at: p.at, raw: t.slice(p.at, end), suggestion: t.slice(p.at, hs) + String(h + 12) + t.slice(he, end) });
  }
  out.twelveHour = found.sort((a, b) => a.at - b.at).map(({ raw, suggestion }) => ({ raw, suggestion }));
  return out;
}
