// The audit pipeline: discover → each file (in order, or in worker threads) loads its guides one at a
// time and runs the per-guide rules → set rules merge and finalize → one report object, from which
// every reporter renders.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError, type Config, type SeveritySetting } from './config.js';
import { discover } from './loaders/index.js';
import type { FileRef, LoadError } from './loaders/types.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from './rule.js';
import { SCHEMA_VERSION, type Finding, type Report } from './report.js';
import { DEFAULT_BANDS } from './scoring.js';
import { TOOL_VERSION } from './version.js';
import { compareFindings } from './sort.js';
import { AttachmentStore } from './attachments/store.js';
import { DEFAULT_INSPECT_LIMITS } from './attachments/inspect.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-directory.js';
import { loadCatalog } from './catalog.js';
import { loadCancelled, type CancelledList } from './cancelled.js';
import { GuideSlots, addGuide, assembleScores, emptyAggregate, type Aggregate } from './aggregate.js';
import { attachmentNotices, auditFile, indicatorNames, outOfScopeEntry, toFinding, type ActiveRule, type FilePartial, type FileRuntime, type GuideId } from './audit-file.js';
import type { Shard } from './shard.js';
import { collectGarbage } from './gc.js';
import { interner } from './memo.js';

export { inScope, type ActiveRule } from './audit-file.js';

export interface AuditOptions {
  cwd?: string;
  config?: Config;
  /** 'default': 依申请 guides only; 'all': every guide. */
  scope?: 'default' | 'all';
  /** Severity overrides, e.g. from `--rule id=off`. */
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  /** Absolute paths never read as inputs (the tool's own output files). */
  exclude?: string[];
  /** Extra folders where attachment files (blank and sample forms) are looked up. */
  attachments?: string[];
  /** National basic catalogue file (`--catalog`): enables 国家基本目录对应情况. */
  catalog?: string;
  /** Cancelled and adjusted items list (`--cancelled`): enables 事项动态化管理. */
  cancelled?: string;
  /** Write a corrected copy of every export into this folder (`--fix-out`); the report lists each change in `fixes`. */
  fixOut?: string;
  /** Clock for `generatedAt` (tests pin it). */
  now?: () => Date;
  /** Called after each file with counts so far (progress display). */
  onFile?: (info: { file: string; guides: number; done: number; total: number; bytesDone: number; bytesTotal: number }) => void;
  /** Audit only this share of the guides (`--shard i/n`). */
  shard?: Shard;
  /** Worker threads over files: a number, or 'auto' (default: several only for large multi-file runs). */
  jobs?: number | 'auto';
  /** With workers, JSONL files are cut into parts of at least this many bytes (default 16 MB). */
  jsonlPartBytes?: number;
}


/** Rules in force with their severity and options: registry defaults, then config, then overrides. */
export function resolveRules(config: Config | undefined, overrides: Record<string, SeveritySetting> = {}): ActiveRule[] {
  const known = new Map(RULES.map((r) => [r.meta.id, r]));
  const byIndicator = new Map(RULES.map((r) => [r.meta.indicator, r.meta.id]));
  const settings = new Map<string, { severity?: SeveritySetting; options?: Record<string, unknown> }>();
  const resolveId = (id: string, where: string) => {
    const real = known.has(id) ? id : byIndicator.get(id);
    if (!real) throw new ConfigError(`${where}：没有名为“${id}”的规则（用 guide-audit rules 查看全部规则）`);
    return real;
  };
  for (const [id, v] of Object.entries(config?.rules ?? {})) {
    const real = resolveId(id, '配置文件 rules');
    if (typeof v === 'string') settings.set(real, { severity: v });
    else settings.set(real, { severity: v[0], options: v[1] });
  }
  for (const [id, sev] of Object.entries(overrides)) {
    const real = resolveId(id, '--rule');
    settings.set(real, { ...settings.get(real), severity: sev });
  }
  const active: ActiveRule[] = [];
  for (const rule of RULES) {
    const s = settings.get(rule.meta.id);
    const sev = s?.severity ?? rule.meta.severity;
    if (sev === 'off') continue;
    let options = rule.meta.defaultOptions;
    if (s?.options) {
      const schema = rule.meta.options;
      if (!schema) throw new ConfigError(`规则 ${rule.meta.id} 没有可配置的选项`);
      const r = schema.safeParse(s.options);
      if (!r.success) throw new ConfigError(`规则 ${rule.meta.id} 的选项有误：${r.error.issues.map((i) => `${i.path.join('.') || '(根)'} ${i.message}`).join('；')}`);
      options = { ...rule.meta.defaultOptions, ...r.data };
    }
    active.push({ rule, severity: sev, options });
  }
  return active;
}

/** Everything a worker needs to rebuild the run's settings: plain, cloneable data. */
export interface RunSettings {
  cwd: string;
  config: Config;
  scope: 'default' | 'all';
  ruleOverrides: Record<string, SeveritySetting>;
  catalog?: Map<string, string>;
  cancelled?: CancelledList;
  attachments?: string[];
  exclude: string[];
  exports: string[];
  zipLimits: ZipLimits;
  shard?: Shard;
}

/** The per-file runtime from the run's settings (in the main thread or a worker). */
export function fileRuntime(s: RunSettings): FileRuntime {
  const active = resolveRules(s.config, s.ruleOverrides);
  const ctx: RuleContext = { ...(s.catalog ? { catalog: s.catalog } : {}), ...(s.cancelled ? { cancelled: s.cancelled } : {}) };
  const store = active.some((a) => a.rule.meta.attachments)
    ? new AttachmentStore({
      cwd: s.cwd, dirs: s.attachments, exports: new Set(s.exports), exclude: s.exclude,
      limits: { ...DEFAULT_INSPECT_LIMITS, maxZipEntryBytes: s.zipLimits.maxEntryBytes, maxZipRatio: s.zipLimits.maxRatio },
    })
    : undefined;
  return {
    config: s.config, scope: s.scope, active, ctx, ...(store ? { store } : {}), zipLimits: s.zipLimits, ...(s.shard ? { shard: s.shard } : {}),
    collectEvery: COLLECT_EVERY_GUIDES,
  };
}

/** Guides in a run above which it collects garbage between its phases (see gc.ts). */
const BIG_RUN = 20_000;
const BIG_PARTIAL = 5000;
/** A file's audit collects garbage after every this many guides (see gc.ts). */
const COLLECT_EVERY_GUIDES = 10_000;

const WORKER_URL = new URL('./worker.js', import.meta.url);
/**
 * A worker's young generation (MB). A worker allocates guides at a high rate and keeps little: V8's
 * default young generation lets each worker hold tens of MB more, for no speed (measured on the
 * 100k JSONL benchmark: 8–12 MB as fast as the default, 45–55 MB lower peak).
 */
const WORKER_YOUNG_MB = 12;
const AUTO_JOBS_MIN_BYTES = 8 * 1024 * 1024;
/**
 * A byte of JSON or JSONL is far less work than a byte of a workbook (no XML, no zip): it counts as
 * this fraction of a byte towards AUTO_JOBS_MIN_BYTES. Measured on 2 cores: a 52 MB JSONL (10k
 * guides) audits in 2.4 s in one thread and 2.9 s with two workers; 155 MB in 5.6 s and 5.0 s.
 */
const JSON_BYTE_WEIGHT = 1 / 12;
const isJson = (f: FileRef) => /\.(jsonl|ndjson|json)$/i.test(f.abs);

function failedPartial(file: FileRef, message: string): FilePartial {
  return {
    findings: [], guides: [], ids: [], setStates: [], skipped: [], notices: [], read: false, attachmentRefs: { urls: 0, unverified: 0 },
    // A part of a big JSONL file names the line it starts at, so the lost lines can be found.
    loadErrors: [{ file: file.display, ...(file.range ? { line: file.range.firstLine } : {}), message: `读取失败：${message}${file.range ? `（第 ${file.range.firstLine} 行起的部分未审核）` : ''}` }],
  };
}

/**
 * Yield each task's partial in task order; with jobs > 1, tasks are audited in worker threads, each
 * handed out as soon as it is known (see planTasks).
 */
async function* partials(tasks: TaskList, settings: RunSettings, jobs: number): AsyncGenerator<FilePartial> {
  const items = tasks.items;
  let wake: (() => void) | undefined;
  const waitForChange = () => new Promise<void>((r) => (wake = r));
  if (jobs <= 1) {
    const rt = fileRuntime(settings);
    tasks.changed = () => wake?.();
    for (let i = 0; ; i++) {
      while (i >= items.length && !tasks.complete) await waitForChange();
      if (i >= items.length) return;
      yield await auditFile(items[i]!.task, rt);
    }
  }
  const results = new Map<number, FilePartial>();
  let next = 0;
  let alive = 0;
  const workers: Worker[] = [];
  const parked: { w: Worker; current: { i: number } }[] = [];
  const settle = (i: number, p: FilePartial) => {
    if (!results.has(i)) results.set(i, p);
    wake?.();
  };
  const feed = (w: Worker, current: { i: number }) => {
    if (next >= items.length) {
      current.i = -1;
      // More parts are on their way: wait for them.
      if (!tasks.complete) {
        parked.push({ w, current });
        return;
      }
      // Nothing left for it: its heap is given back now, not when the last file is done.
      void w.terminate();
      return;
    }
    current.i = next++;
    w.postMessage({ i: current.i, file: items[current.i]!.task });
  };
  tasks.changed = () => {
    for (const p of parked.splice(0)) feed(p.w, p.current);
    wake?.();
  };
  for (let k = 0; k < jobs; k++) {
    const w = new Worker(WORKER_URL, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    const current = { i: -1 };
    let lastError: Error | undefined;
    alive++;
    w.on('message', (msg: { i: number; partial?: FilePartial; error?: string }) => {
      settle(msg.i, msg.partial ?? failedPartial(items[msg.i]!.task, msg.error ?? '未知错误'));
      feed(w, current);
    });
    w.on('error', (e) => {
      lastError = e;
    });
    // A worker that dies takes only the file it was on with it: that file becomes a load error.
    w.on('exit', () => {
      alive--;
      const at = parked.findIndex((p) => p.w === w);
      if (at >= 0) parked.splice(at, 1);
      if (current.i >= 0) settle(current.i, failedPartial(items[current.i]!.task, lastError?.message ?? '工作线程意外退出'));
      current.i = -1;
      wake?.();
    });
    workers.push(w);
    feed(w, current);
  }
  let local: FileRuntime | undefined;
  try {
    for (let i = 0; ; i++) {
      while (!results.has(i)) {
        if (i >= items.length) {
          if (tasks.complete) return;
          await waitForChange();
          continue;
        }
        // Every worker gone and task i never handed out: audit it here rather than lose it.
        if (alive === 0 && i >= next) {
          local ??= fileRuntime(settings);
          next = i + 1;
          settle(i, await auditFile(items[i]!.task, local));
          break;
        }
        await waitForChange();
      }
      const p = results.get(i)!;
      results.delete(i);
      yield p;
    }
  } finally {
    tasks.changed = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A JSONL file at least this big is cut into parts (at line starts) that workers audit side by side. */
const JSONL_PART_MIN_BYTES = 16 * 1024 * 1024;
const MAX_PARTS = 1024;

const isJsonl = (f: FileRef) => /\.(jsonl|ndjson)$/i.test(f.abs);

async function chooseJobs(jobs: number | 'auto' | undefined, files: FileRef[], sizes: number[], partBytes: number): Promise<number> {
  // Running from the TypeScript sources (the tests): there is no built worker to start.
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const units = files.reduce((n, f, i) => n + (isJsonl(f) ? Math.max(1, Math.floor(sizes[i]! / partBytes)) : 1), 0);
  if (units < 2) return 1;
  if (typeof jobs === 'number') return Math.max(1, Math.min(jobs, units));
  const work = files.reduce((w, f, i) => w + sizes[i]! * (isJson(f) ? JSON_BYTE_WEIGHT : 1), 0);
  return work >= AUTO_JOBS_MIN_BYTES ? Math.min(availableParallelism(), units, 4) : 1;
}

/**
 * Byte offsets of the starts of the lines that follow each target offset, with their line numbers,
 * as the scan finds them (several targets within one line give the same start). Cuts are made after
 * a \n; lines are counted as the reader counts them (\n, \r\n, and a lone \r, readline's rule).
 */
async function* lineStarts(file: string, targets: number[]): AsyncGenerator<{ start: number; line: number }> {
  const { open } = await import('node:fs/promises');
  const fh = await open(file, 'r');
  const buf = Buffer.alloc(4 * 1024 * 1024);
  let pos = 0;
  let line = 1;
  let t = 0;
  // The previous chunk ended with \r: a lone one unless this chunk starts with \n.
  let crAtEnd = false;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      if (crAtEnd && buf[0] !== 10) line++;
      const found: { start: number; line: number }[] = [];
      // Each \r of the chunk is visited once, in order (none at all in most exports).
      let cr = buf.indexOf(13, 0);
      const nextCr = (from: number) => {
        const j = buf.indexOf(13, from);
        return j >= 0 && j < bytesRead ? j : -1;
      };
      if (cr >= bytesRead) cr = -1;
      /** Lone \r before `to`, a \n (lf) or the chunk's end: a \r right before a \n is part of \r\n. */
      const lone = (to: number, lf: boolean) => {
        let n = 0;
        for (; cr >= 0 && cr < to; cr = nextCr(cr + 1)) if (cr + 1 < to || !lf) n++;
        return n;
      };
      for (let i = buf.indexOf(10, 0); i >= 0 && i < bytesRead; i = buf.indexOf(10, i + 1)) {
        line += lone(i, true) + 1;
        while (t < targets.length && pos + i + 1 > targets[t]!) {
          found.push({ start: pos + i + 1, line });
          t++;
        }
      }
      // After the last \n: lone \r before the chunk's last byte; a \r there waits for the next chunk.
      crAtEnd = buf[bytesRead - 1] === 13;
      line += lone(crAtEnd ? bytesRead - 1 : bytesRead, false);
      yield* found;
      pos += bytesRead;
      if (t >= targets.length) break;
    }
  } finally {
    await fh.close();
  }
}


interface Task {
  task: FileRef;
  file: number;
  last: boolean;
}

/** The run's units of work as they become known: workers start on the first while the rest are found. */
interface TaskList {
  items: Task[];
  complete: boolean;
  /** Called when items are added or the list completes. */
  changed?: () => void;
}

/**
 * Fill `list` with the run's units of work: whole files, and big JSONL files cut into parts when
 * workers share the run. A part needs the line number it starts at, so the cuts come from one scan
 * of the file; each part is handed out as soon as the scan has passed its end.
 */
async function planTasks(list: TaskList, files: FileRef[], sizes: number[], jobs: number, partBytes: number): Promise<void> {
  const add = (t: Task) => {
    list.items.push(t);
    list.changed?.();
  };
  try {
    for (const [i, f] of files.entries()) {
      const size = sizes[i]!;
      // Parts of about partBytes each: a part's partial is held whole while it crosses to the main thread.
      const parts = jobs > 1 && isJsonl(f) ? Math.min(MAX_PARTS, Math.floor(size / partBytes)) : 1;
      if (parts < 2) {
        add({ task: f, file: i, last: true });
        continue;
      }
      let from = { start: 0, line: 1 };
      const part = (end: number, last: boolean) => add({ task: { ...f, range: { start: from.start, end, firstLine: from.line } }, file: i, last });
      try {
        for await (const cut of lineStarts(f.abs, Array.from({ length: parts - 1 }, (_, k) => Math.round((size * (k + 1)) / parts)))) {
          if (cut.start >= size || cut.start <= from.start) continue;
          part(cut.start, false);
          from = cut;
        }
      } catch {
        // The file cannot be scanned: the rest goes as one part, whose reading reports the error.
      }
      part(size, true);
    }
  } finally {
    list.complete = true;
    list.changed?.();
  }
}

export async function audit(paths: string[], options: AuditOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? {};
  const scope = options.scope ?? config.scope ?? 'default';
  const active = resolveRules(config, options.rules);
  const setRules = active.filter((a) => a.rule.kind === 'set');
  const zipLimits: ZipLimits = {
    maxEntryBytes: (config.limits?.zipEntryMB ?? DEFAULT_ZIP_LIMITS.maxEntryBytes / 1024 / 1024) * 1024 * 1024,
    maxRatio: config.limits?.zipRatio ?? DEFAULT_ZIP_LIMITS.maxRatio,
  };
  const catalogFile = options.catalog ?? config.catalog;
  const catalog = catalogFile ? await loadCatalog(catalogFile, cwd) : undefined;
  const cancelledFile = options.cancelled ?? config.cancelled;
  const cancelled = cancelledFile ? await loadCancelled(cancelledFile, cwd) : undefined;
  const ctx: RuleContext = { ...(catalog ? { catalog } : {}), ...(cancelled ? { cancelled } : {}) };
  // The folder of corrected copies is output, never input; it may not hold the inputs either.
  if (options.fixOut) {
    const dir = path.resolve(cwd, options.fixOut);
    const inside = paths.find((p) => {
      const abs = path.resolve(cwd, p);
      return abs === dir || abs.startsWith(dir + path.sep);
    });
    if (inside !== undefined) throw new ConfigError(`--fix-out ${options.fixOut} 包含输入 ${inside}：修正副本会与输入混在一起或覆盖输入，请指定另一个文件夹`);
  }
  const exclude = [...(options.exclude ?? []), ...(options.fixOut ? [options.fixOut] : [])].map((p) => path.resolve(cwd, p));
  const { files, missing } = await discover(paths, { cwd, ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])], exclude });
  // Checked before any work: a copy must never land on an input.
  const fixOutputs = options.fixOut ? await (await import('./fix/index.js')).checkFixOut(files, options.fixOut, cwd) : undefined;
  const attachments = options.attachments ?? config.attachments;
  const settings: RunSettings = {
    cwd, config, scope, ruleOverrides: options.rules ?? {}, exclude, exports: files.map((f) => f.abs), zipLimits,
    ...(catalog ? { catalog } : {}),
    ...(cancelled ? { cancelled } : {}),
    ...(attachments ? { attachments } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
  const sizes = await Promise.all(files.map((f) => stat(f.abs).then((s) => s.size, () => 0)));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const partBytes = options.jsonlPartBytes ?? JSONL_PART_MIN_BYTES;
  const jobs = await chooseJobs(options.jobs, files, sizes, partBytes);
  const tasks: TaskList = { items: [], complete: false };
  const planned = planTasks(tasks, files, sizes, jobs, partBytes);

  const loadErrors: LoadError[] = missing.map((p) => ({ file: p, message: '路径不存在' }));
  const skipped: Report['skipped'] = [];
  const notices: string[] = [];
  const findings: Finding[] = [];
  // Each guide is counted as its partial arrives; a run keeps of it only what a set-rule finding
  // may need later: its groups (interned strings, shared by every guide of a department) and, when
  // set rules are in force, its identity.
  const names = indicatorNames(active);
  const agg = emptyAggregate();
  const slots = new GuideSlots();
  const ids: GuideId[] = [];
  const intern = interner();
  const setStates = setRules.map((a) => (a.rule.kind === 'set' ? a.rule.init(a.options, ctx) : undefined));
  const refs = { urls: 0, unverified: 0 };
  let filesRead = 0;
  let done = 0;
  let bytesDone = 0;
  // Per file, across its parts: was it read, did it give any guide or error.
  let fileRead = false;
  let fileGuides = 0;
  let fileErrors = 0;
  for await (const p of partials(tasks, settings, jobs)) {
    const { task, file: fi, last } = tasks.items[done]!;
    const offset = slots.length;
    // Set-rule states fold in file order, their keys shifted to the run's numbering.
    setRules.forEach((ar, i) => {
      if (ar.rule.kind === 'set' && p.setStates[i] !== undefined) ar.rule.merge(setStates[i], p.setStates[i], offset, ar.options);
    });
    for (const r of p.guides) {
      r.department = intern(r.department);
      r.region = intern(r.region);
      addGuide(agg, r, names);
      slots.push(r);
    }
    if (setRules.length) {
      for (const id of p.ids) {
        ids.push({
          code: id.code, handleCode: id.handleCode, name: intern(id.name), department: intern(id.department),
          loc: { ...id.loc, file: intern(id.loc.file)!, ...(id.loc.sheet !== undefined ? { sheet: intern(id.loc.sheet) } : {}) },
        });
      }
    }
    for (const f of p.findings) findings.push(f);
    loadErrors.push(...p.loadErrors);
    skipped.push(...p.skipped);
    notices.push(...p.notices);
    refs.urls += p.attachmentRefs.urls;
    refs.unverified += p.attachmentRefs.unverified;
    // Folded in, a big partial is mostly garbage: collect it before the next one arrives (see gc.ts).
    if (p.guides.length >= BIG_PARTIAL) collectGarbage();
    fileRead ||= p.read;
    fileGuides += p.guides.length;
    fileErrors += p.loadErrors.length;
    bytesDone += task.range ? task.range.end - task.range.start : sizes[fi]!;
    done++;
    if (last) {
      // A file cut into parts is one file: counted once, and skipped when no part found a guide.
      if (task.range && fileGuides === 0 && fileErrors === 0 && !skipped.some((x) => x.file === task.display)) {
        skipped.push({ file: task.display, reason: '没有可识别的办事指南数据' });
        fileRead = false;
      }
      if (fileRead) filesRead++;
      fileRead = false;
      fileGuides = 0;
      fileErrors = 0;
      options.onFile?.({ file: task.display, guides: slots.length, done: fi + 1, total: files.length, bytesDone, bytesTotal });
    }
  }
  await planned;
  mergeOutOfScope(skipped);
  // The partials are folded in: what they held besides is garbage (see gc.ts).
  const big = slots.length >= BIG_RUN;
  if (big) collectGarbage();

  setRules.forEach((ar, i) => {
    const rule = ar.rule;
    if (rule.kind !== 'set') return;
    const failed = new Set<number>();
    for (const f of rule.finalize(setStates[i], ar.options)) {
      const id = ids[f.guideKey];
      if (!id || f.guideKey >= slots.length) continue;
      findings.push(toFinding(ar, id, f));
      slots.addFinding(agg, f.guideKey, rule.meta.indicator, !failed.has(f.guideKey));
      failed.add(f.guideKey);
    }
  });
  notices.push(...attachmentNotices(refs));
  const report = assembleReport({
    paths, scope, config, active, findings, loadErrors, skipped, notices, filesRead, agg, refs,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    ...(options.shard ? { shard: options.shard } : {}),
  });
  if (big) collectGarbage();
  if (options.fixOut) {
    const { fixExports } = await import('./fix/index.js');
    const fixed = await fixExports(files, { cwd, outDir: options.fixOut, config, zipLimits, ...(fixOutputs ? { outputs: fixOutputs } : {}) });
    report.fixOut = { dir: fixed.dir, files: fixed.files, changedFiles: fixed.changedFiles, changes: fixed.changes.length };
    report.fixes = fixed.changes;
    report.notices.push(...fixed.notices);
  }
  return report;
}

/** One out-of-scope entry per file, however many parts of it were audited apart. */
function mergeOutOfScope(skipped: Report['skipped']): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < skipped.length; i++) {
    const s = skipped[i]!;
    if (!s.byType) continue;
    const j = seen.get(s.file);
    if (j === undefined) {
      seen.set(s.file, i);
      continue;
    }
    const byType = { ...skipped[j]!.byType };
    for (const [t, c] of Object.entries(s.byType)) byType[t] = (byType[t] ?? 0) + c;
    skipped[j] = outOfScopeEntry(s.file, Object.fromEntries(Object.entries(byType).sort((a, b) => (a[0] < b[0] ? -1 : 1))));
    skipped.splice(i--, 1);
  }
}

export interface ReportParts {
  paths: string[];
  scope: 'default' | 'all';
  config: Config;
  active: ActiveRule[];
  findings: Finding[];
  loadErrors: LoadError[];
  skipped: Report['skipped'];
  notices: string[];
  filesRead: number;
  agg: Aggregate;
  refs: { urls: number; unverified: number };
  generatedAt: string;
  shard?: Shard;
}

/** The report from its parts: sorted findings, scores and statistics from the aggregate. */
export function assembleReport(p: ReportParts): Report {
  const weights = p.config.scoring?.weights ?? {};
  const bands = p.config.scoring?.bands ?? DEFAULT_BANDS;
  const { scores, stats } = assembleScores(p.agg, {
    indicators: p.active.map((a) => a.rule.meta.indicator),
    scored: p.active.filter((a) => a.rule.meta.scored).map((a) => a.rule.meta.indicator),
    weights, bands,
  });
  const findings = [...p.findings].sort(compareFindings);
  const loadErrors = [...p.loadErrors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? a.row ?? 0) - (b.line ?? b.row ?? 0)));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'guide-audit', version: TOOL_VERSION },
    generatedAt: p.generatedAt,
    options: {
      scope: p.scope, paths: [...p.paths],
      ...(p.shard ? { shard: `${p.shard.index}/${p.shard.count}` } : {}),
      scoring: { weights: { ...weights }, bands: bands.map((b) => ({ ...b })) },
    },
    summary: {
      files: p.filesRead,
      guides: p.agg.all.guides,
      findings: findings.length,
      errors,
      warnings: findings.length - errors,
      loadErrors: loadErrors.length,
      skipped: p.skipped.reduce((a, s) => a + (s.count ?? 1), 0),
      permitGuides: p.agg.permit.guides,
      guidesWithFindings: p.agg.guidesWithFindings,
    },
    scores,
    stats,
    rules: p.active.map((a) => ({ id: a.rule.meta.id, indicator: a.rule.meta.indicator, severity: a.severity, scored: a.rule.meta.scored })),
    findings,
    loadErrors,
    skipped: p.skipped,
    notices: p.notices,
    ...(p.refs.urls || p.refs.unverified ? { attachmentRefs: { ...p.refs } } : {}),
  };
}
