// Element-by-element comparison of two canonical guides (the same guide exported by two channels).
// Every value is compared after normalisation (src/normalize.ts: NFKC, HTML and control characters
// removed, whitespace collapsed; placeholders such as “/” count as empty); lists — materials, steps,
// windows, legal-basis and special entries — entry by entry, matched by a stable key (the material's
// name, the step's name, the law's name, the window's address), each entry's fields compared in turn.
import type { Guide, Material, SourceLocation, Step } from '../model.js';
import { isEmpty, isNegative, normalize } from '../normalize.js';
import { analyzeLimit, limitRaw } from '../parsers/time-limit.js';
import { firstLawTitle, normalizeLawName, splitLegalBasis } from '../parsers/legal-basis.js';

export interface DiffSideValue {
  value?: string;
  loc: SourceLocation;
  material?: { index: number; name?: string };
  step?: { index: number; name?: string };
}

export interface Difference {
  kind: 'value' | 'onlyA' | 'onlyB';
  /** Chinese element name; for a list entry the list's name. */
  element: string;
  entry?: { list: string; name: string; field?: string };
  a?: DiffSideValue;
  b?: DiffSideValue;
}

type Raw = string | undefined;

const key = (v: Raw) => (isEmpty(v) ? '' : normalize(v));
const codeKey = (v: Raw) => key(v).replace(/\s+/g, '').toUpperCase();
const fileKey = (v: Raw) => {
  const k = key(v);
  return k === '' ? '' : (k.split(/[\\/]/).pop() ?? k).replace(/[?#].*$/, '');
};
const joinValues = (vs: Raw[]): Raw => {
  const list = [...new Set(vs.filter((v): v is string => !isEmpty(v)))];
  return list.length ? list.join('；') : undefined;
};
const setKey = (vs: Raw[]) => [...new Set(vs.map(key).filter(Boolean))].sort().join('；');

function limitKey(l: Guide['legalLimit']): string {
  const a = analyzeLimit(l);
  if (a.kind === 'ok') return `${a.value}|${a.unit}`;
  if (a.kind === 'empty') return '';
  return `raw:${normalize(limitRaw(l))}`;
}

const has = (...keys: string[]) => (g: Guide) => keys.some((k) => g.sources[k] !== undefined);

interface Scalar {
  label: string;
  present: (g: Guide) => boolean;
  raw: (g: Guide, windows: boolean) => Raw;
  cmp?: (g: Guide, windows: boolean) => string;
}

const consultValues = (g: Guide, windows: boolean): Raw[] => [...g.consultPhones.map((p) => p.value), ...(windows ? [] : g.windows.map((w) => w.phone))];
const specialValue = (g: Guide): Raw => joinValues(g.special.map((s) => s.value));

/** Scalar elements in the order of FIELDS.md §1. `windows`: both guides have structured windows (compared as a list). */
const SCALARS: Scalar[] = [
  { label: '事项名称', present: has('name'), raw: (g) => g.name },
  { label: '实施编码', present: has('code'), raw: (g) => g.code, cmp: (g) => codeKey(g.code) },
  { label: '业务办理项编码', present: has('handleCode'), raw: (g) => g.handleCode, cmp: (g) => codeKey(g.handleCode) },
  { label: '基本编码', present: has('baseCode'), raw: (g) => g.baseCode, cmp: (g) => codeKey(g.baseCode) },
  { label: '事项类型', present: has('itemType'), raw: (g) => g.itemType },
  { label: '行使层级', present: has('level'), raw: (g) => g.level },
  { label: '实施主体', present: has('department'), raw: (g) => g.department },
  { label: '实施主体编码', present: has('departmentCode'), raw: (g) => g.departmentCode, cmp: (g) => codeKey(g.departmentCode) },
  { label: '所属区划', present: has('region'), raw: (g) => g.region },
  { label: '办件类型', present: has('caseType'), raw: (g) => g.caseType },
  { label: '法定办结时限', present: has('legalLimit'), raw: (g) => limitRaw(g.legalLimit) || undefined, cmp: (g) => limitKey(g.legalLimit) },
  { label: '法定办结时限说明', present: has('legalLimitExplain'), raw: (g) => g.legalLimit.explanation },
  { label: '承诺办结时限', present: has('promisedLimit'), raw: (g) => limitRaw(g.promisedLimit) || undefined, cmp: (g) => limitKey(g.promisedLimit) },
  { label: '承诺办结时限说明', present: has('promisedLimitExplain'), raw: (g) => g.promisedLimit.explanation },
  {
    label: '办理地点', present: (g) => has('address')(g) || g.windows.some((w) => w.address !== undefined),
    raw: (g, w) => (w ? g.address : g.address ?? joinValues(g.windows.map((x) => x.address))),
  },
  {
    label: '办理时间', present: (g) => has('hours')(g) || g.windows.some((w) => w.hours !== undefined),
    raw: (g, w) => (w ? g.hours : g.hours ?? joinValues(g.windows.map((x) => x.hours))),
  },
  {
    label: '咨询电话', present: (g) => has('consultPhone', 'windowPhone')(g) || g.windows.some((w) => w.phone !== undefined),
    raw: (g, w) => joinValues(consultValues(g, w)), cmp: (g, w) => setKey(consultValues(g, w)),
  },
  { label: '监督投诉电话', present: has('complaintPhone'), raw: (g) => g.complaintPhone },
  {
    label: '特殊环节', present: (g) => g.special.length > 0, raw: specialValue,
    // 无, 不涉及, 无特殊环节 … are one answer.
    cmp: (g) => (isNegative(specialValue(g)) ? '无' : key(specialValue(g))),
  },
  { label: '受理条件', present: has('acceptConditions'), raw: (g) => g.acceptConditions },
  { label: '办理结果', present: has('result'), raw: (g) => g.result },
  { label: '是否收费', present: has('isFee'), raw: (g) => g.isFee },
  { label: '到办事现场次数', present: has('visits'), raw: (g) => g.visits },
  { label: '网办深度', present: has('onlineDepth'), raw: (g) => g.onlineDepth },
  { label: '流程图', present: has('flowchart'), raw: (g) => g.flowchart, cmp: (g) => fileKey(g.flowchart) },
  { label: '容缺受理', present: has('rongque'), raw: (g) => g.rongque },
];

interface ListField { label: string; cmp?: (v: Raw) => string }
interface ListItem {
  key: string;
  name: string;
  loc: SourceLocation;
  material?: { index: number; name?: string };
  step?: { index: number; name?: string };
  fields: Record<string, Raw>;
}
interface ListSpec { label: string; fields: ListField[] }

const MATERIAL_FIELDS: [keyof Material, string][] = [
  ['type', '材料类型'], ['form', '材料形式'], ['original', '原件份数'], ['copy', '复印件份数'], ['count', '份数'], ['source', '来源渠道'],
  ['sourceNote', '来源渠道说明'], ['issuer', '出具单位'], ['necessity', '必要性'], ['blankForm', '空白表格'], ['sampleForm', '示例样表'], ['remark', '备注'],
];
const STEP_FIELDS: [keyof Step, string][] = [['limit', '办理时限'], ['person', '办理人员'], ['standard', '审查标准'], ['result', '办理结果']];

const MATERIALS: ListSpec = { label: '申请材料', fields: MATERIAL_FIELDS.map(([, l]) => ({ label: l, ...(l === '空白表格' || l === '示例样表' ? { cmp: fileKey } : {}) })) };
const STEPS: ListSpec = { label: '办理流程', fields: STEP_FIELDS.map(([, l]) => ({ label: l })) };
const WINDOWS: ListSpec = { label: '办理窗口', fields: [{ label: '窗口名称' }, { label: '窗口电话' }, { label: '办理时间' }] };
const SPECIALS: ListSpec = { label: '特殊环节', fields: [{ label: '时限' }, { label: '时限单位' }, { label: '说明' }] };
const LAWS_STRUCTURED: ListSpec = { label: '设定依据', fields: [{ label: '文号' }, { label: '条款' }, { label: '条款内容' }] };
const LAWS_TEXT: ListSpec = { label: '设定依据', fields: [{ label: '依据内容' }] };
const LAWS_NAMES: ListSpec = { label: '设定依据', fields: [] };

const nameKey = (s: Raw) => key(s).replace(/\s+/g, '');

/** Keys made unique by occurrence (`营业执照`, `营业执照#2`): a list may name an entry twice. */
function uniqueKeys(items: ListItem[]): ListItem[] {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const n = (seen.get(it.key) ?? 0) + 1;
    seen.set(it.key, n);
    return n > 1 ? { ...it, key: `${it.key}#${n}` } : it;
  });
}

function materialItems(g: Guide): ListItem[] {
  return uniqueKeys(g.materials.map((m) => ({
    key: nameKey(m.name) || `#${m.index}`, name: m.name ?? `第${m.index}项材料`, loc: m.loc ?? g.loc,
    material: { index: m.index, ...(m.name ? { name: m.name } : {}) },
    fields: Object.fromEntries(MATERIAL_FIELDS.map(([k, l]) => [l, m[k] as Raw])),
  })));
}

function stepItems(g: Guide): ListItem[] {
  return uniqueKeys(g.steps.map((s) => ({
    key: nameKey(s.name) || `#${s.index}`, name: s.name ?? `第${s.index}个环节`, loc: s.loc ?? g.loc,
    step: { index: s.index, ...(s.name ? { name: s.name } : {}) },
    fields: Object.fromEntries(STEP_FIELDS.map(([k, l]) => [l, s[k] as Raw])),
  })));
}

function windowItems(g: Guide): ListItem[] {
  return uniqueKeys(g.windows.map((w, i) => ({
    key: nameKey(w.address) || nameKey(w.name) || `#${i + 1}`, name: w.address ?? w.name ?? `第${i + 1}个窗口`, loc: g.loc,
    fields: { 窗口名称: w.name, 窗口电话: w.phone, 办理时间: w.hours },
  })));
}

function specialItems(g: Guide): ListItem[] {
  return uniqueKeys(g.specialEntries.map((e, i) => ({
    key: nameKey(e.name) || `#${i + 1}`, name: e.name ?? `第${i + 1}个特殊环节`, loc: g.loc,
    fields: { 时限: e.limit, 时限单位: e.unit, 说明: e.description },
  })));
}

function lawItems(g: Guide): ListItem[] {
  if (g.legalBasis.length) {
    return uniqueKeys(g.legalBasis.map((e, i) => ({
      key: e.name && !isEmpty(e.name) ? normalizeLawName(e.name) : `#${i + 1}`, name: e.name ?? `第${i + 1}条依据`, loc: g.loc,
      fields: { 文号: e.number, 条款: e.article, 条款内容: e.content },
    })));
  }
  if (isEmpty(g.legalBasisText)) return [];
  return uniqueKeys(splitLegalBasis(g.legalBasisText!).map((t, i) => {
    const title = firstLawTitle(t);
    return {
      key: title ? normalizeLawName(title) : nameKey(t) || `#${i + 1}`,
      name: title ? `《${title.replace(/[《》]/g, '')}》` : t.length > 40 ? `${t.slice(0, 40)}…` : t,
      loc: g.loc, fields: { 依据内容: t },
    };
  }));
}

/** Which elements a guide's export carries at all (a column or key, even empty): a channel compares only what both carry. */
export function presentElements(g: Guide): string[] {
  const out = SCALARS.filter((s) => s.present(g)).map((s) => s.label);
  if (has('legalBasis')(g) || g.legalBasis.length) out.push('设定依据');
  if (g.materialsListed || g.materials.length) out.push('申请材料');
  for (const m of g.materials) for (const [k, l] of MATERIAL_FIELDS) if (m[k] !== undefined) out.push(`申请材料.${l}`);
  if (g.steps.length || has('processText')(g) || g.processText !== undefined) out.push('办理流程');
  for (const s of g.steps) for (const [k, l] of STEP_FIELDS) if (s[k] !== undefined) out.push(`办理流程.${l}`);
  for (const w of g.windows) {
    if (w.name !== undefined) out.push('办理窗口.窗口名称');
    if (w.phone !== undefined) out.push('办理窗口.窗口电话');
    if (w.hours !== undefined) out.push('办理窗口.办理时间');
  }
  for (const e of g.specialEntries) {
    if (e.limit !== undefined) out.push('特殊环节.时限');
    if (e.unit !== undefined) out.push('特殊环节.时限单位');
    if (e.description !== undefined) out.push('特殊环节.说明');
  }
  for (const e of g.legalBasis) {
    if (e.number !== undefined) out.push('设定依据.文号');
    if (e.article !== undefined) out.push('设定依据.条款');
    if (e.content !== undefined) out.push('设定依据.条款内容');
  }
  if (!g.legalBasis.length && !isEmpty(g.legalBasisText)) out.push('设定依据.依据内容');
  return out;
}

/** Every element a diff can report, in report order (for `notCompared`). */
export const ELEMENT_ORDER: readonly string[] = [...SCALARS.map((s) => s.label), '设定依据', '申请材料', '办理流程'];

function sideOf(g: Guide, value: Raw, item?: ListItem): DiffSideValue {
  const s: DiffSideValue = { loc: item?.loc ?? g.loc };
  if (!isEmpty(value)) s.value = value;
  if (item?.material) s.material = item.material;
  if (item?.step) s.step = item.step;
  return s;
}

function compareLists(spec: ListSpec, a: Guide, b: Guide, ai: ListItem[], bi: ListItem[], both: (k: string) => boolean, out: Difference[]): void {
  const bByKey = new Map(bi.map((x) => [x.key, x]));
  const matched = new Set<string>();
  for (const x of ai) {
    const y = bByKey.get(x.key);
    if (!y) {
      out.push({ kind: 'onlyA', element: spec.label, entry: { list: spec.label, name: x.name }, a: sideOf(a, x.name, x) });
      continue;
    }
    matched.add(y.key);
    for (const f of spec.fields) {
      if (!both(`${spec.label}.${f.label}`)) continue;
      const cmp = f.cmp ?? key;
      const va = x.fields[f.label];
      const vb = y.fields[f.label];
      if (cmp(va) === cmp(vb)) continue;
      out.push({ kind: 'value', element: f.label, entry: { list: spec.label, name: x.name, field: f.label }, a: sideOf(a, va, x), b: sideOf(b, vb, y) });
    }
  }
  for (const y of bi) {
    if (!matched.has(y.key)) out.push({ kind: 'onlyB', element: spec.label, entry: { list: spec.label, name: y.name }, b: sideOf(b, y.name, y) });
  }
}

export interface CompareResult {
  differences: Difference[];
  /** The process is free text in one guide and steps in the other: not compared step by step. */
  processMixed: boolean;
}

/**
 * The differences between guide `a` (channel A) and guide `b` (channel B). `both(element)` says whether
 * both channels' exports carry that element (`申请材料.来源渠道` for a list field); others are skipped.
 */
export function compareGuides(a: Guide, b: Guide, both: (element: string) => boolean): CompareResult {
  const out: Difference[] = [];
  const windows = a.windows.length > 0 && b.windows.length > 0;
  for (const s of SCALARS) {
    if (!both(s.label)) continue;
    const cmp = s.cmp ?? ((g: Guide, w: boolean) => key(s.raw(g, w)));
    if (cmp(a, windows) === cmp(b, windows)) continue;
    out.push({ kind: 'value', element: s.label, a: sideOf(a, s.raw(a, windows)), b: sideOf(b, s.raw(b, windows)) });
  }
  if (windows) compareLists(WINDOWS, a, b, windowItems(a), windowItems(b), both, out);
  if (a.specialEntries.length && b.specialEntries.length) compareLists(SPECIALS, a, b, specialItems(a), specialItems(b), both, out);
  if (both('设定依据')) {
    const sa = a.legalBasis.length > 0;
    const sb = b.legalBasis.length > 0;
    const textA = !sa && !isEmpty(a.legalBasisText);
    const textB = !sb && !isEmpty(b.legalBasisText);
    // Both as text with the same normalised text: equal, whatever the split.
    if (!(textA && textB && key(a.legalBasisText) === key(b.legalBasisText))) {
      const spec = sa && sb ? LAWS_STRUCTURED : textA && textB ? LAWS_TEXT : LAWS_NAMES;
      compareLists(spec, a, b, lawItems(a), lawItems(b), both, out);
    }
  }
  if (both('申请材料')) compareLists(MATERIALS, a, b, materialItems(a), materialItems(b), both, out);
  let processMixed = false;
  if (both('办理流程')) {
    if (a.steps.length && b.steps.length) compareLists(STEPS, a, b, stepItems(a), stepItems(b), both, out);
    else if (!a.steps.length && !b.steps.length) {
      if (key(a.processText) !== key(b.processText)) out.push({ kind: 'value', element: '办理流程', a: sideOf(a, a.processText), b: sideOf(b, b.processText) });
    } else {
      const text = a.steps.length ? b.processText : a.processText;
      // Steps on one side and nothing at all on the other is a difference; steps against text is not judged.
      if (isEmpty(text)) {
        const [g, items, kind] = a.steps.length ? [a, stepItems(a), 'onlyA' as const] : [b, stepItems(b), 'onlyB' as const];
        for (const it of items) out.push({ kind, element: '办理流程', entry: { list: '办理流程', name: it.name }, [kind === 'onlyA' ? 'a' : 'b']: sideOf(g, it.name, it) });
      } else processMixed = true;
    }
  }
  return { differences: out, processMixed };
}
