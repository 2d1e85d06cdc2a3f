// Blank forms, sample forms and flowcharts end to end, with real files of every kind the form rules
// must tell apart (generated here with the fixture writers; nothing is trusted by extension).
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import CFB from 'cfb';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { AttachmentStore } from '../src/attachments/store.js';
import { inspectBytes } from '../src/attachments/inspect.js';
import type { Report } from '../src/report.js';
import { tempDir, writeFile } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const lib = (name: string) => import(pathToFileURL(path.join(ROOT, 'fixtures/lib', name)).href);
const FORM = { title: '食品经营许可申请书', rows: [['申请人', '江州市某某餐饮有限公司'], ['身份证号码', '']], notes: ['填表说明：用黑色钢笔填写。'] };
const ID = '420422199003071234'; // its check digit is recomputed below, so the number is a valid ID

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

interface Case { name: string; blank?: string; sample?: string; flowchart?: string; title?: string }

const CASES: Case[] = [
  { name: '旧版doc', blank: 'forms/genuine.doc', sample: 'forms/样表/good.pdf', flowchart: 'flow/流程图.pdf' },
  { name: 'docx', blank: 'forms/real.docx', sample: 'forms/样表/owner-only.pdf', flowchart: 'flow/流程图.png' },
  { name: 'docx改名doc', blank: 'forms/docx-named.doc', sample: 'real.docx' },
  { name: 'pdf改名doc', blank: 'forms/pdf-named.doc', sample: 'forms/样表/corrupt.pdf' },
  { name: '空表是pdf', blank: 'forms/样表/good.pdf', sample: 'forms/样表/locked.pdf' },
  { name: '空表是图片', blank: 'forms/photo.doc', sample: 'forms/photo.doc', flowchart: 'forms/genuine.doc' },
  { name: '空表是xls', blank: 'forms/table.doc', sample: 'forms/样表/empty.pdf', flowchart: 'flow/缺失.pdf' },
  { name: '空表是zip', blank: 'forms/archive.doc', sample: 'forms/样表/pii.pdf' },
  { name: '文件不存在', blank: 'forms/没有这个文件.doc', sample: '' },
  { name: '服务器路径', blank: '/upload/2019/06/genuine.doc', sample: 'D:\\附件\\样表\\good.pdf' },
  { name: '上级目录', blank: '../../etc/genuine.doc', sample: '../secret/secret-only.pdf' },
  { name: 'GUID', blank: '5fba5b12-72de-46d0-9824-92bd6453209d', sample: '0a1b2c3d-0000-4000-8000-00000000abcd' },
  { name: '网址', blank: 'http://zwfw.example.gov.cn/files/a.doc', sample: 'https://zwfw.example.gov.cn/down?id=9', flowchart: 'http://zwfw.example.gov.cn/f/flow.docx' },
  { name: '网址非Word', blank: 'http://zwfw.example.gov.cn/files/a.xlsx', sample: 'http://zwfw.example.gov.cn/files/a.doc' },
  { name: '指向外部的链接', blank: 'forms/link-out.doc', sample: 'forms/样表/link-in.pdf' },
];

function guide(c: Case, i: number) {
  return {
    事项名称: c.name, 实施编码: `X${i}`, 事项类型: '行政许可', 实施主体: '江州市市场监督管理局',
    ...(c.flowchart !== undefined ? { 流程图: c.flowchart } : {}),
    申请材料: [
      { 材料名称: '营业执照', 空白表格: 'forms/没有这个文件.doc' }, // not a form: never checked
      { 材料名称: `${c.name}申请表`, 材料类型: '申请表格文书', 空白表格: c.blank ?? '', 示例样表: c.sample ?? '' },
    ],
  };
}

let report: Report;
const byGuide = (rule: string) => {
  const m = new Map<string, string[]>();
  for (const f of report.findings) if (f.ruleId === rule) m.set(f.guide.name!, [...(m.get(f.guide.name!) ?? []), f.messageId]);
  return Object.fromEntries(CASES.filter((c) => rule !== 'flowchart' || c.flowchart !== undefined).map((c) => [c.name, m.get(c.name) ?? []]));
};

describe('form files by content (real files)', () => {
  const dir = tempDir();
  beforeAll(async () => {
    const word = await lib('word.mjs');
    const pdf = await lib('pdf.mjs');
    const enc = await lib('pdf-encrypted.mjs');
    const codes = await lib('codes.mjs');
    const id = ID.slice(0, 17) + codes.idCheckChar(ID.slice(0, 17));
    const doc = word.makeDoc(word.formText(FORM));
    const docx = word.makeDocx(FORM);
    const good = pdf.makePdf({ title: FORM.title, draw: (p: any) => p.text(72, 760, 14, FORM.title) });
    const pii = pdf.makePdf({ title: '样表', draw: (p: any) => p.text(72, 760, 12, `ID ${id}  Mobile 13903906601`) });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['申请人', '']]), '申请表');
    const xls = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }); // legacy .xls: OLE2 without a WordDocument stream
    const zip = CFB.utils.cfb_new({ root: 'R' });
    CFB.utils.cfb_add(zip, 'readme.txt', Buffer.from('not a document'));
    const city = 'city';
    writeFile(dir, `${city}/export.json`, JSON.stringify({ data: CASES.map(guide) }));
    writeFile(dir, `${city}/forms/genuine.doc`, doc);
    writeFile(dir, `${city}/forms/real.docx`, docx);
    writeFile(dir, `${city}/forms/docx-named.doc`, docx);
    writeFile(dir, `${city}/forms/pdf-named.doc`, good);
    writeFile(dir, `${city}/forms/photo.doc`, PNG);
    writeFile(dir, `${city}/forms/table.doc`, xls);
    writeFile(dir, `${city}/forms/archive.doc`, Buffer.from(CFB.write(zip, { fileType: 'zip', type: 'buffer' })));
    writeFile(dir, `${city}/forms/样表/good.pdf`, good);
    writeFile(dir, `${city}/forms/样表/owner-only.pdf`, enc.encryptedPdf({ needsPassword: false }));
    writeFile(dir, `${city}/forms/样表/locked.pdf`, enc.encryptedPdf({ needsPassword: true }));
    writeFile(dir, `${city}/forms/样表/corrupt.pdf`, good.subarray(0, 200));
    writeFile(dir, `${city}/forms/样表/empty.pdf`, '');
    writeFile(dir, `${city}/forms/样表/pii.pdf`, pii);
    writeFile(dir, `${city}/附件/5fba5b12-72de-46d0-9824-92bd6453209d.doc`, doc);
    writeFile(dir, `${city}/附件/0a1b2c3d-0000-4000-8000-00000000abcd.pdf`, good);
    writeFile(dir, `${city}/flow/流程图.pdf`, good);
    writeFile(dir, `${city}/flow/流程图.png`, PNG);
    // Outside the export folder: a link to it must not be followed; a link within it is fine.
    writeFile(dir, 'secret/good.pdf', good);
    writeFile(dir, 'secret/secret-only.pdf', good); // exists only outside: a `../` path does not reach it
    writeFile(dir, 'etc/genuine.doc', PNG); // a `../` path must not reach this one
    symlinkSync(path.join(dir, 'secret/good.pdf'), path.join(dir, `${city}/forms/link-out.doc`));
    symlinkSync('good.pdf', path.join(dir, `${city}/forms/样表/link-in.pdf`));
    report = await audit(['city'], { cwd: dir });
  });

  it('空表下载服务: Word by content, .docx accepted, everything else refused', () => {
    expect(byGuide('blank-form')).toEqual({
      旧版doc: [], docx: [], docx改名doc: [],
      pdf改名doc: ['notWord'], 空表是pdf: ['notWord'], 空表是图片: ['notWord'], 空表是xls: ['notWord'], 空表是zip: ['notWord'],
      文件不存在: ['notFound'],
      服务器路径: [], 上级目录: [], GUID: [], // looked up by base name inside the export folder
      网址: [], 网址非Word: ['urlNotWord'],
      指向外部的链接: ['outside'],
    });
  });

  it('样表下载服务: PDF that opens; owner-password-only passes, a password to open fails', () => {
    expect(byGuide('sample-form')).toEqual({
      旧版doc: [], docx: [], docx改名doc: ['notPdf'], pdf改名doc: ['unreadable'], 空表是pdf: ['unreadable'],
      空表是图片: ['notPdf'], 空表是xls: ['notPdf'], 空表是zip: [], 文件不存在: ['noReference'],
      服务器路径: [], 上级目录: ['notFound'], GUID: [], 网址: [], 网址非Word: ['urlNotPdf'], 指向外部的链接: [],
    });
    const locked = report.findings.find((f) => f.ruleId === 'sample-form' && f.guide.name === '空表是pdf')!;
    expect(locked.message).toContain('需要密码');
  });

  it('样表个人信息: unmasked ID and mobile found in the PDF text, shown masked', () => {
    const f = report.findings.filter((x) => x.ruleId === 'sample-personal-info');
    expect(f.map((x) => `${x.guide.name}:${x.messageId}`).sort()).toEqual(['空表是zip:mobile', '空表是zip:residentId']);
    expect(f.find((x) => x.messageId === 'mobile')!.message).toContain('139****6601');
    expect(JSON.stringify(report)).not.toContain('13903906601');
  });

  it('流程图: readable PDF or image passes; Word, missing and non-image URL fail', () => {
    expect(byGuide('flowchart')).toEqual({ 旧版doc: [], docx: [], 空表是图片: ['notImage'], 空表是xls: ['notFound'], 网址: ['urlNotImage'] });
  });

  it('findings name the material and point at the found file; URLs are reported as unverified', () => {
    const f = report.findings.find((x) => x.ruleId === 'blank-form' && x.guide.name === 'pdf改名doc')!;
    expect(f.location).toMatchObject({ file: 'city/export.json', index: 3, field: '空白表格', material: { index: 2 } });
    expect(f.message).toContain('city/forms/pdf-named.doc');
    expect(f.message).toContain('PDF');
    expect(report.notices.join('\n')).toContain('网址');
    expect(report.loadErrors).toEqual([]);
  });

  it('each file is inspected once however many guides reference it', async () => {
    const store = new AttachmentStore({ cwd: dir, exports: new Set() });
    const exp = path.join(dir, 'city/export.json');
    const a = await store.resolve('forms/genuine.doc', exp, 'city/export.json');
    const b = await store.resolve('/upload/genuine.doc', exp, 'city/export.json');
    const c = await store.resolve('genuine.doc', exp, 'city/export.json');
    expect([a.status, b.status, c.status]).toEqual(['found', 'found', 'found']);
    expect(store.stats.inspected).toBe(1);
  });

  it('no attachment files at all: references are offered but unverified, and the report says so', async () => {
    const d = tempDir();
    writeFile(d, 'x/export.json', JSON.stringify({ data: [guide({ name: '只有导出', blank: 'forms/a.doc', sample: 'b.pdf', flowchart: 'c.pdf' }, 0)] }));
    const r = await audit(['x'], { cwd: d });
    expect(r.findings.filter((f) => ['blank-form', 'sample-form', 'flowchart'].includes(f.ruleId))).toEqual([]);
    expect(r.notices.join('\n')).toContain('未核验');
  });

  it('--attachments adds a folder where references are looked up', async () => {
    const d = tempDir();
    writeFile(d, 'x/export.json', JSON.stringify({ data: [guide({ name: '附件在别处', blank: 'a.doc', sample: 'b.pdf' }, 0)] }));
    writeFile(d, 'x/说明.txt', 'a note is not an attachment');
    const noteOnly = await audit(['x'], { cwd: d });
    expect(noteOnly.findings.filter((f) => f.ruleId === 'blank-form')).toEqual([]);
    expect(noteOnly.notices.join('')).toContain('未核验');
    writeFile(d, 'x/其他表格.pdf', PNG); // an attachment of some other guide: the folder is a store
    const word = await lib('word.mjs');
    writeFile(d, 'store/a.doc', word.makeDoc(['申请表']));
    writeFile(d, 'store/b.pdf', PNG);
    const without = await audit(['x'], { cwd: d });
    expect(without.findings.filter((f) => f.ruleId === 'blank-form').map((f) => f.messageId)).toEqual(['notFound']);
    const withDir = await audit(['x'], { cwd: d, attachments: ['store'] });
    expect(withDir.findings.filter((f) => f.ruleId === 'blank-form')).toEqual([]);
    expect(withDir.findings.filter((f) => f.ruleId === 'sample-form').map((f) => f.message)).toEqual([expect.stringContaining('store/b.pdf')]);
  });
});

describe('inspectBytes', () => {
  it('refuses a zip entry that would inflate past the limits, before inflating', async () => {
    // A central directory claiming a 2 GB document.xml compressed to 1 KB.
    const zip = CFB.utils.cfb_new({ root: 'R' });
    CFB.utils.cfb_add(zip, 'word/document.xml', Buffer.from('<w:document/>'));
    const buf = Buffer.from(CFB.write(zip, { fileType: 'zip', type: 'buffer' }));
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(2_000_000_000, cd + 24);
    expect(await inspectBytes(buf)).toMatchObject({ kind: 'docx', readable: false, problem: 'tooLarge' });
  });
  it('a truncated image keeps its signature but is not readable', async () => {
    expect(await inspectBytes(PNG)).toEqual({ kind: 'image', readable: true });
    expect(await inspectBytes(PNG.subarray(0, 20))).toMatchObject({ kind: 'image', readable: false, problem: 'corrupt' });
    expect(await inspectBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))).toMatchObject({ readable: false });
  });
  it('a Word 97 document written by LibreOffice is a readable .doc', async () => {
    const { readFileSync } = await import('node:fs');
    expect(await inspectBytes(readFileSync(path.join(ROOT, 'fixtures/real-files/word97-申请表.doc')))).toEqual({ kind: 'doc', readable: true });
  });
  it('never throws on garbage', async () => {
    for (const b of [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), Buffer.from('PK\x03\x04garbage'), Buffer.from('%PDF-1.7\n%%EOF'), Buffer.from('{\\rtf1 hello}')]) {
      await expect(inspectBytes(b)).resolves.toHaveProperty('kind');
    }
  });
});
