import { describe, expect, it } from 'vitest';
import { collect, errorsOf, guidesOf, tempDir, workbook, writeFile } from './helpers.js';

const CODE = '11410900MB0000000E3000101001000';
const CODE2 = '11410900MB0000000E3000101002000';
const HEAD = ['事项名称', '实施编码', '基本编码', '事项类型', '实施主体', '办件类型', '法定办结时限', '法定办结时限单位', '承诺办结时限', '办理地点', '咨询电话'];

describe('Excel layout 1', () => {
  const dir = tempDir();

  it('finds the header below a title row, joins materials and steps by 实施编码, fills merged cells', async () => {
    const file = writeFile(dir, '市级.xlsx', workbook([
      {
        name: '事项基本信息',
        rows: [
          ['江州市政务服务事项办事指南（2026年11月导出）'],
          HEAD,
          ['食品经营许可', CODE, '000101001000', '行政许可', '江州市市场监督管理局', '承诺件', '20', '1', '5个工作日', '滨江大道188号3楼12号窗口', '0393-6661882'],
          ['食品生产许可', CODE2, '000101002000', '01', null, '2', '20', '1', '10个工作日', '滨江大道188号3楼12号窗口', '0393-6661882'],
        ],
        // 实施主体 merged over both guide rows.
        merges: [{ s: { r: 2, c: 4 }, e: { r: 3, c: 4 } }],
      },
      {
        name: '申请材料',
        rows: [['实施编码', '材料名称', '材料类型', '原件份数', '复印件份数', '来源渠道'], [CODE, '食品经营许可申请书', '2', 1, 0, '10'], [CODE, '营业执照', '1', 0, 1, '20'], [CODE2, '生产许可申请书', '2', 1, 0, '10']],
      },
      { name: '办理流程', rows: [['实施编码', '环节名称', '办理时限', '办理人员', '审查标准'], [CODE, '受理', '1个工作日', '窗口人员', '材料齐全'], [CODE, '决定', '2个工作日', '科长', '符合条件']] },
    ]));
    const events = await collect(file);
    expect(errorsOf(events)).toEqual([]);
    const [g1, g2] = guidesOf(events);
    expect(g1!.loc).toEqual({ file: '市级.xlsx', sheet: '事项基本信息', row: 3 });
    expect(g1!.code).toBe(CODE);
    expect(g1!.baseCode).toBe('000101001000');
    expect(g1!.itemType).toBe('行政许可');
    expect(g1!.legalLimit).toMatchObject({ text: '20', number: '20', unit: '工作日', unitRaw: '1' });
    expect(g1!.materials.map((m) => [m.index, m.name, m.type, m.source, m.loc?.row])).toEqual([
      [1, '食品经营许可申请书', '申请表格文书', '申请人自备', 2],
      [2, '营业执照', '证件证书证明', '政府部门核发', 3],
    ]);
    expect(g1!.steps.map((s) => s.name)).toEqual(['受理', '决定']);
    expect(g1!.consultPhones).toEqual([{ field: '咨询电话', value: '0393-6661882' }]);
    expect(g2!.department).toBe('江州市市场监督管理局');
    expect(g2!.itemType).toBe('行政许可');
    expect(g2!.caseType).toBe('承诺件');
    expect(g2!.materials).toHaveLength(1);
    expect(g2!.steps).toHaveLength(0);
    expect(g2!.sources.department).toBe('实施主体');
  });

  it('reads a two-level merged header as its lower row', async () => {
    const file = writeFile(dir, '双层表头.xlsx', workbook([
      {
        name: 'Sheet1',
        rows: [
          ['基本信息', null, null, '办理时限', null],
          ['事项名称', '实施编码', '实施主体', '法定办结时限', '承诺办结时限'],
          ['食品经营许可', CODE, '江州市市场监督管理局', '20个工作日', '5个工作日'],
        ],
        merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }, { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } }],
      },
    ]));
    const [g] = guidesOf(await collect(file));
    expect(g!.name).toBe('食品经营许可');
    expect(g!.promisedLimit.text).toBe('5个工作日');
    expect(g!.loc.row).toBe(3);
  });

  it('keeps leading zeros of codes stored as text', async () => {
    const file = writeFile(dir, 'zeros.xlsx', workbook([{ name: '事项', rows: [['事项名称', '基本编码', '实施主体', '咨询电话'], ['户籍迁移', '000172006000', '江州市公安局', '0393-6661882']] }]));
    const [g] = guidesOf(await collect(file));
    expect(g!.baseCode).toBe('000172006000');
    expect(g!.consultPhones[0]!.value).toBe('0393-6661882');
  });

  it('reads an .xls that is really an HTML table, by content', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table>
      <tr><td>事项名称</td><td>实施编码</td><td>实施主体</td><td>办件类型</td></tr>
      <tr><td>食品经营许可</td><td>${CODE}</td><td>江州市市场监督管理局</td><td>承诺件</td></tr></table></body></html>`;
    const file = writeFile(dir, 'html.xls', html);
    const [g] = guidesOf(await collect(file));
    expect(g!.name).toBe('食品经营许可');
    expect(g!.caseType).toBe('承诺件');
  });

  it('reads an .xls that is really CSV text, by content', async () => {
    const file = writeFile(dir, 'csv.xls', `事项名称,实施编码,实施主体,办件类型\n食品经营许可,${CODE},江州市市场监督管理局,承诺件\n`);
    const [g] = guidesOf(await collect(file));
    expect(g!.code).toBe(CODE);
    expect(g!.loc).toEqual({ file: 'csv.xls', line: 2 });
  });

  it('skips a workbook with no guide table', async () => {
    const file = writeFile(dir, '通讯录.xlsx', workbook([{ name: '通讯录', rows: [['姓名', '电话'], ['张三', '13812345678']] }]));
    const events = await collect(file);
    expect(events).toEqual([{ kind: 'skipped', reason: '没有可识别的办事指南表' }]);
  });

  it('reports a truncated workbook as a load error', async () => {
    const good = workbook([{ name: 'x', rows: [['事项名称', '实施主体', '办件类型'], ['a', 'b', '承诺件']] }]);
    const file = writeFile(dir, 'broken.xlsx', good.slice(0, 200));
    const errs = errorsOf(await collect(file));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.file).toBe('broken.xlsx');
  });
});

describe('CSV layout 1', () => {
  const dir = tempDir();
  const csv = `事项名称,实施编码,实施主体,办件类型,办理地点\n食品经营许可,${CODE},江州市市场监督管理局,承诺件,江州市滨江大道188号3楼12号窗口\n`;

  it('reads UTF-8 with BOM', async () => {
    const file = writeFile(dir, 'bom.csv', '\uFEFF' + csv);
    const [g] = guidesOf(await collect(file));
    expect(g!.name).toBe('食品经营许可');
  });

  it('reads GB18030/GBK', async () => {
    const gbk = Buffer.from(
      'cac2cfeec3fbb3c62ccab5caa9b1e0c2eb2ccab5caa9d6f7cce52cb0ecbcfec0e0d0cd2cb0ecc0edb5d8b5e30acab3c6b7beadd3aad0edbfc92c31313431303930304d423030303030303045333030303130313030313030302cbdadd6ddcad0cad0b3a1bce0b6bdb9dcc0edbed62cb3d0c5b5bcfe2cbdadd6ddcad0b1f5bdadb4f3b5c0313838bac533c2a53132bac5b4b0bfda0a',
      'hex',
    );
    const file = writeFile(dir, 'gbk.csv', gbk);
    const [g] = guidesOf(await collect(file));
    expect(g!.name).toBe('食品经营许可');
    expect(g!.department).toBe('江州市市场监督管理局');
    expect(g!.address).toBe('江州市滨江大道188号3楼12号窗口');
  });

  it('parses quoted fields with commas and line breaks, and reports the starting line', async () => {
    const file = writeFile(dir, 'quoted.csv', `事项名称,实施主体,办件类型,办理时间\n"食品经营许可","江州市市场监督管理局",承诺件,"星期一至星期五\n上午9:00-12:00，下午13:00-17:00"\n户籍迁移,江州市公安局,即办件,工作日\n`);
    const gs = guidesOf(await collect(file));
    expect(gs.map((g) => g.loc.line)).toEqual([2, 4]);
    expect(gs[0]!.hours).toContain('\n');
  });
});

describe('JSON / JSONL layout 2', () => {
  const dir = tempDir();
  const guide = {
    事项名称: '建筑工程施工许可证核发', 实施编码: CODE, 实施主体: '江州市住房和城乡建设局', 办件类型: '承诺件',
    申请材料: [{ 材料名称: '建筑工程施工许可申请表', 材料类型: '申请表格文书', 原件份数: 1, 复印件份数: 0 }],
    办理流程: [{ 环节名称: '受理', 办理时限: '即时' }, { 环节名称: '审查' }],
  };

  it('reads { "data": [...] } with nested materials and steps', async () => {
    const file = writeFile(dir, 'county.json', JSON.stringify({ code: 200, data: [guide, { ...guide, 实施编码: CODE2, 办理流程: '1.受理\n2.审查\n3.决定' }] }));
    const gs = guidesOf(await collect(file));
    expect(gs).toHaveLength(2);
    expect(gs[0]!.loc).toEqual({ file: 'county.json', index: 0 });
    expect(gs[0]!.materials[0]).toMatchObject({ index: 1, name: '建筑工程施工许可申请表', original: '1', copy: '0' });
    expect(gs[0]!.steps.map((s) => s.name)).toEqual(['受理', '审查']);
    expect(gs[1]!.processText).toBe('1.受理\n2.审查\n3.决定');
    expect(gs[1]!.steps).toEqual([]);
  });

  it('reads a bare array and { "guides": [...] }', async () => {
    expect(guidesOf(await collect(writeFile(dir, 'a.json', JSON.stringify([guide]))))).toHaveLength(1);
    expect(guidesOf(await collect(writeFile(dir, 'b.json', JSON.stringify({ guides: [guide] }))))).toHaveLength(1);
  });

  it('reports a JSON syntax error with its line, as a load error', async () => {
    const events = await collect(writeFile(dir, 'bad.json', '{\n "data": [\n  {"事项名称": "x",}\n ]\n}'));
    const [e] = errorsOf(events);
    expect(e!.file).toBe('bad.json');
    expect(e!.line).toBe(3);
  });

  it('JSONL: one load error per bad line, the other lines audited', async () => {
    const text = [JSON.stringify(guide), '{"事项名称": 坏行}', '', JSON.stringify({ ...guide, 实施编码: CODE2 })].join('\n');
    const events = await collect(writeFile(dir, 'x.jsonl', text));
    expect(guidesOf(events).map((g) => g.loc.line)).toEqual([1, 4]);
    expect(errorsOf(events)).toMatchObject([{ file: 'x.jsonl', line: 2 }]);
  });

  it('keys named __proto__ do not pollute prototypes', async () => {
    const text = `{"data":[{"事项名称":"x","实施主体":"y","办件类型":"承诺件","__proto__":{"polluted":"1"},"constructor":"c"}]}`;
    const [g] = guidesOf(await collect(writeFile(dir, 'proto.json', text)));
    expect(g!.name).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('binary garbage named .json is a load error', async () => {
    const events = await collect(writeFile(dir, 'garbage.json', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 7, 8])));
    expect(errorsOf(events)).toHaveLength(1);
  });
});

describe('zip limits of workbooks', () => {
  const dir = tempDir();
  const rows = [['事项名称', '实施编码', '实施主体', '办理地点'], ...Array.from({ length: 50 }, (_, i) => [`事项${i}`, `X${i}`, '江州市市场监督管理局', '江州市滨江大道188号'])];
  const honest = Buffer.from(workbook([{ name: '事项基本信息', rows }]));
  /** The same workbook whose central directory declares a 2 GB sheet: a zip bomb by its own account. */
  function bomb(): Buffer {
    const b = Buffer.from(honest);
    const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let p = b.indexOf(sig); p >= 0; p = b.indexOf(sig, p + 4)) {
      const nameLen = b.readUInt16LE(p + 28);
      if (b.toString('utf8', p + 46, p + 46 + nameLen).startsWith('xl/worksheets/')) b.writeUInt32LE(2_000_000_000, p + 24);
    }
    return b;
  }

  it('refuses an entry declared to inflate past 100 MB and 100× before inflating it, naming it', async () => {
    const file = writeFile(dir, 'bomb.xlsx', bomb());
    const events = await collect(file);
    expect(guidesOf(events)).toEqual([]);
    expect(errorsOf(events)).toMatchObject([{ file: 'bomb.xlsx', message: expect.stringContaining('疑似压缩炸弹') }]);
    expect(errorsOf(events)[0]!.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('reads an honest workbook, and the limits are configurable', async () => {
    const file = writeFile(dir, 'ok.xlsx', honest);
    expect(guidesOf(await collect(file))).toHaveLength(50);
    const { loadFile } = await import('../src/loaders/index.js');
    const events = [];
    for await (const ev of loadFile({ abs: file, display: 'ok.xlsx' }, undefined, { zipLimits: { maxEntryBytes: 1000, maxRatio: 0.5 } })) events.push(ev);
    expect(errorsOf(events)[0]?.message).toContain('疑似压缩炸弹');
  });
});
