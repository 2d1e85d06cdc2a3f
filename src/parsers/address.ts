// Handling locations (INDICATORS.md A 办理地点): split several addresses, find road, house number, window, room.
import { capped, normalize, normalizeKeepLines } from '../normalize.js';
import { byValue } from '../memo.js';

export type AddressComponent = '街道名称' | '门牌号' | '窗口号或房间号';

export interface AddressAnalysis {
  road?: string;
  houseNumber?: string;
  window?: string;
  room?: string;
  /** In the order 街道名称, 门牌号, 窗口号或房间号. */
  missing: AddressComponent[];
}

const CIRCLED = /[\u2460-\u2473]/g; // ①–⑳ (NFKC would turn them into bare digits)
const NUMBERING = /^(?:\d{1,2}[.、)](?!\d)|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))\s*/;
const LABEL = /^(?:办理地点|办公地点|受理地点|办理地址|办公地址|受理地址|窗口地址|详细地址|地址|地点)\s*[:：]\s*/;

/**
 * The locations in a 办理地点 value: one per line or per `；`/`;` part (never split at `，`),
 * with leading numbering (`1.`, `（1）`, `①`) and labels (`办理地点：`, `地址：`) removed.
 * [decision] A part that names no road but has a window/room, following a part with a road but no
 * window/room, continues it (`<p>滨江大道188号</p><p>3楼12号窗口</p>`): the two are joined with a space.
 */
export const splitLocations: (text: string) => readonly string[] = byValue(computeSplitLocations);

function computeSplitLocations(text: string): string[] {
  // Circled numbers at a part start are numbering; elsewhere keep them as digits (`③号窗口`).
  const pre = capped(text).replace(/(^|[\n；;>])\s*[\u2460-\u2473]/g, '$1').replace(CIRCLED, (c) => String(c.charCodeAt(0) - 0x245f));
  const t = normalizeKeepLines(pre);
  const parts: string[] = [];
  for (const raw of t.split(/[\n;；]/)) {
    let p = raw.trim();
    for (let i = 0; i < 3; i++) {
      const q = p.replace(NUMBERING, '').replace(LABEL, '').trim();
      if (q === p) break;
      p = q;
    }
    p = p.replace(/[。.，,、\s]+$/, '');
    if (p.length === 0) continue;
    const prev = parts[parts.length - 1];
    if (prev !== undefined) {
      const a = analyzeAddress(prev);
      const b = analyzeAddress(p);
      if (a.road && !a.window && !a.room && !b.road && (b.window || b.room)) {
        parts[parts.length - 1] = `${prev} ${p}`;
        continue;
      }
    }
    parts.push(p);
  }
  return parts;
}

// Road suffixes; 大街/大道/胡同 before the single characters.
const ROAD_SUFFIX = /大街|大道|胡同|[路街道巷弄]/g;
// Characters that end a road name going backwards (administrative units, conjunctions, punctuation).
const NAME_STOP = /[市区县省镇乡与和及至、，,。；;:：()（）\s]/;
const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9]/;
// 道 that is not a road: 渠道, 通道, 知道, 街道 (sub-district), 报道, 管道 …
const NOT_ROAD_BEFORE_DAO = new Set([...'渠通知报轨管频赛味街楼走过坡车航跑难称廊人巷隧']);
const NOT_ROAD_BEFORE_LU = new Set([...'道线网思门出迷走进来铁电米']);

/** Start/end of every road name in t, with the name itself. */
function findRoads(t: string): { name: string; end: number }[] {
  const out: { name: string; end: number }[] = [];
  for (const m of t.matchAll(ROAD_SUFFIX)) {
    const s = m.index;
    const suf = m[0];
    const end = s + suf.length;
    const before = t[s - 1] ?? '';
    const after = t[end] ?? '';
    if (suf === '街' && /[道镇乡办]/.test(after)) continue; // 街道, 街镇, 街办
    if (suf === '道') {
      if (NOT_ROAD_BEFORE_DAO.has(before) || /[路德理]/.test(after)) continue; // 道路, 道德, 道理
      if (t.startsWith('里区', end) || t.startsWith('外区', end)) continue; // 道里区, 道外区
    }
    if (suf === '路') {
      if (NOT_ROAD_BEFORE_LU.has(before) || /[径线由况费演]/.test(after)) continue; // 道路, 线路, 路径
    }
    // Walk back over the name.
    let i = s;
    while (i > 0 && s - i < 12) {
      const ch = t[i - 1] as string;
      if (NAME_STOP.test(ch) || !NAME_CHAR.test(ch)) break;
      i--;
    }
    if (i === s) continue;
    out.push({ name: t.slice(i, end), end });
  }
  return out;
}

const HOUSE_NUMBER = /(?:[东西南北中]?段|[东西南北中])?\s*(\d{1,6}(?:[-之]\d{1,4})?\s*号)(?!\s*(?:楼|院|室|窗|房))/y;
const CN_DIGIT = '一二三四五六七八九十';
const WINDOW_RX = new RegExp(
  [
    `第\\s*(?:\\d{1,3}|[${CN_DIGIT}]{1,3})\\s*号?\\s*窗口?`,
    `(?<![A-Za-z0-9])[A-Za-z]{0,2}\\d{1,3}(?:\\s*[-~、,，至到和及]\\s*[A-Za-z]?\\d{1,3})*\\s*号?\\s*窗口?`,
    `[\\u2460-\\u2473]\\s*号?\\s*窗口?`,
    `[${CN_DIGIT}]{1,3}号\\s*窗口?`,
    `(?<![A-Za-z])[A-Za-z]{1,2}\\s*窗口`,
    `窗口\\s*号?\\s*[:：]?\\s*(?:[A-Za-z]{0,2}\\d{1,3}|[A-Za-z]{1,2}|[\\u2460-\\u2473])(?![\\d楼层A-Za-z])`,
  ].join('|'),
);
const ROOM_RX = new RegExp(
  [
    `(?<![\\dA-Za-z])[A-Za-z]?\\d{1,5}\\s*号?\\s*(?:室|房间|办公室|房)`,
    `(?:\\d{1,3}|[${CN_DIGIT}]{1,3})\\s*(?:楼|层|F)\\s*[-—]?\\s*[A-Za-z]?\\d{3,5}(?![\\d号窗楼层])`,
  ].join('|'),
);

/** Road, house number, window and room of one location; `missing` names the absent components. */
export const analyzeAddress: (text: string) => AddressAnalysis = byValue(computeAddress);

function computeAddress(text: string): AddressAnalysis {
  const t = normalize(capped(text));
  const res: AddressAnalysis = { missing: [] };
  const roads = findRoads(t);
  if (roads[0]) res.road = roads[0].name;
  for (const r of roads) {
    HOUSE_NUMBER.lastIndex = r.end;
    const m = HOUSE_NUMBER.exec(t);
    if (m) {
      res.houseNumber = (m[1] as string).replace(/\s+/g, '');
      break;
    }
  }
  const win = WINDOW_RX.exec(t);
  if (win) res.window = win[0].trim();
  const room = ROOM_RX.exec(t);
  if (room) res.room = room[0].trim();
  if (!res.road) res.missing.push('街道名称');
  if (!res.houseNumber) res.missing.push('门牌号');
  if (!res.window && !res.room) res.missing.push('窗口号或房间号');
  return res;
}
