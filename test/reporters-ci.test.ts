// The CI reporters (SARIF, JUnit, GitHub annotations, Markdown summary) on a report from a real
// audit: Excel-row, CSV-line and JSON-index findings, a warning, load errors, characters to escape.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
// The engine directly: src/index.js also loads the CLI, which is being integrated separately.
import { audit } from '../src/engine.js';
import { ReportSchema, type Finding, type Report } from '../src/report.js';
import { FINGERPRINT_KEY, renderSarif } from '../src/reporters/sarif.js';
import { renderJunit } from '../src/reporters/junit.js';
import { escapeData, escapeProperty, renderGithubAnnotations } from '../src/reporters/github.js';
import { renderMarkdownSummary } from '../src/reporters/markdown.js';
import { guideTitle } from '../src/reporters/location.js';
import { tempDir, workbook, writeFile } from './helpers.js';

const code = (n: number) => `11410900MB0000000E300010100${n}000`;
const base = (n: number) => `00010100${n}000`;
const CLEAN = {
  事项名称: '食品经营许可', 实施编码: code(1), 基本编码: base(1), 事项类型: '行政许可', 行使层级: '市级', 实施主体: '江州市市场监督管理局',
  办件类型: '承诺件', 法定办结时限: '20个工作日', 承诺办结时限: '5个工作日',
  办理地点: '江州市滨江大道188号市民之家3楼B区12号窗口', 办理时间: '星期一至星期五：上午9:00-12:00，下午13:00-17:00',
  咨询电话: '0393-6661882', 监督投诉电话: '0393-12345',
  设定依据: '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
  特殊环节: '无', 受理条件: '申请人具有与经营的食品品种、数量相适应的经营场所', 办理结果: '食品经营许可证', 是否收费: '否', 到办事现场次数: '1',
};
const MATERIALS = [{ 材料名称: '营业执照', 来源渠道: '政府部门核发', 来源渠道说明: '市场监督管理部门', 原件份数: 0, 复印件份数: 1, 材料形式: '纸质' }];
const STEPS = [
  { 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员', 审查标准: '材料齐全、符合法定形式' },
  { 环节名称: '审查', 办理时限: '2个工作日', 办理人员: '审批科科员', 审查标准: '符合食品安全法规定的条件' },
  { 环节名称: '决定', 办理时限: '2个工作日', 办理人员: '审批科科长', 审查标准: '审查意见明确' },
  { 环节名称: '送达', 办理时限: '1个工作日', 办理人员: '窗口工作人员', 审查标准: '按申请人选择的方式送达' },
];
const PIPE_NAME = '建设工程规划许可|乡村建设';
const LT_AMP_NAME = '面积<500平方米&以下的建筑工程施工许可';
const PERCENT_NAME = '100%网办事项';
const NEWLINE_NAME = '容缺\n受理事项';
const CSV_FILE = 'exports/县,区.csv';
// Loaders strip control characters from cell text; a file name keeps them (not on Windows).
const CTRL_FILE = 'exports/旧版\u0001导出.jsonl';
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function writeExports(dir: string): void {
  const head = Object.keys(CLEAN);
  const row = (o: Record<string, string>) => head.map((k) => o[k] ?? CLEAN[k as keyof typeof CLEAN]);
  writeFile(dir, 'exports/市级.xlsx', workbook([
    { name: '事项基本信息', rows: [head, row({ 实施编码: code(2), 基本编码: base(2), 事项名称: PIPE_NAME, 办理地点: '中原路10号综合窗口' }), row({ 事项名称: LT_AMP_NAME, 实施编码: code(3), 基本编码: base(3), 咨询电话: '6661882' })] },
    { name: '申请材料', rows: [['实施编码', '材料名称', '来源渠道', '来源渠道说明', '原件份数', '复印件份数', '材料形式'], [code(2), '营业执照', '政府部门核发', '市场监督管理部门', 0, 1, '纸质'], [code(3), '其他材料', '申请人自备', '', 1, 0, '纸质']] },
    { name: '办理流程', rows: [['实施编码', '环节名称', '办理时限', '办理人员', '审查标准'], ...[code(2), code(3)].flatMap((c) => STEPS.map((s) => [c, s.环节名称, s.办理时限, s.办理人员, s.审查标准]))] },
  ]));
  writeFile(dir, CSV_FILE, [head.join(','), row({ 事项名称: PERCENT_NAME, 实施编码: code(4), 基本编码: base(4), 办理时间: '工作日', 实施主体: '清河县自然资源局' }).map((c) => `"${c}"`).join(',')].join('\n'));
  writeFile(dir, 'exports/city.json', JSON.stringify({ data: [
    { ...CLEAN, 申请材料: MATERIALS, 办理流程: STEPS },
    { ...CLEAN, 实施编码: code(5), 基本编码: base(5), 是否容缺受理: '是', 事项名称: NEWLINE_NAME, 实施主体: '江州市自然资源局', 申请材料: MATERIALS, 办理流程: STEPS },
  ] }));
  writeFile(dir, 'exports/bad.jsonl', '{"事项名称":"x"\n');
  if (process.platform !== 'win32') writeFile(dir, CTRL_FILE, '{"事项名称":\n');
}

async function realReport(dir: string, rules?: Record<string, 'off' | 'warning' | 'error'>): Promise<Report> {
  let r = await audit(['exports'], { cwd: dir, now: () => new Date('2026-11-24T08:00:00Z'), ...(rules ? { rules } : {}) });
  if (process.platform === 'win32') {
    const loadErrors = [...r.loadErrors, { file: CTRL_FILE, line: 1, message: '第 1 行不是合法的 JSON' }];
    r = { ...r, loadErrors, summary: { ...r.summary, loadErrors: loadErrors.length } };
  }
  return r;
}

const clone = <T>(x: T): T => structuredClone(x);
const guideKey = (f: Finding) => [f.location.file, f.guide.code, f.guide.name, f.guide.department].join('\u0000');
const distinct = (fs: Finding[]) => new Set(fs.map(guideKey)).size;

/** A report as --baseline and --suppressions leave it: statuses, tracking, one suppressed finding. */
function trackedReport(r: Report): Report {
  const [suppressed, ...rest] = r.findings;
  const findings = rest.map((f, i) => ({ ...f, status: i % 2 === 0 ? ('new' as const) : ('unchanged' as const) }));
  const nNew = findings.filter((f) => f.status === 'new').length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return ReportSchema.parse({
    ...r,
    findings,
    summary: { ...r.summary, findings: findings.length, errors, warnings: findings.length - errors },
    scores: { ...r.scores, departments: r.scores.departments.map((d, i) => ({ ...d, tracking: { new: 10 + i, unchanged: 20 + i, fixed: 30 + i } })) },
    baseline: { file: 'baseline/上次报告.json', tracking: { new: nNew, unchanged: findings.length - nNew, fixed: 1 }, fixed: [{ ...r.findings[0]!, message: '已整改的问题' }] },
    suppressions: {
      file: 'suppressions.csv',
      suppressed: [{ ...suppressed!, reason: '农村地址无门牌号' }],
      unused: [{ code: 'X|Y', ruleId: 'handling-location', reason: '事项已撤销' }],
    },
  });
}

describe('CI reporters', () => {
  const dir = tempDir();
  writeExports(dir);
  let report: Report;
  beforeAll(async () => {
    report = await realReport(dir);
  });

  it('the fixture report has every kind of location, a warning, load errors and characters to escape', () => {
    expect(() => ReportSchema.parse(report)).not.toThrow();
    const fs = report.findings;
    expect(fs.some((f) => f.location.row !== undefined && f.location.sheet === '事项基本信息')).toBe(true);
    expect(fs.some((f) => f.location.row !== undefined && f.location.material)).toBe(true); // a material's own row
    expect(fs.some((f) => f.location.line !== undefined && f.location.file === CSV_FILE)).toBe(true);
    expect(fs.some((f) => f.location.index !== undefined && f.location.row === undefined && f.location.line === undefined)).toBe(true);
    expect(fs.some((f) => f.severity === 'warning')).toBe(true);
    expect(fs.map((f) => f.guide.name)).toEqual(expect.arrayContaining([PIPE_NAME, LT_AMP_NAME, PERCENT_NAME, NEWLINE_NAME]));
    expect(report.loadErrors.map((e) => e.file)).toEqual(expect.arrayContaining(['exports/bad.jsonl', CTRL_FILE]));
    expect(report.loadErrors.some((e) => e.message.includes(','))).toBe(true);
    expect(report.summary.guides - report.summary.guidesWithFindings).toBe(1); // the clean JSON guide
  });

  describe('SARIF', () => {
    let sarif: any;
    beforeAll(() => {
      sarif = JSON.parse(renderSarif(report));
    });

    it('is SARIF 2.1.0 with one run and every registered rule described', () => {
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
      expect(sarif.runs).toHaveLength(1);
      const driver = sarif.runs[0].tool.driver;
      expect(driver.name).toBe('guide-audit');
      expect(driver.version).toBe(report.tool.version);
      expect(driver.rules.map((r: any) => r.id)).toEqual(RULES.map((r) => r.meta.id));
      RULES.forEach((rule, i) => {
        const d = driver.rules[i];
        const m = rule.meta;
        expect(d.name).toBe(m.indicator);
        expect(d.shortDescription.text).toBe(m.description);
        expect(d.fullDescription.text).toContain(m.description);
        expect(d.defaultConfiguration.level).toBe(m.severity);
        expect(d.properties).toMatchObject({ indicator: m.indicator, section: m.section });
        for (const [id, t] of Object.entries(m.messages)) {
          expect(d.help.text).toContain(`${id}：${t}`);
          expect(d.help.markdown).toContain(`\`${id}\``);
          const s = m.suggestions?.[id];
          if (s) expect(d.help.text).toContain(s);
        }
      });
    });

    it('has one result per finding pointing at its rule, its file and its row or line', () => {
      const run = sarif.runs[0];
      expect(run.results).toHaveLength(report.findings.length);
      report.findings.forEach((f, i) => {
        const r = run.results[i];
        expect(r.ruleId).toBe(f.ruleId);
        expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
        expect(r.level).toBe(f.severity);
        expect(r.message.text.startsWith(f.message)).toBe(true);
        if (f.suggestion) expect(r.message.text).toContain(`建议：${f.suggestion}`);
        const pl = r.locations[0].physicalLocation;
        expect(decodeURIComponent(pl.artifactLocation.uri)).toBe(f.location.file);
        expect(pl.artifactLocation.uriBaseId).toBe('SRCROOT');
        expect(run.artifacts[pl.artifactLocation.index].location.uri).toBe(pl.artifactLocation.uri);
        const line = f.location.row ?? f.location.line;
        if (line !== undefined) expect(pl.region).toEqual({ startLine: line });
        else {
          expect(pl.region).toBeUndefined();
          expect(r.locations[0].logicalLocations[0].name).toBe(`[${f.location.index}]`);
          expect(r.properties.index).toBe(f.location.index);
        }
        expect(r.properties.guide).toEqual(f.guide);
        expect(r.properties.field).toBe(f.location.field);
        expect(r.properties.sheet).toBe(f.location.sheet);
        expect(r.properties.material).toEqual(f.location.material);
      });
      // Chinese, `,` and control characters are percent-encoded in the URI.
      const uris: string[] = run.artifacts.map((a: any) => a.location.uri);
      expect(uris).toContain('exports/%E5%8E%BF%2C%E5%8C%BA.csv');
      expect(uris.every((u) => /^[A-Za-z0-9\-._~%/!'()*]+$/.test(u))).toBe(true);
    });

    it('lists each artifact once and reports load errors as tool notifications', () => {
      const run = sarif.runs[0];
      const uris = run.artifacts.map((a: any) => a.location.uri);
      expect(new Set(uris).size).toBe(uris.length);
      const files = new Set([...report.findings.map((f) => f.location.file), ...report.loadErrors.map((e) => e.file), ...report.skipped.map((s) => s.file)]);
      expect(uris.map(decodeURIComponent).sort()).toEqual([...files].sort());
      const inv = run.invocations[0];
      expect(inv.executionSuccessful).toBe(false);
      const errors = inv.toolExecutionNotifications.filter((n: any) => n.level === 'error');
      expect(errors).toHaveLength(report.loadErrors.length);
      expect(errors.map((n: any) => decodeURIComponent(n.locations[0].physicalLocation.artifactLocation.uri))).toEqual(report.loadErrors.map((e) => e.file));
    });

    it('is deterministic and its fingerprints are unique and survive rows moving', () => {
      const text = renderSarif(report);
      expect(renderSarif(clone(report))).toBe(text);
      const fps = (s: any): string[] => s.runs[0].results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY]);
      expect(new Set(fps(sarif)).size).toBe(report.findings.length);
      const moved = clone(report);
      for (const f of moved.findings) if (f.location.row !== undefined) f.location.row += 7;
      const movedSarif = JSON.parse(renderSarif(moved));
      expect(fps(movedSarif)).toEqual(fps(sarif));
      const i = report.findings.findIndex((f) => f.location.row !== undefined);
      expect(movedSarif.runs[0].results[i].locations[0].physicalLocation.region.startLine).toBe(report.findings[i]!.location.row! + 7);
    });

    it('still describes every rule when some are off, and records the run severity', async () => {
      const r = await realReport(dir, { 'contact-phone': 'off', 'handling-location': 'warning' });
      const run = JSON.parse(renderSarif(r)).runs[0];
      expect(run.tool.driver.rules.map((x: any) => x.id)).toEqual(RULES.map((x) => x.meta.id));
      const byId = new Map(run.invocations[0].ruleConfigurationOverrides.map((o: any) => [o.descriptor.id, o]));
      expect((byId.get('contact-phone') as any).configuration).toEqual({ enabled: false });
      expect((byId.get('handling-location') as any).configuration).toEqual({ level: 'warning' });
      const hl = run.results.filter((x: any) => x.ruleId === 'handling-location');
      expect(hl.length).toBeGreaterThan(0);
      expect(hl.every((x: any) => x.level === 'warning' && run.tool.driver.rules[x.ruleIndex].id === 'handling-location')).toBe(true);
    });

    it('marks baseline state and keeps suppressed findings as suppressed results', () => {
      const t = trackedReport(report);
      const run = JSON.parse(renderSarif(t)).runs[0];
      expect(run.results).toHaveLength(t.findings.length + 1);
      t.findings.forEach((f, i) => expect(run.results[i].baselineState).toBe(f.status));
      const last = run.results.at(-1);
      expect(last.ruleId).toBe(t.suppressions!.suppressed[0]!.ruleId);
      expect(last.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '农村地址无门牌号' }]);
      expect(run.results.slice(0, -1).every((r: any) => r.suppressions === undefined)).toBe(true);
    });
  });

  describe('JUnit', () => {
    const parser = new XMLParser({
      ignoreAttributes: false, attributeNamePrefix: '@_', htmlEntities: true, parseAttributeValue: false, parseTagValue: false,
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    });
    let xml: string;
    let doc: any;
    beforeAll(() => {
      xml = renderJunit(report);
      doc = parser.parse(xml);
    });

    it('is well-formed XML with a declaration and no character XML 1.0 forbids', () => {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(report.loadErrors.some((e) => INVALID_XML.test(e.file))).toBe(true); // the input has one…
      expect(INVALID_XML.test(xml)).toBe(false); // …the output does not
      expect(xml).not.toMatch(/<(?!\/?(testsuites|testsuite|testcase|failure|error|skipped|system-out)\b|\?xml)/);
    });

    it('has one suite per file and one testcase per guide with findings; guides with errors fail', () => {
      const suites: any[] = doc.testsuites.testsuite;
      const files = [...new Set([...report.findings.map((f) => f.location.file), ...report.loadErrors.map((e) => e.file), ...report.skipped.map((s) => s.file)])];
      expect(suites.map((s) => s['@_name']).filter((n) => n !== '未发现问题的事项').sort()).toEqual(files.map((f) => f.replace(/\u0001/g, '')).sort());
      const cases = suites.flatMap((s) => s.testcase);
      const guideCases = cases.filter((c) => !c.error && !('skipped' in c) && !/个事项未发现问题$/.test(c['@_name']));
      expect(guideCases).toHaveLength(distinct(report.findings));
      const withErrors = distinct(report.findings.filter((f) => f.severity === 'error'));
      expect(cases.filter((c) => c.failure)).toHaveLength(withErrors);
      expect(Number(doc.testsuites['@_failures'])).toBe(withErrors);
      expect(Number(doc.testsuites['@_errors'])).toBe(report.loadErrors.length);
      expect(Number(doc.testsuites['@_skipped'])).toBe(report.skipped.length);
      expect(Number(doc.testsuites['@_tests'])).toBe(cases.length);
      for (const s of suites) {
        expect(Number(s['@_tests'])).toBe(s.testcase.length);
        expect(Number(s['@_failures'])).toBe(s.testcase.filter((c: any) => c.failure).length);
      }
      // Names are the guide titles, escaped and read back intact (`<`, `&`, `%`, `|`); line breaks as spaces.
      const names = guideCases.map((c) => c['@_name']);
      for (const n of [LT_AMP_NAME, PIPE_NAME, PERCENT_NAME]) expect(names.some((x) => x.startsWith(n + '（'))).toBe(true);
      expect(names).toContain(`容缺 受理事项（${code(5)}）`);
      const lt = guideCases.find((c) => c['@_name'] === guideTitle({ name: LT_AMP_NAME, code: code(3) }));
      expect(lt['@_classname']).toBe('江州市市场监督管理局');
      for (const f of report.findings.filter((x) => x.guide.name === LT_AMP_NAME)) expect(lt.failure['#text']).toContain(f.message);
    });

    it('passes a guide with only warnings and puts them in system-out; counts the guides without findings', () => {
      const cases: any[] = doc.testsuites.testsuite.flatMap((s: any) => s.testcase);
      const warned = cases.find((c) => c['@_name'].startsWith('容缺 受理事项'));
      expect(warned.failure).toBeUndefined();
      expect(warned['system-out']).toContain(report.findings.find((f) => f.severity === 'warning')!.message);
      const passing = doc.testsuites.testsuite.find((s: any) => s['@_name'] === '未发现问题的事项');
      expect(passing.testcase.map((c: any) => [c['@_name'], c['@_classname']])).toEqual([['1 个事项未发现问题', '江州市市场监督管理局']]);
      const loadCases = cases.filter((c) => c.error);
      expect(loadCases).toHaveLength(report.loadErrors.length);
      expect(loadCases.every((c) => c.error['@_type'] === 'loadError')).toBe(true);
    });
  });

  describe('GitHub annotations', () => {
    const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const parse = (line: string) => {
      const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
      return { command: m[1], props, message: unescape(m[3]!) };
    };

    it('escapes as @actions/core does', () => {
      expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
      expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    });

    it('prints one command per finding and load error, then a notice summary', () => {
      const out = renderGithubAnnotations(report);
      expect(out.endsWith('\n')).toBe(true);
      const lines = out.slice(0, -1).split('\n');
      expect(lines).toHaveLength(report.findings.length + report.loadErrors.length + 1);
      expect(out).not.toContain('\r');
      report.findings.forEach((f, i) => {
        const c = parse(lines[i]!);
        expect(c.command).toBe(f.severity);
        expect(c.props.file).toBe(f.location.file);
        const line = f.location.row ?? f.location.line;
        expect(c.props.line).toBe(line === undefined ? undefined : String(line));
        expect(c.props.title).toBe(`${f.indicator} [${f.ruleId}]`);
        expect(c.message).toContain(f.message);
        if (f.suggestion) expect(c.message).toContain(f.suggestion);
        expect(c.message).toContain(guideTitle(f.guide));
      });
      report.loadErrors.forEach((e, i) => {
        const c = parse(lines[report.findings.length + i]!);
        expect(c.command).toBe('error');
        expect(c.props.file).toBe(e.file);
        expect(c.message).toContain(e.message);
      });
      // Raw escapes: `,` in a file property, `%` and a line break in a message, `:` in a load error message.
      expect(lines.find((l) => l.includes(PERCENT_NAME.replace('%', '%25')))).toMatch(/^::error file=exports\/县%2C区\.csv,line=2,title=/);
      expect(lines.some((l) => l.includes('容缺%0A受理事项'))).toBe(true);
      const notice = parse(lines.at(-1)!);
      expect(notice.command).toBe('notice');
      expect(notice.message).toContain(`${report.summary.guides} 个事项`);
      expect(notice.message).toContain(`${report.summary.findings} 个问题`);
      expect(notice.message).toContain(`办事指南准确度：${report.scores.overall!.toFixed(1)}（${report.scores.band}）`);
      expect(notice.message).not.toContain('只显示前');
    });

    it('prints all annotations past GitHub’s per-step limit and says so', () => {
      const many = clone(report);
      many.findings = [...Array(4)].flatMap(() => clone(report.findings));
      many.summary.findings = many.findings.length;
      many.summary.errors = many.findings.filter((f) => f.severity === 'error').length;
      const lines = renderGithubAnnotations(many).trimEnd().split('\n');
      expect(lines).toHaveLength(many.findings.length + many.loadErrors.length + 1);
      expect(lines.filter((l) => l.startsWith('::error ')).length).toBeGreaterThan(10);
      expect(parse(lines.at(-1)!).message).toContain('只显示前 10 个错误和 10 个警告注释');
    });
  });

  describe('Markdown summary', () => {
    /** Every table's rows have as many unescaped `|` as its header. */
    const tablesAreIntact = (md: string) => {
      const blocks: string[][] = [];
      let cur: string[] = [];
      for (const l of md.split('\n')) {
        if (l.startsWith('|')) cur.push(l);
        else if (cur.length) blocks.push(cur), (cur = []);
      }
      const pipes = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
      for (const b of blocks) expect(b.map(pipes)).toEqual(b.map(() => pipes(b[0]!)));
      return blocks;
    };

    it('has the index, counts, a row per indicator, departments, statistics, load errors and findings', () => {
      const md = renderMarkdownSummary(report);
      const sc = report.scores;
      expect(md).toContain(`办事指南准确度：${sc.overall!.toFixed(1)}（${sc.band}）`);
      expect(md).toContain(`行政许可事项（${sc.permitOnly.guides} 个）：${sc.permitOnly.overall!.toFixed(1)}（${sc.permitOnly.band}）`);
      for (const [name, t] of Object.entries(sc.indicators)) {
        const score = t.score === null ? '—' : t.score.toFixed(1);
        expect(md).toContain(`| ${name} | ${RULES.find((r) => r.meta.indicator === name)!.meta.section} | ${score} | ${t.applicable - t.failed}/${t.applicable} |`);
      }
      for (const [i, d] of sc.departments.entries()) expect(md).toContain(`| ${i + 1} | ${d.department} |`);
      expect(md).toContain(`| 一次不用跑 |`);
      expect(md).toContain('17.17%'); // reference value beside the statistic
      expect(md).toContain('### 读取错误');
      expect(md).toContain('exports/bad.jsonl');
      const blocks = tablesAreIntact(md);
      const findingRows = blocks.find((b) => b[0]!.startsWith('| 文件 | 位置 | 事项'))!;
      expect(findingRows).toHaveLength(report.findings.length + 2);
      // `|`, `<`, `&` escaped; a line break inside a cell is <br>; control characters dropped.
      expect(md).toContain('建设工程规划许可\\|乡村建设');
      expect(md).toContain('面积\\<500平方米\\&以下');
      expect(md).toContain('容缺<br>受理事项');
      expect(INVALID_XML.test(md)).toBe(false);
      expect(md).not.toContain('已忽略');
      expect(md).not.toContain('整改跟踪');
    });

    it('lists the first 50 findings and the top 20 departments, and says how many more', () => {
      const big = clone(report);
      big.findings = [...Array(10)].flatMap(() => clone(report.findings)).slice(0, 63);
      big.scores.departments = [...Array(25)].map((_, i) => ({ ...clone(report.scores.departments[0]!), department: `第${i + 1}部门` }));
      const md = renderMarkdownSummary(big);
      const blocks = tablesAreIntact(md);
      expect(blocks.find((b) => b[0]!.startsWith('| 文件 | 位置 | 事项'))).toHaveLength(50 + 2);
      expect(md).toContain('另有 13 个问题未列出');
      expect(blocks.find((b) => b[0]!.startsWith('| 排名 |'))).toHaveLength(20 + 2);
      expect(md).toContain('| 20 | 第20部门 |');
      expect(md).not.toContain('第21部门');
      expect(md).toContain('另有 5 个部门未列出');
    });

    it('shows rectification tracking and suppressions when the report has them', () => {
      const t = trackedReport(report);
      const md = renderMarkdownSummary(t);
      tablesAreIntact(md);
      const b = t.baseline!.tracking;
      expect(md).toContain('### 整改跟踪');
      expect(md).toContain(`| ${b.new} | ${b.unchanged} | ${b.fixed} |`);
      t.scores.departments.forEach((d, i) => expect(md).toContain(`| ${i + 1} | ${d.department} |`));
      expect(md).toMatch(new RegExp(`\\| 1 \\| ${t.scores.departments[0]!.department} \\|.*\\| 10 \\| 20 \\| 30 \\|$`, 'm'));
      expect(md).toContain('忽略了 1 个问题');
      expect(md).toContain('| X\\|Y | handling-location | 事项已撤销 |');
      expect(md).toContain('| 新增 |');
      expect(md).toContain('| 仍未整改 |');
    });
  });
});
