// The HTML dashboard: one self-contained page (inline CSS, inline SVG, inline vanilla JS, the
// findings embedded as JSON) that opens offline from a file. A pure function of the report: every
// number on the page is a number of the report, or a count or rounding of it.
import { createHash } from 'node:crypto';
import { departmentOf, type Finding, type Report, type Stats } from '../report.js';
import { DASHBOARD_CSS, DASHBOARD_JS } from './html-assets.js';
import { guideTitle, positionText } from './location.js';

export interface HtmlOptions {
  /** At most this many findings per (department, indicator) group are embedded (default 100). */
  maxPerGroup?: number;
}

export const DEFAULT_MAX_PER_GROUP = 100;

/** The engine's name for guides without 实施主体 (scores.departments uses it too). */

/** One embedded finding, with short keys: the page may carry many of them. */
export interface EmbeddedFinding {
  /** severity */
  s: 'error' | 'warning';
  /** tracking status, with --baseline */
  t?: 'new' | 'unchanged';
  /** guide title: name（code） */
  g: string;
  /** message */
  m: string;
  /** suggestion */
  sg?: string;
  /** where: file, sheet and row, field, material or step */
  w: string;
  /** raw value */
  v?: string;
  /** rule id */
  r: string;
}

export interface EmbeddedGroup {
  /** index into departments */
  d: number;
  /** index into indicators */
  i: number;
  /** all findings of the group, embedded or not */
  total: number;
  /** full counts by `severity|status` (status empty without --baseline), for exact counts under filters */
  counts: Record<string, number>;
  /** the first maxPerGroup findings, in report order */
  items: EmbeddedFinding[];
}

/** The JSON embedded in `<script type="application/json" id="dashboard-data">`. */
export interface DashboardData {
  departments: string[];
  indicators: string[];
  groups: EmbeddedGroup[];
  maxPerGroup: number;
  total: number;
  baseline: boolean;
}

// ---------------------------------------------------------------- formatting

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const fmtScore = (s: number | null): string => (s === null ? '—' : s.toFixed(1));
const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(2)}%`);
const frac = (r: { numerator: number; denominator: number }) => `${+r.numerator.toFixed(2)}/${r.denominator}`;
const avg = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
const level = (s: number | null): string => (s === null ? 'na' : s >= 90 ? 'good' : s >= 60 ? 'mid' : 'bad');
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "2026-11-25 16:00:00（北京时间）" from the ISO timestamp; the raw text when it does not parse. */
function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') + '（北京时间）';
}


function whereText(f: Finding): string {
  const l = f.location;
  return [
    l.file,
    positionText(l),
    l.material ? `材料${l.material.index}“${l.material.name ?? ''}”` : '',
    l.step ? `环节${l.step.index}“${l.step.name ?? ''}”` : '',
    l.field ? `字段“${l.field}”` : '',
  ].filter(Boolean).join(' · ');
}

function embed(f: Finding): EmbeddedFinding {
  const e: EmbeddedFinding = { s: f.severity, g: guideTitle(f.guide), m: f.message, w: whereText(f), r: f.ruleId };
  if (f.status) e.t = f.status;
  if (f.suggestion) e.sg = f.suggestion;
  if (f.value !== undefined) e.v = f.value;
  return e;
}

/** JSON that is safe inside a <script> element: no `<` at all (so no `</script` or `<!--`). */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

// ---------------------------------------------------------------- grouping

interface Grouped<F> { department: string; indicator: string; list: F[] }

/** Group by department (most findings first, then name), then by indicator in the rules' order. */
function groupFindings<F extends Finding>(findings: F[], indicatorOrder: string[]): Grouped<F>[] {
  const byDept = new Map<string, Map<string, F[]>>();
  for (const f of findings) {
    const d = departmentOf(f);
    let m = byDept.get(d);
    if (!m) byDept.set(d, (m = new Map()));
    let l = m.get(f.indicator);
    if (!l) m.set(f.indicator, (l = []));
    l.push(f);
  }
  const rank = (ind: string) => {
    const i = indicatorOrder.indexOf(ind);
    return i < 0 ? indicatorOrder.length : i;
  };
  const size = (m: Map<string, F[]>) => [...m.values()].reduce((a, l) => a + l.length, 0);
  const out: Grouped<F>[] = [];
  for (const [department, m] of [...byDept].sort((a, b) => size(b[1]) - size(a[1]) || cmp(a[0], b[0]))) {
    for (const [indicator, list] of [...m].sort((a, b) => rank(a[0]) - rank(b[0]) || cmp(a[0], b[0]))) out.push({ department, indicator, list });
  }
  return out;
}

export function dashboardData(report: Report, maxPerGroup: number, indicatorOrder: string[]): DashboardData {
  const departments: string[] = [];
  const indicators: string[] = [];
  const idx = (arr: string[], v: string) => {
    const i = arr.indexOf(v);
    return i >= 0 ? i : arr.push(v) - 1;
  };
  const groups = groupFindings(report.findings, indicatorOrder).map((g): EmbeddedGroup => {
    const counts: Record<string, number> = {};
    for (const f of g.list) {
      const k = `${f.severity}|${f.status ?? ''}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return { d: idx(departments, g.department), i: idx(indicators, g.indicator), total: g.list.length, counts, items: g.list.slice(0, maxPerGroup).map(embed) };
  });
  return { departments, indicators, groups, maxPerGroup, total: report.findings.length, baseline: !!report.baseline };
}

// ---------------------------------------------------------------- sections

function miniBar(score: number | null): string {
  const w = score === null ? 0 : Math.max(0, Math.min(100, score)) * 0.7;
  return `<svg class="mini" width="70" height="8" aria-hidden="true"><rect class="track" width="70" height="8" rx="2"/>` +
    (score === null ? '' : `<rect class="bar-${level(score)}" width="${w.toFixed(2)}" height="8" rx="2"/>`) + `</svg>`;
}

function header(report: Report): string {
  const s = report.summary;
  const sc = report.scores;
  const scope = report.options.scope === 'all' ? '全部事项' : '依申请类事项';
  const band = (b: string | null, score: number | null, id: string) =>
    `<span class="band lvl-${level(score)}" data-testid="${id}">${esc(b ?? '—')}</span>`;
  const tracking = report.baseline
    ? `<div class="counts" data-testid="tracking-summary">整改跟踪（对比 ${esc(report.baseline.file)}）：` +
      `<span>新增 <b data-testid="tracking-new">${report.baseline.tracking.new}</b></span>` +
      `<span>仍未整改 <b data-testid="tracking-unchanged">${report.baseline.tracking.unchanged}</b></span>` +
      `<span>已整改 <b data-testid="tracking-fixed">${report.baseline.tracking.fixed}</b></span></div>`
    : '';
  const notices = report.notices.length
    ? `<ul class="notices" data-testid="notices">${report.notices.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`
    : '';
  return `<section class="card" id="overview">
<h2>总体情况</h2>
<div class="kpis">
  <div class="kpi main"><div class="label">办事指南准确度指数</div>
    <div class="value lvl-${level(sc.overall)}"><span data-testid="overall-score">${fmtScore(sc.overall)}</span>${band(sc.band, sc.overall, 'overall-band')}</div>
    <div class="sub">A–D 节各指标得分的平均值（满分 100）</div></div>
  <div class="kpi main"><div class="label">行政许可事项指数</div>
    <div class="value lvl-${level(sc.permitOnly.overall)}"><span data-testid="permit-score">${fmtScore(sc.permitOnly.overall)}</span>${band(sc.permitOnly.band, sc.permitOnly.overall, 'permit-band')}</div>
    <div class="sub">按 <span data-testid="permit-guides">${sc.permitOnly.guides}</span> 个行政许可事项计算</div></div>
  <div class="kpi"><div class="label">审核事项</div><div class="value" data-testid="count-guides">${s.guides}</div>
    <div class="sub">来自 <span data-testid="count-files">${s.files}</span> 个文件</div></div>
  <div class="kpi"><div class="label">问题</div><div class="value lvl-${s.findings ? 'bad' : 'good'}" data-testid="count-findings">${s.findings}</div>
    <div class="sub">错误 <span data-testid="count-errors">${s.errors}</span>，警告 <span data-testid="count-warnings">${s.warnings}</span></div></div>
  <div class="kpi"><div class="label">有问题的事项</div><div class="value" data-testid="count-guides-with-findings">${s.guidesWithFindings}</div>
    <div class="sub">行政许可事项 <span data-testid="count-permit-guides">${s.permitGuides}</span> 个</div></div>
  <div class="kpi"><div class="label">读取错误 / 已跳过</div>
    <div class="value"><span class="${s.loadErrors ? 'lvl-bad' : ''}" data-testid="count-load-errors">${s.loadErrors}</span> / <span data-testid="count-skipped">${s.skipped}</span></div>
    <div class="sub"><a href="#inputs">查看明细</a></div></div>
</div>
${tracking}
<div class="counts">
  <span>审核范围：<b>${scope}</b></span>
  <span>审核路径：<b>${esc(report.options.paths.join('、') || '—')}</b></span>
  <span>生成时间：<b data-testid="generated-at" title="${esc(report.generatedAt)}">${esc(beijingTime(report.generatedAt))}</b></span>
  <span>工具：<b>${esc(report.tool.name)} ${esc(report.tool.version)}</b></span>
</div>
${notices}
</section>`;
}

function indicatorChart(report: Report, withFindings: Set<string>): string {
  const scored = new Set(report.rules.filter((r) => r.scored).map((r) => r.indicator));
  const rows = Object.entries(report.scores.indicators);
  if (!rows.length) return `<section class="card" id="indicators"><h2>指标得分</h2><p class="empty">没有启用的指标。</p></section>`;
  const W = 1180, LABEL = 200, BAR = 560, X0 = LABEL + 10, ROW = 26, TOP = 48;
  const colScore = X0 + BAR + 58, colPass = colScore + 110, colPermit = colPass + 150;
  const firstUnscored = rows.findIndex(([ind]) => !scored.has(ind));
  const sepGap = firstUnscored > 0 ? 22 : 0;
  const yOf = (i: number) => TOP + i * ROW + (firstUnscored > 0 && i >= firstUnscored ? sepGap : 0);
  const H = yOf(rows.length - 1) + ROW + 8;
  const grid = [0, 20, 40, 60, 80, 100]
    .map((t) => {
      const x = X0 + (BAR * t) / 100;
      return `<line class="grid" x1="${x}" y1="${TOP - 2}" x2="${x}" y2="${H - 6}"/><text x="${x}" y="${TOP - 6}" text-anchor="middle">${t}</text>`;
    })
    .join('');
  const body = rows
    .map(([ind, t], i) => {
      const y = yOf(i);
      const p = report.scores.permitIndicators[ind];
      const w = t.score === null ? 0 : (BAR * Math.max(0, Math.min(100, t.score))) / 100;
      const bar = t.score === null
        ? `<text class="na" x="${X0 + 8}" y="${y + 16}">无适用事项</text>`
        : `<rect class="bar-${level(t.score)}" x="${X0}" y="${y + 5}" width="${w.toFixed(2)}" height="14" rx="2"/>`;
      const click = withFindings.has(ind) ? ` class="clickable${scored.has(ind) ? '' : ' unscored'}" data-show-indicator="${esc(ind)}"` : scored.has(ind) ? '' : ' class="unscored"';
      return `<g data-testid="indicator-row" data-indicator="${esc(ind)}" data-scored="${scored.has(ind)}"${click}>` +
        `<title>${esc(ind)}：${fmtScore(t.score)}（通过 ${t.applicable - t.failed} / 适用 ${t.applicable}）${withFindings.has(ind) ? '，点击查看问题' : ''}</title>` +
        `<rect class="track" x="${X0}" y="${y + 5}" width="${BAR}" height="14" rx="2"/>${bar}` +
        `<text x="${LABEL}" y="${y + 17}" text-anchor="end">${esc(ind)}</text>` +
        `<text data-testid="indicator-score" class="lvl-${level(t.score)}" x="${colScore}" y="${y + 17}" text-anchor="end" font-weight="600">${fmtScore(t.score)}</text>` +
        `<text x="${colPass}" y="${y + 17}" text-anchor="end"><tspan data-testid="indicator-passed">${t.applicable - t.failed}</tspan> / <tspan data-testid="indicator-applicable">${t.applicable}</tspan></text>` +
        `<text data-testid="indicator-permit-score" x="${colPermit}" y="${y + 17}" text-anchor="end">${p ? fmtScore(p.score) : '—'}</text>` +
        `</g>`;
    })
    .join('');
  const head = `<text class="head" x="${LABEL}" y="14" text-anchor="end">指标</text>` +
    `<text class="head" x="${X0}" y="14">全部事项得分</text>` +
    `<text class="head" x="${colScore}" y="14" text-anchor="end">得分</text>` +
    `<text class="head" x="${colPass}" y="14" text-anchor="end">通过 / 适用事项</text>` +
    `<text class="head" x="${colPermit}" y="14" text-anchor="end">行政许可得分</text>`;
  const sepY = yOf(firstUnscored) - sepGap / 2 + 1;
  const sep = firstUnscored > 0
    ? `<line class="sep" x1="0" x2="${W - 300}" y1="${sepY}" y2="${sepY}"/><text class="head" x="${W}" y="${sepY + 4}" text-anchor="end">以上计入办事指南准确度指数，以下单独给分</text>`
    : '';
  return `<section class="card" id="indicators">
<h2>指标得分</h2>
<p class="hint">指标得分 = 100 × 通过的事项数 ÷ 适用的事项数；虚线以下的指标单独给分，不计入办事指南准确度指数；“—”表示没有适用事项。点击有问题的指标可查看问题清单。</p>
<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="各指标得分条形图"><g class="axis">${grid}</g>${head}${sep}${body}</svg>
</section>`;
}

function departmentTable(report: Report, withFindings: Set<string>): string {
  const deps = report.scores.departments;
  const tracking = deps.some((d) => d.tracking);
  const rows = deps
    .map((d, i) => {
      const tr = tracking
        ? `<td class="num" data-testid="dept-new">${d.tracking?.new ?? '—'}</td><td class="num" data-testid="dept-unchanged">${d.tracking?.unchanged ?? '—'}</td><td class="num" data-testid="dept-fixed">${d.tracking?.fixed ?? '—'}</td>`
        : '';
      const action = withFindings.has(d.department) ? `<button type="button" data-show-dept="${esc(d.department)}">查看问题</button>` : '';
      return `<tr data-testid="dept-row" data-department="${esc(d.department)}">` +
        `<td class="num" data-testid="dept-rank">${i + 1}</td>` +
        `<td data-testid="dept-name">${esc(d.department)}</td>` +
        `<td data-testid="dept-region">${esc(d.region ?? '—')}</td>` +
        `<td class="num">${miniBar(d.score)}<b class="lvl-${level(d.score)}" data-testid="dept-score">${fmtScore(d.score)}</b></td>` +
        `<td data-testid="dept-band">${esc(d.band ?? '—')}</td>` +
        `<td class="num" data-testid="dept-guides">${d.guides}</td>` +
        `<td class="num" data-testid="dept-findings">${d.findings}</td>${tr}<td>${action}</td></tr>`;
    })
    .join('\n');
  const trHead = tracking ? '<th class="num">新增</th><th class="num">仍未整改</th><th class="num">已整改</th>' : '';
  const regions = report.scores.regions
    .map((r) => `<tr data-testid="region-row"><td>${esc(r.region)}</td><td class="num">${miniBar(r.score)}<b class="lvl-${level(r.score)}">${fmtScore(r.score)}</b></td>` +
      `<td>${esc(r.band ?? '—')}</td><td class="num">${r.guides}</td><td class="num">${r.findings}</td></tr>`)
    .join('\n');
  return `<section class="card" id="departments">
<h2>部门排名</h2>
<p class="hint">按部门（实施主体）的办事指南准确度指数从高到低排列，同分按名称。</p>
${deps.length ? `<table data-testid="dept-table"><thead><tr><th class="num">排名</th><th>部门</th><th>区划</th><th class="num">得分</th><th>等级</th><th class="num">事项数</th><th class="num">问题数</th>${trHead}<th></th></tr></thead>
<tbody>${rows}</tbody></table>` : '<p class="empty">没有审核到事项。</p>'}
${report.scores.regions.length > 1 ? `<details><summary>各区划得分（${report.scores.regions.length} 个区划）</summary>
<table><thead><tr><th>区划</th><th class="num">得分</th><th>等级</th><th class="num">事项数</th><th class="num">问题数</th></tr></thead><tbody>${regions}</tbody></table></details>` : ''}
</section>`;
}

function statsSection(report: Report): string {
  const { permit, all, reference: ref } = report.stats;
  const ratio = (r: { value: number | null; numerator: number; denominator: number }, kind: 'pct' | 'avg', unit = '') =>
    `${kind === 'pct' ? pct(r.value) : avg(r.value) + (r.value === null ? '' : unit)} <span class="frac">${frac(r)}</span>`;
  const depth = (d: Stats['onlineDepth']) => `${d.I} / ${d.II} / ${d.III} / ${d.IV} <span class="frac">未识别 ${d.unknown}</span>`;
  type Key = 'commitmentCompression' | 'instantShare' | 'zeroVisitShare' | 'atMostOneVisitShare' | 'averageVisits' | 'averageFilledElements';
  const line = (key: Key | 'onlineDepth' | 'guides', label: string, p: string, a: string, r: string, note = '') =>
    `<tr data-testid="stat-row" data-stat="${key}"><td>${label}${note ? `<div class="frac">${note}</div>` : ''}</td>` +
    `<td class="num" data-testid="stat-permit">${p}</td><td class="num" data-testid="stat-all">${a}</td><td class="num" data-testid="stat-reference">${r}</td></tr>`;
  const cc = (s: Stats) => `${ratio(s.commitmentCompression, 'pct')} <span class="frac">n=${s.commitmentCompression.n}</span>`;
  return `<section class="card" id="stats">
<h2>评估统计</h2>
<p class="hint">每项给出数值和“分子/分母”；参考值来自${esc(ref.source)}。</p>
<table data-testid="stats-table"><thead><tr><th>统计项</th><th class="num">行政许可事项</th><th class="num">全部被审核事项</th><th class="num">参考值</th></tr></thead><tbody>
${line('guides', '事项数', String(permit.guides), String(all.guides), '—')}
${line('commitmentCompression', '承诺时限压缩比例', cc(permit), cc(all), pct(ref.commitmentCompression), '各事项 (1 − 承诺时限 ÷ 法定时限) 的平均值')}
${line('instantShare', '即办件占比', ratio(permit.instantShare, 'pct'), ratio(all.instantShare, 'pct'), '—')}
${line('zeroVisitShare', '一次不用跑', ratio(permit.zeroVisitShare, 'pct'), ratio(all.zeroVisitShare, 'pct'), pct(ref.zeroVisitShare), '到办事现场 0 次的事项占比')}
${line('atMostOneVisitShare', '最多跑一次', ratio(permit.atMostOneVisitShare, 'pct'), ratio(all.atMostOneVisitShare, 'pct'), pct(ref.atMostOneVisitShare), '到办事现场不超过 1 次的事项占比')}
${line('averageVisits', '平均到现场次数', ratio(permit.averageVisits, 'avg', ' 次'), ratio(all.averageVisits, 'avg', ' 次'), '—')}
${line('onlineDepth', '网办深度 Ⅰ/Ⅱ/Ⅲ/Ⅳ 级', depth(permit.onlineDepth), depth(all.onlineDepth), '—', '各级事项数')}
${line('averageFilledElements', '平均填写要素数', ratio(permit.averageFilledElements, 'avg', ' 项'), ratio(all.averageFilledElements, 'avg', ' 项'), `${ref.averageFilledElements} 项`, '本工具按 26 项要素统计；参考值为评估自己的要素口径，不完全可比')}
</tbody></table>
</section>`;
}

function findingsSection(report: Report, data: DashboardData, indicatorOrder: string[]): string {
  const option = (v: string, label: string) => `<option value="${esc(v)}">${esc(label)}</option>`;
  const deptCount = new Map<string, number>();
  const indCount = new Map<string, number>();
  for (const g of data.groups) {
    const d = data.departments[g.d]!, i = data.indicators[g.i]!;
    deptCount.set(d, (deptCount.get(d) ?? 0) + g.total);
    indCount.set(i, (indCount.get(i) ?? 0) + g.total);
  }
  const s = report.summary;
  const status = report.baseline
    ? `<label>整改状态<select data-testid="filter-status">${option('', '全部')}${option('new', '新增')}${option('unchanged', '仍未整改')}</select></label>`
    : '';
  const capped = data.groups.some((g) => g.total > g.items.length);
  return `<section class="card" id="findings">
<h2>问题清单</h2>
<p class="hint">按部门、再按指标分组；每组最多列出 ${data.maxPerGroup} 条${capped ? '，超出部分见 report.json' : ''}。搜索范围：事项名称、实施编码和问题描述。</p>
<div class="filters">
  <label>部门<select data-testid="filter-department">${option('', `全部部门（${data.total}）`)}${[...deptCount].map(([d, n]) => option(d, `${d}（${n}）`)).join('')}</select></label>
  <label>指标<select data-testid="filter-indicator">${option('', '全部指标')}${[...new Set([...indicatorOrder, ...data.indicators])].filter((i) => indCount.has(i)).map((i) => option(i, `${i}（${indCount.get(i)}）`)).join('')}</select></label>
  <label>级别<select data-testid="filter-severity">${option('', `全部（${s.errors + s.warnings}）`)}${option('error', `错误（${s.errors}）`)}${option('warning', `警告（${s.warnings}）`)}</select></label>
  ${status}
  <label>搜索<input type="search" data-testid="filter-search" placeholder="事项名称、编码或问题描述" autocomplete="off"></label>
  <button type="button" data-testid="filter-reset">清除筛选</button>
  <div class="summary">显示 <b data-testid="visible-count">0</b> 条，符合条件共 <b data-testid="matched-count">0</b> 条<span id="filter-note"></span></div>
</div>
<div id="finding-groups" data-testid="finding-groups"><noscript><p class="empty">问题清单需要启用 JavaScript 才能显示；完整列表见 report.json。</p></noscript></div>
</section>`;
}

/** A static table of findings grouped like the list, at most maxPerGroup per group. */
function staticFindings<F extends Finding>(list: F[], indicatorOrder: string[], maxPerGroup: number, testid: string, extra?: { head: string; cell: (f: F) => string }): string {
  const rows: string[] = [];
  for (const g of groupFindings(list, indicatorOrder)) {
    for (const f of g.list.slice(0, maxPerGroup)) {
      rows.push(`<tr data-testid="${testid}"><td>${esc(g.department)}</td><td>${esc(g.indicator)}</td><td>${esc(guideTitle(f.guide))}<div class="where">${esc(whereText(f))}</div></td>` +
        `<td>${esc(f.message)}<div class="rule">规则 ${esc(f.ruleId)}</div></td>${extra ? `<td>${extra.cell(f)}</td>` : ''}</tr>`);
    }
    if (g.list.length > maxPerGroup) {
      rows.push(`<tr><td colspan="${extra ? 5 : 4}" class="omitted" data-testid="group-omitted">另有 ${g.list.length - maxPerGroup} 条未显示（完整列表见 report.json）</td></tr>`);
    }
  }
  return `<table><thead><tr><th>部门</th><th>指标</th><th>事项</th><th>问题</th>${extra ? `<th>${extra.head}</th>` : ''}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function trackingSections(report: Report, indicatorOrder: string[], maxPerGroup: number): string {
  const parts: string[] = [];
  if (report.baseline) {
    const b = report.baseline;
    parts.push(`<section class="card" id="fixed">
<h2>已整改（<span data-testid="fixed-count">${b.tracking.fixed}</span> 条）</h2>
<p class="hint">对比上次报告 ${esc(b.file)}：新增 ${b.tracking.new} 条，仍未整改 ${b.tracking.unchanged} 条；以下是上次有、本次已不再出现的问题。</p>
${b.fixed.length ? staticFindings(b.fixed, indicatorOrder, maxPerGroup, 'fixed-row') : '<p class="empty">没有已整改的问题。</p>'}
</section>`);
  }
  if (report.suppressions) {
    const sp = report.suppressions;
    const unused = sp.unused.length
      ? `<h3>未匹配任何问题的豁免条目（${sp.unused.length} 条）</h3><table><thead><tr><th>实施编码</th><th>规则</th><th>理由</th></tr></thead><tbody>` +
        sp.unused.map((u) => `<tr data-testid="unused-suppression-row"><td>${esc(u.code)}</td><td>${esc(u.ruleId)}</td><td>${esc(u.reason)}</td></tr>`).join('') + '</tbody></table>'
      : '';
    parts.push(`<section class="card" id="suppressed">
<h2>已豁免的问题（<span data-testid="suppressed-count">${sp.suppressed.length}</span> 条）</h2>
<p class="hint">依据豁免清单 ${esc(sp.file)} 从问题清单中移出；指标得分仍按评估口径计算，不因豁免而改变。</p>
${sp.suppressed.length ? staticFindings(sp.suppressed, indicatorOrder, maxPerGroup, 'suppressed-row', { head: '豁免理由', cell: (f) => esc(f.reason) }) : '<p class="empty">没有被豁免的问题。</p>'}
${unused}
</section>`);
  }
  return parts.join('\n');
}

function inputsSection(report: Report): string {
  const le = report.loadErrors.length
    ? `<table><thead><tr><th>文件</th><th>位置</th><th>错误</th></tr></thead><tbody>${report.loadErrors
        .map((e) => `<tr data-testid="load-error-row"><td>${esc(e.file)}</td><td>${esc(positionText(e) || '—')}</td><td>${esc(e.message)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">所有输入文件都已读取。</p>';
  const sk = report.skipped.length
    ? `<table><thead><tr><th>文件</th><th>原因</th><th class="num">数量</th></tr></thead><tbody>${report.skipped
        .map((s) => `<tr data-testid="skipped-row"><td>${esc(s.file)}</td><td>${esc(s.reason)}</td><td class="num">${s.count ?? 1}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">没有跳过的文件或事项。</p>';
  return `<section class="card" id="inputs">
<h2>读取错误和已跳过</h2>
<div class="two"><div><h3>读取错误（${report.loadErrors.length}）</h3>${le}</div><div><h3>已跳过（${report.summary.skipped}）</h3>${sk}</div></div>
</section>`;
}

// ---------------------------------------------------------------- page

export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const maxPerGroup = Math.max(0, Math.floor(opts.maxPerGroup ?? DEFAULT_MAX_PER_GROUP));
  const indicatorOrder = [...new Set([...report.rules.map((r) => r.indicator), ...Object.keys(report.scores.indicators)])];
  const data = dashboardData(report, maxPerGroup, indicatorOrder);
  const withDept = new Set(data.departments);
  const withInd = new Set(data.indicators);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(DASHBOARD_JS)}`,
    `style-src ${sha256(DASHBOARD_CSS)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const nav = [
    ['overview', '总体情况'], ['indicators', '指标得分'], ['departments', '部门排名'], ['stats', '评估统计'], ['findings', '问题清单'],
    ...(report.baseline ? [['fixed', '已整改']] : []), ...(report.suppressions ? [['suppressed', '已豁免']] : []), ['inputs', '读取错误和已跳过'],
  ].map(([id, label]) => `<a href="#${id}">${label}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${esc(report.tool.name)} ${esc(report.tool.version)}">
<title>办事指南审核报告 · ${esc(fmtScore(report.scores.overall))}</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<header class="top">
<h1>政务服务事项办事指南审核报告</h1>
<div class="meta"><span>按《省级政府网上政务服务能力第三方评估指标体系》逐事项逐要素检查</span><span>本页可离线打开，不访问网络</span></div>
</header>
<nav class="toc">${nav}</nav>
<main>
${header(report)}
${indicatorChart(report, withInd)}
${departmentTable(report, withDept)}
${statsSection(report)}
${findingsSection(report, data, indicatorOrder)}
${trackingSections(report, indicatorOrder, maxPerGroup)}
${inputsSection(report)}
</main>
<script type="application/json" id="dashboard-data">${scriptJson(data)}</script>
<script>${DASHBOARD_JS}</script>
</body>
</html>
`;
}
