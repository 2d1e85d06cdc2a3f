import rule from './rongque-marking.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 是否容缺受理: '是', 申请材料: [{ 材料名称: '营业执照', 必要性: '容缺后补' }] } },
    { guide: { 是否容缺受理: '支持', 申请材料: [{ 材料名称: '营业执照', 必要性: '3' }] }, name: '必要性代码 3 = 容缺后补' },
    { guide: { 受理条件: '申请人材料主件齐全，次要材料欠缺的，可以容缺受理', 申请材料: [{ 材料名称: '场所证明', 必要性: '容缺后补' }] } },
  ],
  notApplicable: [
    { guide: { 申请材料: [{ 材料名称: '营业执照' }] }, name: '没有提到容缺受理' },
    { guide: { 是否容缺受理: '否', 申请材料: [{ 材料名称: '营业执照' }] } },
    { guide: { 是否容缺受理: '不支持容缺受理' } },
    { guide: { 受理条件: '本事项不实行容缺受理' } },
  ],
  invalid: [
    { guide: { 是否容缺受理: '是', 申请材料: [{ 材料名称: '营业执照', 必要性: '必要' }] }, errors: [{ messageId: 'noMaterialMarked', field: '容缺受理' }] },
    { guide: { 受理条件: '符合条件的可容缺受理，后补材料', 申请材料: [{ 材料名称: '营业执照' }] }, errors: ['noMaterialMarked'] },
    { guide: { 是否支持容缺受理: '是', 申请材料: [{ 材料名称: '营业执照', 必要性: '1' }] }, errors: ['noMaterialMarked'], name: '列名“是否支持容缺受理”' },
  ],
});
