// The cancelled and adjusted items list (`--cancelled`) in xlsx, csv and json, and 事项动态化管理 in a run.
import { describe, expect, it } from 'vitest';
import { loadCancelled } from '../src/cancelled.js';
import { ConfigError } from '../src/config.js';
import { audit } from '../src/index.js';
import { tempDir, workbook, writeFile, runBin } from './helpers.js';


const DEPT = '江州市市场监督管理局';
const guides = [
  { 事项名称: '食品经营许可', 基本编码: '000101001000', 事项类型: '行政许可', 行使层级: '市级', 实施主体: DEPT },
  { 事项名称: '某某资质认定', 基本编码: '000101099000', 事项类型: '行政许可', 行使层级: '市级', 实施主体: DEPT },
  { 事项名称: '户外广告设置审批', 事项类型: '行政许可', 行使层级: '市级', 实施主体: '江州市城市管理局' },
  { 事项名称: '某某备案', 基本编码: '000172004000', 事项类型: '其他', 行使层级: '市级', 实施主体: DEPT },
  { 事项名称: '某某备案', 基本编码: '000172004000', 事项类型: '其他', 行使层级: '县级', 实施主体: '江州县市场监督管理局' },
];
const planted = ['某某资质认定:cancelled', '户外广告设置审批:cancelled', '某某备案:delegated'];

describe('取消和调整事项清单', () => {
  const dir = tempDir();
  writeFile(dir, 'exports/city.json', JSON.stringify({ data: guides }));
  writeFile(dir, 'list.xlsx', workbook([{
    name: '取消事项',
    rows: [
      ['国务院取消和下放的行政许可事项目录'],
      ['序号', '基本编码', '事项名称', '调整类型', '下放至', '取消依据'],
      ['1', '000101099000', '某某资质认定', '取消', '', '国发〔2018〕28号'],
      ['2', '', '户外广告设置审批', '取消', '', '国发〔2017〕46号'],
      ['3', '000172004000', '某某备案', '下放', '县级', '豫政〔2019〕3号'],
    ],
  }]));
  writeFile(dir, 'list.csv', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(
    '事项名称,基本编码,文号,调整类型,下放至\r\n某某资质认定,000101099000,国发〔2018〕28号,取消,\r\n户外广告设置审批,,国发〔2017〕46号,取消,\r\n某某备案,000172004000,豫政〔2019〕3号,下放,县级\r\n',
  )])));
  writeFile(dir, 'list.json', JSON.stringify([{ 基本编码: '000101099000', 事项名称: '某某资质认定', 依据文件: '国发〔2018〕28号' }]));

  it('reads xlsx with a title row and csv with a BOM and other column names, alike', async () => {
    const x = await loadCancelled('list.xlsx', dir);
    const c = await loadCancelled('list.csv', dir);
    const strip = (l: typeof x) => l.entries.map(({ row: _row, ...e }) => e);
    expect(strip(x)).toEqual(strip(c));
    expect(x.entries[0]).toMatchObject({ baseCode: '000101099000', name: '某某资质认定', document: '国发〔2018〕28号', kind: 'cancelled', row: 3 });
    expect(x.entries[1]).toMatchObject({ name: '户外广告设置审批', kind: 'cancelled' });
    expect(x.entries[1]!.baseCode).toBeUndefined();
    expect(x.entries[2]).toMatchObject({ kind: 'delegated', target: '县级' });
    expect((await loadCancelled('list.json', dir)).entries).toHaveLength(1);
  });

  for (const list of ['list.xlsx', 'list.csv']) {
    it(`${list}: the planted guides are found, quoting the document in message and suggestion`, async () => {
      const r = await audit(['exports'], { cwd: dir, cancelled: list });
      const found = r.findings.filter((f) => f.ruleId === 'dynamic-management');
      expect(found.map((f) => `${f.guide.name}:${f.messageId}`)).toEqual(planted);
      for (const f of found) {
        expect(f.indicator).toBe('事项动态化管理');
        const doc = /国发〔2018〕28号|国发〔2017〕46号|豫政〔2019〕3号/.exec(f.message)?.[0];
        expect(doc, f.message).toBeDefined();
        expect(f.suggestion).toContain(doc);
      }
      expect(found.find((f) => f.guide.name === '某某资质认定')!.message).toBe('事项“某某资质认定”已由国发〔2018〕28号取消，仍在发布办事指南');
      expect(r.scores.indicators['事项动态化管理']).toMatchObject({ applicable: 5, failed: 3 });
      // Not an evaluation indicator: the index is unchanged.
      expect(r.scores.overall).toBe((await audit(['exports'], { cwd: dir })).scores.overall);
    });
  }

  it('without a list the indicator has no applicable guide; the config key works like the option', async () => {
    const none = await audit(['exports'], { cwd: dir });
    expect(none.scores.indicators['事项动态化管理']).toMatchObject({ applicable: 0, score: null });
    const viaConfig = await audit(['exports'], { cwd: dir, config: { cancelled: 'list.csv' } });
    expect(viaConfig.findings.filter((f) => f.ruleId === 'dynamic-management')).toHaveLength(3);
  });

  it('a list without the columns, or missing, is a usage error naming the file', async () => {
    writeFile(dir, 'bad.csv', '序号,备注\n1,x\n');
    await expect(loadCancelled('bad.csv', dir)).rejects.toThrow(ConfigError);
    await expect(loadCancelled('bad.csv', dir)).rejects.toThrow(/bad\.csv/);
    await expect(loadCancelled('none.xlsx', dir)).rejects.toThrow(/无法读取取消和调整事项清单 none\.xlsx/);
  });

  it('CLI: --cancelled reports the findings (exit 1); a bad list exits 2', async () => {
    const run = (args: string[]) => runBin(args, dir);
    const ok = await run(['exports', '--cancelled', 'list.xlsx', '--rule', 'dynamic-management=error', '-f', 'json']);
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'dynamic-management')).toHaveLength(3);
    const bad = await run(['exports', '--cancelled', 'bad.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv');
  });
});
