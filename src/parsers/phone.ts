// Phone numbers in 咨询电话 / 监督投诉电话 values (INDICATORS.md A 联系电话). Works on the RAW value:
// separators are judged as written (NFKC would turn a full-width hyphen into `-`).
import { capped } from '../normalize.js';
import { valueCache } from '../memo.js';

export type PhoneKind = 'landline' | 'mobile' | 'service' | 'short';
export type PhoneProblem = 'noAreaCode' | 'badSeparator' | 'badLength';

export interface PhoneToken {
  /** The token exactly as in the raw value (extension and labels not included). */
  raw: string;
  /** Offset of `raw` in the raw value (after `capped`). */
  start: number;
  /** ASCII digits of the number (full-width digits converted); for noAreaCode the local number. */
  digits: string;
  kind?: PhoneKind;
  problem?: PhoneProblem;
  /** The corrected form when it is certain (`0393-6661882`). */
  suggestion?: string;
  /** Extension written after the number (`转8001`, `分机8001`, `-8001` after a complete landline). */
  extension?: string;
  /** Labelled as a fax (`传真：…`, `…（传真）`): format-checked like any number, but not a consulting phone. */
  fax?: boolean;
}

/**
 * National special-service numbers (特服号码) accepted alone or as `区号-号码`. The brief's list, all real:
 * 12345 政务服务, 12315 市场监管, 12348 法律服务, 12369 环保, 12333 人社, 12366 税务, 12320 卫生健康,
 * 12358 价格, 12365 质监, 12319 城建, 12110 短信报警, 12336 国土, 12350 安全生产, 12331 食药, 12338 妇女,
 * 12351 职工维权, 12388 纪检监察, 110, 119, 120, 122; plus widely used ones that appear as 监督电话:
 * 12328 交通运输, 12329 住房公积金, 12316 三农, 12318 文化市场, 12301 旅游, 12306 铁路, 12309 检察,
 * 12339 国家安全, 12355 青少年, 12360 海关, 12367 移民管理, 12368 法院, 12378 银行保险, 12380 组工,
 * 12386 证券, 12321 网络不良信息, 12395 海上遇险.
 */
export const DEFAULT_SHORT_NUMBERS: readonly string[] = Object.freeze([
  '12345', '12315', '12348', '12369', '12333', '12366', '12320', '12358', '12365', '12319', '12110', '12336',
  '12350', '12331', '12338', '12351', '12388', '110', '119', '120', '122',
  '12328', '12329', '12316', '12318', '12301', '12306', '12309', '12339', '12355', '12360', '12367', '12368',
  '12378', '12380', '12386', '12321', '12395',
]);

// Digits: ASCII and full-width. Separators that may sit inside a written number: hyphens and dashes of every
// width, `一` typed for a dash, spaces, brackets, a dot.
const D = '0-9\uFF10-\uFF19';
const SEP = '\\-\uFF0D\uFE63\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u4E00 \u3000\u00A0\t().\uFF08\uFF09';
// Disjoint classes joined by a mandatory separator: linear.
const CLUSTER_RX = new RegExp(`[(\uFF08+]?[${D}]+(?:[${SEP}]{1,3}[${D}]+)*`, 'g');
const SIMPLE_SEP = /^[- ]$/; // inside a local, mobile or 400 number: `6888 8888`, `138-1234-5678`

// Masks: text whose digits are never phone digits. Each is linear (bounded or disjoint quantifiers).
const MASKS: RegExp[] = [
  /(?:https?:\/\/|www\.)[^\s，。；、,;）)】"'<>]*/gi,
  new RegExp(`(?<![${D}])(?:19|20|１９|２０)[${D}]{2} ?[-./年－] ?[${D}]{1,2} ?[-./月－] ?[${D}]{1,2}日?(?![${D}])`, 'g'), // dates
  new RegExp(`(?<![${D}])[${D}]{1,2} ?[:：] ?[${D}]{2}(?![${D}])`, 'g'), // clock times 9:00
  new RegExp(`(?:邮编|邮政编码|QQ|qq|ＱＱ|账号|帐号|信箱)[^${D}\\n]{0,6}[${D}]+`, 'g'),
  new RegExp(`(?:转分机|转|分机号?|ext\\.?)\\s{0,2}[:：]?\\s{0,2}[${D}]{1,6}`, 'gi'), // extensions: read separately
];
const EXTENSION_AFTER = new RegExp(`^\\s{0,2}[(\uFF08]?\\s{0,2}(?:转分机|转|分机号?|ext\\.?)\\s{0,2}[:：]?\\s{0,2}([${D}]{1,6})`, 'i');
const FAX_AFTER = /^\s{0,2}[(（]\s{0,2}(?:传真|fax)\s{0,2}[)）]/i;
const LABEL_BOUNDARY = /[，,；;。\n、]/; // not `/`: 电话/传真 labels one number as both

function ascii(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function maskEmails(w: string[]): void {
  // Manual expansion around `@`: a regex such as /[\w.]+@/ re-scans long runs (quadratic).
  const local = /[A-Za-z0-9._%+-]/;
  const domain = /[A-Za-z0-9.-]/;
  for (let i = 0; i < w.length; i++) {
    if (w[i] !== '@' && w[i] !== '＠') continue;
    let a = i;
    while (a > 0 && local.test(w[a - 1] as string)) a--;
    let b = i + 1;
    while (b < w.length && domain.test(w[b] as string)) b++;
    for (let k = a; k < b; k++) w[k] = '#';
  }
}

interface Group { digits: string; start: number; end: number }

const isAreaLike = (g: string): boolean => /^0[1-9]\d{1,2}$/.test(g); // 00… is the international prefix
const threeDigitArea = (a: string): boolean => /^0(?:10|2\d)$/.test(a);
const localOk = (area: string, local: string): boolean =>
  threeDigitArea(area) ? local.length === 8 : area.length === 4 && (local.length === 7 || local.length === 8);
const areaShortLocal = (local: string, shorts: Set<string>): boolean => shorts.has(local) || /^9[56]\d{3,4}$/.test(local);

/**
 * Phone-like tokens of one field value, in order.
 * - Valid: landline `0AA(A)-NNNNNNN(N)` (010/02X: 8-digit number; others: 4-digit code, 7–8 digits) with an
 *   ASCII hyphen (a space or hyphen inside the local number, `021-6888 8888`, is tolerated); mobile 1[3-9]+9
 *   digits (plain, or grouped with ASCII hyphens/spaces); 400/800 + 7 digits (ASCII hyphens/spaces anywhere);
 *   a short number from the list alone or as `区号-12345`; 95xxx(x)/96xxx(x) hotlines alone or after a code.
 * - noAreaCode: a bare 7–8 digit number (first digit 2–9). Suggestion `区号-号码` when an area code is known
 *   from the same value (`0393-6661882、6661883`) or from `opts.areaCode`.
 * - badSeparator: anything but one ASCII hyphen between code and number (`－`, `—`, `–`, `一`, space, `--`,
 *   `(0393)6661882`, `03936661882`); suggestion with the ASCII hyphen.
 * - badLength: a number of the wrong length (`0393-666188`, `1381234567`, `010-1234567`).
 * - `0393-6661882转8001` / `分机8001` / `-8001`: one token `0393-6661882` with `extension: '8001'`.
 * - `0393-6661882（传真）`, `传真：0393-6661882`, `Fax:…`: a token with `fax: true`.
 * - `+86 13812345678`, `+86-10-12345678`: valid (international form, prefix kept in `raw`).
 * - `6661882、6661883`: two noAreaCode tokens.
 * - Ignored: labels, URLs, e-mail addresses, dates, clock times (`9:00-12:00`), numbers after 邮编/QQ/账号 (not 微信: a WeChat ID is usually the mobile),
 *   runs of 1–6 digits that are not listed short numbers (postcodes, room numbers, `转` extensions), runs of 13+
 *   digits (IDs, codes), digit runs touching ASCII letters.
 */
export function extractPhones(
  raw: string,
  opts?: { shortNumbers?: readonly string[]; areaCode?: string },
): readonly PhoneToken[] {
  // Departments write the same numbers on all their guides: remembered per list of short numbers.
  if (opts?.areaCode !== undefined) return computePhones(raw, opts);
  const list = opts?.shortNumbers ?? DEFAULT_SHORT_NUMBERS;
  let cache = phoneCaches.get(list);
  if (!cache) phoneCaches.set(list, (cache = valueCache()));
  return cache(raw, () => computePhones(raw, { shortNumbers: list }));
}
const phoneCaches = new WeakMap<readonly string[], (key: string, compute: () => readonly PhoneToken[]) => readonly PhoneToken[]>();

function computePhones(
  raw: string,
  opts?: { shortNumbers?: readonly string[]; areaCode?: string },
): PhoneToken[] {
  const src = capped(raw);
  const shorts = new Set(opts?.shortNumbers ?? DEFAULT_SHORT_NUMBERS);
  // Working copy with masked spans replaced by '#': offsets stay those of `src`.
  const w = src.split(''); // UTF-16 units, so offsets match `src`
  maskEmails(w);
  let work = w.join('');
  for (const rx of MASKS) work = work.replace(rx, (m) => '#'.repeat(m.length));

  const tokens: PhoneToken[] = [];
  let knownArea: string | undefined;
  for (const m of work.matchAll(CLUSTER_RX)) {
    const cs = m.index;
    const text = m[0];
    // Parse into digit groups and the separators between them.
    const groups: Group[] = [];
    const seps: string[] = [];
    let i = 0;
    let sep = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (/[0-9\uFF10-\uFF19]/.test(c)) {
        let j = i;
        while (j < text.length && /[0-9\uFF10-\uFF19]/.test(text[j] as string)) j++;
        if (groups.length > 0) seps.push(sep);
        groups.push({ digits: ascii(text.slice(i, j)), start: cs + i, end: cs + j });
        sep = '';
        i = j;
      } else {
        sep += c;
        i++;
      }
    }
    // A leading `(` belongs to the token only as `(0393)…`; a leading `+` only as `+86`.
    let lead = -1;
    if ((text[0] === '(' || text[0] === '（') && /[)）]/.test(seps[0] ?? '')) lead = cs;
    if (text[0] === '+' && /^86/.test(groups[0]?.digits ?? '')) lead = cs;
    const openBracket = lead >= 0 && text[0] !== '+' ? lead : -1;
    const before = work[(lead >= 0 ? lead : (groups[0] as Group).start) - 1] ?? '';
    const after = work[cs + text.length] ?? '';
    if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) continue; // codes such as MA45F2K1

    const emit = (from: number, to: number, t: Omit<PhoneToken, 'raw' | 'start'>): void => {
      const startPos = from === 0 && lead >= 0 ? lead : (groups[from] as Group).start;
      const endPos = (groups[to] as Group).end;
      tokens.push({ raw: src.slice(startPos, endPos), start: startPos, ...t });
    };

    let k = 0;
    while (k < groups.length) {
      const g = groups[k] as Group;
      const d = g.digits;
      const next = groups[k + 1];
      const s0 = seps[k] ?? '';

      // International prefix: +86 / 0086 before a mobile or an area code without its 0 (+86-10-12345678).
      if (k === 0 && lead >= 0 && /^861[3-9]\d{9}$/.test(d)) { emit(k, k, { digits: d.slice(2), kind: 'mobile' }); k++; continue; }
      if (((d === '86' && k === 0 && lead >= 0) || d === '0086') && next) {
        const seps2 = [seps[k] ?? '', seps[k + 1] ?? ''];
        const area = `0${next.digits}`;
        const localG = groups[k + 2];
        if (/^1[3-9]\d{9}$/.test(next.digits) && /^[- ]?$/.test(seps2[0] as string)) {
          emit(k, k + 1, { digits: next.digits, kind: 'mobile' });
          k += 2;
          continue;
        }
        if (isAreaLike(area) && localG && localOk(area, localG.digits) && seps2.every((x) => /^[- ]$/.test(x))) {
          emit(k, k + 2, { digits: area + localG.digits, kind: 'landline' });
          k += 3;
          continue;
        }
      }

      // Area code followed by its number.
      if (isAreaLike(d) && next && !/^0/.test(next.digits) && !/^1[3-9]\d{9}$/.test(next.digits)) {
        let last = k + 1;
        let local = next.digits;
        const nn = groups[k + 2];
        if (!localOk(d, local) && local.length >= 3 && local.length <= 4 && nn && SIMPLE_SEP.test(seps[k + 1] ?? '')
          && localOk(d, local + nn.digits)) {
          local += nn.digits; // 021-6888 8888
          last = k + 2;
        }
        knownArea ??= d;
        const bracketed = k === 0 && openBracket >= 0;
        const goodSep = s0 === '-' && !bracketed;
        const isShort = areaShortLocal(local, shorts);
        const kind: PhoneKind = isShort ? 'short' : 'landline';
        if (isShort || localOk(d, local)) {
          emit(k, last, goodSep
            ? { digits: d + local, kind }
            : { digits: d + local, kind, problem: 'badSeparator', suggestion: `${d}-${local}` });
        } else {
          emit(k, last, { digits: d + local, kind, problem: 'badLength' });
        }
        // `0393-6661882-8001`: a short hyphenated tail of a complete landline is its extension.
        const ext = groups[last + 1];
        if (ext && kind === 'landline' && seps[last] === '-' && ext.digits.length <= 4) {
          (tokens[tokens.length - 1] as PhoneToken).extension = ext.digits;
          last++;
        }
        k = last + 1;
        continue;
      }
      if (isAreaLike(d)) { knownArea ??= d; k++; continue; } // a lone code (区号0393)

      // 400 / 800 service numbers: 10 digits, grouped any way (400-612-3456, 4006-123-456).
      if (/^[48]00/.test(d) && d.length <= 10) {
        let last = k;
        let all = d;
        let sepsOk = true;
        while (all.length < 10 && groups[last + 1] && all.length + (groups[last + 1] as Group).digits.length <= 10) {
          if (!SIMPLE_SEP.test(seps[last] ?? '')) sepsOk = false;
          all += (groups[last + 1] as Group).digits;
          last++;
        }
        if (all.length === 10) {
          emit(k, last, sepsOk
            ? { digits: all, kind: 'service' }
            : { digits: all, kind: 'service', problem: 'badSeparator', suggestion: `${all.slice(0, 3)}-${all.slice(3, 6)}-${all.slice(6)}` });
          k = last + 1;
          continue;
        }
        // Too few digits: judge the group alone below (a local 4001234 lacks its area code).
      }

      // Mobile, plain or grouped (138 1234 5678).
      if (/^1[3-9]/.test(d)) {
        if (d.length === 11) { emit(k, k, { digits: d, kind: 'mobile' }); k++; continue; }
        if (d.length < 11) {
          let last = k;
          let all = d;
          let sepsOk = true;
          while (all.length < 11 && groups[last + 1] && (groups[last + 1] as Group).digits.length <= 4) {
            if (!SIMPLE_SEP.test(seps[last] ?? '')) sepsOk = false;
            all += (groups[last + 1] as Group).digits;
            last++;
          }
          if (all.length === 11 && last > k) {
            emit(k, last, sepsOk
              ? { digits: all, kind: 'mobile' }
              : { digits: all, kind: 'mobile', problem: 'badSeparator', suggestion: all });
            k = last + 1;
            continue;
          }
        }
      }

      // Listed short numbers and 95xxx/96xxx hotlines, alone.
      if (shorts.has(d) || /^9[56]\d{3,4}$/.test(d)) {
        const prevCh = src[g.start - 1] ?? '';
        const nextCh = src[g.end] ?? '';
        if (prevCh !== '第' && !/[元号條条款项米个次天日年月楼层室%]/.test(nextCh)) {
          emit(k, k, { digits: d, kind: 'short' });
        }
        k++;
        continue;
      }

      // A local number without area code (6661882, 6888 8888).
      if (/^[2-9]/.test(d)) {
        let last = k;
        let local = d;
        const nx = groups[k + 1];
        if (d.length >= 3 && d.length <= 4 && nx && nx.digits.length >= 3 && nx.digits.length <= 4
          && SIMPLE_SEP.test(s0) && d.length + nx.digits.length >= 7 && d.length + nx.digits.length <= 8) {
          local = d + nx.digits;
          last = k + 1;
        }
        if (local.length === 7 || local.length === 8) {
          emit(k, last, { digits: local, kind: 'landline', problem: 'noAreaCode' });
          k = last + 1;
          continue;
        }
      }

      // One run with code and number but no separator: 03936661882.
      if (/^0/.test(d) && d.length >= 10 && d.length <= 12) {
        const area = threeDigitArea(d.slice(0, 3)) ? d.slice(0, 3) : d.slice(0, 4);
        const local = d.slice(area.length);
        const split = isAreaLike(area) && /^[1-9]/.test(local) && localOk(area, local);
        if (split) knownArea ??= area;
        emit(k, k, split
          ? { digits: d, kind: 'landline', problem: 'badSeparator', suggestion: `${area}-${local}` }
          : { digits: d, kind: 'landline', problem: 'badLength' });
        k++;
        continue;
      }

      // Phone-sized but no valid shape: 1381234567, 0393666, 123456789.
      if (d.length >= 7 && d.length <= 12) {
        const kind: PhoneKind = /^1/.test(d) ? 'mobile' : /^[48]00/.test(d) ? 'service' : 'landline';
        emit(k, k, { digits: d, kind, problem: 'badLength' });
      }
      k++;
    }
  }

  // Extensions, fax labels and area-code suggestions need the whole value.
  let prevEnd = 0;
  for (const t of tokens) {
    const end = t.start + t.raw.length;
    const tail = src.slice(end, end + 16);
    const ext = EXTENSION_AFTER.exec(tail);
    if (ext && t.extension === undefined) t.extension = ascii(ext[1] as string);
    const label = src.slice(prevEnd, t.start);
    const cut = label.split(LABEL_BOUNDARY).pop() ?? '';
    if ((/传真|fax/i.test(cut) && !/电话|tel/i.test(cut)) || FAX_AFTER.test(tail)) t.fax = true;
    if (t.problem === 'noAreaCode') {
      const area = knownArea ?? opts?.areaCode;
      if (area && isAreaLike(area) && localOk(area, t.digits)) t.suggestion = `${area}-${t.digits}`;
    }
    prevEnd = end;
  }
  return tokens;
}

/** A token that is a phone number of a known kind with no format problem. */
export function isValidPhone(t: PhoneToken): boolean {
  return t.kind !== undefined && t.problem === undefined;
}
