// `--fix-out DIR`: corrected copies of planted defects in every file type. The copies, audited again, no
// longer have the fixed findings; they differ from the inputs only in the listed cells or values; the
// inputs stay byte-identical; nothing is guessed (values without one right answer are left alone).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/engine.js';
import { ReportSchema, type Finding, type Report } from '../src/report.js';
import { decodeText } from '../src/loaders/decode.js';
import { csvToTable } from '../src/loaders/csv.js';
import { encodeText } from '../src/fix/encoding.js';
import { checkFixOut } from '../src/fix/index.js';
import { tempDir, workbook, writeFile, runBin } from './helpers.js';


const DEPT = '江州市市场监督管理局';
const HOURS_OK = '星期一至星期五：上午9:00-12:00，下午13:00-17:00';
const HOURS_12 = '星期一至星期五：上午9:00-12:00，下午2:00-5:00';
const HOURS_24 = '星期一至星期五：上午9:00-12:00，下午14:00-17:00';
const code = (n: string) => `11410900MB0000000E3000101${n}000`;

const XLSX_HEAD = ['事项名称', '实施编码', '基本编码', '实施主体', '事项类型', '办件类型', '法定办结时限', '法定办结时限说明', '承诺办结时限', '办理地点', '办理时间', '咨询电话', '监督投诉电话', '受理日期'];
const xlsxRows: (string | number)[][] = [
  ['江州市政务服务事项办事指南'],
  XLSX_HEAD,
  ['食品经营许可', code('001'), '000101001000', DEPT, '行政许可', '承诺件', 20, '自受理之日起20个工作日内作出决定', '5个工作日', '江州市滨江大道188号市民之家3楼B区12号窗口', HOURS_12, '0393—6661882', '0393-12345', 45000],
  ['食品生产许可', code('002'), '000101002000', DEPT, '行政许可', '承诺件', '20个工作日', '', '5个工作日', '江州市滨江大道188号市民之家3楼B区12号窗口', HOURS_OK, '0393-6661882', '0393－12345', 45001],
  ['药品零售许可', code('003'), '０００１０１００３０００', DEPT, '行政许可', '承诺件', 20, '法律未明确', '5个工作日', '江州市滨江大道188号市民之家3楼B区12号窗口', '工作日 9:00-5:00', '6661882', '0393-12345', 45002],
];

const CSV_HEAD = '事项名称,实施编码,实施主体,事项类型,法定办结时限,法定办结时限说明,承诺办结时限,办理地点,办理时间,咨询电话';
const csvBody = (nl: string) => [
  CSV_HEAD,
  `县级食品经营许可,${code('011')},江州县市场监督管理局,行政许可,20,20个工作日,5个工作日,"江州县人民路1号，政务服务中心2楼5号窗口",${HOURS_12},0393—7771882`,
  `县级食品生产许可,${code('012')},江州县市场监督管理局,行政许可,20个工作日,,5个工作日,江州县人民路1号政务服务中心2楼5号窗口,"${HOURS_OK}",0393-7771882`,
].join(nl) + nl;

const vendorJson = JSON.stringify({
  data: [{
    task_name: '建筑工程施工许可', task_code: code('021'), catalog_code: '000101021000', dept_name: '江州市住房和城乡建设局', task_type: '01',
    project_type: '2', anticipate_day: '20', anticipate_type: '1', promise_day: 5, promise_type: '1', link_way: '0393－8881882',
    window: [{ transact_addr: '江州市滨江大道188号市民之家2楼A区8号窗口', transact_time: '星期一至星期五：上午9:00-12:00，下午1:30-5:30', window_tel: '0393—8881883' }],
  }],
}, null, 2) + '\n';

const jsonl = [
  JSON.stringify({ 事项名称: '户外广告设置许可', 实施编码: code('031'), 实施主体: '江州市城市管理局', 事项类型: '行政许可', 法定办结时限: '20', 法定办结时限说明: '20个工作日', 承诺办结时限: '5个工作日', 办理时间: HOURS_OK, 咨询电话: '0393—9991882' }),
  '{"事项名称": "坏行"',
  JSON.stringify({ 事项名称: '城市道路占用许可', 实施编码: code('032'), 实施主体: '江州市城市管理局', 事项类型: '行政许可', 法定办结时限: '20', 承诺办结时限: '5个工作日', 办理时间: HOURS_OK, 咨询电话: '0393-9991882' }),
].join('\n') + '\n';

/** The planted fixes, and only these: [file, field, before, after]. */
const EXPECTED = [
  ['exports/city.xlsx', '法定办结时限', '20', '20个工作日'],
  ['exports/city.xlsx', '办理时间', HOURS_12, HOURS_24],
  ['exports/city.xlsx', '咨询电话', '0393—6661882', '0393-6661882'],
  ['exports/city.xlsx', '监督投诉电话', '0393－12345', '0393-12345'],
  ['exports/city.xlsx', '基本编码', '０００１０１００３０００', '000101003000'],
  ['exports/county-gbk.csv', '法定办结时限', '20', '20个工作日'],
  ['exports/county-gbk.csv', '办理时间', HOURS_12, HOURS_24],
  ['exports/county-gbk.csv', '咨询电话', '0393—7771882', '0393-7771882'],
  ['exports/county-bom.csv', '法定办结时限', '20', '20个工作日'],
  ['exports/county-bom.csv', '办理时间', HOURS_12, HOURS_24],
  ['exports/county-bom.csv', '咨询电话', '0393—7771882', '0393-7771882'],
  ['exports/list.jsonl', '法定办结时限', '20', '20个工作日'],
  ['exports/list.jsonl', '咨询电话', '0393—9991882', '0393-9991882'],
  ['exports/vendor.json', '咨询电话', '0393－8881882', '0393-8881882'],
  ['exports/vendor.json', '办理时间', '星期一至星期五：上午9:00-12:00，下午1:30-5:30', '星期一至星期五：上午9:00-12:00，下午13:30-17:30'],
  ['exports/vendor.json', '窗口电话', '0393—8881883', '0393-8881883'],
].map((x) => x.join(' | ')).sort();

const FIXED_FINDINGS = new Set(['contact-phone:badSeparator', 'handling-hours:twelveHour', 'legal-time-limit:noUnit']);
const fkey = (f: Finding) => [f.location.file, f.location.sheet, f.location.row ?? f.location.line ?? f.location.index, f.ruleId, f.messageId, f.location.field, f.guide.name].join('|');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('--fix-out', () => {
  const dir = tempDir();
  const cityMerges = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }, { s: { r: 2, c: 3 }, e: { r: 4, c: 3 } }];
  writeFile(dir, 'exports/city.xlsx', workbook([
    { name: '事项基本信息', rows: xlsxRows.map((r, i) => (i >= 3 ? r.map((v, j) => (j === 3 ? '' : v)) : r)), merges: cityMerges },
    { name: '申请材料', rows: [['实施编码', '材料名称', '来源渠道', '原件份数', '复印件份数'], [code('001'), '营业执照', '政府部门核发', 0, 1]] },
  ]));
  writeFile(dir, 'exports/county-gbk.csv', encodeText(csvBody('\r\n'), 'gb18030')!);
  writeFile(dir, 'exports/county-bom.csv', encodeText(csvBody('\n'), 'utf-8-bom')!);
  writeFile(dir, 'exports/vendor.json', vendorJson);
  writeFile(dir, 'exports/list.jsonl', jsonl);
  const inputs = ['city.xlsx', 'county-gbk.csv', 'county-bom.csv', 'vendor.json', 'list.jsonl'].map((f) => path.join(dir, 'exports', f));
  const before = new Map(inputs.map((p) => [p, sha(p)]));
  let report: Report;
  let again: Report;

  beforeAll(async () => {
    report = await audit(['exports'], { cwd: dir, fixOut: 'fixed' });
    again = await audit(['exports'], { cwd: path.join(dir, 'fixed') });
  });

  it('lists exactly the planted fixes, each with file, position, guide, field, before and after', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.fixes!.map((f) => [f.file, f.field, f.before, f.after].join(' | ')).sort()).toEqual(EXPECTED);
    expect(report.fixOut).toEqual({ dir: 'fixed', files: 5, changedFiles: 5, changes: EXPECTED.length });
    const phone = report.fixes!.find((f) => f.file === 'exports/city.xlsx' && f.field === '咨询电话')!;
    expect(phone).toMatchObject({ output: 'fixed/exports/city.xlsx', sheet: '事项基本信息', row: 3, cell: 'L3', column: '咨询电话', guide: { code: code('001'), name: '食品经营许可', department: DEPT }, fixes: ['phone-separator'] });
    expect(report.fixes!.find((f) => f.file === 'exports/list.jsonl')).toMatchObject({ line: 1 });
    expect(report.fixes!.find((f) => f.field === '窗口电话')).toMatchObject({ index: 0, column: 'window[0].window_tel' });
  });

  it('leaves the inputs byte-identical and writes nothing beside them', () => {
    for (const p of inputs) expect(sha(p), p).toBe(before.get(p));
    expect(readdirSync(path.join(dir, 'exports')).sort()).toEqual(['city.xlsx', 'county-bom.csv', 'county-gbk.csv', 'list.jsonl', 'vendor.json']);
  });

  it('the copies, audited again, no longer have the fixed findings and have no new ones', () => {
    const orig = new Set(report.findings.map(fkey));
    const fixedValues = new Set(report.fixes!.map((f) => `${f.file}|${f.guide.name}|${f.before}`));
    const was = report.findings.filter((f) => FIXED_FINDINGS.has(`${f.ruleId}:${f.messageId}`) && fixedValues.has(`${f.location.file}|${f.guide.name}|${f.value}`));
    expect(was.length).toBeGreaterThanOrEqual(12);
    const now = new Set(again.findings.map(fkey));
    for (const f of was) expect(now.has(fkey(f)), fkey(f)).toBe(false);
    for (const f of again.findings) expect(orig.has(fkey(f)), `new finding ${fkey(f)}`).toBe(true);
    // What has no one right answer is still reported: 9:00-5:00 without 下午, a number without area code, 20 without a stated unit.
    for (const k of ['handling-hours:twelveHour:药品零售许可', 'contact-phone:noAreaCode:药品零售许可', 'legal-time-limit:noUnit:药品零售许可', 'legal-time-limit:noUnit:城市道路占用许可']) {
      expect(again.findings.some((f) => `${f.ruleId}:${f.messageId}:${f.guide.name}` === k), k).toBe(true);
    }
    expect(again.loadErrors).toEqual(report.loadErrors); // the bad JSONL line is copied as it was
  });

  it('xlsx: same sheets, merges and cells, except the listed cells', () => {
    const read = (p: string) => XLSX.read(readFileSync(p), { type: 'buffer', cellNF: true });
    const a = read(path.join(dir, 'exports/city.xlsx'));
    const b = read(path.join(dir, 'fixed/exports/city.xlsx'));
    expect(b.SheetNames).toEqual(a.SheetNames);
    const listed = new Map(report.fixes!.filter((f) => f.file === 'exports/city.xlsx').map((f) => [`${f.sheet}!${f.cell}`, f]));
    const seen = new Set<string>();
    for (const name of a.SheetNames) {
      const wa = a.Sheets[name]!;
      const wb = b.Sheets[name]!;
      expect(wb['!merges'] ?? []).toEqual(wa['!merges'] ?? []);
      const cells = new Set([...Object.keys(wa), ...Object.keys(wb)].filter((k) => !k.startsWith('!')));
      for (const addr of cells) {
        const ca = wa[addr] as XLSX.CellObject | undefined;
        const cb = wb[addr] as XLSX.CellObject | undefined;
        const fix = listed.get(`${name}!${addr}`);
        if (fix) {
          seen.add(`${name}!${addr}`);
          expect(String(ca?.w ?? ca?.v)).toBe(fix.before);
          expect(cb).toMatchObject({ t: 's', v: fix.after });
        } else {
          expect([cb?.t, cb?.v, cb?.w], `${name}!${addr}`).toEqual([ca?.t, ca?.v, ca?.w]);
        }
      }
    }
    expect(seen.size).toBe(listed.size);
  });

  it('csv: same encoding and BOM; cells differ only where listed; other lines unchanged', () => {
    for (const [name, enc] of [['county-gbk.csv', 'gb18030'], ['county-bom.csv', 'utf-8-bom']] as const) {
      const ia = decodeText(readFileSync(path.join(dir, 'exports', name)));
      const ib = decodeText(readFileSync(path.join(dir, 'fixed/exports', name)));
      expect([ia.encoding, ib.encoding]).toEqual([enc, enc]);
      const ta = csvToTable(ia.text).table.rows;
      const tb = csvToTable(ib.text).table.rows;
      expect(tb.map((r) => r.pos)).toEqual(ta.map((r) => r.pos));
      const listed = report.fixes!.filter((f) => f.file === `exports/${name}`);
      const header = ta[0]!.cells;
      const diffs: string[] = [];
      ta.forEach((row, i) => row.cells.forEach((v, c) => {
        if (tb[i]!.cells[c] !== v) diffs.push(`${row.pos}|${header[c]}|${v}|${tb[i]!.cells[c]}`);
      }));
      expect(diffs.sort()).toEqual(listed.map((f) => `${f.line}|${f.column}|${f.before}|${f.after}`).sort());
      const la = ia.text.split('\n');
      const lb = ib.text.split('\n');
      expect(lb.length).toBe(la.length);
      la.forEach((l, i) => {
        if (!listed.some((f) => f.line === i + 1)) expect(lb[i]).toBe(l);
      });
    }
  });

  it('json and jsonl: only the listed string values change; numbers, keys and layout stay', () => {
    const leaves = (v: unknown, p = ''): Map<string, unknown> => {
      const out = new Map<string, unknown>();
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) for (const [kk, xx] of leaves(x, p ? `${p}.${k}` : k)) out.set(kk, xx);
      } else out.set(p, v);
      return out;
    };
    const a = leaves(JSON.parse(vendorJson));
    const b = leaves(JSON.parse(readFileSync(path.join(dir, 'fixed/exports/vendor.json'), 'utf8')));
    expect([...b.keys()]).toEqual([...a.keys()]);
    const changed = [...a.keys()].filter((k) => a.get(k) !== b.get(k));
    expect(changed.sort()).toEqual(['data.0.link_way', 'data.0.window.0.transact_time', 'data.0.window.0.window_tel']);
    expect(b.get('data.0.promise_day')).toBe(5);
    const text = readFileSync(path.join(dir, 'fixed/exports/vendor.json'), 'utf8');
    expect(text.split('\n').length).toBe(vendorJson.split('\n').length);
    const lines = readFileSync(path.join(dir, 'fixed/exports/list.jsonl'), 'utf8').split('\n');
    const orig = jsonl.split('\n');
    expect(lines.slice(1)).toEqual(orig.slice(1));
    expect(JSON.parse(lines[0]!)).toEqual({ ...JSON.parse(orig[0]!), 法定办结时限: '20个工作日', 咨询电话: '0393-9991882' });
  });

  it('CLI: lists the fixes in the stylish output; refuses a folder whose copies would overwrite the inputs', async () => {
    const run = (args: string[]) => runBin(args, dir);
    const r = await run(['exports', '--fix-out', 'fixed2']);
    expect(r.code).toBe(2); // the bad JSONL line
    expect(r.stdout).toContain(`自动修正：已将 5 个文件的修正副本写入 fixed2，其中 5 个文件共修改 ${EXPECTED.length} 处`);
    expect(r.stdout).toContain('咨询电话：“0393—6661882” → “0393-6661882”');
    const bad = await run(['exports', '--fix-out', '.']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('包含输入 exports');
    // Two inputs named alike from different places would land on one copy.
    await expect(checkFixOut([
      { abs: path.join(dir, 'exports/vendor.json'), display: '../exports/vendor.json' },
      { abs: path.join(dir, 'sub/exports/vendor.json'), display: 'exports/vendor.json' },
    ], 'y', dir)).rejects.toThrow(/写到同一个位置/);
    for (const p of inputs) expect(sha(p), p).toBe(before.get(p));
    expect((await run(['exports', '--fix-out', 'x', '--shard', '1/2'])).code).toBe(2);
  });
});
