// Process steps (INDICATORS.md C 办理流程) and special steps (A 中介机构或特殊环节).
import { capped, isEmpty, isNegative, normalize, normalizeKeepLines } from '../normalize.js';
import { byValue } from '../memo.js';
import { findDurations } from './duration.js';

export type StepCategory = '受理' | '审查' | '决定' | '送达';

export const STEP_CATEGORY_WORDS: Record<StepCategory, readonly string[]> = {
  受理: ['受理', '收件', '接件'],
  审查: ['审查', '审核', '初审', '复审', '核查', '核验', '审验'],
  决定: ['决定', '审批', '批准', '核准', '审定', '签发', '办结'],
  送达: ['送达', '发证', '领证', '颁证', '制证', '寄送', '邮寄', '出件', '取件'],
};

const CN = '一二三四五六七八九十';
// Circled numbers become private-use characters before NFKC (which would turn ① into a bare `1`).
const CIRCLED = /[\u2460-\u2473]/g;
const PUA_BASE = 0xe000;
const toPua = (s: string) => s.replace(CIRCLED, (c) => String.fromCharCode(PUA_BASE + c.charCodeAt(0) - 0x245f));
const fromPua = (s: string) => s.replace(/[\ue001-\ue014]/g, (c) => String.fromCharCode(0x245f + c.charCodeAt(0) - PUA_BASE));

// Step numbering at the start, after a line break, a space or punctuation (bracketed and circled: anywhere). Groups name the style.
const MARKER_RX = new RegExp(
  `(?:^|(?<=[\\n\\s；;。，,:：>→]))(?:`
  + `(?<digit>\\d{1,2}\\s*[.、)](?!\\d))`
  + `|(?<cn>[${CN}]{1,3}\\s*[、.](?![\\d${CN}]))`
  + `|(?<step>第\\s*(?:\\d{1,2}|[${CN}]{1,3})\\s*步)`
  + `)`
  + `|(?<paren>(?<!第\\s*)\\(\\s*(?:\\d{1,2}|[${CN}]{1,3})\\s*\\))` // (1), (一): anywhere but after 第
  + `|(?<circled>[\\ue001-\\ue014])`, // circled numbers are numbering anywhere
  'g',
);
const ARROW_RX = /—*->|—+>|=+>|[→⇒➔➝➡]/;
// A part that begins with an attribute label is an attribute of the step before it, not a step.
const ATTRIBUTE_START = /^(?:办理|承诺|法定|审查|审核|受理|审批|责任|经办|承办)?(?:时限|期限|时间|人员|岗位|标准|条件|要求|内容|结果|部门|机构|人)\s*[:：]/;

function trimPart(s: string): string {
  return s.replace(/^[\s；;，,。→\-—>]+/, '').replace(/[\s；;，,。→\-—>]+$/, '');
}

/**
 * Steps of a free-text process: at numbering (`1.`, `2、`, `（一）`, `(1)`, `第一步`, `①`; only the style of
 * the first marker, and only when it occurs at least twice), else at line breaks, else at arrows, else at
 * semicolons — the last only when at least two parts name a step category and no later part starts with
 * an attribute label (`时限：`, `标准：`), so `受理：…；时限：即时；标准：…` stays one step.
 * Numbers inside text (`1.5个工作日`, `第2条`) are not numbering (a marker must follow a boundary).
 * [decision] Text before the first marker is kept as a step unless it ends with a colon (`办理流程：`).
 * Steps keep their numbering; they are NFKC-normalised, except that circled numbers stay circled.
 */
export function splitProcessText(text: string): string[] {
  const t = normalizeKeepLines(toPua(capped(text)));
  if (t.length === 0) return [];
  const finish = (parts: string[]) => parts.map((p) => fromPua(trimPart(p))).filter((p) => p.length > 0);

  const markers: { index: number; kind: string }[] = [];
  for (const m of t.matchAll(MARKER_RX)) {
    const g = m.groups ?? {};
    const kind = Object.keys(g).find((k) => g[k] !== undefined) ?? 'digit';
    markers.push({ index: m.index, kind });
  }
  const kind = markers[0]?.kind;
  const same = markers.filter((m) => m.kind === kind);
  if (same.length >= 2) {
    const parts: string[] = [];
    const pre = t.slice(0, (same[0] as { index: number }).index).trim();
    if (pre.length > 0 && !/[:：]$/.test(pre)) parts.push(pre);
    same.forEach((m, i) => parts.push(t.slice(m.index, same[i + 1]?.index ?? t.length)));
    return finish(parts);
  }
  const lines = t.split('\n');
  if (lines.length > 1) return finish(lines);
  const arrows = t.split(ARROW_RX);
  if (arrows.filter((p) => trimPart(p).length > 0).length > 1) return finish(arrows);
  const semis = t.split(/[；;]/).map(trimPart).filter((p) => p.length > 0);
  if (semis.length > 1) {
    const named = semis.filter((p) => stepCategories(p).size > 0 || specialCategories(p).size > 0).length;
    if (named >= 2 && !semis.slice(1).some((p) => ATTRIBUTE_START.test(p))) return finish(semis);
  }
  return finish([t]);
}

// A category word followed by one of these names an attribute or an organisation, not the step
// (`审查标准`, `办结时限`, `受理部门`, `行政审批局`, `审批服务中心`).
const NOT_STEP_FOLLOWER = '(?!时限|时间|期限|标准|内容|要点|依据|条件|人员|岗位|人|部门|机构|科室|科|股|处|局|服务|中心|系统|平台|窗口)';
const CATEGORY_RX: [StepCategory, RegExp][] = (Object.keys(STEP_CATEGORY_WORDS) as StepCategory[]).map((c) => [
  c,
  new RegExp(`(?:${STEP_CATEGORY_WORDS[c].join('|')})${NOT_STEP_FOLLOWER}`),
]);

/**
 * Step categories a step name or step text mentions.
 * [decision] A category word directly followed by an attribute or organisation word (审查标准, 办结时限,
 * 受理窗口, 行政审批局) does not count; negations (不予受理) still name the step.
 */
export const stepCategories: (text: string) => ReadonlySet<StepCategory> = byValue(computeStepCategories);

function computeStepCategories(text: string): Set<StepCategory> {
  const t = normalize(capped(text));
  const out = new Set<StepCategory>();
  for (const [c, rx] of CATEGORY_RX) if (rx.test(t)) out.add(c);
  return out;
}

export interface StepAttributes {
  time: boolean;
  person: boolean;
  standard: boolean;
}

const TIME_LABEL = '(?:办理|承诺|法定|审查|审核|受理|审批|决定|送达|环节)?(?:时限|期限|时间|用时)';
const PERSON_LABEL = '(?:(?:办理|经办|承办|受理|审查|审核|审批|决定|送达|责任)(?:人员|岗位|人|部门|科室|机构)|工作人员|人员|岗位|负责人|科室|责任人|办理机构|承办机构)';
const STANDARD_LABEL = '(?:办理|审查|审核|受理|审批|决定|送达)?(?:标准|内容|要求|条件)';
const LABEL_RX = new RegExp(`(?:(?<time>${TIME_LABEL})|(?<person>${PERSON_LABEL})|(?<standard>${STANDARD_LABEL}))\\s*[:：]`, 'g');
const VALUE_END = /[；;。\n]/;
const PERSON_RX = /人员|岗位|负责人|科室|窗口|科长|局长|处长|股长|主任|领导|受理人|审核人|审查人|审批人|经办人|承办人|办理人/;
const STANDARD_RX = /标准|审查内容|审核内容|要求|条件/;

/**
 * Does a text step state its time limit, handling person/post and review standard?
 * Time: a duration (findDurations, incl. 即时/当场/即办); person: 人员, 岗位, 负责人, 科室, 窗口, 科长, 局长, 领导,
 * 受理人, 审核人, 审批人, 经办人 …; standard: 标准, 审查内容, 审核内容, 要求, 条件.
 * A labelled attribute (`办理人员：`, `办理时限：`, `审查标准：`) counts when text follows the label (up to
 * `；`/`。`/line end or the next label); [decision] a placeholder or 无 after the label is no text. The
 * label word itself never counts.
 */
export function textStepAttributes(text: string): StepAttributes {
  const t = normalizeKeepLines(capped(text));
  const res: StepAttributes = { time: false, person: false, standard: false };
  const labels = [...t.matchAll(LABEL_RX)];
  let scrubbed = '';
  let pos = 0;
  labels.forEach((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    const next = labels[i + 1]?.index ?? t.length;
    const tail = t.slice(end, next);
    const stop = tail.search(VALUE_END);
    const value = (stop >= 0 ? tail.slice(0, stop) : tail).replace(/^[\s，,、]+|[\s，,、]+$/g, '');
    if (value.length > 0 && !isEmpty(value) && !isNegative(value)) {
      const g = m.groups ?? {};
      if (g.time !== undefined) res.time = true;
      else if (g.person !== undefined) res.person = true;
      else res.standard = true;
    }
    scrubbed += t.slice(pos, start) + ' ';
    pos = end;
  });
  scrubbed += t.slice(pos);
  if (!res.time) res.time = findDurations(scrubbed).length > 0;
  if (!res.person) res.person = PERSON_RX.test(scrubbed);
  if (!res.standard) res.standard = STANDARD_RX.test(scrubbed);
  return res;
}

export type SpecialCategory = '现场' | '评审' | '听证' | '检验检测';

// [decision] 现场勘察/实地勘察 (common variant writing) are added to the spec's words.
export const SPECIAL_CATEGORY_WORDS: Record<SpecialCategory, readonly string[]> = {
  现场: ['现场勘查', '现场核查', '现场勘验', '现场检查', '现场勘察', '实地核查', '实地勘查', '实地勘察'],
  评审: ['专家评审', '技术评审', '专家论证', '技术评估', '评估'],
  听证: ['听证'],
  检验检测: ['检验', '检测', '鉴定'],
};

const SPECIAL_RX = new RegExp(
  (Object.values(SPECIAL_CATEGORY_WORDS) as (readonly string[])[]).flat().sort((a, b) => b.length - a.length).join('|'),
  'g',
);
const WORD_CATEGORY = new Map<string, SpecialCategory>();
for (const c of Object.keys(SPECIAL_CATEGORY_WORDS) as SpecialCategory[]) for (const w of SPECIAL_CATEGORY_WORDS[c]) WORD_CATEGORY.set(w, c);

const CLAUSE_SEP = /[，,。；;\n:：()（）【】[\]]/;
const SENTENCE_SEP = /[。；;\n()（）]/;
// Negation anywhere earlier in the clause (无需现场勘查, 不涉及听证, 不含听证、检测时间).
const NEGATION_RX = /无需|无须|毋需|不需要|不需|不必|不用|不涉及|不含|不包含|不包括|不进行|不组织|不开展|不实行|免于|免予|免除|没有/;
// Single-character negations only right before the word (无现场勘查, 未经检验).
const NEAR_NEGATION = /[无未不免]\s*$/;
// Time-limit remark: 依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在内.
const TIME_REMARK_RX = /所需时间|时间不计|不计算在|不计入|不计在|不包括在|除外/;
const NEGATIVE_VALUE = /^\s*(?:环节|程序)?\s*[:：]\s*(?:无|否|不涉及|不需要|不需)(?![\u4e00-\u9fff])/;

function clauseBefore(t: string, i: number): string {
  let s = i;
  while (s > 0 && !CLAUSE_SEP.test(t[s - 1] as string) && i - s < 60) s--;
  return t.slice(s, i);
}

function sentenceAround(t: string, i: number): string {
  let s = i;
  while (s > 0 && !SENTENCE_SEP.test(t[s - 1] as string) && i - s < 200) s--;
  let e = i;
  while (e < t.length && !SENTENCE_SEP.test(t[e] as string) && e - i < 200) e++;
  return t.slice(s, e);
}

/**
 * Special-step categories a text mentions. Ignored: negated mentions (`无需现场勘查`, `不需要专家评审`,
 * `不涉及听证`, `不含听证、检测时间`, `现场勘查：无`), and [decision] time-limit remarks that list two or more
 * special categories in a sentence saying their time is not counted (`依法需要听证、检验、检测、鉴定和专家评审的，
 * 所需时间不计算在内`) — those describe the time limit, not a step. A single word with such a remark
 * (`组织专家评审，评审时间不计入办理时限`) still counts.
 */
export const specialCategories: (text: string) => ReadonlySet<SpecialCategory> = byValue(computeSpecialCategories);

function computeSpecialCategories(text: string): Set<SpecialCategory> {
  const t = normalize(capped(text));
  const out = new Set<SpecialCategory>();
  for (const m of t.matchAll(SPECIAL_RX)) {
    const c = WORD_CATEGORY.get(m[0]);
    if (!c || out.has(c)) continue;
    const clause = clauseBefore(t, m.index);
    if (NEGATION_RX.test(clause) || NEAR_NEGATION.test(clause)) continue;
    if (NEGATIVE_VALUE.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const sentence = sentenceAround(t, m.index);
    if (TIME_REMARK_RX.test(sentence)) {
      // Distinct categories, not words: `专家评审…技术评审，评审时间不计入` is one declared step.
      const cats = new Set((sentence.match(SPECIAL_RX) ?? []).map((w) => WORD_CATEGORY.get(w)));
      if (cats.size >= 2) continue;
    }
    out.add(c);
  }
  return out;
}
