import rule from './material-quantity.js';
import { testRule } from '../test/rule-tester.js';

const M = (m: Record<string, unknown>) => ({ 申请材料: [{ 材料名称: '申请书', ...m }] });

testRule(rule, {
  valid: [
    { guide: M({ 原件份数: 1, 复印件份数: 0 }) },
    { guide: M({ 原件份数: '0', 复印件份数: '2' }) },
    { guide: M({ 份数: '1' }) },
    { guide: M({ 纸质材料份数: '一' }) },
    { guide: M({ 备注: '原件1份' }) },
    { guide: M({ 材料形式: '电子' }), name: '仅电子版' },
  ],
  notApplicable: [{ guide: {} }],
  invalid: [
    { guide: M({}), errors: [{ messageId: 'missing', material: 1 }] },
    { guide: M({ 原件份数: 0, 复印件份数: 0 }), errors: ['zero'] },
    { guide: M({ 材料形式: '纸质', 份数: '0' }), errors: ['zero'] },
  ],
});
