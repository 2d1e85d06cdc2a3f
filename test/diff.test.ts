// `guide-audit diff A B` (多渠道数据同源): two channels of the same city, exported in different layouts,
// with planted differences. The diff finds exactly those, in both directions, and the guides found in
// one channel only.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff, diffExitCode } from '../src/diff/index.js';
import { readFileSync } from 'node:fs';
import { DiffReportSchema, renderDiffReportSchema, type DiffFinding, type DiffReport } from '../src/diff-report.js';
import { tempDir, workbook, writeFile, runBin } from './helpers.js';


const SCJG = '江州市市场监督管理局';
const CGJ = '江州市城市管理局';
const code = (n: string) => `11410900MB0000000E3000101${n}000`;
const HOURS = '星期一至星期五：上午9:00-12:00，下午13:00-17:00';
const ADDR = '江州市滨江大道188号市民之家3楼B区12号窗口';
const LAW_FOOD = '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。';
const LAW_DRUG = '《中华人民共和国药品管理法》第五十一条：从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准。';
const LAW_DRUG2 = '《药品经营许可证管理办法》第四条：开办药品零售企业，应当符合当地常住人口数量、地域、交通状况和实际需要的要求。';

interface G {
  name: string; code?: string; base: string; dept: string; legal: string; promised: string; addr: string; phone: string; law: string;
}
const A: G[] = [
  { name: '食品经营许可', code: code('001'), base: '000101001000', dept: SCJG, legal: '20个工作日', promised: '5个工作日', addr: ADDR, phone: '0393-6661882', law: LAW_FOOD },
  { name: '食品生产许可', code: code('002'), base: '000101002000', dept: SCJG, legal: '20个工作日', promised: '10个工作日', addr: ADDR, phone: '0393-6661882', law: LAW_FOOD },
  { name: '药品零售许可', code: code('003'), base: '000101003000', dept: SCJG, legal: '30个工作日', promised: '5个工作日', addr: ADDR, phone: '0393-6661882', law: `${LAW_DRUG}\n${LAW_DRUG2}` },
  { name: '户外广告设置许可', code: code('004'), base: '000101004000', dept: CGJ, legal: '20个工作日', promised: '5个工作日', addr: '江州市人民路8号城管大厦1楼', phone: '0393-7771882', law: LAW_FOOD },
  { name: '城市绿化咨询服务', base: '', dept: CGJ, legal: '即办', promised: '即办', addr: '江州市人民路8号城管大厦1楼', phone: '0393-7771882', law: LAW_FOOD },
];
const MATERIALS = [
  // [guide code, name, source, original, copy]
  [code('001'), '食品经营许可申请书', '申请人自备', 1, 0],
  [code('001'), '营业执照', '政府部门核发', 0, 1],
  [code('002'), '食品生产许可申请书', '申请人自备', 1, 0],
  [code('002'), '营业执照', '政府部门核发', 0, 1],
] as const;
const STEPS = [
  [code('001'), '受理', '即时'], [code('001'), '审查', '2个工作日'], [code('001'), '决定', '2个工作日'],
  [code('002'), '受理', '即时'], [code('002'), '审查', '2个工作日'], [code('002'), '决定', '2个工作日'],
] as const;

/** Channel A: the 事项管理系统 workbook (title row, guide, material and step sheets; it also has 所属区划). */
function channelA(): Uint8Array {
  const head = ['事项名称', '实施编码', '基本编码', '实施主体', '所属区划', '事项类型', '行使层级', '办件类型', '法定办结时限', '承诺办结时限', '办理地点', '办理时间', '咨询电话', '监督投诉电话', '设定依据', '受理条件', '办理结果', '是否收费'];
  return workbook([
    { name: '事项基本信息', rows: [['江州市政务服务事项办事指南（导出）'], head, ...A.map((g) => [g.name, g.code ?? '', g.base, g.dept, '410900', '行政许可', '市级', '承诺件', g.legal, g.promised, g.addr, HOURS, g.phone, '0393-12345', g.law, '申请人符合法定条件', `${g.name}决定书`, '否'])] },
    { name: '申请材料', rows: [['实施编码', '材料名称', '来源渠道', '原件份数', '复印件份数'], ...MATERIALS.map((m) => [...m])] },
    { name: '办理流程', rows: [['实施编码', '环节名称', '办理时限', '办理人员'], ...STEPS.map((s) => [...s, '窗口工作人员'])] },
  ]);
}

/** Channel B: the 网上办事大厅 JSON (codes instead of labels, full-width digits, limit as number + unit) with the planted differences. */
function channelB(): string {
  const guides = A.filter((g) => g.name !== '户外广告设置许可').map((g) => {
    const rec: Record<string, unknown> = {
      事项名称: g.name, 实施编码: g.code ?? '', 基本编码: g.base, 实施主体: g.dept, 事项类型: '01', 行使层级: '3', 办件类型: '2',
      法定办结时限: g.legal.replace('个工作日', ''), 法定办结时限单位: g.legal.endsWith('个工作日') ? '1' : '', 承诺办结时限: g.promised,
      办理地点: g.addr.replace('188', '１８８'), 办理时间: `  ${HOURS} `, 咨询电话: g.phone, 监督投诉电话: '0393-12345', 设定依据: g.law,
      受理条件: '申请人符合法定条件', 办理结果: `${g.name}决定书`, 是否收费: '否',
    };
    const mats = MATERIALS.filter((m) => m[0] === g.code).map((m) => ({ 材料名称: m[1], 来源渠道: m[2] === '申请人自备' ? '10' : '20', 原件份数: m[3], 复印件份数: m[4] }));
    if (mats.length) rec.申请材料 = mats;
    const steps = STEPS.filter((s) => s[0] === g.code).map((s) => ({ 环节名称: s[1], 办理时限: s[2], 办理人员: '窗口工作人员' }));
    if (steps.length) rec.办理流程 = steps;
    return rec;
  });
  const by = (n: string) => guides.find((g) => g.事项名称 === n)!;
  // Planted: 食品生产许可 — address, a material's source, an extra material, a step's limit.
  const p = by('食品生产许可');
  p.办理地点 = '江州市滨江大道188号市民之家2楼A区3号窗口';
  (p.申请材料 as Record<string, unknown>[])[1]!.来源渠道 = '10';
  (p.申请材料 as Record<string, unknown>[]).push({ 材料名称: '从业人员健康证明', 来源渠道: '10', 原件份数: 0, 复印件份数: 1 });
  (p.办理流程 as Record<string, unknown>[])[1]!.办理时限 = '3个工作日';
  // 药品零售许可 — no 实施编码 (matched by 基本编码 + 实施主体; the missing code is a difference too), another promised limit, one law fewer.
  const d = by('药品零售许可');
  delete d.实施编码;
  d.承诺办结时限 = '3个工作日';
  d.设定依据 = LAW_DRUG;
  // 城市绿化咨询服务 — no codes anywhere (matched by 事项名称 + 实施主体), another phone.
  by('城市绿化咨询服务').咨询电话 = '0393-7771883';
  guides.push({ ...by('食品经营许可'), 事项名称: '城市道路占用许可', 实施编码: code('005'), 基本编码: '000101005000', 实施主体: CGJ, 申请材料: [], 办理流程: [] });
  return JSON.stringify({ data: guides }, null, 2);
}

const EXPECTED = [
  '食品生产许可|valueDiffers|办理地点',
  '食品生产许可|valueDiffers|申请材料“营业执照”.来源渠道',
  '食品生产许可|entryOnlyInB|申请材料“从业人员健康证明”',
  '食品生产许可|valueDiffers|办理流程“审查”.办理时限',
  '药品零售许可|valueDiffers|实施编码',
  '药品零售许可|valueDiffers|承诺办结时限',
  '药品零售许可|entryOnlyInA|设定依据“《药品经营许可证管理办法》”',
  '城市绿化咨询服务|valueDiffers|咨询电话',
  '户外广告设置许可|guideOnlyInA|事项',
  '城市道路占用许可|guideOnlyInB|事项',
];
const swap = (s: string) => s.replace(/OnlyInA|OnlyInB/, (m) => (m === 'OnlyInA' ? 'OnlyInB' : 'OnlyInA'));
const label = (f: DiffFinding) => `${f.guide.name}|${f.messageId}|${f.entry ? `${f.entry.list}“${f.entry.name}”${f.entry.field ? `.${f.entry.field}` : ''}` : f.element}`;

describe('guide-audit diff', () => {
  const dir = tempDir();
  writeFile(dir, '事项管理系统/江州市.xlsx', channelA());
  writeFile(dir, '网上办事大厅/guides.json', channelB());
  let ab: DiffReport;
  let ba: DiffReport;
  beforeAll(async () => {
    ab = await diff('事项管理系统', '网上办事大厅', { cwd: dir });
    ba = await diff('网上办事大厅', '事项管理系统', { cwd: dir });
  });

  it('finds exactly the planted differences and the guides of one channel only', () => {
    expect(ab.loadErrors).toEqual([]);
    expect(ab.findings.map(label).sort()).toEqual([...EXPECTED].sort());
    expect(ab.summary).toMatchObject({
      matched: 4, matchedBy: { code: 2, baseCodeDepartment: 1, nameDepartment: 1 }, identical: 1, withDifferences: 3,
      differences: 8, onlyInA: 1, onlyInB: 1, findings: 10,
    });
    for (const f of ab.findings) {
      expect(f).toMatchObject({ ruleId: 'data-consistency', indicator: '多渠道数据同源', severity: 'error' });
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives both values and both places', () => {
    const p = ab.findings.find((f) => f.guide.name === '药品零售许可' && f.element === '承诺办结时限')!;
    expect(p.matchedBy).toBe('baseCode+department');
    expect(p.a).toMatchObject({ value: '5个工作日', location: { file: '事项管理系统/江州市.xlsx', sheet: '事项基本信息', row: 5, field: '承诺办结时限' } });
    expect(p.b).toMatchObject({ value: '3个工作日', location: { file: '网上办事大厅/guides.json', index: 2 } });
    expect(p.message).toBe('承诺办结时限不一致：渠道A为“5个工作日”，渠道B为“3个工作日”');
    const m = ab.findings.find((f) => f.entry?.name === '营业执照')!;
    expect(m.a).toMatchObject({ value: '政府部门核发', location: { sheet: '申请材料', row: 5, material: { index: 2, name: '营业执照' } } });
    expect(m.b).toMatchObject({ value: '申请人自备', location: { index: 1, material: { index: 2 } } });
  });

  it('is symmetric: the same differences the other way round, sides swapped', () => {
    expect(ba.findings.map(label).sort()).toEqual(EXPECTED.map(swap).sort());
    const x = ba.findings.find((f) => f.element === '承诺办结时限')!;
    expect([x.a?.value, x.b?.value]).toEqual(['3个工作日', '5个工作日']);
  });

  it('normalises values and codes, and compares only elements both exports have', () => {
    // 办件类型 2 = 承诺件, 来源渠道 10/20, １８８, surrounding spaces, 20 + unit 1 = 20个工作日: all equal.
    expect(ab.findings.some((f) => f.guide.name === '食品经营许可')).toBe(false);
    expect(ab.notCompared).toEqual([{ element: '所属区划', missingIn: 'b' }]);
    expect(ab.notices.join('\n')).toContain('所属区划');
  });

  it('docs/diff-report.schema.json is up to date (npm run docs)', () => {
    expect(readFileSync(path.resolve(import.meta.dirname, '..', 'docs/diff-report.schema.json'), 'utf8')).toBe(renderDiffReportSchema());
  });

  it('an identical pair of channels has no finding', async () => {
    const same = await diff('网上办事大厅', '网上办事大厅', { cwd: dir });
    expect(same.findings).toEqual([]);
    expect(diffExitCode(same)).toBe(0);
    expect(diffExitCode(ab)).toBe(1);
  });

  describe('CLI', () => {
    const run = (args: string[]) => runBin(args, dir);

    it('stylish, grouped by department; exit 1 with differences, 0 without, 2 on a bad path', async () => {
      const r = await run(['diff', '事项管理系统', '网上办事大厅', '--a-label', '事项管理系统', '--b-label', '网上办事大厅']);
      expect(r.code).toBe(1);
      const out = r.stdout;
      expect(out.indexOf(`${CGJ}（3 处）`)).toBeGreaterThan(0);
      expect(out.indexOf(`${SCJG}（7 处）`)).toBeGreaterThan(out.indexOf(`${CGJ}（3 处）`));
      expect(out).toContain('申请材料“营业执照”的来源渠道');
      expect(out).toContain('事项管理系统：政府部门核发');
      expect(out).toContain('网上办事大厅：申请人自备');
      expect(out).toContain('只见于网上办事大厅');
      expect(out).toContain('共匹配 4 个事项');
      expect((await run(['diff', '网上办事大厅', '网上办事大厅'])).code).toBe(0);
      const bad = await run(['diff', '事项管理系统', 'nope']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('nope');
    });

    it('JSON follows its published schema; the workbook has one sheet per department', async () => {
      const r = await run(['diff', '事项管理系统', '网上办事大厅', '-f', 'json', '--out', 'diff.xlsx']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(DiffReportSchema.safeParse(report).success).toBe(true);
      expect(report.schemaVersion).toBe(1);
      expect(report.findings.length).toBe(10);
      const schema = await run(['schema', 'diff']);
      expect(JSON.parse(schema.stdout).properties.findings.type).toBe('array');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, 'diff.xlsx'));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', CGJ, SCJG]);
      const sheet = wb.getWorksheet(SCJG)!;
      expect(sheet.rowCount - 1).toBe(7);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toContain('渠道A内容');
      const rows: string[] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
      expect(rows.some((x) => x.includes('营业执照') && x.includes('政府部门核发|申请人自备'))).toBe(true);
      expect(wb.getWorksheet('汇总')!.getRow(2).getCell(1).value).toBe(CGJ);
    });
  });
});
