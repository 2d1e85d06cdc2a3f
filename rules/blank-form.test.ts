import rule from './blank-form.js';
import { testRule } from '../test/rule-tester.js';
import { CORRUPT_PDF, DOC, DOCX, PDF, PNG, XLSX, found, material } from '../test/resolutions.js';

const FORM = { 材料名称: '建设工程规划许可申请表', 空白表格: 'forms/申请表.doc' };
const g = { 申请材料: [FORM] };

testRule(rule, {
  valid: [
    { guide: g, prepare: material('blank', found('forms/申请表.doc', DOC)), name: '旧版 .doc（OLE2 且有 WordDocument 流）' },
    { guide: g, prepare: material('blank', found('forms/申请表.doc', DOCX)), name: '.docx 命名为 .doc：Word 能打开，通过' },
    { guide: g, prepare: material('blank', { status: 'url', ref: 'http://x.gov.cn/a.doc', extension: 'doc' }), name: '网址以 .doc 结尾：只看扩展名' },
    { guide: g, prepare: material('blank', { status: 'url', ref: 'http://x.gov.cn/download?id=3' }), name: '网址没有扩展名：已提供，无法核验' },
    { guide: g, prepare: material('blank', { status: 'noStore', ref: 'forms/申请表.doc' }), name: '没有任何附件文件：只检查是否提供' },
    { guide: { 申请材料: [{ 材料名称: '申请书', 材料类型: '申请表格文书', 空白表格: 'a.doc' }] }, prepare: material('blank', found('a.doc', DOC)) },
  ],
  notApplicable: [
    { guide: { 申请材料: [{ 材料名称: '营业执照' }] }, name: '没有表格类材料的事项不计入' },
    { guide: {}, name: '没有材料' },
  ],
  invalid: [
    { guide: { 申请材料: [{ 材料名称: '建设工程规划许可申请表' }] }, errors: [{ messageId: 'noReference', material: 1, field: '空白表格' }] },
    { guide: { 申请材料: [{ 材料名称: '承诺书（原件）', 空白表格: '无' }] }, prepare: material('blank', { status: 'empty' }), errors: ['noReference'], name: '名称去掉括号注释后以“承诺书”结尾' },
    { guide: g, prepare: material('blank', { status: 'notFound', ref: 'forms/申请表.doc' }), errors: [{ messageId: 'notFound', contains: ['forms/申请表.doc'] }] },
    { guide: g, prepare: material('blank', { status: 'outside', ref: 'forms/申请表.doc', file: 'forms/申请表.doc' }), errors: ['outside'] },
    { guide: g, prepare: material('blank', found('forms/申请表.doc', PDF)), errors: [{ messageId: 'notWord', contains: ['PDF'] }], name: 'PDF 命名为 .doc' },
    { guide: g, prepare: material('blank', found('forms/申请表.doc', PNG)), errors: [{ messageId: 'notWord', contains: ['图片'] }] },
    { guide: g, prepare: material('blank', found('forms/申请表.xlsx', XLSX)), errors: [{ messageId: 'notWord', contains: ['电子表格'] }] },
    { guide: g, prepare: material('blank', found('forms/申请表.doc', CORRUPT_PDF)), errors: ['notWord'] },
    { guide: g, prepare: material('blank', found('forms/申请表.doc', { kind: 'doc', readable: false, problem: 'encrypted' })), errors: [{ messageId: 'unreadable', contains: ['需要密码'] }] },
    { guide: g, prepare: material('blank', found('forms/申请表.docx', DOCX)), options: { strictDoc: true }, errors: ['docxNotDoc'], name: '严格模式：只接受 .doc' },
    { guide: g, prepare: material('blank', { status: 'url', ref: 'http://x.gov.cn/a.pdf', extension: 'pdf' }), errors: [{ messageId: 'urlNotWord', data: { ext: 'pdf' } }] },
    {
      guide: { 申请材料: [{ 材料名称: '营业执照' }, FORM, { 材料名称: '授权委托申请书（原件）' }] },
      prepare: material('blank', found('forms/申请表.doc', DOC), 2),
      errors: [{ messageId: 'noReference', material: 3 }],
      name: '逐项检查表格',
    },
  ],
});
