// Legal basis entries (INDICATORS.md A 设定依据, E law names): split, find name / article / content.
import { capped, isEmpty, isNegative, normalize, normalizeKeepLines } from '../normalize.js';
import { byValue, keyPart, valueCache } from '../memo.js';
import type { LawEntry } from '../model.js';
import { CHINESE_NUMERAL_CLASS as CN } from './numerals.js';

export interface LegalEntryAnalysis {
  raw: string;
  name?: string;
  article?: string;
  content?: string;
  missing: ('name' | 'article' | 'content')[];
}

/** Minimum meaningful characters of article content. */
export const MIN_CONTENT_CHARS = 10;

// [decision] Beyond the spec's list (法 … 规则): 法典 (民法典) and a few other document kinds.
const NAME_SUFFIX = '(?:法典|法|条例|办法|规定|决定|意见|通知|细则|规则|规程|章程|准则|公告|批复|目录)';
const NAME_END_RX = new RegExp(`${NAME_SUFFIX}$`);
const NUMBERING = /^(?:\d{1,2}[.、)](?!\d)|\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|[一二三四五六七八九十]{1,3}[、.]|[\u2460-\u2473])\s*/;
const LABEL = /^(?:设定依据|实施依据|法律依据|依据)\s*[:：]\s*/;
const CONNECTOR = /^(?:根据|依据|按照|依照|参照|执行)\s*/;
const TITLE_RX = /《([^《》\n]{1,120})》/g;
const ARTICLE_RX = new RegExp(
  `第\\s*(?:\\d{1,4}|[${CN}]{1,8})\\s*条(?:\\s*之\\s*[${CN}]{1,3})?(?:\\s*第\\s*(?:\\d{1,3}|[${CN}]{1,6})\\s*[款项目])*`,
);
// Document numbers: 国发〔2018〕28号, 国办发[2019]5号, 主席令第五十七号, 国务院令第412号.
const DOC_NUMBER_RX = new RegExp(
  `[\\u4e00-\\u9fff]{0,12}\\s*[〔\\[(【［]\\s*\\d{4}\\s*[〕\\])】］]\\s*(?:第\\s*)?\\d{1,5}\\s*号`
  + `|[\\u4e00-\\u9fff]{0,12}令\\s*(?:第\\s*)?(?:\\d{1,5}|[${CN}]{1,8})\\s*号`,
  'g',
);
// Bracketed notes with a year: （2019年修正）, (2017修订), （国发〔2018〕28号） after NFKC.
const YEAR_NOTE_RX = /\([^()\n]{0,40}?(?:\d{4}|[〇○零一二三四五六七八九]{4})[^()\n]{0,40}?\)/g;
const REVISION_NOTE_RX = /\([^()\n]{0,30}?(?:修正|修订|修改|施行|公布)[^()\n]{0,10}?\)/g;
const CONNECT_WORDS_RX = /根据|依据|按照|依照|参照|之规定|的规定|规定/g;

function clean(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3; i++) {
    const q = t.replace(NUMBERING, '').replace(LABEL, '').trim();
    if (q === t) break;
    t = q;
  }
  return t;
}

/** Does this (cleaned) line begin a new entry: a 《title》 or a leading law name, possibly after 根据? */
function startsEntry(line: string): boolean {
  const t = line.replace(CONNECTOR, '');
  if (t.startsWith('《')) return true;
  return leadingName(t) !== undefined;
}

/**
 * Entries of a free-text 设定依据: at line breaks, and at `；`/`;` where the next part starts with `《`
 * (after numbering `2.` / `（二）` or 根据/依据).
 * [decision] A line that starts with neither a title nor a law name nor numbering-then-title
 * (`（一）直接涉及国家安全…` items of the quoted article) continues the previous entry.
 * Leading numbering and a `设定依据：` label are removed.
 */
export const splitLegalBasis: (text: string) => readonly string[] = byValue(computeSplitLegalBasis);

function computeSplitLegalBasis(text: string): string[] {
  const t = normalizeKeepLines(capped(text));
  const out: string[] = [];
  for (const line of t.split('\n')) {
    const pieces = line.split(/[;；]/);
    let cur: string | undefined;
    const flush = () => {
      if (cur === undefined) return;
      const c = clean(cur).replace(/[;；,，\s]+$/, '');
      if (c.length > 0) {
        const prev = out.length - 1;
        if (prev >= 0 && !startsEntry(c) && !isNumbered(cur)) out[prev] = `${out[prev]} ${cur.trim()}`;
        else out.push(c);
      }
      cur = undefined;
    };
    for (const p of pieces) {
      const c = clean(p).replace(CONNECTOR, '');
      if (cur !== undefined && c.startsWith('《')) flush();
      cur = cur === undefined ? p : `${cur}；${p}`;
    }
    flush();
  }
  return out;
}

/** Numbering followed by a title or a name starts a new entry; bare numbering of an article item does not. */
function isNumbered(raw: string): boolean {
  const t = raw.trim();
  return NUMBERING.test(t) && startsEntry(t.replace(NUMBERING, ''));
}

/** A name without 《》 at the start of t, before the article number and any punctuation. */
function leadingName(t: string): string | undefined {
  const s = t.replace(CONNECTOR, '');
  const art = ARTICLE_RX.exec(s);
  let head = art ? s.slice(0, art.index) : s;
  const stop = head.search(/[,，。;；:：、]/);
  if (stop >= 0) head = head.slice(0, stop);
  head = withoutDocNumbers(head.replace(YEAR_NOTE_RX, ''), '').trim();
  if (head.length < 4 || head.length > 80) return undefined;
  return NAME_END_RX.test(head) ? head : undefined;
}

const ARTICLE_GLOBAL_RX = new RegExp(ARTICLE_RX.source, 'g');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Remove document numbers; the pattern only runs where a 号 could end one (it is costly on long text). */
const withoutDocNumbers = (s: string, by = ' ') => (s.includes('号') ? s.replace(DOC_NUMBER_RX, by) : s);

/**
 * Characters of content, up to `enough`: letters and digits that are not title, document number,
 * article number or connecting words. Counting stops at `enough` (only the threshold matters).
 */
function meaningfulLength(s: string, enough = Infinity): number {
  let rest = s.replace(TITLE_RX, ' ');
  if (rest.includes('(')) rest = rest.replace(YEAR_NOTE_RX, ' ');
  rest = withoutDocNumbers(rest).replace(ARTICLE_GLOBAL_RX, ' ').replace(CONNECT_WORDS_RX, ' ');
  let n = 0;
  for (const ch of rest) if (LETTER_OR_DIGIT.test(ch) && ++n >= enough) break;
  return n;
}

/** Span of the first title in t, or undefined. */
function firstTitleMatch(t: string): RegExpExecArray | undefined {
  const rx = new RegExp(TITLE_RX.source);
  return rx.exec(t) ?? undefined;
}

/**
 * Analyse one free-text entry. Name: the first 《…》 title, else a leading name ending in 法/条例/办法/…;
 * article: `第…条` (optional 款/项) outside titles; content: the text after the article (else the whole
 * text without the name) when it has at least 10 characters that are not titles, document numbers,
 * article numbers, revision notes, 根据/依据/按照/规定 or punctuation.
 */
export const analyzeLegalText: (entry: string) => LegalEntryAnalysis = byValue(computeLegalText);

function computeLegalText(entry: string): LegalEntryAnalysis {
  const raw = clean(normalize(capped(entry)));
  const res: LegalEntryAnalysis = { raw, missing: [] };
  const title = firstTitleMatch(raw);
  let body = raw; // the entry without a leading name written without 《》
  if (title && (title[1] ?? '').trim().length > 0) res.name = (title[1] as string).trim();
  else {
    const n = leadingName(raw);
    if (n !== undefined) {
      res.name = n;
      const at = raw.indexOf(n);
      body = raw.slice(0, at) + raw.slice(at + n.length);
    }
  }
  // Article: search with titles blanked out so that a 第…条 inside a title does not count.
  const blanked = body.replace(TITLE_RX, (m) => ' '.repeat(m.length));
  const art = ARTICLE_RX.exec(blanked);
  if (art) res.article = body.slice(art.index, art.index + art[0].length).replace(/\s+/g, '');
  // Content may follow the article (usual) or precede the citation (`……。（《某法》第四十条）`).
  if (meaningfulLength(body, MIN_CONTENT_CHARS) >= MIN_CONTENT_CHARS) {
    const after = art ? body.slice(art.index + art[0].length).replace(/^[\s:：,，。.、)）]+/, '').trim() : '';
    res.content = meaningfulLength(after, MIN_CONTENT_CHARS) >= MIN_CONTENT_CHARS ? after : body;
  }
  if (!res.name) res.missing.push('name');
  if (!res.article) res.missing.push('article');
  if (!res.content) res.missing.push('content');
  return res;
}

/** Does a structured 法规名称 look like a law or document name (in 《》, or ending in 法/条例/办法/…)? */
function looksLikeLawName(name: string): boolean {
  if (isEmpty(name) || isNegative(name)) return false;
  if (/《[^《》]+》/.test(name)) return true;
  const core = name.replace(YEAR_NOTE_RX, '').replace(REVISION_NOTE_RX, '').replace(DOC_NUMBER_RX, '').replace(/[\s.。,，;；]+$/, '').trim();
  return core.length >= 2 && NAME_END_RX.test(core);
}

/**
 * Analyse a structured entry: name = e.name (non-empty, in 《》 or ending in a document suffix),
 * article = e.article (non-empty), content = e.content (≥ 10 meaningful characters).
 * [decision] When 条款 is empty but 条款内容 starts with `第…条`, that article number counts.
 */
export function analyzeLawEntry(e: LawEntry): LegalEntryAnalysis {
  return lawEntries(`${keyPart(e.name)}${keyPart(e.number)}${keyPart(e.article)}${keyPart(e.content)}`, () => computeLawEntry(e));
}
const lawEntries = valueCache<LegalEntryAnalysis>();

function computeLawEntry(e: LawEntry): LegalEntryAnalysis {
  const name = normalize(capped(e.name ?? ''));
  const number = normalize(capped(e.number ?? ''));
  let article = normalize(capped(e.article ?? ''));
  const content = normalize(capped(e.content ?? ''));
  const raw = [name, isEmpty(number) ? '' : number, article, content].filter((x) => !isEmpty(x)).join(' ');
  const res: LegalEntryAnalysis = { raw, missing: [] };
  if (looksLikeLawName(name)) res.name = name;
  if (isEmpty(article)) {
    const m = ARTICLE_RX.exec(content);
    if (m && m.index <= 2) article = m[0];
  }
  if (!isEmpty(article)) res.article = article;
  if (!isEmpty(content) && meaningfulLength(content, MIN_CONTENT_CHARS) >= MIN_CONTENT_CHARS) res.content = content;
  if (!res.name) res.missing.push('name');
  if (!res.article) res.missing.push('article');
  if (!res.content) res.missing.push('content');
  return res;
}

/**
 * The first 《…》 title of an entry that stands before its article number (titles quoted inside the
 * article content do not count). Without an article number: the first title when it opens the entry
 * (after numbering / 根据) or stands before the first `：`/`。`.
 */
export function firstLawTitle(entry: string): string | undefined {
  const t = clean(normalize(capped(entry)));
  const title = firstTitleMatch(t);
  if (!title) return undefined;
  const name = (title[1] as string).trim();
  if (name.length === 0) return undefined;
  const blanked = t.replace(TITLE_RX, (m) => ' '.repeat(m.length));
  const art = ARTICLE_RX.exec(blanked);
  if (art) return title.index < art.index ? name : undefined;
  const stop = t.search(/[:：。]/);
  if (stop >= 0 && stop < title.index) return undefined;
  return name;
}

/** Law name for comparison: NFKC, no 《》, no leading 中华人民共和国, no revision notes or bracketed notes with a year. */
export const normalizeLawName: (name: string) => string = byValue((name: string): string => {
  return normalize(capped(name))
    .replace(/[《》]/g, '')
    .replace(YEAR_NOTE_RX, '')
    .replace(REVISION_NOTE_RX, '')
    .replace(/\s+/g, '')
    .replace(/^中华人民共和国/, '')
    .trim();
});
