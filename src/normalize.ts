// Text normalisation shared by loaders, parsers and rules (INDICATORS.md §0).
import { byValue } from './memo.js';

const ENTITY: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', ensp: ' ', emsp: ' ',
};

// Text with none of these needs no cleaning (most values): one test instead of several replaces.
const NEEDS_CLEANING = /[<&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\ufeff]/;

/** Remove HTML tags/entities and control characters; `<br>`/`</p>` become line breaks. Keeps line structure. */
export function cleanText(input: string): string {
  if (!NEEDS_CLEANING.test(input)) return input;
  let s = input;
  // Repeated until nothing changes, so that cleaning twice equals cleaning once (escaped markup such
  // as `&lt;p&gt;` and tags formed by removing others are gone after one call). Only real tags (a
  // letter after `<`) are removed: `<建筑法>` or `a < b` is text.
  for (let i = 0; i < 5 && (s.includes('<') || s.includes('&')); i++) {
    const before = s;
    s = s
      .replace(/<\s*br\s*\/?\s*>/gi, '\n')
      .replace(/<\/\s*(p|div|li|tr|h[1-6])\s*>/gi, '\n')
      .replace(/<!--[\s\S]{0,2000}?-->|<\/?[a-z][^<>]{0,2000}>/gi, '')
      .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
        if (e[0] === '#') {
          const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : '';
        }
        return ENTITY[e.toLowerCase()] ?? m;
      });
    if (s === before) break;
  }
  // Control characters except tab and line breaks; \r\n → \n.
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\ufeff]/g, '');
}

// Normalised texts are remembered across guides (see byValue): exports repeat their values.
const remembered = <R>(fn: (a: string) => R) => byValue(fn, 4096, 500_000);

/**
 * Text that every step of normalisation returns unchanged: NFKC-stable characters other than
 * whitespace, `<` and `&`, in runs separated by single spaces (or, keeping lines, single line
 * breaks). Most values of real exports are like this; one linear test (the runs cannot overlap)
 * replaces the whole pipeline for them.
 */
const C = '\\x21-\\x25\\x27-\\x3b\\x3d-\\x7e\\u4e00-\\u9fff\\u3001\\u3002\\u3008-\\u3011\\u3014-\\u301b\\u2014\\u2018\\u2019\\u201c\\u201d\\u00b7';
const CLEAN_LINES = new RegExp(`^[${C}]+(?:[ \\n][${C}]+)*$`);
const CLEAN_FLAT = new RegExp(`^[${C}]+(?: [${C}]+)*$`);

/** NFKC, cleaned, whitespace collapsed within lines, trimmed; line breaks kept as single \n. */
export function normalizeKeepLines(input: string | undefined | null): string {
  if (input == null) return '';
  return keepLinesMemo(String(input));
}
const keepLinesMemo = remembered((key) => (CLEAN_LINES.test(key) ? key : computeKeepLines(key)));

/**
 * Characters NFKC leaves as they are: ASCII, CJK ideographs and the CJK punctuation guides use.
 * Text made only of them skips normalize('NFKC'), which is costly and would return it unchanged.
 */
const NFKC_STABLE = /^[\t\n\x20-\x7e\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u3014-\u301b\u2014\u2018\u2019\u201c\u201d\u00b7]*$/;
export const nfkc = (s: string) => (NFKC_STABLE.test(s) ? s : s.normalize('NFKC'));

function computeKeepLines(input: string): string {
  // NFKC first too: a full-width ＜p＞ is a tag once folded, and must go in the same call.
  const folded = nfkc(input);
  const cleaned = cleanText(folded);
  const text = cleaned === folded ? cleaned : nfkc(cleaned);
  if (CLEAN_LINES.test(text)) return text;
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** NFKC, cleaned, all whitespace collapsed to one space, trimmed. */
export function normalize(input: string | undefined | null): string {
  if (input == null) return '';
  return flatMemo(String(input));
}
const flatMemo = remembered((key) => (CLEAN_FLAT.test(key) ? key : normalizeKeepLines(key).replace(/\s+/g, ' ')));

const PLACEHOLDERS = new Set(['/', '-', '--', '—', '——', '———', '暂无', 'null', 'NULL', 'Null', 'undefined', '空', '待定', 'N/A', 'n/a', '#N/A', '无数据', '\\']);
// First characters of the ideographic placeholders (暂无, 空, 待定, 无数据).
const PLACEHOLDER_IDEOGRAPHS = new Set(['暂', '空', '待', '无'].map((ch) => ch.charCodeAt(0)));
const NEGATIVES = new Set(['无', '不涉及', '否', '没有', '无特殊环节', '无中介服务', '无特别程序', '不存在', '无此环节', '无中介', '不需要', '不需']);

/** Empty = missing, blank, or a placeholder (`/`, `-`, `——`, `暂无`, `null`, `空`, `待定`). `无` is not empty. */
export function isEmpty(input: string | undefined | null): boolean {
  if (input == null) return true;
  // Normalising keeps a leading ideograph or letter as it is; no placeholder starts with one of these.
  const c = input.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff ? !PLACEHOLDER_IDEOGRAPHS.has(c) : (c >= 0x30 && c <= 0x39) || (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && c !== 0x6e && c !== 0x4e && c !== 0x75)) return false;
  return emptyMemo(input);
}
const emptyMemo = remembered((input: string): boolean => {
  let s = normalize(input);
  // No placeholder is longer than 9 characters: a longer text that does not end in punctuation is not empty.
  if (s.length > 10 && !/[。.，,；;]$/.test(s)) return false;
  s = s.replace(/[。.，,；;]+$/, '');
  return s.length === 0 || PLACEHOLDERS.has(s);
});

/** An explicit negative answer: 无, 不涉及, 否, 没有 (and close variants). */
export function isNegative(input: string | undefined | null): boolean {
  if (input == null) return false;
  // Every negative answer starts with 无, 不, 否 or 没 (normalising keeps these, and ASCII letters and
  // digits, as they are): most values, references and codes among them, are decided by that.
  const c = input.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff && !NEGATIVE_STARTS.has(c)) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return false;
  return negativeMemo(input);
}
const NEGATIVE_STARTS = new Set(['无', '不', '否', '没'].map((ch) => ch.charCodeAt(0)));
const negativeMemo = remembered((input: string): boolean => {
  const s = normalize(input).replace(/[。.，,；;!！]+$/, '');
  if (NEGATIVES.has(s)) return true;
  return /^(无|没有|不涉及)(任何)?(特殊环节|特别程序|中介服务|中介机构|中介|特殊程序)?(和|及|、|或)?(特殊环节|特别程序|中介服务|中介机构|中介|特殊程序)?$/.test(s);
});

/** Undefined when empty, else the value unchanged. */
export function present(input: string | undefined | null): string | undefined {
  return isEmpty(input) ? undefined : (input as string);
}

/** Cap what a regex sees per field so no pattern runs on megabytes (ReDoS guard). */
export const MAX_FIELD_SCAN = 20_000;
export function capped(s: string): string {
  return s.length > MAX_FIELD_SCAN ? s.slice(0, MAX_FIELD_SCAN) : s;
}
