// The audit pipeline: discover → load (guide by guide) → per-guide rules as guides arrive → set rules
// finalize → one report object, from which every reporter renders.
import path from 'node:path';
import { ConfigError, type Config, type SeveritySetting } from './config.js';
import { GuideSchema, NON_APPLICATION_TYPES, isPermit, type Guide } from './model.js';
import { discover, loadFile, sourceFor } from './loaders/index.js';
import type { LoadError } from './loaders/types.js';
import { RULES } from '../rules/index.js';
import { renderTemplate, type Rule, type RuleFinding, type Severity } from './rule.js';
import { SCHEMA_VERSION, UNKNOWN_DEPARTMENT, type Finding, type Report } from './report.js';
import { bandOf, groupBy, mode, overallScore, tally, type GuideOutcome, DEFAULT_BANDS } from './scoring.js';
import { regionOf } from './parsers/item-code.js';
import { REFERENCE_2018, ScopedStats } from './stats.js';
import { TOOL_VERSION } from './version.js';
import { compareFindings } from './sort.js';
import { AttachmentStore } from './attachments/store.js';
import { DEFAULT_INSPECT_LIMITS } from './attachments/inspect.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-directory.js';
import { loadCatalog } from './catalog.js';
import type { RuleContext } from './rule.js';
import type { FileRef } from './loaders/types.js';

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
  /** Clock for `generatedAt` (tests pin it). */
  now?: () => Date;
  /** Called after each file with counts so far (progress display). */
  onFile?: (info: { file: string; guides: number; done: number; total: number }) => void;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: any;
}

const UNKNOWN_REGION = '（未知区划）';

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

export function inScope(g: Guide, scope: 'default' | 'all'): boolean {
  return scope === 'all' || !g.itemType || !NON_APPLICATION_TYPES.includes(g.itemType);
}

function toFinding(ar: ActiveRule, g: Guide, f: RuleFinding): Finding {
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

/** Fill in what each blank-form, sample-form and flowchart reference resolves to (rules never read files). */
async function resolveAttachments(g: Guide, file: FileRef, store: AttachmentStore): Promise<void> {
  for (const m of g.materials) {
    if (m.blankForm !== undefined) m.blankFormRes = await store.resolve(m.blankForm, file.abs, file.display);
    if (m.sampleForm !== undefined) m.sampleFormRes = await store.resolve(m.sampleForm, file.abs, file.display);
  }
  if (g.flowchart !== undefined) g.flowchartRes = await store.resolve(g.flowchart, file.abs, file.display);
}

export async function audit(paths: string[], options: AuditOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? {};
  const scope = options.scope ?? config.scope ?? 'default';
  const active = resolveRules(config, options.rules);
  const guideRules = active.filter((a) => a.rule.kind === 'guide');
  const setRules = active.filter((a) => a.rule.kind === 'set');
  const zipLimits: ZipLimits = {
    maxEntryBytes: (config.limits?.zipEntryMB ?? DEFAULT_ZIP_LIMITS.maxEntryBytes / 1024 / 1024) * 1024 * 1024,
    maxRatio: config.limits?.zipRatio ?? DEFAULT_ZIP_LIMITS.maxRatio,
  };
  const catalogFile = options.catalog ?? config.catalog;
  const ctx: RuleContext = catalogFile ? { catalog: await loadCatalog(catalogFile, cwd) } : {};
  const setStates = setRules.map((a) => (a.rule.kind === 'set' ? a.rule.init(a.options, ctx) : undefined));

  const { files, missing } = await discover(paths, { cwd, ignore: [...(config.ignore ?? []), ...(options.ignore ?? [])], exclude: options.exclude });
  const store = active.some((a) => a.rule.meta.attachments)
    ? new AttachmentStore({
      cwd, dirs: options.attachments ?? config.attachments, exports: new Set(files.map((f) => f.abs)),
      exclude: (options.exclude ?? []).map((p) => path.resolve(cwd, p)),
      limits: { ...DEFAULT_INSPECT_LIMITS, maxZipEntryBytes: zipLimits.maxEntryBytes, maxZipRatio: zipLimits.maxRatio },
    })
    : undefined;
  const loadErrors: LoadError[] = missing.map((p) => ({ file: p, message: '路径不存在' }));
  const skipped: Report['skipped'] = [];
  const notices: string[] = [];
  const findings: Finding[] = [];
  const outcomes: GuideOutcome[] = [];
  // Identity of each audited guide, kept compactly for set-rule findings.
  const guideIds: { guide: Pick<Guide, 'code' | 'handleCode' | 'name' | 'department' | 'loc'> }[] = [];
  const stats = new ScopedStats();
  const deptStats = new Map<string, ScopedStats>();
  const regionStats = new Map<string, ScopedStats>();
  const statsOf = (m: Map<string, ScopedStats>, k: string) => m.get(k) ?? m.set(k, new ScopedStats()).get(k)!;
  let filesRead = 0;

  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi]!;
    const source = sourceFor(file, config.sources);
    let guidesInFile = 0;
    const outOfScope = new Map<string, number>();
    let fileSkipped = false;
    for await (const ev of loadFile(file, source, { zipLimits })) {
      if (ev.kind === 'error') loadErrors.push(ev.error);
      else if (ev.kind === 'skipped') {
        skipped.push({ file: file.display, reason: ev.reason });
        fileSkipped = true;
      } else if (ev.kind === 'notice') notices.push(ev.message);
      else {
        const parsed = GuideSchema.safeParse(ev.guide);
        if (!parsed.success) {
          loadErrors.push({ ...ev.guide.loc, message: `数据结构不符合规范：${parsed.error.issues[0]?.message ?? ''}` });
          continue;
        }
        const g = ev.guide;
        if (!inScope(g, scope)) {
          outOfScope.set(g.itemType!, (outOfScope.get(g.itemType!) ?? 0) + 1);
          continue;
        }
        guidesInFile++;
        if (store) await resolveAttachments(g, file, store);
        const key = guideIds.length;
        guideIds.push({ guide: { code: g.code, handleCode: g.handleCode, name: g.name, department: g.department, loc: g.loc } });
        const outcome: GuideOutcome = {
          department: g.department?.trim() || UNKNOWN_DEPARTMENT,
          region: regionOf(g) ?? UNKNOWN_REGION,
          permit: isPermit(g),
          indicators: new Map(),
          findings: 0,
        };
        for (const ar of guideRules) {
          const rule = ar.rule;
          if (rule.kind !== 'guide') continue;
          if (rule.applies && !rule.applies(g, ar.options, ctx)) continue;
          const fs = rule.check(g, ar.options, ctx);
          const ind = rule.meta.indicator;
          outcome.indicators.set(ind, (outcome.indicators.get(ind) ?? false) || fs.length > 0);
          for (const f of fs) findings.push(toFinding(ar, g, f));
          outcome.findings += fs.length;
        }
        setRules.forEach((ar, i) => {
          const rule = ar.rule;
          if (rule.kind !== 'set') return;
          if (rule.applies && !rule.applies(g, ar.options, ctx)) return;
          outcome.indicators.set(rule.meta.indicator, false);
          rule.add(setStates[i], g, key, ar.options);
        });
        outcomes.push(outcome);
        stats.add(g, outcome.permit);
        statsOf(deptStats, outcome.department).add(g, outcome.permit);
        statsOf(regionStats, outcome.region).add(g, outcome.permit);
      }
    }
    if (outOfScope.size) {
      const n = [...outOfScope.values()].reduce((a, b) => a + b, 0);
      const detail = [...outOfScope].sort().map(([t, c]) => `${t} ${c}`).join('、');
      skipped.push({ file: file.display, reason: `${n} 个事项不属于依申请类（${detail}），默认不审核；--scope all 可一并审核`, count: n });
    }
    if (!fileSkipped || guidesInFile > 0) filesRead++;
    options.onFile?.({ file: file.display, guides: outcomes.length, done: fi + 1, total: files.length });
  }

  setRules.forEach((ar, i) => {
    const rule = ar.rule;
    if (rule.kind !== 'set') return;
    for (const f of rule.finalize(setStates[i], ar.options)) {
      const id = guideIds[f.guideKey];
      const o = outcomes[f.guideKey];
      if (!id || !o) continue;
      findings.push(toFinding(ar, id.guide as Guide, f));
      o.indicators.set(rule.meta.indicator, true);
      o.findings++;
    }
  });

  if (store?.stats.urls) notices.push(`${store.stats.urls} 处表格或流程图引用是网址，无法离线下载，只按网址中的扩展名判断，文件内容未核验`);
  if (store?.stats.unverified) {
    notices.push(`导出文件所在文件夹中没有任何附件文件，${store.stats.unverified} 处表格或流程图引用只检查了“是否提供”，文件内容未核验（可用 --attachments 指定附件目录）`);
  }
  findings.sort(compareFindings);
  const indicators = active.map((a) => a.rule.meta.indicator);
  const scored = active.filter((a) => a.rule.meta.scored).map((a) => a.rule.meta.indicator);
  const weights = config.scoring?.weights ?? {};
  const bands = config.scoring?.bands ?? DEFAULT_BANDS;
  const scoreOf = (list: GuideOutcome[]) => {
    const t = tally(list, indicators);
    const overall = overallScore(t, scored, weights);
    return { t, overall, band: bandOf(overall, bands) };
  };
  const all = scoreOf(outcomes);
  const permitOutcomes = outcomes.filter((o) => o.permit);
  const permit = scoreOf(permitOutcomes);
  const departments = [...groupBy(outcomes, (o) => o.department)].map(([department, list]) => {
    const s = scoreOf(list);
    const region = mode(list.map((o) => o.region));
    return {
      department,
      ...(region && region !== UNKNOWN_REGION ? { region } : {}),
      score: s.overall, band: s.band, guides: list.length,
      findings: list.reduce((a, o) => a + o.findings, 0),
      indicators: s.t,
      stats: deptStats.get(department)!.result(),
    };
  });
  // Ranking: score descending (no score last), then name.
  departments.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  const regions = [...groupBy(outcomes, (o) => o.region)].map(([region, list]) => {
    const s = scoreOf(list);
    return {
      region, score: s.overall, band: s.band, guides: list.length, findings: list.reduce((a, o) => a + o.findings, 0), indicators: s.t,
      stats: regionStats.get(region)!.result(),
    };
  }).sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));

  const errors = findings.filter((f) => f.severity === 'error').length;
  loadErrors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? a.row ?? 0) - (b.line ?? b.row ?? 0)));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'guide-audit', version: TOOL_VERSION },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    options: { scope, paths: [...paths] },
    summary: {
      files: filesRead,
      guides: outcomes.length,
      findings: findings.length,
      errors,
      warnings: findings.length - errors,
      loadErrors: loadErrors.length,
      skipped: skipped.reduce((a, s) => a + (s.count ?? 1), 0),
      permitGuides: permitOutcomes.length,
      guidesWithFindings: outcomes.filter((o) => o.findings > 0).length,
    },
    scores: {
      overall: all.overall,
      band: all.band,
      permitOnly: { overall: permit.overall, band: permit.band, guides: permitOutcomes.length },
      indicators: all.t,
      permitIndicators: permit.t,
      departments,
      regions,
    },
    stats: { ...stats.result(), reference: { ...REFERENCE_2018 } },
    rules: active.map((a) => ({ id: a.rule.meta.id, indicator: a.rule.meta.indicator, severity: a.severity, scored: a.rule.meta.scored })),
    findings,
    loadErrors,
    skipped,
    notices,
  };
}
