// The inline stylesheet and script of the HTML dashboard (html.ts). Both are fixed text: the page's
// Content-Security-Policy allows exactly these two by their SHA-256 hashes, and nothing is loaded
// from anywhere. The script builds the findings list from the JSON embedded in the page, with
// textContent only (never innerHTML), so report text cannot become markup.

export const DASHBOARD_CSS = `
:root {
  --ink: #1f2933; --muted: #5f6b7a; --line: #d9e0e8; --bg: #f3f5f8; --card: #fff;
  --brand: #0b4f9c; --brand-dark: #083a73;
  --good: #1f8a4c; --mid: #c27c0e; --bad: #c0392b; --na: #9aa5b1;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink); font-size: 14px; line-height: 1.55;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
}
header.top { background: linear-gradient(135deg, var(--brand-dark), var(--brand)); color: #fff; padding: 20px 32px 16px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; letter-spacing: 1px; }
header.top .meta { opacity: .85; font-size: 13px; }
header.top .meta span + span::before { content: "　|　"; opacity: .6; }
nav.toc { background: var(--brand-dark); padding: 0 32px; display: flex; flex-wrap: wrap; gap: 4px; }
nav.toc a { color: #dbe7f6; text-decoration: none; padding: 8px 10px; font-size: 13px; }
nav.toc a:hover { color: #fff; background: rgba(255,255,255,.08); }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
section.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px 18px; margin: 0 0 18px; }
section.card > h2 { margin: 0 0 12px; font-size: 17px; border-left: 4px solid var(--brand); padding-left: 10px; }
.hint { color: var(--muted); font-size: 12.5px; margin: 4px 0 10px; }
.kpis { display: grid; grid-template-columns: 1.35fr 1.35fr repeat(4, 1fr); gap: 12px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fafbfd; }
.kpi .label { color: var(--muted); font-size: 13px; }
.kpi .value { font-size: 26px; font-weight: 700; line-height: 1.25; font-variant-numeric: tabular-nums; }
.kpi.main .value { font-size: 40px; }
.kpi .sub { color: var(--muted); font-size: 12.5px; }
.band { display: inline-block; font-size: 13px; font-weight: 600; padding: 1px 8px; border-radius: 10px; margin-left: 6px; vertical-align: middle; background: #e8eef6; color: var(--brand-dark); }
.lvl-good { color: var(--good); } .lvl-mid { color: var(--mid); } .lvl-bad { color: var(--bad); } .lvl-na { color: var(--na); }
.band.lvl-good { background: #e3f3ea; } .band.lvl-mid { background: #fbf0dc; } .band.lvl-bad { background: #f9e1de; } .band.lvl-na { background: #eef0f3; }
.counts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin-top: 12px; color: var(--muted); font-size: 13px; }
.counts b { color: var(--ink); font-variant-numeric: tabular-nums; }
.notices { margin: 12px 0 0; padding: 8px 12px 8px 28px; background: #fff8e6; border: 1px solid #f1dfb0; border-radius: 6px; font-size: 13px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 13px; fill: var(--ink); }
svg.chart .axis text, svg.chart .head { fill: var(--muted); font-size: 12px; }
svg.chart .grid { stroke: #e6eaf0; stroke-width: 1; }
svg.chart .track { fill: #eef1f5; }
svg.chart .bar-good { fill: #2e9d5f; } svg.chart .bar-mid { fill: #e0a03a; } svg.chart .bar-bad { fill: #d2553f; }
svg.chart .unscored .bar-good, svg.chart .unscored .bar-mid, svg.chart .unscored .bar-bad { fill-opacity: .55; }
svg.chart .na { fill: var(--na); }
svg.chart text.lvl-good { fill: var(--good); } svg.chart text.lvl-mid { fill: var(--mid); } svg.chart text.lvl-bad { fill: var(--bad); } svg.chart text.lvl-na { fill: var(--na); }
svg.chart .sep { stroke: #b8c2cf; stroke-dasharray: 4 3; }
svg.chart .clickable { cursor: pointer; }
svg.chart .clickable:hover .track { fill: #dfe7f1; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; font-size: 13px; color: #3e4c59; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:hover { background: #f8fafc; }
.mini { vertical-align: middle; margin-right: 6px; }
.mini .track { fill: #eef1f5; } .mini .bar-good { fill: #2e9d5f; } .mini .bar-mid { fill: #e0a03a; } .mini .bar-bad { fill: #d2553f; }
button { font: inherit; font-size: 12.5px; border: 1px solid #b9c6d6; background: #fff; color: var(--brand); border-radius: 4px; padding: 1px 8px; cursor: pointer; }
button:hover { background: #eef4fb; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.frac { color: var(--muted); font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: end; padding: 10px 12px; background: #f5f7fa; border: 1px solid var(--line); border-radius: 6px; position: sticky; top: 0; z-index: 2; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.filters select, .filters input { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #b9c6d6; border-radius: 4px; background: #fff; color: var(--ink); min-width: 150px; }
.filters input[type=search] { min-width: 260px; }
.filters .summary { margin-left: auto; font-size: 13px; color: var(--muted); }
.filters .summary b { color: var(--ink); }
.dept-group { margin-top: 16px; }
.dept-group > h3 { font-size: 15px; margin: 0; padding: 7px 10px; background: #e9f0f9; border-radius: 4px 4px 0 0; }
.dept-group > table { border: 1px solid var(--line); border-top: none; }
.findings tr.ind-head th { background: #fff; color: var(--brand-dark); font-size: 13.5px; padding-top: 10px; border-bottom: 1px solid #c9d5e3; }
.count { font-weight: 400; color: var(--muted); font-size: 12.5px; margin-left: 6px; }
.findings td { font-size: 13px; }
.findings { table-layout: fixed; } .findings col.c-sev { width: 84px; } .findings col.c-guide { width: 36%; }
.findings td.sev .tag { display: block; width: fit-content; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; margin: 0 4px 2px 0; white-space: nowrap; }
.tag.error { background: #f9e1de; color: #a02c1f; } .tag.warning { background: #fbf0dc; color: #8a5a00; }
.tag.new { background: #e3ecfb; color: #1d4f9c; } .tag.unchanged { background: #eceff3; color: #52606d; }
.where { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.sugg { color: var(--good); font-size: 12.5px; }
.omitted { color: var(--mid); font-size: 12.5px; padding: 4px 8px; }
.empty { color: var(--muted); padding: 10px 0; }
details > summary { cursor: pointer; color: var(--brand); margin: 6px 0; }
@media (max-width: 900px) { .kpis { grid-template-columns: 1fr 1fr; } .two { grid-template-columns: 1fr; } }
@media print {
  nav.toc, .filters, button { display: none !important; }
  body { background: #fff; } section.card { break-inside: avoid-page; border: none; }
}
`;

export const DASHBOARD_JS = `
(function () {
  'use strict';
  var node = document.getElementById('dashboard-data');
  if (!node) return;
  var data = JSON.parse(node.textContent || '{}');
  function q(id) { return document.querySelector('[data-testid="' + id + '"]'); }
  var fDept = q('filter-department'), fInd = q('filter-indicator'), fSev = q('filter-severity');
  var fStatus = q('filter-status'), fSearch = q('filter-search'), reset = q('filter-reset');
  var out = document.getElementById('finding-groups');
  var visibleEl = q('visible-count'), matchedEl = q('matched-count'), noteEl = document.getElementById('filter-note');
  var PAGE = 1000, limit = PAGE;
  var SEV = { error: '错误', warning: '警告' };
  var STATUS = { 'new': '新增', unchanged: '仍未整改' };
  data.groups.forEach(function (g) {
    g.items.forEach(function (it) { it.h = (it.g + '\\n' + it.m).toLowerCase(); });
  });
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function ok(sev, st, s, t) { return (!sev || s === sev) && (!st || t === st); }
  function row(it, dept, ind) {
    var tr = el('tr');
    tr.setAttribute('data-testid', 'finding-row');
    tr.setAttribute('data-department', dept);
    tr.setAttribute('data-indicator', ind);
    tr.setAttribute('data-severity', it.s);
    var c1 = el('td', 'sev');
    var tag = el('span', 'tag ' + it.s, SEV[it.s] || it.s);
    tag.title = '规则 ' + it.r;
    c1.appendChild(tag);
    if (it.t) c1.appendChild(el('span', 'tag ' + it.t, STATUS[it.t] || it.t));
    var c2 = el('td');
    c2.appendChild(el('div', 'guide', it.g));
    c2.appendChild(el('div', 'where', it.w));
    var c3 = el('td');
    var msg = el('div', 'msg', it.m);
    if (it.v !== undefined) msg.title = '原值：' + it.v;
    c3.appendChild(msg);
    if (it.sg) c3.appendChild(el('div', 'sugg', '建议：' + it.sg));
    tr.appendChild(c1); tr.appendChild(c2); tr.appendChild(c3);
    return tr;
  }
  function table() {
    var t = el('table', 'findings');
    var cg = el('colgroup');
    ['c-sev', 'c-guide', 'c-msg'].forEach(function (c) { cg.appendChild(el('col', c)); });
    t.appendChild(cg);
    var th = el('thead'), hr = el('tr');
    ['级别', '事项和位置', '问题和整改建议'].forEach(function (h) { hr.appendChild(el('th', '', h)); });
    th.appendChild(hr); t.appendChild(th);
    return t;
  }
  function render() {
    var dept = fDept.value, ind = fInd.value, sev = fSev.value, st = fStatus ? fStatus.value : '';
    var terms = fSearch.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var searching = terms.length > 0;
    out.textContent = '';
    var rendered = 0, matched = 0, notEmbedded = 0, more = 0;
    var curDept = -1, deptBox = null, deptTable = null, deptCount = null, deptN = 0;
    data.groups.forEach(function (g) {
      var dName = data.departments[g.d], iName = data.indicators[g.i];
      if (dept && dName !== dept) return;
      if (ind && iName !== ind) return;
      var full = 0;
      Object.keys(g.counts).forEach(function (k) {
        var p = k.split('|');
        if (ok(sev, st, p[0], p[1])) full += g.counts[k];
      });
      if (!full) return;
      var base = g.items.filter(function (it) { return ok(sev, st, it.s, it.t || ''); });
      var items = searching ? base.filter(function (it) {
        return terms.every(function (t) { return it.h.indexOf(t) >= 0; });
      }) : base;
      var omitted = full - base.length;
      notEmbedded += omitted;
      if (searching && !items.length) return;
      matched += searching ? items.length : full;
      if (rendered >= limit) { more += items.length; return; }
      if (g.d !== curDept) {
        curDept = g.d; deptN = 0;
        deptBox = el('div', 'dept-group');
        deptBox.setAttribute('data-testid', 'finding-group');
        deptBox.setAttribute('data-department', dName);
        var h3 = el('h3', '', dName);
        deptCount = el('span', 'count');
        deptCount.setAttribute('data-testid', 'group-count');
        h3.appendChild(deptCount);
        deptBox.appendChild(h3);
        deptTable = table();
        deptBox.appendChild(deptTable);
        out.appendChild(deptBox);
      }
      deptN += searching ? items.length : full;
      deptCount.textContent = (searching ? '匹配 ' : '共 ') + deptN + ' 条';
      var body = el('tbody');
      body.setAttribute('data-testid', 'finding-subgroup');
      body.setAttribute('data-indicator', iName);
      var hr = el('tr', 'ind-head'), hc = el('th', '', iName);
      hc.colSpan = 3;
      var cnt = el('span', 'count', '共 ' + full + ' 条' + (searching ? '，匹配 ' + items.length + ' 条' : ''));
      cnt.setAttribute('data-testid', 'subgroup-count');
      hc.appendChild(cnt);
      hr.appendChild(hc);
      body.appendChild(hr);
      items.forEach(function (it) {
        if (rendered >= limit) { more++; return; }
        body.appendChild(row(it, dName, iName));
        rendered++;
      });
      if (omitted > 0) {
        var otr = el('tr'), otd = el('td', 'omitted', '另有 ' + omitted + ' 条未显示（完整列表见 report.json）');
        otd.colSpan = 3;
        otd.setAttribute('data-testid', 'group-omitted');
        otr.appendChild(otd);
        body.appendChild(otr);
      }
      deptTable.appendChild(body);
    });
    if (!out.childNodes.length) out.appendChild(el('p', 'empty', data.total ? '没有符合筛选条件的问题。' : '未发现问题。'));
    if (more > 0) {
      var btn = el('button', '', '继续显示（还有 ' + more + ' 条）');
      btn.setAttribute('data-testid', 'show-more');
      btn.addEventListener('click', function () { limit += PAGE; render(); });
      out.appendChild(btn);
    }
    out.setAttribute('data-applied-search', fSearch.value);
    visibleEl.textContent = String(rendered);
    matchedEl.textContent = String(matched);
    var notes = [];
    if (notEmbedded > 0) notes.push(searching
      ? '搜索只在本页列出的问题中进行，另有 ' + notEmbedded + ' 条未列出，完整列表见 report.json'
      : '其中 ' + notEmbedded + ' 条未在本页列出，完整列表见 report.json');
    noteEl.textContent = notes.length ? '（' + notes.join('；') + '）' : '';
  }
  var timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(function () { limit = PAGE; render(); }, 120); }
  function now() { limit = PAGE; render(); }
  [fDept, fInd, fSev, fStatus].forEach(function (s) { if (s) s.addEventListener('change', now); });
  fSearch.addEventListener('input', later);
  reset.addEventListener('click', function () {
    fDept.value = ''; fInd.value = ''; fSev.value = ''; if (fStatus) fStatus.value = ''; fSearch.value = '';
    now();
  });
  function has(select, v) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === v) return true;
    return false;
  }
  document.addEventListener('click', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('[data-show-dept],[data-show-indicator]') : null;
    if (!t) return;
    var d = t.getAttribute('data-show-dept'), i = t.getAttribute('data-show-indicator');
    if (d !== null && has(fDept, d)) { fDept.value = d; fInd.value = ''; }
    else if (i !== null && has(fInd, i)) { fInd.value = i; fDept.value = ''; }
    else return;
    now();
    var target = document.getElementById('findings');
    if (target && target.scrollIntoView) target.scrollIntoView();
  });
  now();
  document.documentElement.setAttribute('data-ready', '1');
})();
`;
