import rule from './sample-form.js';
import { testRule } from '../test/rule-tester.js';
import { CORRUPT_PDF, DOC, DOCX, ENCRYPTED_PDF, PDF, PNG, found, material } from '../test/resolutions.js';

const g = { 申请材料: [{ 材料名称: '食品经营许可申请书', 示例样表: '样表/申请书.pdf' }] };

testRule(rule, {
  valid: [
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', PDF)) },
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', { kind: 'pdf', readable: true, pages: 2 })), name: '只设了所有者密码的 PDF 能打开，通过' },
    { guide: g, prepare: material('sample', { status: 'url', ref: 'https://x.gov.cn/s.pdf', extension: 'pdf' }) },
    { guide: g, prepare: material('sample', { status: 'noStore', ref: '样表/申请书.pdf' }) },
  ],
  notApplicable: [{ guide: { 申请材料: [{ 材料名称: '身份证' }] } }],
  invalid: [
    { guide: { 申请材料: [{ 材料名称: '食品经营许可申请书' }] }, errors: [{ messageId: 'noReference', field: '示例样表', material: 1 }] },
    { guide: g, prepare: material('sample', { status: 'notFound', ref: '样表/申请书.pdf' }), errors: ['notFound'] },
    { guide: g, prepare: material('sample', { status: 'outside', ref: '样表/申请书.pdf', file: '样表/申请书.pdf' }), errors: ['outside'] },
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', ENCRYPTED_PDF)), errors: [{ messageId: 'unreadable', contains: ['需要密码'] }] },
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', CORRUPT_PDF)), errors: [{ messageId: 'unreadable', contains: ['损坏'] }] },
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', { kind: 'pdf', readable: false, problem: 'noPages', pages: 0 })), errors: [{ messageId: 'unreadable', contains: ['没有页面'] }] },
    { guide: g, prepare: material('sample', found('样表/申请书.docx', DOCX)), errors: [{ messageId: 'notPdf', contains: ['.docx'] }] },
    { guide: g, prepare: material('sample', found('样表/申请书.pdf', DOC)), errors: ['notPdf'], name: 'Word 文件命名为 .pdf' },
    { guide: g, prepare: material('sample', found('样表/申请书.jpg', PNG)), errors: [{ messageId: 'notPdf', contains: ['图片'] }] },
    { guide: g, prepare: material('sample', { status: 'url', ref: 'https://x.gov.cn/s.doc', extension: 'doc' }), errors: ['urlNotPdf'] },
  ],
});
