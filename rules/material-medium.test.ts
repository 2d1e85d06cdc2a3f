import rule from './material-medium.js';
import { testRule } from '../test/rule-tester.js';

const M = (m: Record<string, unknown>) => ({ 申请材料: [{ 材料名称: '申请书', ...m }] });

testRule(rule, {
  valid: [
    { guide: M({ 材料形式: '纸质' }) },
    { guide: M({ 材料形式: '3' }), name: '代码3=纸质/电子' },
    { guide: M({ 介质要求: '原件' }) },
    { guide: M({ 原件份数: 1 }) },
    { guide: M({ 复印件份数: 2 }) },
    { guide: M({ 材料形式: '电子版' }) },
  ],
  notApplicable: [{ guide: {} }],
  invalid: [
    { guide: M({}), errors: [{ messageId: 'missing', material: 1 }] },
    { guide: M({ 份数: 2 }), errors: ['missing'], name: '只有份数' },
    { guide: M({ 原件份数: 0, 复印件份数: 0 }), errors: ['missing'] },
  ],
});
