import rule from './material-name.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 申请材料: [{ 材料名称: '营业执照' }, { 材料名称: '法定代表人身份证' }] } },
    { guide: { 申请材料: [{ 材料名称: '建设工程规划许可申请表（原件）' }] } },
    { guide: { 申请材料: [{ 材料名称: '相关部门审批文件' }] }, name: '“相关部门”不是兜底用词' },
  ],
  notApplicable: [
    { guide: {}, name: '导出中没有任何材料数据时不适用' },
    { guide: { 申请材料: [] }, options: { requireMaterials: false }, name: '可配置：材料清单为空时也不适用' },
  ],
  invalid: [
    { guide: { 申请材料: [] }, errors: [{ messageId: 'noMaterials', field: '申请材料' }], name: '材料清单为空' },
    { guide: { 申请材料: [{ 材料名称: '其他材料' }] }, errors: [{ messageId: 'catchAll', material: 1, data: { word: '其他材料' } }] },
    { guide: { 申请材料: [{ 材料名称: '营业执照' }, { 材料名称: '其他相关证明' }] }, errors: [{ messageId: 'catchAll', material: 2 }] },
    { guide: { 申请材料: [{ 材料名称: '法律法规规定的其他材料' }] }, errors: ['catchAll'] },
    { guide: { 申请材料: [{ 材料名称: '详见备注' }] }, errors: ['catchAll'] },
    { guide: { 申请材料: [{ 材料名称: '', 原件份数: 1 }] }, errors: [{ messageId: 'empty', material: 1 }] },
    { guide: { 申请材料: [{ 材料名称: '申请书' }] }, options: { catchAllWords: ['申请书'] }, errors: ['catchAll'], name: '可配置的兜底用词' },
  ],
});
