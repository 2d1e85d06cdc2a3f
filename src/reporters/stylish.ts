// Human-readable report in Chinese, grouped by file and guide, with a summary and the score.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, Report } from '../report.js';
import { guideTitle, positionText } from './location.js';

export interface StylishOptions {
  color: boolean;
  /** Only errors (ESLint's --quiet). */
  quiet?: boolean;
}

const fmtScore = (s: number | null) => (s === null ? '—' : s.toFixed(1));
const pct = (r: { value: number | null }) => (r.value === null ? '—' : `${(100 * r.value).toFixed(2)}%`);
const frac = (r: { numerator: number; denominator: number }) => `${+r.numerator.toFixed(2)}/${r.denominator}`;

/** Section G statistics over 行政许可 and all guides, next to the 2018 reference values. */
function statsLines(report: Report, c: ChalkInstance): string[] {
  const { permit, all, reference: ref } = report.stats;
  const row = (label: string, p: string, a: string, refText = '') => `  ${label.padEnd(9, '　')} ${p.padStart(16)}  ${a.padStart(16)}${refText ? c.dim(`  参考 ${refText}`) : ''}`;
  const ratioRow = (label: string, key: 'instantShare' | 'zeroVisitShare' | 'atMostOneVisitShare', refValue?: number) =>
    row(label, `${pct(permit[key])} (${frac(permit[key])})`, `${pct(all[key])} (${frac(all[key])})`, refValue === undefined ? '' : pct({ value: refValue }));
  const depth = (d: typeof all.onlineDepth) => `${d.I}/${d.II}/${d.III}/${d.IV}`;
  const avg = (r: { value: number | null }) => (r.value === null ? '—' : r.value.toFixed(2));
  return [
    c.bold(`评估统计（参考值：${ref.source}）：`),
    c.dim(row('', '行政许可', '全部事项')),
    row('承诺时限压缩比例', `${pct(permit.commitmentCompression)} (n=${permit.commitmentCompression.n})`, `${pct(all.commitmentCompression)} (n=${all.commitmentCompression.n})`, pct({ value: ref.commitmentCompression })),
    ratioRow('即办件占比', 'instantShare'),
    ratioRow('一次不用跑', 'zeroVisitShare', ref.zeroVisitShare),
    ratioRow('最多跑一次', 'atMostOneVisitShare', ref.atMostOneVisitShare),
    row('平均到现场次数', avg(permit.averageVisits), avg(all.averageVisits)),
    row('网办深度Ⅰ/Ⅱ/Ⅲ/Ⅳ级', depth(permit.onlineDepth), depth(all.onlineDepth)),
    row('平均填写要素数', avg(permit.averageFilledElements), avg(all.averageFilledElements), `${ref.averageFilledElements} 项（评估口径）`),
  ];
}

const FIX_NAMES: Record<string, string> = {
  'phone-separator': '电话分隔符', 'afternoon-time': '24小时制', 'duration-unit': '时限单位', 'fullwidth-digits': '全角数字',
};

/** `--fix-out`: every value changed in the corrected copies, by file. */
function fixLines(report: Report, c: ChalkInstance, quiet: boolean): string[] {
  const fo = report.fixOut!;
  const fixes = report.fixes ?? [];
  const out = [c.bold(`自动修正：已将 ${fo.files} 个文件的修正副本写入 ${fo.dir}，其中 ${fo.changedFiles} 个文件共修改 ${fo.changes} 处（输入文件未改动；上面列出的是输入文件的问题）`)];
  if (quiet) return out;
  let file: string | undefined;
  for (const f of fixes) {
    if (f.file !== file) {
      file = f.file;
      out.push(`  ${c.underline(f.file)} → ${f.output}`);
    }
    const where = [positionText(f), f.cell ? `${f.cell}` : ''].filter(Boolean).join(' ');
    const kinds = f.fixes.map((k) => FIX_NAMES[k] ?? k).join('、');
    out.push(`    ${c.dim(where)}  ${guideTitle(f.guide)}  ${f.field}${f.column !== f.field ? `（${f.column}）` : ''}：“${f.before}” → ${c.green(`“${f.after}”`)}  ${c.dim(`[${kinds}]`)}`);
  }
  return out;
}

export function renderStylish(report: Report, opts: StylishOptions): string {
  const c: ChalkInstance = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  const findings = opts.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings;

  // Group by file, then by guide (its own row/line/index), keeping the sorted order.
  const byFile = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    let guides = byFile.get(f.location.file);
    if (!guides) byFile.set(f.location.file, (guides = new Map()));
    const gk = `${f.guide.code ?? ''}\u0000${f.guide.name ?? ''}\u0000${f.guide.department ?? ''}`;
    let list = guides.get(gk);
    if (!list) guides.set(gk, (list = []));
    list.push(f);
  }
  for (const [file, guides] of byFile) {
    lines.push('', c.underline(file));
    for (const list of guides.values()) {
      const g = list[0]!.guide;
      lines.push(`  ${c.bold(guideTitle(g))}${g.department ? c.dim('  ' + g.department) : ''}`);
      for (const f of list) {
        const sev = f.severity === 'error' ? c.red('错误') : c.yellow('警告');
        const where = [positionText(f.location), f.location.material ? `材料${f.location.material.index}“${f.location.material.name ?? ''}”` : '', f.location.step ? `环节${f.location.step.index}“${f.location.step.name ?? ''}”` : '']
          .filter(Boolean)
          .join(' ');
        const status = f.status === 'new' ? c.magenta('[新增] ') : f.status === 'unchanged' ? c.dim('[仍未整改] ') : '';
        lines.push(`    ${c.dim(where.padEnd(1))}  ${sev}  ${status}${f.message}  ${c.dim(`[${f.indicator} ${f.ruleId}]`)}`);
        if (f.suggestion) lines.push(`      ${c.green('→ ' + f.suggestion)}`);
      }
    }
  }

  if (report.loadErrors.length) {
    lines.push('', c.red.bold('无法读取的输入：'));
    for (const e of report.loadErrors) lines.push(`  ${e.file}${positionText(e) ? ' ' + positionText(e) : ''}：${e.message}`);
  }
  if (report.skipped.length && !opts.quiet) {
    lines.push('', c.dim('已跳过：'));
    for (const s of report.skipped) lines.push(c.dim(`  ${s.file}：${s.reason}`));
  }
  if (report.notices.length && !opts.quiet) {
    lines.push('', c.dim('提示：'));
    for (const n of report.notices) lines.push(c.dim(`  ${n}`));
  }

  if (report.fixOut) lines.push('', ...fixLines(report, c, opts.quiet ?? false));

  const s = report.summary;
  const sc = report.scores;
  lines.push('');
  const indicatorRows = Object.entries(sc.indicators).filter(([, t]) => t.applicable > 0);
  if (indicatorRows.length) {
    lines.push(c.bold('指标得分（通过事项数/适用事项数）：'));
    for (const [name, t] of indicatorRows) {
      const score = fmtScore(t.score);
      const colored = t.score === null ? score : t.score >= 90 ? c.green(score) : t.score >= 60 ? c.yellow(score) : c.red(score);
      lines.push(`  ${name.padEnd(10, '　')} ${colored.padStart(6)}  ${t.applicable - t.failed}/${t.applicable}`);
    }
    lines.push('');
  }
  if (s.guides > 0 && !opts.quiet) lines.push(...statsLines(report, c), '');
  if (sc.departments.length > 1) {
    lines.push(c.bold('部门排名：'));
    const track = (t: { new: number; unchanged: number; fixed: number } | undefined) => (t ? `；新增 ${t.new}，仍未整改 ${t.unchanged}，已整改 ${t.fixed}` : '');
    sc.departments.forEach((d, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${d.department}  ${fmtScore(d.score)}（${d.band ?? '—'}）  ${d.guides} 个事项，${d.findings} 个问题${track(d.tracking)}`));
    lines.push('');
  }
  if (report.baseline) {
    const t = report.baseline.tracking;
    lines.push(c.bold(`整改跟踪（对比 ${report.baseline.file}）：新增 ${t.new} 个，仍未整改 ${t.unchanged} 个，已整改 ${t.fixed} 个`), '');
  }
  if (report.suppressions && !opts.quiet) {
    lines.push(c.dim(`已豁免 ${report.suppressions.suppressed.length} 个问题（${report.suppressions.file}）${report.suppressions.unused.length ? `，${report.suppressions.unused.length} 条豁免没有匹配任何问题` : ''}`), '');
  }
  const total = `${s.findings} 个问题（${s.errors} 个错误，${s.warnings} 个警告）`;
  const summary = `共审核 ${s.files} 个文件、${s.guides} 个事项（其中行政许可 ${s.permitGuides} 个），${s.guidesWithFindings} 个事项有问题，${total}` +
    (s.loadErrors ? `，${s.loadErrors} 个读取错误` : '') + (s.skipped ? `，跳过 ${s.skipped} 项` : '') + '。';
  lines.push(s.errors || s.loadErrors ? c.red.bold(summary) : s.warnings ? c.yellow.bold(summary) : c.green.bold(summary));
  lines.push(
    `办事指南准确度：${c.bold(fmtScore(sc.overall))}（${sc.band ?? '—'}）；行政许可事项：${fmtScore(sc.permitOnly.overall)}（${sc.permitOnly.band ?? '—'}）`,
  );
  return lines.join('\n').replace(/^\n/, '') + '\n';
}
