// The national basic catalogue (`--catalog`) in each format, and what a bad one does.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog.js';
import { ConfigError } from '../src/config.js';
import { audit } from '../src/index.js';
import { tempDir, workbook, writeFile } from './helpers.js';

describe('loadCatalog', () => {
  const dir = tempDir();
  it('reads xlsx with a title row, keeping leading zeros of text cells', async () => {
    writeFile(dir, 'c.xlsx', workbook([{ name: '国家基本目录', rows: [['国家政务服务事项基本目录（2024版）'], ['序号', '基本编码', '事项名称', '事项类型'], ['1', '000101001000', '建筑工程施工许可', '行政许可']] }]));
    expect(await loadCatalog('c.xlsx', dir)).toEqual(new Map([['000101001000', '建筑工程施工许可']]));
  });
  it('reads GBK csv and json with synonyms', async () => {
    writeFile(dir, 'c.csv', new Uint8Array(Buffer.from('目录编码,目录名称\r\n000172004000,教师资格认定\r\n', 'utf8')));
    expect((await loadCatalog('c.csv', dir)).get('000172004000')).toBe('教师资格认定');
    writeFile(dir, 'c.json', JSON.stringify({ data: [{ catalog_code: '000101001000', task_name: '建筑工程施工许可' }] }));
    expect((await loadCatalog('c.json', dir)).get('000101001000')).toBe('建筑工程施工许可');
  });
  it('a catalogue without the two columns, or missing, is a usage error naming the file', async () => {
    writeFile(dir, 'bad.csv', '编号,名称说明\n1,x\n');
    await expect(loadCatalog('bad.csv', dir)).rejects.toThrow(ConfigError);
    await expect(loadCatalog('bad.csv', dir)).rejects.toThrow(/bad\.csv/);
    await expect(loadCatalog('none.xlsx', dir)).rejects.toThrow(/无法读取国家基本目录 none\.xlsx/);
  });
  it('drives 国家基本目录对应情况 in a run; without a catalogue the indicator has no applicable guide', async () => {
    writeFile(dir, 'cat.csv', '基本编码,事项名称\n000101001000,建筑工程施工许可\n');
    writeFile(dir, 'x/a.json', JSON.stringify({ data: [
      { 事项名称: '建筑施工许可', 基本编码: '000101001000', 事项类型: '行政许可' },
      { 事项名称: '某许可', 基本编码: '000199999000', 事项类型: '行政许可' },
      { 事项名称: '地方事项', 基本编码: '419300001000', 事项类型: '行政许可' },
    ] }));
    const r = await audit(['x'], { cwd: dir, catalog: 'cat.csv' });
    expect(r.findings.filter((f) => f.ruleId === 'national-catalog').map((f) => `${f.guide.name}:${f.messageId}`)).toEqual(['建筑施工许可:nameDiffers', '某许可:notInCatalog']);
    expect(r.scores.indicators['国家基本目录对应情况']).toMatchObject({ applicable: 2, failed: 2 });
    const none = await audit(['x'], { cwd: dir });
    expect(none.scores.indicators['国家基本目录对应情况']).toMatchObject({ applicable: 0, score: null });
  });
});
