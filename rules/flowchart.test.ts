import rule from './flowchart.js';
import { testRule } from '../test/rule-tester.js';
import { CORRUPT_PDF, DOC, PDF, PNG, flowchart, found } from '../test/resolutions.js';

const g = { 流程图: 'flow/流程图.pdf' };

testRule(rule, {
  valid: [
    { guide: g, prepare: flowchart(found('flow/流程图.pdf', PDF)) },
    { guide: g, prepare: flowchart(found('flow/流程图.png', PNG)) },
    { guide: g, prepare: flowchart({ status: 'url', ref: 'http://x/a.jpg', extension: 'jpg' }) },
    { guide: g, prepare: flowchart({ status: 'noStore', ref: 'flow/流程图.pdf' }) },
  ],
  notApplicable: [
    { guide: {}, name: '没有填写流程图' },
    { guide: { 流程图: '' }, prepare: flowchart({ status: 'empty' }) },
  ],
  invalid: [
    { guide: g, prepare: flowchart({ status: 'notFound', ref: 'flow/流程图.pdf' }), errors: [{ messageId: 'notFound', field: '流程图' }] },
    { guide: g, prepare: flowchart({ status: 'outside', ref: 'flow/流程图.pdf', file: 'flow/流程图.pdf' }), errors: ['outside'] },
    { guide: g, prepare: flowchart(found('flow/流程图.pdf', CORRUPT_PDF)), errors: ['unreadable'] },
    { guide: g, prepare: flowchart(found('flow/流程图.doc', DOC)), errors: [{ messageId: 'notImage', contains: ['Word'] }] },
    { guide: g, prepare: flowchart({ status: 'url', ref: 'http://x/a.docx', extension: 'docx' }), errors: ['urlNotImage'] },
  ],
});
