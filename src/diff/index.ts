// `guide-audit diff A B`: the same guides exported by two channels (事项管理系统 and 网上办事大厅, a city
// platform and the provincial one…), matched guide to guide and compared element by element. Each
// difference, and each guide found in one channel only, is a finding of 多渠道数据同源.
import path from 'node:path';
import type { Config } from '../config.js';
import { discover, sourceFor } from '../loaders/index.js';
import { loadFile } from '../loaders/index.js';
import type { Guide } from '../model.js';
import { baseCodeOf } from '../parsers/item-code.js';
import { normalize } from '../normalize.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip-directory.js';
import { TOOL_VERSION } from '../version.js';
import { UNKNOWN_DEPARTMENT } from '../report.js';
import {
  DIFF_INDICATOR, DIFF_RULE_ID, DIFF_SCHEMA_VERSION, MATCH_KINDS,
  type DiffFinding, type DiffReport, type DiffSide,
} from '../diff-report.js';
import { compareGuides, ELEMENT_ORDER, presentElements, type Difference, type DiffSideValue } from './compare.js';

export interface DiffOptions {
  cwd?: string;
  config?: Config;
  ignore?: string[];
  /** Absolute or cwd-relative paths never read as inputs (the tool's own outputs). */
  exclude?: string[];
  labels?: { a?: string; b?: string };
  now?: () => Date;
}

type ChannelId = 'a' | 'b';

interface Channel {
  guides: Guide[];
  files: number;
  loadErrors: DiffReport['loadErrors'];
  skipped: DiffReport['skipped'];
  notices: string[];
  present: Set<string>;
}

async function loadChannel(id: ChannelId, p: string, opts: Required<Pick<DiffOptions, 'cwd'>> & DiffOptions, zipLimits: ZipLimits): Promise<Channel> {
  const config = opts.config ?? {};
  const exclude = (opts.exclude ?? []).map((x) => path.resolve(opts.cwd, x));
  const { files, missing } = await discover([p], { cwd: opts.cwd, ignore: [...(config.ignore ?? []), ...(opts.ignore ?? [])], exclude });
  const ch: Channel = { guides: [], files: 0, loadErrors: missing.map((m) => ({ channel: id, file: m, message: '路径不存在' })), skipped: [], notices: [], present: new Set() };
  for (const f of files) {
    let skipped = false;
    let found = 0;
    for await (const ev of loadFile(f, sourceFor(f, config.sources), { zipLimits })) {
      if (ev.kind === 'guide') {
        ch.guides.push(ev.guide);
        for (const e of presentElements(ev.guide)) ch.present.add(e);
        found++;
      } else if (ev.kind === 'error') ch.loadErrors.push({ channel: id, ...ev.error });
      else if (ev.kind === 'skipped') {
        ch.skipped.push({ channel: id, file: f.display, reason: ev.reason });
        skipped = true;
      } else ch.notices.push(ev.message);
    }
    if (!skipped || found > 0) ch.files++;
  }
  return ch;
}

const squash = (s: string | undefined) => normalize(s).replace(/\s+/g, '');
const codeOf = (g: Guide) => squash(g.code ?? g.handleCode).toUpperCase();

/** Match keys, most reliable first (FIELDS.md §2.1): 实施编码; 基本编码 + 实施主体; 事项名称 + 实施主体. */
const MATCHERS: [(typeof MATCH_KINDS)[number], (g: Guide) => string | undefined][] = [
  ['code', (g) => codeOf(g) || undefined],
  ['baseCode+department', (g) => {
    const base = squash(baseCodeOf(g)).toUpperCase();
    const dept = squash(g.department);
    return base && dept ? `${base}|${dept}` : undefined;
  }],
  ['name+department', (g) => {
    const name = squash(g.name);
    const dept = squash(g.department);
    return name && dept ? `${name}|${dept}` : undefined;
  }],
];

interface Pair { a: number; b: number; by: (typeof MATCH_KINDS)[number] }

function matchGuides(a: Guide[], b: Guide[]): { pairs: Pair[]; onlyA: number[]; onlyB: number[] } {
  const freeA = new Set(a.keys());
  const freeB = new Set(b.keys());
  const pairs: Pair[] = [];
  for (const [by, keyOf] of MATCHERS) {
    const index = new Map<string, number[]>();
    for (const j of freeB) {
      const k = keyOf(b[j]!);
      if (k === undefined) continue;
      const l = index.get(k);
      if (l) l.push(j);
      else index.set(k, [j]);
    }
    for (const i of [...freeA]) {
      const k = keyOf(a[i]!);
      const l = k === undefined ? undefined : index.get(k);
      const j = l?.shift();
      if (j === undefined) continue;
      pairs.push({ a: i, b: j, by });
      freeA.delete(i);
      freeB.delete(j);
    }
  }
  return { pairs, onlyA: [...freeA], onlyB: [...freeB] };
}

function guideRef(g: Guide): DiffSide['guide'] {
  const out: DiffSide['guide'] = {};
  const code = g.code ?? g.handleCode;
  if (code) out.code = code.trim();
  if (g.name) out.name = g.name;
  if (g.department) out.department = g.department;
  return out;
}

function side(g: Guide, v: DiffSideValue | undefined, field: string): DiffSide {
  const s: DiffSide = { location: { ...v?.loc ?? g.loc, field }, guide: guideRef(g) };
  if (v?.value !== undefined) s.value = v.value;
  if (v?.material) s.location.material = v.material;
  if (v?.step) s.location.step = v.step;
  return s;
}

const MAX_QUOTE = 60;
const quote = (v: string | undefined) => (v === undefined ? '（空）' : `“${v.length > MAX_QUOTE ? `${v.slice(0, MAX_QUOTE)}…` : v}”`);

function finding(d: Difference, ga: Guide | undefined, gb: Guide | undefined, labels: { a: string; b: string }, by?: Pair['by']): DiffFinding {
  const field = d.entry?.field ?? d.element;
  const a = ga ? side(ga, d.a, field) : undefined;
  const b = gb ? side(gb, d.b, field) : undefined;
  const primary = d.kind === 'onlyB' ? b! : (a ?? b)!;
  const what = d.entry ? (d.entry.field ? `${d.entry.list}“${d.entry.name}”的${d.entry.field}` : `${d.entry.list}“${d.entry.name}”`) : d.element;
  let messageId: DiffFinding['messageId'];
  let message: string;
  let suggestion: string;
  if (d.kind === 'value') {
    messageId = 'valueDiffers';
    message = `${what}不一致：${labels.a}为${quote(d.a?.value)}，${labels.b}为${quote(d.b?.value)}`;
    suggestion = `核对后统一两个渠道的${what}（以事项管理系统中的标准数据为准，各渠道同源发布）`;
  } else {
    const [here, there] = d.kind === 'onlyA' ? [labels.a, labels.b] : [labels.b, labels.a];
    messageId = d.kind === 'onlyA' ? 'entryOnlyInA' : 'entryOnlyInB';
    message = `${what}只见于${here}，${there}中没有`;
    suggestion = `在${there}补上${what}，或确认后从${here}删除，使两个渠道一致`;
  }
  const f: DiffFinding = {
    ruleId: DIFF_RULE_ID, messageId, indicator: DIFF_INDICATOR, severity: 'error', message, suggestion,
    guide: primary.guide, location: primary.location, element: d.element,
    ...(d.entry ? { entry: { list: d.entry.list, name: d.entry.name, ...(d.entry.field ? { field: d.entry.field } : {}) } } : {}),
    ...(by ? { matchedBy: by } : {}),
    ...(a ? { a } : {}),
    ...(b ? { b } : {}),
  };
  if (primary.value !== undefined) f.value = primary.value;
  return f;
}

function onlyFinding(g: Guide, id: ChannelId, labels: { a: string; b: string }): DiffFinding {
  const [here, there] = id === 'a' ? [labels.a, labels.b] : [labels.b, labels.a];
  const s = side(g, undefined, '事项名称');
  if (g.name) s.value = g.name;
  return {
    ruleId: DIFF_RULE_ID, messageId: id === 'a' ? 'guideOnlyInA' : 'guideOnlyInB', indicator: DIFF_INDICATOR, severity: 'error',
    message: `事项只见于${here}，${there}中没有（按实施编码、基本编码+实施主体、事项名称+实施主体都没有找到）`,
    suggestion: `在${there}发布该事项的办事指南；若事项已取消或调整，从${here}下架`,
    guide: s.guide, location: s.location, ...(g.name ? { value: g.name } : {}), element: '事项', [id]: s,
  };
}

const cmpStr = (x: string | undefined, y: string | undefined) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
const posOf = (l: { row?: number; line?: number; index?: number }) => l.row ?? l.line ?? l.index ?? -1;
const cmpLoc = (x: Guide['loc'], y: Guide['loc']) => cmpStr(x.file, y.file) || cmpStr(x.sheet, y.sheet) || posOf(x) - posOf(y);

export async function diff(pathA: string, pathB: string, options: DiffOptions = {}): Promise<DiffReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? {};
  const zipLimits: ZipLimits = {
    maxEntryBytes: (config.limits?.zipEntryMB ?? DEFAULT_ZIP_LIMITS.maxEntryBytes / 1024 / 1024) * 1024 * 1024,
    maxRatio: config.limits?.zipRatio ?? DEFAULT_ZIP_LIMITS.maxRatio,
  };
  const labels = { a: options.labels?.a || '渠道A', b: options.labels?.b || '渠道B' };
  const opts = { ...options, cwd };
  const A = await loadChannel('a', pathA, opts, zipLimits);
  const B = await loadChannel('b', pathB, opts, zipLimits);
  const both = (e: string) => A.present.has(e) && B.present.has(e);

  const { pairs, onlyA, onlyB } = matchGuides(A.guides, B.guides);
  // Report order: by channel A's location (channel B's for its own extra guides), then element order.
  const entries: { loc: Guide['loc']; side: number; findings: DiffFinding[] }[] = [];
  const matchedBy = { code: 0, baseCodeDepartment: 0, nameDepartment: 0 };
  let identical = 0;
  let differences = 0;
  let processMixed = 0;
  for (const p of pairs) {
    const ga = A.guides[p.a]!;
    const gb = B.guides[p.b]!;
    if (p.by === 'code') matchedBy.code++;
    else if (p.by === 'baseCode+department') matchedBy.baseCodeDepartment++;
    else matchedBy.nameDepartment++;
    const r = compareGuides(ga, gb, both);
    if (r.processMixed) processMixed++;
    if (r.differences.length === 0) identical++;
    differences += r.differences.length;
    entries.push({ loc: ga.loc, side: 0, findings: r.differences.map((d) => finding(d, ga, gb, labels, p.by)) });
  }
  for (const i of onlyA) entries.push({ loc: A.guides[i]!.loc, side: 0, findings: [onlyFinding(A.guides[i]!, 'a', labels)] });
  for (const j of onlyB) entries.push({ loc: B.guides[j]!.loc, side: 1, findings: [onlyFinding(B.guides[j]!, 'b', labels)] });
  entries.sort((x, y) => x.side - y.side || cmpLoc(x.loc, y.loc));
  const findings = entries.flatMap((e) => e.findings);

  const notCompared: DiffReport['notCompared'] = [];
  if (A.guides.length && B.guides.length) {
    for (const e of ELEMENT_ORDER) {
      if (A.present.has(e) && !B.present.has(e)) notCompared.push({ element: e, missingIn: 'b' });
      else if (!A.present.has(e) && B.present.has(e)) notCompared.push({ element: e, missingIn: 'a' });
    }
  }
  const notices = [...A.notices, ...B.notices];
  if (notCompared.length) {
    const list = (id: ChannelId) => notCompared.filter((n) => n.missingIn === id).map((n) => n.element).join('、');
    if (list('b')) notices.push(`${labels.b}的导出没有这些要素，未比较：${list('b')}`);
    if (list('a')) notices.push(`${labels.a}的导出没有这些要素，未比较：${list('a')}`);
  }
  if (processMixed) notices.push(`${processMixed} 个事项的办理流程在一个渠道是分环节数据、在另一个渠道是文字，未逐环节比较`);
  const loadErrors = [...A.loadErrors, ...B.loadErrors];
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'diff',
    tool: { name: 'guide-audit', version: TOOL_VERSION },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    channels: {
      a: { label: labels.a, path: pathA, files: A.files, guides: A.guides.length },
      b: { label: labels.b, path: pathB, files: B.files, guides: B.guides.length },
    },
    summary: {
      matched: pairs.length, matchedBy, identical, withDifferences: pairs.length - identical, differences,
      onlyInA: onlyA.length, onlyInB: onlyB.length, findings: findings.length, loadErrors: loadErrors.length,
      skipped: A.skipped.length + B.skipped.length,
    },
    notCompared,
    findings,
    loadErrors,
    skipped: [...A.skipped, ...B.skipped],
    notices,
  };
}

/** The department a difference is listed under (channel A's, else channel B's). */
export function diffDepartment(f: DiffFinding): string {
  return (f.a?.guide.department ?? f.b?.guide.department ?? f.guide.department)?.trim() || UNKNOWN_DEPARTMENT;
}

/** Exit code (as the audit's): 2 = a load error or a channel without any guide; 1 = differences; 0 = none. */
export function diffExitCode(r: DiffReport): number {
  if (r.loadErrors.length > 0 || r.channels.a.guides === 0 || r.channels.b.guides === 0) return 2;
  return r.findings.length > 0 ? 1 : 0;
}
