// One export file's share of a run: load its guides one at a time, resolve attachments, run the
// per-guide rules and feed the set rules. The result is plain data, so it can be computed in a
// worker thread and folded into the run in file order.
import { GuideSchema, NON_APPLICATION_TYPES, isPermit, type Guide } from './model.js';
import { loadFile, sourceFor } from './loaders/index.js';
import type { FileRef, LoadError } from './loaders/types.js';
import type { Config } from './config.js';
import { renderTemplate, type Rule, type RuleContext, type Severity } from './rule.js';
import type { RuleFinding } from './rule.js';
import { UNKNOWN_DEPARTMENT, type Finding, type Report } from './report.js';
import { UNKNOWN_REGION, withBit, type GuideRecord } from './aggregate.js';
import { regionOf } from './parsers/item-code.js';
import { statsSample } from './stats.js';
import { resetGuideMemos } from './memo.js';
import { collectGarbage } from './gc.js';
import type { AttachmentStore } from './attachments/store.js';
import type { RefResolution } from './attachments/types.js';
import type { ZipLimits } from './zip-directory.js';
import { inShard, type Shard } from './shard.js';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: any;
}

/** What every file of a run shares: rules in force, run data, the attachment store. */
export interface FileRuntime {
  config: Config;
  scope: 'default' | 'all';
  active: ActiveRule[];
  ctx: RuleContext;
  store?: AttachmentStore;
  zipLimits: ZipLimits;
  shard?: Shard;
  /** Collect garbage after every this many guides (workers: see gc.ts). */
  collectEvery?: number;
}

/** A guide's identity, kept to place set-rule findings. */
export type GuideId = Pick<Guide, 'code' | 'handleCode' | 'name' | 'department' | 'loc'>;

export interface FilePartial {
  findings: Finding[];
  guides: GuideRecord[];
  ids: GuideId[];
  /** One state per set rule in force (keys: index into `guides`). */
  setStates: unknown[];
  loadErrors: LoadError[];
  skipped: Report['skipped'];
  notices: string[];
  /** The file was read as an export (not skipped as a non-export). */
  read: boolean;
  attachmentRefs: { urls: number; unverified: number };
}

const VALIDATE_FIRST = 50;
const VALIDATE_ALL = process.env.GUIDE_AUDIT_VALIDATE === 'all';

export function inScope(g: Guide, scope: 'default' | 'all'): boolean {
  return scope === 'all' || !g.itemType || !NON_APPLICATION_TYPES.includes(g.itemType);
}

export function toFinding(ar: ActiveRule, g: GuideId, f: RuleFinding): Finding {
  const meta = ar.rule.meta;
  const template = meta.messages[f.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId ${f.messageId}`);
  const out: Finding = {
    ruleId: meta.id,
    messageId: f.messageId,
    indicator: meta.indicator,
    severity: ar.severity,
    message: renderTemplate(template, f.data),
    guide: {},
    location: { ...(f.loc ?? g.loc) },
  };
  const sugg = meta.suggestions?.[f.messageId];
  if (sugg !== undefined) out.suggestion = renderTemplate(sugg, f.data);
  if (g.code ?? g.handleCode) out.guide.code = (g.code ?? g.handleCode)!.trim();
  if (g.name) out.guide.name = g.name;
  if (g.department) out.guide.department = g.department;
  if (f.field) out.location.field = f.field;
  if (f.material) out.location.material = f.material;
  if (f.step) out.location.step = f.step;
  if (f.value !== undefined) out.value = f.value;
  return out;
}

/**
 * Fill in what each blank-form, sample-form and flowchart reference resolves to (rules never read files).
 * Synchronous when the store can answer at once; a promise only when something must be read.
 */
function resolveAttachments(g: Guide, file: FileRef, store: AttachmentStore): Promise<void> | undefined {
  const pending: Promise<unknown>[] = [];
  const put = (r: RefResolution | Promise<RefResolution>, set: (r: RefResolution) => void) => {
    if (r instanceof Promise) pending.push(r.then(set));
    else set(r);
  };
  for (const m of g.materials) {
    if (m.blankForm !== undefined) put(store.resolveNow(m.blankForm, file.abs, file.display), (r) => (m.blankFormRes = r));
    if (m.sampleForm !== undefined) put(store.resolveNow(m.sampleForm, file.abs, file.display), (r) => (m.sampleFormRes = r));
  }
  if (g.flowchart !== undefined) put(store.resolveNow(g.flowchart, file.abs, file.display), (r) => (g.flowchartRes = r));
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

export async function auditFile(file: FileRef, rt: FileRuntime): Promise<FilePartial> {
  const guideRules = rt.active.filter((a) => a.rule.kind === 'guide');
  const indicatorIndex = new Map(indicatorNames(rt.active).map((n, i) => [n, i]));
  const setRules = rt.active.filter((a) => a.rule.kind === 'set');
  const out: FilePartial = {
    findings: [], guides: [], ids: [], loadErrors: [], skipped: [], notices: [], read: true,
    setStates: setRules.map((a) => (a.rule.kind === 'set' ? a.rule.init(a.options, rt.ctx) : undefined)),
    attachmentRefs: { urls: 0, unverified: 0 },
  };
  const before = rt.store ? { ...rt.store.stats } : undefined;
  const outOfScope = new Map<string, number>();
  let fileSkipped = false;
  // A file cut into parts is checked in its first part only.
  let validated = file.range && file.range.firstLine > 1 ? VALIDATE_FIRST : 0;
  for await (const ev of loadFile(file, sourceFor(file, rt.config.sources), { zipLimits: rt.zipLimits })) {
    if (ev.kind === 'error') out.loadErrors.push(ev.error);
    else if (ev.kind === 'skipped') {
      out.skipped.push({ file: file.display, reason: ev.reason });
      fileSkipped = true;
    } else if (ev.kind === 'notice') out.notices.push(ev.message);
    else {
      // The schema checks the loaders' own output: the first guides of each file show a systematic
      // fault, and validating every guide would cost as much as all the rules (GUIDE_AUDIT_VALIDATE=all).
      const parsed = validated++ < VALIDATE_FIRST || VALIDATE_ALL ? GuideSchema.safeParse(ev.guide) : { success: true as const };
      if (!parsed.success) {
        out.loadErrors.push({ ...ev.guide.loc, message: `数据结构不符合规范：${parsed.error.issues[0]?.message ?? ''}` });
        continue;
      }
      const g = ev.guide;
      // A shard audits its share of every file; out-of-scope guides are shared out too, so counts add up.
      if (rt.shard && !inShard(g, rt.shard)) continue;
      if (!inScope(g, rt.scope)) {
        outOfScope.set(g.itemType!, (outOfScope.get(g.itemType!) ?? 0) + 1);
        continue;
      }
      if (rt.store) {
        const pending = resolveAttachments(g, file, rt.store);
        if (pending) await pending;
      }
      const key = out.guides.length;
      const record: GuideRecord = {
        department: g.department?.trim() || UNKNOWN_DEPARTMENT,
        region: regionOf(g) ?? UNKNOWN_REGION,
        permit: isPermit(g),
        applicable: 0,
        failed: 0,
        findings: 0,
        sample: statsSample(g),
      };
      for (const ar of guideRules) {
        const rule = ar.rule;
        if (rule.kind !== 'guide') continue;
        if (rule.applies && !rule.applies(g, ar.options, rt.ctx)) continue;
        const fs = rule.check(g, ar.options, rt.ctx);
        const bit = indicatorIndex.get(rule.meta.indicator)!;
        record.applicable = withBit(record.applicable, bit);
        if (fs.length > 0) record.failed = withBit(record.failed, bit);
        for (const f of fs) out.findings.push(toFinding(ar, g, f));
        record.findings += fs.length;
      }
      setRules.forEach((ar, i) => {
        const rule = ar.rule;
        if (rule.kind !== 'set') return;
        if (rule.applies && !rule.applies(g, ar.options, rt.ctx)) return;
        record.applicable = withBit(record.applicable, indicatorIndex.get(rule.meta.indicator)!);
        rule.add(out.setStates[i], g, key, ar.options);
      });
      out.guides.push(record);
      resetGuideMemos();
      if (rt.collectEvery && out.guides.length % rt.collectEvery === 0) collectGarbage();
      out.ids.push({ code: g.code, handleCode: g.handleCode, name: g.name, department: g.department, loc: g.loc });
    }
  }
  if (outOfScope.size) {
    const byType = Object.fromEntries([...outOfScope].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    out.skipped.push(outOfScopeEntry(file.display, byType));
  }
  out.read = !fileSkipped || out.guides.length > 0;
  if (rt.store && before) {
    out.attachmentRefs = { urls: rt.store.stats.urls - before.urls, unverified: rt.store.stats.unverified - before.unverified };
  }
  return out;
}

/** The run's indicators in rule order: bit i of a GuideRecord is the i-th. */
export function indicatorNames(active: readonly ActiveRule[]): string[] {
  return [...new Set(active.map((a) => a.rule.meta.indicator))];
}

/** The skipped entry for a file's out-of-scope guides (also rebuilt by `merge` from `byType`). */
export function outOfScopeEntry(file: string, byType: Record<string, number>): Report['skipped'][number] {
  const n = Object.values(byType).reduce((a, b) => a + b, 0);
  const detail = Object.entries(byType).map(([t, c]) => `${t} ${c}`).join('、');
  return { file, reason: `${n} 个事项不属于依申请类（${detail}），默认不审核；--scope all 可一并审核`, count: n, byType };
}

/** The notices about references whose content could not be verified. */
export function attachmentNotices(refs: { urls: number; unverified: number }): string[] {
  const out: string[] = [];
  if (refs.urls) out.push(`${refs.urls} 处表格或流程图引用是网址，无法离线下载，只按网址中的扩展名判断，文件内容未核验`);
  if (refs.unverified) {
    out.push(`导出文件所在文件夹中没有任何附件文件，${refs.unverified} 处表格或流程图引用只检查了“是否提供”，文件内容未核验（可用 --attachments 指定附件目录）`);
  }
  return out;
}
