import rule from './process-completeness.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 办件类型: '承诺件', 办理流程: '1.受理\n2.审查\n3.决定\n4.送达' } },
    { guide: { 办件类型: '承诺件', 办理流程: [{ 环节名称: '收件' }, { 环节名称: '审核' }, { 环节名称: '审批' }, { 环节名称: '发证' }] } },
    { guide: { 办件类型: '承诺件', 办理流程: [{ 环节名称: '申请与受理' }, { 环节名称: '审查与决定' }, { 环节名称: '颁证与送达' }] } },
    { guide: { 办件类型: '即办件', 办理流程: '受理→办结' } },
    { guide: { 办件类型: '即办件', 办理流程: [{ 环节名称: '受理' }, { 环节名称: '决定' }] } },
  ],
  invalid: [
    { guide: { 办件类型: '承诺件' }, errors: [{ messageId: 'noProcess', field: '办理流程' }] },
    { guide: { 办件类型: '承诺件', 办理流程: '1.受理\n2.审核\n3.审批' }, errors: [{ messageId: 'missingSteps', data: { missing: '送达' } }] },
    { guide: { 办件类型: '即办件', 办理流程: '受理' }, errors: [{ messageId: 'missingSteps', data: { missing: '决定' } }] },
    { guide: { 办理流程: '受理→决定' }, errors: [{ messageId: 'missingSteps', data: { missing: '审查、送达' } }], name: '办件类型不明按承诺件要求' },
  ],
});
