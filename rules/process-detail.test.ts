import rule from './process-detail.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 办理流程: [{ 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员', 审查标准: '材料齐全、符合法定形式' }] } },
    { guide: { 办理流程: '1.受理：窗口工作人员当场受理，审查标准为材料齐全。\n2.决定：科长1个工作日内审批，标准为符合法定条件。' } },
    { guide: { 办理流程: '受理：办理人员：窗口工作人员；办理时限：即时；审查标准：材料齐全' }, name: '分号分隔属性，仍是一个环节' },
  ],
  invalid: [
    { guide: {}, errors: [{ messageId: 'noProcess' }] },
    { guide: { 办理流程: [{ 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口工作人员' }] }, errors: [{ messageId: 'incompleteStep', step: 1, data: { missing: '审查标准' } }] },
    {
      guide: { 办理流程: [{ 环节名称: '受理', 办理时限: '即时', 办理人员: '窗口', 审查标准: '齐全' }, { 环节名称: '决定' }] },
      errors: [{ messageId: 'incompleteStep', step: 2, data: { missing: '办理时限、办理人员、审查标准' } }],
    },
    { guide: { 办理流程: '受理→审查→决定→送达' }, errors: ['incompleteStep', 'incompleteStep', 'incompleteStep', 'incompleteStep'] },
    { guide: { 办理流程: '受理：办理人员：；办理时限：即时；审查标准：材料齐全' }, errors: [{ messageId: 'incompleteStep', data: { missing: '办理人员' } }], name: '标签后无内容不算' },
  ],
});
