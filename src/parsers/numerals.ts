// Numbers as written in guides: ASCII / full-width digits, Chinese numerals (incl. financial forms), mixed `1万`.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0,
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };
const TENS: Record<string, number> = { 廿: 2, 卅: 3 }; // 廿 = 二十, 卅 = 三十

/**
 * Regex character-class body (no brackets) of every Chinese numeral character parseNumber reads.
 * Includes `○` (U+25CB), which is commonly typed for 〇 in years such as 二○一九.
 */
export const CHINESE_NUMERAL_CLASS: string = [
  ...Object.keys(DIGIT),
  ...Object.keys(SMALL_UNIT),
  ...Object.keys(BIG_UNIT),
  ...Object.keys(TENS),
].join('');

type Tok = { k: 'd'; v: number; zero: boolean; ascii: boolean } | { k: 'u'; v: number } | { k: 'b'; v: number };

const ASCII_NUM = /^\d+(?:\.\d+)?$/;
const GROUPED_NUM = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The whole trimmed string as a non-negative number, else undefined.
 * Accepts `20`, `２０`, `20.5`, `1,000`, `十五`, `一百零五`, `两`, `廿五`, `贰拾`, `1万`, `1.5万`,
 * colloquial `一百五` (150) / `两万五` (25000), and digit-by-digit years (`二〇一九`, `一九九八`).
 * Rejects approximate words (`几`, `若干`), two-digit juxtapositions (`三五` = "3 or 5"), `半`, empty.
 */
export function parseNumber(s: string): number | undefined {
  const t = s.normalize('NFKC').trim();
  if (t.length === 0 || t.length > 40) return undefined;
  if (ASCII_NUM.test(t)) return Number(t);
  if (GROUPED_NUM.test(t)) return Number(t.replace(/,/g, ''));

  // Only plain digit characters: one digit, or a positional reading (years, codes).
  let allDigits = true;
  for (const ch of t) if (DIGIT[ch] === undefined) { allDigits = false; break; }
  if (allDigits) {
    const ds = [...t].map((ch) => DIGIT[ch] as number);
    if (ds.length === 1) return t === '○' ? undefined : ds[0]; // a lone ○ is a bullet, not zero
    // `三五` is "three or five", not 35; positional only when unambiguous (a zero, or 3+ digits).
    const hasZero = [...t].some((ch) => DIGIT[ch] === 0);
    if (!hasZero && ds.length < 3) return undefined;
    return Number(ds.join(''));
  }

  const toks = tokenize(t);
  if (!toks) return undefined;
  return evaluate(toks);
}

function tokenize(t: string): Tok[] | undefined {
  const toks: Tok[] = [];
  let i = 0;
  while (i < t.length) {
    const ch = t[i] as string;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < t.length && /[0-9.]/.test(t[j] as string)) j++;
      const lit = t.slice(i, j);
      if (!ASCII_NUM.test(lit)) return undefined;
      toks.push({ k: 'd', v: Number(lit), zero: false, ascii: true });
      i = j;
      continue;
    }
    const d = DIGIT[ch];
    if (d !== undefined) toks.push({ k: 'd', v: d, zero: d === 0, ascii: false });
    else if (SMALL_UNIT[ch] !== undefined) toks.push({ k: 'u', v: SMALL_UNIT[ch] as number });
    else if (BIG_UNIT[ch] !== undefined) toks.push({ k: 'b', v: BIG_UNIT[ch] as number });
    else if (TENS[ch] !== undefined) {
      toks.push({ k: 'd', v: TENS[ch] as number, zero: false, ascii: false }, { k: 'u', v: 10 });
    } else return undefined;
    i++;
  }
  return toks;
}

function evaluate(toks: Tok[]): number | undefined {
  let total = 0;
  let section = 0;
  let pending: number | undefined; // digit waiting for its unit
  let pendingAscii = false;
  let zeroSinceUnit = false;        // a 零 blocks the colloquial `一百五` = 150 reading
  let lastUnit = 0;                 // last small unit within the current section
  let lastBig = Infinity;
  let prev: Tok['k'] | undefined;
  let prevUnitValue = 0;            // value of the unit token just before the final digit

  for (const tok of toks) {
    if (tok.k === 'd') {
      if (pending !== undefined && pending !== 0) return undefined; // two digits in a row (`五五十`)
      if (tok.zero) zeroSinceUnit = true;
      pending = tok.v;
      pendingAscii = tok.ascii;
    } else if (tok.k === 'u') {
      let digit: number;
      if (pending === undefined || (pending === 0 && !pendingAscii)) {
        // A bare 十 starts a section (`十五`, `十万`); 百/千 need a digit.
        if (tok.v !== 10 || section !== 0 || pending === 0) return undefined;
        digit = 1;
      } else {
        if (pendingAscii && pending >= 10) return undefined; // `12百` is not a number
        digit = pending;
      }
      if (lastUnit !== 0 && tok.v >= lastUnit) return undefined; // `十十`, `十百`
      section += digit * tok.v;
      lastUnit = tok.v;
      pending = undefined;
      zeroSinceUnit = false;
      prevUnitValue = tok.v;
    } else {
      if (pending !== undefined) section += pending;
      pending = undefined;
      if (section === 0 || tok.v >= lastBig) return undefined; // `万` alone, `万万`
      total += section * tok.v;
      lastBig = tok.v;
      section = 0;
      lastUnit = 0;
      zeroSinceUnit = false;
      prevUnitValue = tok.v;
    }
    prev = tok.k;
  }
  if (pending !== undefined) {
    // `一百五` = 150, `两万五` = 25000: a final digit right after a unit ≥ 百 scales to the next lower place.
    if ((prev === 'd') && !zeroSinceUnit && !pendingAscii && prevUnitValue >= 100 && toks.length >= 3
      && toks[toks.length - 2]?.k !== 'd') {
      section += pending * (prevUnitValue / 10);
    } else {
      section += pending;
    }
  }
  const n = total + section;
  return Number.isFinite(n) ? n : undefined;
}
