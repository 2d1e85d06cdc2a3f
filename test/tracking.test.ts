// Rectification tracking against a baseline, and suppressions with reasons.
import { describe, expect, it } from 'vitest';
import { audit } from '../src/engine.js';
import { applyBaseline, applySuppressions, trackingKey } from '../src/tracking.js';
import { loadBaseline, loadSuppressions } from '../src/tracking-files.js';
import { ConfigError } from '../src/config.js';
import { tempDir, workbook, writeFile } from './helpers.js';

const CODE_A = '11410900MB0000000E3000101001000';
const CODE_B = '11410900MB0000000E3000101002000';
const guide = (code: string, name: string, extra: Record<string, unknown>) => ({
  事项名称: name, 实施编码: code, 事项类型: '行政许可', 实施主体: '江州市市场监督管理局', 办件类型: '承诺件',
  法定办结时限: '20个工作日', 承诺办结时限: '5个工作日', 咨询电话: '0393-6661882', 办理地点: '江州市滨江大道188号市民之家3楼B区12号窗口', ...extra,
});

describe('applyBaseline', () => {
  const dir = tempDir();
  it('marks 新增 and 仍未整改, lists 已整改, and counts them per department', async () => {
    // Before: A has a bad phone and a bad hours field; B has a bad phone.
    writeFile(dir, 'v1/x.json', JSON.stringify({ data: [guide(CODE_A, '甲', { 咨询电话: '6661882', 办理时间: '上午9点' }), guide(CODE_B, '乙', { 咨询电话: '6661883' })] }));
    // After: A's phone fixed, hours still wrong; B's phone still wrong; B gets a new location problem.
    writeFile(dir, 'v2/x.json', JSON.stringify({ data: [guide(CODE_A, '甲', { 办理时间: '上午9点' }), guide(CODE_B, '乙', { 咨询电话: '6661883', 办理地点: '综合窗口' })] }));
    const before = await audit(['v1'], { cwd: dir });
    const after = await audit(['v2'], { cwd: dir });
    const r = applyBaseline(after, before, 'v1.json');
    const status = (code: string, rule: string) => r.findings.filter((f) => f.guide.code === code && f.ruleId === rule).map((f) => f.status);
    expect(status(CODE_A, 'handling-hours').length).toBeGreaterThan(0);
    expect(new Set(status(CODE_A, 'handling-hours'))).toEqual(new Set(['unchanged']));
    expect(status(CODE_B, 'contact-phone')).toEqual(['unchanged']);
    expect(status(CODE_B, 'handling-location')).toEqual(['new']);
    expect(r.baseline!.fixed.map((f) => `${f.guide.code}:${f.ruleId}`)).toEqual([`${CODE_A}:contact-phone`]);
    const t = r.baseline!.tracking;
    expect(t.fixed).toBe(1);
    expect(t.new + t.unchanged).toBe(r.findings.length);
    expect(r.scores.departments[0]!.tracking).toEqual(t);
  });

  it('counts equal keys: two equal findings need two in the baseline', () => {
    const f = { ruleId: 'r', messageId: 'm', indicator: 'i', severity: 'error' as const, message: 'x', guide: { code: 'C' }, location: { file: 'a', field: '咨询电话' } };
    const report = { findings: [f, f], scores: { departments: [] } } as never;
    const r = applyBaseline(report, { findings: [f] }, 'b.json');
    expect(r.findings.map((x) => x.status)).toEqual(['unchanged', 'new']);
    expect(trackingKey(f)).toBe(trackingKey({ ...f, message: 'other wording', location: { file: 'moved.xlsx', field: '咨询电话' } }));
  });

  it('a baseline that is not a guide-audit report is a usage error', async () => {
    writeFile(dir, 'not-report.json', '{"hello": 1}');
    await expect(loadBaseline('not-report.json', dir)).rejects.toThrow(ConfigError);
    await expect(loadBaseline('missing.json', dir)).rejects.toThrow(/missing\.json/);
  });
});

describe('applySuppressions', () => {
  const dir = tempDir();
  it('moves matched findings out with their reason, by rule id or indicator, and lists unused entries', async () => {
    writeFile(dir, 'x/x.json', JSON.stringify({ data: [guide(CODE_A, '甲', { 咨询电话: '6661882', 办理地点: '某村村委会' })] }));
    const report = await audit(['x'], { cwd: dir });
    const r = applySuppressions(report, [
      { code: CODE_A, ruleId: '办理地点', reason: '农村地址无门牌号' },
      { code: CODE_B, ruleId: 'contact-phone', reason: '已向省级平台申请更正' },
    ], 's.json');
    expect(r.findings.some((f) => f.ruleId === 'handling-location')).toBe(false);
    expect(r.suppressions!.suppressed.map((f) => [f.ruleId, f.reason])).toEqual([['handling-location', '农村地址无门牌号']]);
    expect(r.suppressions!.unused.map((u) => u.code)).toEqual([CODE_B]);
    expect(r.summary.findings).toBe(report.summary.findings - 1);
    expect(r.scores.overall).toBe(report.scores.overall);
    expect(r.scores.indicators).toEqual(report.scores.indicators);
    expect(r.scores.departments[0]!.findings).toBe(report.scores.departments[0]!.findings - 1);
  });

  it('reads JSON, CSV and xlsx lists; a row without a reason names its line', async () => {
    writeFile(dir, 's.json', JSON.stringify([{ code: CODE_A, ruleId: 'contact-phone', reason: '原因' }]));
    writeFile(dir, 's.csv', `实施编码,规则,原因\n${CODE_A},办理地点,农村地址无门牌号\n`);
    writeFile(dir, 's.xlsx', workbook([{ name: '豁免', rows: [['实施编码', '问题指标', '豁免原因'], [CODE_A, '办理地点', '农村地址']] }]));
    writeFile(dir, 'bad.csv', `实施编码,规则,原因\n${CODE_A},办理地点,\n`);
    expect(await loadSuppressions('s.json', dir)).toEqual([{ code: CODE_A, ruleId: 'contact-phone', reason: '原因' }]);
    expect(await loadSuppressions('s.csv', dir)).toEqual([{ code: CODE_A, ruleId: '办理地点', reason: '农村地址无门牌号' }]);
    expect(await loadSuppressions('s.xlsx', dir)).toEqual([{ code: CODE_A, ruleId: '办理地点', reason: '农村地址' }]);
    await expect(loadSuppressions('bad.csv', dir)).rejects.toThrow(/第2行/);
  });
});
