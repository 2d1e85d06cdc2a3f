import rule from './special-procedures.js';
import { testRule } from '../test/rule-tester.js';

const PLAIN = '1.受理：窗口人员收件；2.审查：审查材料；3.决定：作出决定；4.送达：送达结果';

testRule(rule, {
  valid: [
    { guide: { 特殊环节: '无', 办理流程: PLAIN } },
    { guide: { 特殊环节: '不涉及' } },
    { guide: { 中介服务: '无', 特别程序: '无' } },
    { guide: { 特殊环节: '现场勘查，5个工作日', 办理流程: '1.受理\n2.现场勘查\n3.审查\n4.决定\n5.送达' } },
    { guide: { 特别程序: '专家评审（10个工作日）', 办理流程: [{ 环节名称: '受理' }, { 环节名称: '专家评审' }, { 环节名称: '决定' }] } },
    { guide: { 特殊环节: '公示，7个自然日', 办理流程: PLAIN }, name: '无法归类的特殊环节不做一致性检查' },
  ],
  invalid: [
    { guide: { 特殊环节: '' }, errors: [{ messageId: 'missing', field: '特殊环节' }] },
    { guide: {}, errors: ['missing'] },
    { guide: { 特殊环节: '无', 办理流程: '1.受理\n2.现场勘查\n3.决定\n4.送达' }, errors: [{ messageId: 'undeclared', data: { category: '现场' } }] },
    { guide: { 特殊环节: '', 办理流程: '1.受理\n2.组织专家评审\n3.决定' }, errors: ['missing', 'undeclared'] },
    { guide: { 特殊环节: '专家评审，10个工作日', 办理流程: '1.受理\n2.审查\n3.决定\n4.送达' }, errors: [{ messageId: 'notInProcess', data: { category: '评审' } }] },
    { guide: { 特殊环节: '现场勘查' }, errors: ['notInProcess'], name: '没有流程' },
  ],
});
