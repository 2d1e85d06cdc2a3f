import rule from './material-source.js';
import { testRule } from '../test/rule-tester.js';

const M = (m: Record<string, unknown>) => ({ 申请材料: [{ 材料名称: '户籍证明', ...m }] });

testRule(rule, {
  valid: [
    { guide: M({ 来源渠道: '申请人自备' }) },
    { guide: M({ 来源渠道: '10' }), name: '代码10=申请人自备' },
    { guide: M({ 来源渠道: '政府部门核发', 来源渠道说明: '户口所在地派出所' }) },
    { guide: M({ 来源渠道: '20', 出具单位: '公安机关' }) },
    { guide: M({ 来源渠道: '其他', 来源渠道说明: '县级以上医疗机构出具' }) },
    { guide: M({ 来源渠道说明: '由高等学校出具' }), name: '只有说明且写明出具单位' },
    { guide: M({ 来源渠道: '政府部门核发', 来源渠道说明: '市场监督管理部门' }), name: '一类部门' },
  ],
  notApplicable: [{ guide: {} }],
  invalid: [
    { guide: M({}), errors: [{ messageId: 'missing', material: 1 }] },
    { guide: M({ 来源渠道: '20' }), errors: [{ messageId: 'noIssuer', data: { channel: '政府部门核发' } }] },
    { guide: M({ 来源渠道: '政府部门核发', 来源渠道说明: '政府部门核发' }), errors: ['noIssuer'], name: '只重复渠道' },
    { guide: M({ 来源渠道: '政府部门核发', 来源渠道说明: '相关部门' }), errors: ['noIssuer'], name: '“相关部门”不是出具单位' },
    { guide: M({ 来源渠道: '99' }), errors: [{ messageId: 'noIssuer', data: { channel: '其他' } }] },
  ],
});
