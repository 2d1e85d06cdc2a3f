// Markdown job summary in Chinese ($GITHUB_STEP_SUMMARY, summary.md): the index, counts, indicator
// scores, department ranking, section G statistics and the first findings, each list capped.
import { RULES } from '../../rules/index.js';
import type { Report, Stats } from '../report.js';
import { fmtScore, oneLine, scoreWithBand, SEVERITY_TEXT, whereText } from './ci-common.js';
import { guideTitle, positionText } from './location.js';

export const MAX_DEPARTMENTS = 20;
export const MAX_FINDINGS = 50;
const MAX_LISTED = 50;

/**
 * Text inside a table cell or a line: exported values are plain text, so every character Markdown
 * or HTML would read as markup is escaped, `|` included; line breaks become <br>.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\\`*_[\]<>|~#&!]/g, (c) => `\\${c}`)
    .replace(/\t/g, ' ')
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, '<br>')
    .trim();
}

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string[] {
  const sep = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const pct = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(2)}%`);
const frac = (r: { numerator: number; denominator: number }) => `${+r.numerator.toFixed(2)}/${r.denominator}`;
const avg = (r: { value: number | null }) => (r.value === null ? '—' : r.value.toFixed(2));

function statsRows(report: Report): string[][] {
  const { permit, all, reference: ref } = report.stats;
  const ratio = (s: Stats, k: 'instantShare' | 'zeroVisitShare' | 'atMostOneVisitShare') => `${pct(s[k].value)}（${frac(s[k])}）`;
  const depth = (d: Stats['onlineDepth']) => `${d.I}/${d.II}/${d.III}/${d.IV}${d.unknown ? `（未识别 ${d.unknown}）` : ''}`;
  return [
    ['承诺时限压缩比例', `${pct(permit.commitmentCompression.value)}（n=${permit.commitmentCompression.n}）`, `${pct(all.commitmentCompression.value)}（n=${all.commitmentCompression.n}）`, pct(ref.commitmentCompression)],
    ['即办件占比', ratio(permit, 'instantShare'), ratio(all, 'instantShare'), '—'],
    ['一次不用跑', ratio(permit, 'zeroVisitShare'), ratio(all, 'zeroVisitShare'), pct(ref.zeroVisitShare)],
    ['最多跑一次', ratio(permit, 'atMostOneVisitShare'), ratio(all, 'atMostOneVisitShare'), pct(ref.atMostOneVisitShare)],
    ['平均到现场次数', `${avg(permit.averageVisits)}（${frac(permit.averageVisits)}）`, `${avg(all.averageVisits)}（${frac(all.averageVisits)}）`, '—'],
    ['网办深度Ⅰ/Ⅱ/Ⅲ/Ⅳ级', depth(permit.onlineDepth), depth(all.onlineDepth), '—'],
    ['平均填写要素数', avg(permit.averageFilledElements), avg(all.averageFilledElements), `${ref.averageFilledElements} 项（评估口径）`],
  ];
}

const more = (n: number, what: string, where: string) => (n > 0 ? [`另有 ${n} ${what}未列出，${where}。`, ''] : []);

export function renderMarkdownSummary(report: Report): string {
  const s = report.summary;
  const sc = report.scores;
  const out: string[] = [];
  const icon = s.errors || s.loadErrors || s.guides === 0 ? '❌' : s.warnings ? '⚠️' : '✅';

  out.push(`## ${icon} 办事指南审核结果`, '');
  out.push(
    `**办事指南准确度：${scoreWithBand(sc.overall, sc.band)}**　行政许可事项（${sc.permitOnly.guides} 个）：${scoreWithBand(sc.permitOnly.overall, sc.permitOnly.band)}`,
    '',
  );
  const countHead = ['文件', '事项', '行政许可事项', '有问题的事项', '问题', '错误', '警告', '读取错误', '跳过'];
  const countRow = [s.files, s.guides, s.permitGuides, s.guidesWithFindings, s.findings, s.errors, s.warnings, s.loadErrors, s.skipped].map(String);
  if (report.suppressions) {
    countHead.push('已忽略');
    countRow.push(String(report.suppressions.suppressed.length));
  }
  out.push(...table(countHead, [countRow], countHead.map(() => 'r')), '');
  if (s.guides === 0) out.push('> 没有找到可审核的办事指南。', '');

  if (report.baseline) {
    const t = report.baseline.tracking;
    out.push('### 整改跟踪', '', `与基线报告 ${mdEscape(report.baseline.file)} 比较：`, '');
    out.push(...table(['新增', '仍未整改', '已整改'], [[t.new, t.unchanged, t.fixed].map(String)], ['r', 'r', 'r']), '');
  }

  const sectionOf = new Map(RULES.map((r) => [r.meta.indicator, r.meta.section]));
  const scored = new Map(report.rules.map((r) => [r.indicator, r.scored]));
  const indicatorRows = Object.entries(sc.indicators).map(([name, t]) => {
    const p = sc.permitIndicators[name];
    return [
      mdEscape(name), sectionOf.get(name) ?? '—', fmtScore(t.score), `${t.applicable - t.failed}/${t.applicable}`,
      p ? fmtScore(p.score) : '—', p ? `${p.applicable - p.failed}/${p.applicable}` : '—', scored.get(name) ? '是' : '否',
    ];
  });
  if (indicatorRows.length) {
    out.push('### 指标得分', '', '得分 = 100 × 通过事项数 ÷ 适用事项数；没有适用事项时为“—”。', '');
    out.push(...table(['指标', '节', '得分', '通过/适用', '行政许可得分', '行政许可通过/适用', '计入准确度指数'], indicatorRows, ['l', 'l', 'r', 'r', 'r', 'r', 'l']), '');
  }

  if (sc.departments.length) {
    const tracked = Boolean(report.baseline);
    const head = ['排名', '部门', '区划', '得分', '事项', '问题', ...(tracked ? ['新增', '仍未整改', '已整改'] : [])];
    const rows = sc.departments.slice(0, MAX_DEPARTMENTS).map((d, i) => [
      String(i + 1), mdEscape(d.department), mdEscape(d.region ?? '—'), scoreWithBand(d.score, d.band), String(d.guides), String(d.findings),
      ...(tracked ? (d.tracking ? [d.tracking.new, d.tracking.unchanged, d.tracking.fixed].map(String) : ['—', '—', '—']) : []),
    ]);
    out.push(`### 部门排名${sc.departments.length > MAX_DEPARTMENTS ? `（前 ${MAX_DEPARTMENTS} 名）` : ''}`, '');
    out.push(...table(head, rows, ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']), '');
    out.push(...more(sc.departments.length - MAX_DEPARTMENTS, '个部门', '完整排名见 JSON 或 HTML 报告'));
  }

  if (s.guides > 0) {
    out.push('### 评估统计', '', `参考值：${mdEscape(report.stats.reference.source)}。`, '');
    out.push(...table(['统计项', '行政许可', '全部事项', '参考值'], statsRows(report), ['l', 'r', 'r', 'r']), '');
  }

  if (report.loadErrors.length) {
    out.push('### 读取错误', '', '以下输入无法读取（其余文件照常审核）：', '');
    out.push(...table(['文件', '位置', '原因'], report.loadErrors.slice(0, MAX_LISTED).map((e) => [mdEscape(e.file), mdEscape(positionText(e) || '—'), mdEscape(e.message)])), '');
    out.push(...more(report.loadErrors.length - MAX_LISTED, '个读取错误', '见 JSON 报告'));
  }

  if (report.suppressions) {
    const sup = report.suppressions;
    out.push('### 已忽略的问题', '', `按忽略清单 ${mdEscape(sup.file)} 忽略了 ${sup.suppressed.length} 个问题（不计入上表的问题数，得分不变）。`, '');
    if (sup.unused.length) {
      out.push(`${sup.unused.length} 条忽略条目没有匹配到任何问题（可能已整改，可以删除）：`, '');
      out.push(...table(['实施编码', '规则', '理由'], sup.unused.slice(0, MAX_LISTED).map((u) => [mdEscape(u.code), mdEscape(u.ruleId), mdEscape(u.reason)])), '');
      out.push(...more(sup.unused.length - MAX_LISTED, '条未使用的条目', '见 JSON 报告'));
    }
  }

  if (report.findings.length) {
    const tracked = report.findings.some((f) => f.status);
    const status = { new: '新增', unchanged: '仍未整改' } as const;
    const shown = report.findings.slice(0, MAX_FINDINGS);
    out.push(`### 问题清单${report.findings.length > MAX_FINDINGS ? `（前 ${MAX_FINDINGS} 个）` : ''}`, '');
    out.push(
      ...table(
        ['文件', '位置', '事项', '部门', '级别', '指标', '问题', '整改建议', ...(tracked ? ['状态'] : [])],
        shown.map((f) => [
          mdEscape(f.location.file), mdEscape(whereText(f.location) || '—'), mdEscape(guideTitle(f.guide)), mdEscape(f.guide.department ?? '—'),
          SEVERITY_TEXT[f.severity], `${mdEscape(f.indicator)}（\`${f.ruleId}\`）`, mdEscape(f.message), mdEscape(f.suggestion ?? ''),
          ...(tracked ? [f.status ? status[f.status] : '—'] : []),
        ]),
      ),
      '',
    );
    out.push(...more(report.findings.length - MAX_FINDINGS, '个问题', '完整清单见 JSON 报告或各部门整改清单'));
  }

  if (report.notices.length || report.skipped.length) {
    out.push('<details><summary>提示与已跳过的文件</summary>', '');
    for (const n of report.notices) out.push(`- ${mdEscape(n)}`);
    for (const k of report.skipped.slice(0, MAX_LISTED)) out.push(`- 已跳过 ${mdEscape(k.file)}：${mdEscape(k.reason)}`);
    if (report.skipped.length > MAX_LISTED) out.push(`- 另有 ${report.skipped.length - MAX_LISTED} 项已跳过，见 JSON 报告`);
    out.push('', '</details>', '');
  }

  out.push(`<sub>guide-audit ${mdEscape(oneLine(report.tool.version))}</sub>`);
  return out.join('\n') + '\n';
}
