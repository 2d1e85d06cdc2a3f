// `guide-audit merge report-*.json`: shard reports (`--shard i/n`) into the report of a single run.
// Findings concatenate; scores and statistics are rebuilt from the whole-number sums each report
// carries; what every shard repeats (load errors, skipped files, notices) is kept once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, describeIssues } from './config.js';
import { addAggregate, aggregateOfReport, emptyAggregate } from './aggregate.js';
import { assembleReport } from './engine.js';
import { attachmentNotices, outOfScopeEntry, type ActiveRule } from './audit-file.js';
import { RULES } from '../rules/index.js';
import { ReportSchema, type Report } from './report.js';
import { parseShard } from './shard.js';

export async function loadReports(files: string[], cwd: string): Promise<{ file: string; report: Report }[]> {
  const out: { file: string; report: Report }[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse((await readFile(path.resolve(cwd, file), 'utf8')).replace(/^\uFEFF/, ''));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(code ? `无法读取报告 ${file}：${code}` : `报告 ${file} 不是合法的 JSON：${(e as Error).message}`);
    }
    const r = ReportSchema.safeParse(doc);
    if (!r.success) throw new ConfigError(`${file} 不是 guide-audit 的 JSON 报告（schemaVersion 1）：\n${describeIssues(r.error.issues.slice(0, 5))}`);
    // The document as written, not zod's copy: zod rebuilds objects in schema key order.
    out.push({ file, report: doc as Report });
  }
  return out;
}

const key = (v: unknown) => JSON.stringify(v);

/** One report from the shard reports of a run; refuses shards that do not belong together. */
export function mergeReports(parts: { file: string; report: Report }[]): Report {
  if (parts.length === 0) throw new ConfigError('merge 需要至少一个报告文件');
  const first = parts[0]!.report;
  const counts = new Set<number>();
  const seen = new Map<number, string>();
  for (const { file, report } of parts) {
    if (report.baseline || report.suppressions) throw new ConfigError(`${file} 已应用 --baseline 或 --suppressions：请在 merge 时再指定它们`);
    for (const [what, a, b] of [
      ['tool.version', report.tool.version, first.tool.version],
      ['options.scope', report.options.scope, first.options.scope],
      ['options.paths', key(report.options.paths), key(first.options.paths)],
      ['options.scoring', key(report.options.scoring), key(first.options.scoring)],
      ['rules', key(report.rules), key(first.rules)],
    ] as const) {
      if (a !== b) throw new ConfigError(`${file} 与 ${parts[0]!.file} 的 ${what} 不同，不是同一次审核的分片`);
    }
    const shard = report.options.shard ? parseShard(report.options.shard) : undefined;
    if (!shard) {
      if (parts.length > 1) throw new ConfigError(`${file} 不是分片报告（没有 --shard）`);
      continue;
    }
    counts.add(shard.count);
    if (seen.has(shard.index)) throw new ConfigError(`分片 ${report.options.shard} 出现了两次：${seen.get(shard.index)} 和 ${file}`);
    seen.set(shard.index, file);
  }
  if (counts.size > 1) throw new ConfigError(`分片总数不一致：${[...counts].join('、')}`);
  const n = [...counts][0];
  if (n !== undefined) {
    const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length) throw new ConfigError(`缺少分片 ${missing.map((i) => `${i}/${n}`).join('、')}，合并结果会不完整`);
  }

  const agg = emptyAggregate();
  for (const { report } of parts) addAggregate(agg, aggregateOfReport(report));
  // Every shard reads every file: what a file says of itself (errors, skips, notices) repeats; guides do not.
  const once = <T>(lists: T[][]) => {
    const m = new Map<string, T>();
    for (const l of lists) for (const x of l) if (!m.has(key(x))) m.set(key(x), x);
    return [...m.values()];
  };
  const byFile = new Map<string, Record<string, number>>();
  const plainSkips: Report['skipped'] = [];
  for (const { report } of parts) {
    for (const s of report.skipped) {
      if (!s.byType) {
        plainSkips.push(s);
        continue;
      }
      const t = byFile.get(s.file) ?? {};
      for (const [type, c] of Object.entries(s.byType)) t[type] = (t[type] ?? 0) + c;
      byFile.set(s.file, t);
    }
  }
  const skipped = [...once([plainSkips]), ...[...byFile].map(([file, t]) => outOfScopeEntry(file, Object.fromEntries(Object.entries(t).sort((a, b) => (a[0] < b[0] ? -1 : 1)))))];
  // Skips keep the order of a single run: by file, the non-export skip before the out-of-scope one.
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.byType ? 1 : 0) - (b.byType ? 1 : 0)));
  const refs = { urls: 0, unverified: 0 };
  for (const { report } of parts) {
    refs.urls += report.attachmentRefs?.urls ?? 0;
    refs.unverified += report.attachmentRefs?.unverified ?? 0;
  }
  const counted = new Set(parts.flatMap(({ report }) => attachmentNotices(report.attachmentRefs ?? { urls: 0, unverified: 0 })));
  const notices = [...once(parts.map(({ report }) => report.notices.filter((x) => !counted.has(x)))), ...attachmentNotices(refs)];
  const registry = new Map(RULES.map((r) => [r.meta.id, r]));
  const active: ActiveRule[] = first.rules.map((r) => ({ rule: registry.get(r.id)!, severity: r.severity, options: undefined }));
  if (active.some((a) => !a.rule)) throw new ConfigError('报告中的规则与本版本不一致');
  const generatedAt = parts.map(({ report }) => report.generatedAt).sort().at(-1)!;
  return assembleReport({
    paths: first.options.paths,
    scope: first.options.scope,
    config: { scoring: first.options.scoring ?? {} },
    active,
    findings: parts.flatMap(({ report }) => report.findings),
    loadErrors: once(parts.map(({ report }) => report.loadErrors)),
    skipped,
    notices,
    filesRead: Math.max(...parts.map(({ report }) => report.summary.files)),
    agg,
    refs,
    generatedAt,
  });
}
