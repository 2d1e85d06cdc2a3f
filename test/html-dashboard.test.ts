// The HTML dashboard: static checks (offline, escaping, per-group cap) and, with Debian's chromium,
// the real page on the demo audit: numbers equal the JSON, filters count right, no network request.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { ReportSchema, type Finding, type Report, type Stats } from '../src/report.js';
import { renderHtml, type DashboardData } from '../src/reporters/html.js';
import { applyBaseline, applySuppressions } from '../src/tracking.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const fmt = (s: number | null) => (s === null ? '—' : s.toFixed(1));

/** The JSON the page embeds for its script. */
function embedded(html: string): DashboardData {
  const m = /<script type="application\/json" id="dashboard-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as DashboardData;
}

const emptyStats = (): Stats => {
  const r = { value: null, numerator: 0, denominator: 0 };
  return {
    guides: 0, commitmentCompression: { ...r, n: 0 }, instantShare: r, zeroVisitShare: r, atMostOneVisitShare: r, averageVisits: r,
    onlineDepth: { I: 0, II: 0, III: 0, IV: 0, unknown: 0 }, averageFilledElements: r,
  };
};

/** A small valid report around the given findings (one department per distinct guide.department). */
function syntheticReport(findings: Finding[]): Report {
  const ind = { score: 50, applicable: 2, failed: 1 };
  const depts = [...new Set(findings.map((f) => f.guide.department ?? '（未填实施主体）'))];
  const errors = findings.filter((f) => f.severity === 'error').length;
  return ReportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'guide-audit', version: '0.0.0-test' },
    generatedAt: '2026-11-25T08:00:00.000Z',
    options: { scope: 'default', paths: ['exports'] },
    summary: { files: 1, guides: 2, findings: findings.length, errors, warnings: findings.length - errors, loadErrors: 0, skipped: 0, permitGuides: 0, guidesWithFindings: 1 },
    scores: {
      overall: 50, band: '低', permitOnly: { overall: null, band: null, guides: 0 },
      indicators: { 办理地点: ind, 联系电话: ind }, permitIndicators: {},
      departments: depts.map((department) => ({
        department, score: 50, band: '低', guides: 1, findings: findings.filter((f) => (f.guide.department ?? '（未填实施主体）') === department).length,
        indicators: {}, stats: { permit: emptyStats(), all: emptyStats() },
      })),
      regions: [],
    },
    stats: { permit: emptyStats(), all: emptyStats(), reference: { source: '参考', commitmentCompression: 0.306, zeroVisitShare: 0.1717, atMostOneVisitShare: 0.3309, averageFilledElements: 39 } },
    rules: [
      { id: 'handling-location', indicator: '办理地点', severity: 'error', scored: true },
      { id: 'contact-phone', indicator: '联系电话', severity: 'error', scored: true },
    ],
    findings, loadErrors: [], skipped: [], notices: [],
  });
}

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'handling-location', messageId: 'incomplete', indicator: '办理地点', severity: 'error',
    message: `办理地点缺少窗口号（第${i}条）`,
    guide: { code: `CODE${String(i).padStart(4, '0')}`, name: `事项${i}`, department: '江州市测试局' },
    location: { file: 'exports/city.xlsx', sheet: '事项基本信息', row: i + 2, field: '办理地点' },
    ...over,
  };
}

/** 250 findings in one (department, indicator) group, 3 in another. */
const bigReport = () =>
  syntheticReport([
    ...Array.from({ length: 250 }, (_, i) => finding(i)),
    ...Array.from({ length: 3 }, (_, i) => finding(300 + i, { ruleId: 'contact-phone', indicator: '联系电话', severity: 'warning', message: `联系电话缺少区号（${i}）` })),
  ]);

let demo: Report;
beforeAll(async () => {
  demo = await audit(['fixtures/demo'], { cwd: ROOT });
}, 60_000);

describe('renderHtml (static)', () => {
  it('loads nothing from the network: no external resource, a CSP that forbids loads, hashes that match', () => {
    const html = renderHtml(demo);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    // No resource reference of any kind to another origin (or protocol-relative).
    expect(html).not.toMatch(/\b(?:src|href|action|formaction|poster|srcset|data|xlink:href|background)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import|<link\b|<img\b|<iframe\b|<object\b|<embed\b|<script\s+src/i);
    expect(html).not.toMatch(/https?:\/\//); // the demo has no URL in its text either
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    // The policy allows exactly the page's own inline style and script.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/\sstyle="/); // inline style attributes would be blocked by the CSP
  });

  it('URLs in report text stay text; report text is escaped in markup and in the embedded JSON', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = syntheticReport([
      finding(1, { message: '空白表格为网址 https://zwfw.example.gov.cn/a.doc，未核验</script><!--', value: 'https://zwfw.example.gov.cn/a.doc' }),
      finding(2, { guide: { code: 'C2', name: '事项"2"', department: evil } }),
    ]);
    const html = renderHtml(r);
    expect(html).not.toMatch(/\b(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toContain(evil);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const json = /<script type="application\/json" id="dashboard-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toMatch(/<\/script|<!--/i);
    const data = embedded(html);
    expect(data.departments).toContain(evil);
    expect(data.groups.flatMap((g) => g.items).map((i) => i.m)).toContain('空白表格为网址 https://zwfw.example.gov.cn/a.doc，未核验</script><!--');
    // Exactly one executable script, and it is ours (the JSON block is data).
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it('embeds at most maxPerGroup findings per (department, indicator) group, with the full counts', () => {
    const r = bigReport();
    const data = embedded(renderHtml(r));
    expect(data.maxPerGroup).toBe(100);
    expect(data.total).toBe(253);
    const big = data.groups.find((g) => data.indicators[g.i] === '办理地点')!;
    expect(big.total).toBe(250);
    expect(big.items).toHaveLength(100);
    expect(big.counts).toEqual({ 'error|': 250 });
    expect(big.items[0]!.m).toBe(r.findings[0]!.message); // report order, the first 100
    const small = data.groups.find((g) => data.indicators[g.i] === '联系电话')!;
    expect([small.total, small.items.length]).toEqual([3, 3]);
    const ten = embedded(renderHtml(r, { maxPerGroup: 10 }));
    expect(ten.groups.map((g) => [g.total, g.items.length])).toEqual([[250, 10], [3, 3]]);
    // The page stays small: 250 findings do not all go in.
    expect(renderHtml(r).length).toBeLessThan(renderHtml(r, { maxPerGroup: 1000 }).length);
  });

  it('shows rectification tracking and suppressed findings with their reasons', () => {
    const first = demo.findings[0]!;
    const baseline = { findings: [...demo.findings.slice(1), { ...first, guide: { ...first.guide, code: 'GONE' }, message: '上次的问题' }] };
    let r = applyBaseline(demo, baseline, 'last.json');
    r = applySuppressions(r, [{ code: first.guide.code!, ruleId: first.ruleId, reason: '农村地址无门牌号' }, { code: 'NOPE', ruleId: 'x', reason: '无用' }], 'suppress.json');
    const html = renderHtml(r);
    expect(html).toContain('data-testid="tracking-fixed">1<');
    expect(html).toContain(`data-testid="tracking-new">${r.baseline!.tracking.new}<`);
    expect(html).toContain('data-testid="fixed-count">1<');
    expect(html).toContain('上次的问题');
    expect(html).toContain('data-testid="dept-fixed"');
    expect(html.match(/data-testid="suppressed-row"/g)).toHaveLength(r.suppressions!.suppressed.length);
    expect(html).toContain('农村地址无门牌号');
    expect(html).toContain('data-testid="unused-suppression-row"');
    expect(html).toContain('data-testid="filter-status"');
    const data = embedded(html);
    expect(data.baseline).toBe(true);
    expect(data.groups.flatMap((g) => g.items).every((i) => i.t === 'new' || i.t === 'unchanged')).toBe(true);
  });
});

const SKIP_MESSAGE = `HTML dashboard browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`;
if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_CHROMIUM)(`HTML dashboard in chromium${HAS_CHROMIUM ? '' : ` — ${SKIP_MESSAGE}`}`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let fileUrl: string;
  const requests: string[] = [];
  const problems: string[] = [];

  const text = (testid: string) => page.locator(`[data-testid="${testid}"]`).first().innerText();
  const visible = async () => Number(await text('visible-count'));
  const rows = () => page.locator('[data-testid="finding-row"]');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'guide-audit-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtml(demo));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(fileUrl);
    await page.waitForSelector('html[data-ready="1"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the overall index, the counts and every indicator score of the JSON', async () => {
    expect(await text('overall-score')).toBe(fmt(demo.scores.overall));
    expect(await text('overall-band')).toBe(demo.scores.band ?? '—');
    expect(await text('permit-score')).toBe(fmt(demo.scores.permitOnly.overall));
    const s = demo.summary;
    const counts: [string, number][] = [
      ['count-files', s.files], ['count-guides', s.guides], ['count-findings', s.findings], ['count-errors', s.errors],
      ['count-warnings', s.warnings], ['count-load-errors', s.loadErrors], ['count-skipped', s.skipped],
    ];
    for (const [id, n] of counts) expect([id, await text(id)]).toEqual([id, String(n)]);
    const shown = await page.locator('[data-testid="indicator-row"]').evaluateAll((gs) =>
      gs.map((g) => [
        g.getAttribute('data-indicator'),
        g.querySelector('[data-testid="indicator-score"]')!.textContent,
        g.querySelector('[data-testid="indicator-passed"]')!.textContent,
        g.querySelector('[data-testid="indicator-applicable"]')!.textContent,
      ]),
    );
    expect(shown).toEqual(Object.entries(demo.scores.indicators).map(([ind, t]) => [ind, fmt(t.score), String(t.applicable - t.failed), String(t.applicable)]));
    expect(shown.some(([, score]) => score === '—')).toBe(true); // the demo has indicators with no applicable guide
  });

  it('lists the department ranking as in the JSON', async () => {
    const shown = await page.locator('[data-testid="dept-row"]').evaluateAll((trs) =>
      trs.map((tr) => ['dept-rank', 'dept-name', 'dept-region', 'dept-score', 'dept-band', 'dept-guides', 'dept-findings'].map((id) => tr.querySelector(`[data-testid="${id}"]`)!.textContent)),
    );
    expect(shown).toEqual(demo.scores.departments.map((d, i) => [String(i + 1), d.department, d.region ?? '—', fmt(d.score), d.band ?? '—', String(d.guides), String(d.findings)]));
  });

  it('shows the section-G statistics next to the reference values', async () => {
    const row = (key: string) => page.locator(`[data-testid="stat-row"][data-stat="${key}"]`);
    const p = demo.stats.permit.zeroVisitShare;
    expect(await row('zeroVisitShare').locator('[data-testid="stat-permit"]').innerText()).toContain(`${(100 * p.value!).toFixed(2)}%`);
    expect(await row('zeroVisitShare').locator('[data-testid="stat-permit"]').innerText()).toContain(`${p.numerator}/${p.denominator}`);
    expect(await row('zeroVisitShare').locator('[data-testid="stat-reference"]').innerText()).toBe(`${(100 * demo.stats.reference.zeroVisitShare).toFixed(2)}%`);
    expect(await row('commitmentCompression').locator('[data-testid="stat-all"]').innerText()).toContain(`n=${demo.stats.all.commitmentCompression.n}`);
  });

  it('lists every finding, and the department filter shows exactly that department\'s findings', async () => {
    expect(await visible()).toBe(demo.findings.length);
    expect(await rows().count()).toBe(demo.findings.length);
    const withFindings = demo.scores.departments.filter((d) => d.findings > 0);
    const options = await page.locator('[data-testid="filter-department"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(new Set(options)).toEqual(new Set(withFindings.map((d) => d.department)));
    for (const d of withFindings) {
      await page.selectOption('[data-testid="filter-department"]', d.department);
      expect([d.department, await visible()]).toEqual([d.department, d.findings]);
      expect(await rows().count()).toBe(d.findings);
      expect(await text('matched-count')).toBe(String(d.findings));
      const depts = await rows().evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-department')))]);
      expect(depts).toEqual([d.department]);
    }
    // Department and indicator together.
    const f = demo.findings[0]!;
    await page.selectOption('[data-testid="filter-department"]', f.guide.department!);
    await page.selectOption('[data-testid="filter-indicator"]', f.indicator);
    expect(await visible()).toBe(demo.findings.filter((x) => x.guide.department === f.guide.department && x.indicator === f.indicator).length);
    await page.click('[data-testid="filter-reset"]');
    expect(await visible()).toBe(demo.findings.length);
    // The ranking's 查看问题 button and a click on an indicator bar set the filters too.
    const last = withFindings[withFindings.length - 1]!;
    await page.locator(`[data-testid="dept-row"][data-department="${last.department}"] button`).click();
    expect(await page.inputValue('[data-testid="filter-department"]')).toBe(last.department);
    expect(await visible()).toBe(last.findings);
    await page.locator(`[data-testid="indicator-row"][data-indicator="${f.indicator}"]`).click();
    expect(await page.inputValue('[data-testid="filter-indicator"]')).toBe(f.indicator);
    expect(await page.inputValue('[data-testid="filter-department"]')).toBe('');
    expect(await visible()).toBe(demo.findings.filter((x) => x.indicator === f.indicator).length);
    await page.click('[data-testid="filter-reset"]');
  });

  it('the indicator and severity filters count right', async () => {
    const ind = demo.findings[demo.findings.length - 1]!.indicator;
    await page.selectOption('[data-testid="filter-indicator"]', ind);
    expect(await visible()).toBe(demo.findings.filter((f) => f.indicator === ind).length);
    await page.selectOption('[data-testid="filter-indicator"]', '');
    await page.selectOption('[data-testid="filter-severity"]', 'warning');
    expect(await visible()).toBe(demo.summary.warnings);
    await page.selectOption('[data-testid="filter-severity"]', 'error');
    expect(await visible()).toBe(demo.summary.errors);
    await page.click('[data-testid="filter-reset"]');
  });

  it('searches guide name, code and message', async () => {
    // The search waits for typing to stop; the list says which query it shows.
    const search = async (q: string) => {
      await page.fill('[data-testid="filter-search"]', q);
      await page.waitForFunction((v) => document.getElementById('finding-groups')!.getAttribute('data-applied-search') === v, q);
      return visible();
    };
    const byText = (q: string) => demo.findings.filter((f) => [f.guide.name, f.guide.code, f.message].some((s) => s?.toLowerCase().includes(q.toLowerCase()))).length;
    const withCode = demo.findings.find((f) => f.guide.code)!;
    expect(await search(withCode.guide.code!)).toBe(byText(withCode.guide.code!));
    const guideTexts = await rows().evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(guideTexts.every((t) => t.includes(withCode.guide.code!))).toBe(true);
    expect(await search(withCode.guide.name!)).toBe(byText(withCode.guide.name!));
    expect(await search('窗口号')).toBe(byText('窗口号'));
    expect(byText('窗口号')).toBeGreaterThan(0);
    expect(await search('不存在的内容xyz')).toBe(0);
    expect(await page.locator('#finding-groups .empty').innerText()).toContain('没有符合筛选条件的问题');
    await page.fill('[data-testid="filter-search"]', '');
    await page.click('[data-testid="filter-reset"]');
    expect(await visible()).toBe(demo.findings.length);
  });

  it('a capped group says how many are not shown, with the full count', async () => {
    const file = path.join(dir, 'big.html');
    writeFileSync(file, renderHtml(bigReport()));
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const reqs: string[] = [];
    p.on('request', (r) => reqs.push(r.url()));
    await p.goto(pathToFileURL(file).href);
    await p.waitForSelector('html[data-ready="1"]');
    const omitted = await p.locator('[data-testid="group-omitted"]').allInnerTexts();
    expect(omitted).toEqual(['另有 150 条未显示（完整列表见 report.json）']);
    expect(await p.locator('[data-testid="subgroup-count"]').allInnerTexts()).toEqual(['共 250 条', '共 3 条']);
    expect(await p.locator('[data-testid="visible-count"]').innerText()).toBe('103');
    expect(await p.locator('[data-testid="matched-count"]').innerText()).toBe('253');
    await p.selectOption('[data-testid="filter-severity"]', 'warning');
    expect(await p.locator('[data-testid="visible-count"]').innerText()).toBe('3');
    expect(reqs).toEqual([pathToFileURL(file).href]);
    await p.close();
  });

  it('with a baseline, filters by 新增 / 仍未整改', async () => {
    const baseline = { findings: demo.findings.slice(0, 10) };
    const r = applyBaseline(demo, baseline, 'last.json');
    const file = path.join(dir, 'tracked.html');
    writeFileSync(file, renderHtml(r));
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(pathToFileURL(file).href);
    await p.waitForSelector('html[data-ready="1"]');
    await p.selectOption('[data-testid="filter-status"]', 'unchanged');
    expect(await p.locator('[data-testid="visible-count"]').innerText()).toBe(String(r.baseline!.tracking.unchanged));
    await p.selectOption('[data-testid="filter-status"]', 'new');
    expect(await p.locator('[data-testid="visible-count"]').innerText()).toBe(String(r.baseline!.tracking.new));
    expect(await p.locator('[data-testid="finding-row"] .tag.new').count()).toBe(r.baseline!.tracking.new);
    expect(await p.locator('[data-testid="dept-row"] [data-testid="dept-unchanged"]').allInnerTexts()).toEqual(r.scores.departments.map((d) => String(d.tracking!.unchanged)));
    await p.close();
  });

  it('makes no request other than the page itself, logs no error, and saves the screenshot', async () => {
    expect(requests).toEqual([fileUrl]);
    expect(problems).toEqual([]);
    // The README's picture: the whole page, with one department's findings selected to keep it short.
    const worst = [...demo.scores.departments].sort((a, b) => b.findings - a.findings)[0]!;
    await page.selectOption('[data-testid="filter-department"]', worst.department);
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    // The README's picture is refreshed only on request (UPDATE_SCREENSHOT=1); a normal run, CI
    // included, writes to the ignored out/ folder so the tree stays clean.
    const shot = process.env.UPDATE_SCREENSHOT ? path.join(ROOT, 'docs', 'dashboard.png') : path.join(ROOT, 'out', 'dashboard.png');
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    expect(requests).toEqual([fileUrl]);
  });
});
