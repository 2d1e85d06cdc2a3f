// Runs the built binary (bin/guide-audit.js → dist/) as a user would.
import { readFileSync, readdirSync, existsSync, cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFile, runBin } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const run = (args: string[], cwd = ROOT, env: Record<string, string> = {}) => runBin(args, cwd, env);

const CODE = '11410900MB0000000E3000101001000';
const CLEAN = {
  事项名称: '食品经营许可', 实施编码: CODE, 基本编码: '000101001000', 事项类型: '行政许可', 行使层级: '市级', 实施主体: '江州市市场监督管理局',
  办件类型: '承诺件', 法定办结时限: '20个工作日', 承诺办结时限: '5个工作日',
  办理地点: '江州市滨江大道188号市民之家3楼B区12号窗口', 办理时间: '星期一至星期五：上午9:00-12:00，下午13:00-17:00',
  咨询电话: '0393-6661882', 监督投诉电话: '0393-12345',
  设定依据: '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
  特殊环节: '无',
  受理条件: '申请人具有与经营的食品品种、数量相适应的经营场所', 办理结果: '食品经营许可证', 是否收费: '否',
  到办事现场次数: '1',
  申请材料: [
    { 材料名称: '食品经营许可申请书', 材料类型: '申请表格文书', 来源渠道: '申请人自备', 原件份数: 1, 复印件份数: 0, 材料形式: '纸质', 空白表格: 'forms/食品经营许可申请书.doc', 示例样表: 'forms/食品经营许可申请书（样表）.pdf' },
    { 材料名称: '营业执照', 来源渠道: '政府部门核发', 来源渠道说明: '市场监督管理部门', 原件份数: 0, 复印件份数: 1 },
  ],
  办理流程: [
    { 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员', 审查标准: '材料齐全、符合法定形式' },
    { 环节名称: '审查', 办理时限: '2个工作日', 办理人员: '审批科科员', 审查标准: '符合食品安全法规定的条件' },
    { 环节名称: '决定', 办理时限: '2个工作日', 办理人员: '审批科科长', 审查标准: '审查意见明确' },
    { 环节名称: '送达', 办理时限: '1个工作日', 办理人员: '窗口工作人员', 审查标准: '按申请人选择的方式送达' },
  ],
};

describe('guide-audit CLI (built binary)', () => {
  const dir = tempDir();
  writeFile(dir, 'clean/city.json', JSON.stringify({ data: [CLEAN] }));
  writeFile(dir, 'mixed/city.json', JSON.stringify({ data: [CLEAN, { ...CLEAN, 实施编码: '11410900MB0000000E3000101002000', 基本编码: '000101002000', 事项名称: '食品生产许可', 咨询电话: '6661882' }] }));
  writeFile(dir, 'mixed/bad.jsonl', '{"事项名称":"x"\n');

  it('exits 0 on a clean export and prints the summary in Chinese', async () => {
    const r = await run(['clean'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共审核 1 个文件、1 个事项');
    expect(r.stdout).toContain('办事指南准确度：100.0（非常高）');
  });

  it('exits 2 when an input cannot be read, still auditing the rest, and names the file and line', async () => {
    const r = await run(['mixed', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mixed/bad.jsonl 第1行');
    const report = JSON.parse(r.stdout);
    expect(report.summary.guides).toBe(2);
    expect(report.loadErrors).toMatchObject([{ file: 'mixed/bad.jsonl', line: 1 }]);
    expect(report.findings).toMatchObject([{ ruleId: 'contact-phone', messageId: 'noAreaCode', indicator: '联系电话', location: { file: 'mixed/city.json', index: 1, field: '咨询电话' }, value: '6661882' }]);
  });

  it('exits 1 on findings, 0 when the rule is turned off', async () => {
    const json = JSON.stringify({ data: [{ ...CLEAN, 咨询电话: '6661882' }] });
    writeFile(dir, 'one/a.json', json);
    expect((await run(['one'], dir)).code).toBe(1);
    expect((await run(['one', '--rule', 'contact-phone=off'], dir)).code).toBe(0);
    expect((await run(['one', '--rule', '联系电话=warning'], dir)).code).toBe(0);
    expect((await run(['one', '--rule', '联系电话=warning', '--fail-on', 'warning'], dir)).code).toBe(1);
    expect((await run(['one', '--rule', '联系电话=warning', '--max-warnings', '0'], dir)).code).toBe(1);
    expect((await run(['one', '--rule', 'contact-phone=off', '--fail-under', '100'], dir)).code).toBe(0);
  });

  it('--fail-under fails a run scoring below the threshold', async () => {
    writeFile(dir, 'low/a.json', JSON.stringify({ data: [{ ...CLEAN, 咨询电话: '6661882' }] }));
    expect((await run(['low', '--rule', '联系电话=warning', '--fail-under', '99.5'], dir)).code).toBe(1);
  });

  it('exits 2 with a clear message on usage and configuration errors', async () => {
    const bad = writeFile(dir, 'bad-config.json', JSON.stringify({ rulez: {} }));
    let r = await run(['clean', '--config', bad], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的配置项 "rulez"');
    r = await run(['clean', '--rule', 'no-such-rule=off'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“no-such-rule”的规则');
    r = await run(['clean', '--format', 'xml'], dir);
    expect(r.code).toBe(2);
    r = await run([], dir);
    expect(r.code).toBe(2);
    r = await run(['does-not-exist'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does-not-exist');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('-o writes the report atomically and nothing beside the inputs', async () => {
    const before = readdirSync(path.join(dir, 'clean'));
    const out = path.join(dir, 'out/nested/report.json');
    const r = await run(['clean', '-f', 'json', '-o', out], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(readdirSync(path.join(dir, 'clean'))).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(['report.json']);
  });

  it('a config file can change code tables per source', async () => {
    // Vendor where 1 = 承诺件: the same value must read differently.
    writeFile(dir, 'vendor/a.json', JSON.stringify({ data: [{ ...CLEAN, 办件类型: '1' }] }));
    const cfg = writeFile(dir, 'vendor-config.json', JSON.stringify({ sources: [{ files: 'vendor/**', codes: { caseType: { '1': '承诺件', '2': '即办件' } } }] }));
    expect((await run(['vendor'], dir)).code).toBe(1); // default: 1 = 即办件 with a 5-day promise
    expect((await run(['vendor', '--config', cfg], dir)).code).toBe(0);
  });

  it('lists rules and explains one by id or indicator', async () => {
    const list = await run(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('handling-location');
    expect(list.stdout).toContain('办理地点');
    const ex = await run(['explain', '办理地点']);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain('不通过的例子');
    expect(ex.stdout).toContain('缺少门牌号');
    expect((await run(['explain', 'nope'])).code).toBe(2);
  });

  it('--help prints Chinese usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--fail-under');
    expect(r.stdout).toContain('导出文件或文件夹');
  });

  it('is deterministic: same files in another order and place give byte-identical JSON', async () => {
    if (!existsSync(path.join(ROOT, 'fixtures/demo'))) return;
    const a = path.join(dir, 'det-a');
    const b = path.join(dir, 'det-b');
    cpSync(path.join(ROOT, 'fixtures/demo'), a, { recursive: true });
    // Copy files one by one in reverse order so directory order differs.
    const files = readdirSync(path.join(ROOT, 'fixtures/demo'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(path.join(ROOT, 'fixtures/demo'), path.join(d.parentPath, d.name)))
      .reverse();
    for (const f of files) cpSync(path.join(ROOT, 'fixtures/demo', f), path.join(b, f));
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '').replace(/"version": "[^"]*"/, '');
    const outA = await run(['.', '-f', 'json'], a);
    const outB = await run(['.', '-f', 'json'], b);
    expect(outA.stdout.length).toBeGreaterThan(1000);
    expect(strip(outA.stdout)).toBe(strip(outB.stdout));
  });
  it('--catalog checks national codes; a bad catalogue exits 2 before auditing', async () => {
    writeFile(dir, 'catalog.csv', '基本编码,事项名称\n000101001000,食品经营许可\n');
    const ok = await run(['clean', '--catalog', 'catalog.csv', '-f', 'json'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).scores.indicators['国家基本目录对应情况']).toMatchObject({ applicable: 1, failed: 0 });
    writeFile(dir, 'wrong.csv', '事项名称\n食品经营许可\n');
    const bad = await run(['clean', '--catalog', 'wrong.csv'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('wrong.csv');
  });

  it('guide-audit schema prints the JSON Schema the report follows', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.findings.type).toBe('array');
    expect(schema.required).toContain('loadErrors');
  });

  it('--out-dir writes every report and the 整改清单 workbooks, and is never read as input', async () => {
    const r = await run(['mixed', '--out-dir', 'mixed/out', '--deadline', '2026-12-31'], dir);
    expect(r.code).toBe(2); // bad.jsonl
    const files = readdirSync(path.join(dir, 'mixed/out')).sort();
    expect(files).toEqual(['junit.xml', 'report.html', 'report.json', 'report.sarif', 'summary.md', '整改清单']);
    expect(readdirSync(path.join(dir, 'mixed/out/整改清单')).sort()).toEqual(['江州市市场监督管理局.xlsx', '汇总.xlsx'].sort());
    const report = JSON.parse(readFileSync(path.join(dir, 'mixed/out/report.json'), 'utf8'));
    expect(JSON.parse(readFileSync(path.join(dir, 'mixed/out/report.sarif'), 'utf8')).runs[0].results.length).toBe(report.findings.length);
    const again = await run(['mixed', '--out-dir', 'mixed/out', '-f', 'json'], dir);
    expect(JSON.parse(again.stdout).summary.files).toBe(report.summary.files);
    expect(r.stdout).toContain('办事指南准确度');
  });

  it('each -f takes the -o after it; only one format may go to stdout', async () => {
    const r = await run(['clean', '-f', 'json', '-o', 'a.json', '-f', 'junit', '-o', 'b.xml', '-f', 'markdown'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(path.join(dir, 'b.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toContain('办事指南准确度');
    const two = await run(['clean', '-f', 'json', '-f', 'sarif'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('标准输出');
    const bad = await run(['clean', '-f', 'pdf'], dir);
    expect(bad.code).toBe(2);
  });

  it('--baseline marks 新增 and 仍未整改; --only-new fails only on new findings', async () => {
    await run(['mixed/city.json', '-f', 'json', '-o', 'base.json'], dir);
    const same = await run(['mixed/city.json', '--baseline', 'base.json', '--only-new', '-f', 'json'], dir);
    const report = JSON.parse(same.stdout);
    expect(report.baseline.tracking).toMatchObject({ new: 0, fixed: 0 });
    expect(report.findings.every((f: { status: string }) => f.status === 'unchanged')).toBe(true);
    expect(same.code).toBe(0);
    const plain = await run(['mixed/city.json', '--baseline', 'base.json'], dir);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('整改跟踪');
    writeFile(dir, 'worse/city.json', JSON.stringify({ data: [{ ...CLEAN, 办理时间: '上午9点' }] }));
    const worse = await run(['worse', '--baseline', 'base.json', '--only-new'], dir);
    expect(worse.code).toBe(1);
    expect((await run(['clean', '--only-new'], dir)).code).toBe(2);
  });

  it('--suppressions moves findings out with their reason and names unused entries', async () => {
    writeFile(dir, 'allow.csv', `实施编码,规则,原因\n11410900MB0000000E3000101002000,联系电话,已向省级平台申请更正\n1141XXXX,办理地点,农村地址无门牌号\n`);
    writeFile(dir, 'phones/city.json', JSON.stringify({ data: [{ ...CLEAN, 实施编码: '11410900MB0000000E3000101002000', 基本编码: '000101002000', 咨询电话: '6661882' }] }));
    const r = await run(['phones', '--suppressions', 'allow.csv', '-f', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'contact-phone')).toBe(false);
    expect(report.suppressions.suppressed[0].reason).toBe('已向省级平台申请更正');
    expect(r.stderr).toContain('1141XXXX');
    expect(r.code).toBe(0);
  });

  it('guide-audit schema config prints the config file schema', async () => {
    const r = await run(['schema', 'config']);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).properties)).toContain('sources');
  });
});

describe('fixtures/demo', () => {
  it('audits the bundled demo with findings and exit code 1', async () => {
    const r = await run(['fixtures/demo', '-f', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary.guides).toBeGreaterThan(30);
    expect(report.loadErrors).toEqual([]);
    for (const f of report.findings) {
      expect(f.location.file.startsWith('fixtures/demo/')).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

});
