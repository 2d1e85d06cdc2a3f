// The audit API end to end on small exports: scope, per-source field maps, ignores, scores and stats.
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/report.js';
import { audit } from '../src/index.js';
import { tempDir, writeFile } from './helpers.js';

const CODE = '11410900MB0000000E3000101001000';
const base = { 事项名称: '食品经营许可', 实施编码: CODE, 实施主体: '江州市市场监督管理局', 办件类型: '承诺件', 法定办结时限: '20个工作日', 承诺办结时限: '5个工作日' };

describe('audit()', () => {
  const dir = tempDir();
  writeFile(dir, 'a/city.json', JSON.stringify({ data: [
    { ...base, 事项类型: '行政许可', 到办事现场次数: '0', 网办深度: 'IV级' },
    { ...base, 事项名称: '行政处罚事项', 事项类型: '行政处罚' },
    { ...base, 事项名称: '公共服务事项', 事项类型: '公共服务', 办件类型: '即办件', 承诺办结时限: '即办', 到办事现场次数: '1' },
  ] }));
  writeFile(dir, 'a/~$lock.xlsx', 'not a workbook');
  writeFile(dir, 'a/old/backup.json', 'garbage');

  it('skips non-依申请 items by default and audits them with scope all', async () => {
    const r = await audit(['a'], { cwd: dir, ignore: ['**/old/**'] });
    expect(r.summary.guides).toBe(2);
    expect(r.summary.loadErrors).toBe(0); // lock file excluded by default, old/ by --ignore
    expect(r.skipped).toMatchObject([{ file: 'a/city.json', count: 1 }]);
    expect(r.summary.skipped).toBe(1);
    const all = await audit(['a'], { cwd: dir, scope: 'all', ignore: ['**/old/**'] });
    expect(all.summary.guides).toBe(3);
    const withOld = await audit(['a'], { cwd: dir });
    expect(withOld.loadErrors).toMatchObject([{ file: 'a/old/backup.json' }]);
  });

  it('reports scores per department and region, permit-only scores and section G stats with numerators', async () => {
    const r = await audit(['a'], { cwd: dir, ignore: ['**/old/**'] });
    expect(r.scores.departments.map((d) => [d.department, d.region, d.guides])).toEqual([['江州市市场监督管理局', '410900', 2]]);
    expect(r.scores.regions.map((x) => x.region)).toEqual(['410900']);
    expect(r.scores.permitOnly.guides).toBe(1);
    expect(r.stats.all.instantShare).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(r.stats.permit.commitmentCompression).toEqual({ value: 0.75, numerator: 0.75, denominator: 1, n: 1 });
    expect(r.stats.all.zeroVisitShare).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(r.stats.all.onlineDepth.IV).toBe(1);
    const ind = r.scores.indicators['办件类型']!;
    expect(ind.applicable).toBe(2);
    // The same statistics per department and per region, so each can be compared with the reference.
    expect(r.scores.departments[0]!.stats.all.instantShare).toEqual(r.stats.all.instantShare);
    expect(r.scores.regions[0]!.stats.permit.commitmentCompression).toEqual(r.stats.permit.commitmentCompression);
    expect(r.stats.reference.zeroVisitShare).toBe(0.1717);
    expect(() => ReportSchema.parse(r)).not.toThrow();
  });

  it('a source in the config maps unknown columns and is chosen by glob', async () => {
    writeFile(dir, 'b/vendor.json', JSON.stringify({ data: [{ ...base, 事项办理地址: '江州市滨江大道188号3楼12号窗口' }] }));
    const without = await audit(['b'], { cwd: dir });
    expect(without.findings.some((f) => f.ruleId === 'handling-location' && f.messageId === 'missing')).toBe(true);
    const withMap = await audit(['b'], { cwd: dir, config: { sources: [{ files: 'b/**', fields: { guide: { 事项办理地址: '办理地点' } } }] } });
    expect(withMap.findings.some((f) => f.ruleId === 'handling-location')).toBe(false);
  });

  it('rule options from the config are validated', async () => {
    await expect(audit(['b'], { cwd: dir, config: { rules: { 'handling-location': ['error', { required: ['门牌'] }] } } })).rejects.toThrow(/handling-location 的选项有误/);
    const r = await audit(['b'], { cwd: dir, config: { rules: { 办理地点: ['warning', { required: ['门牌号'] }] } } });
    expect(r.rules.find((x) => x.id === 'handling-location')?.severity).toBe('warning');
  });
});
