import rule from './element-completeness.js';
import { testRule } from '../test/rule-tester.js';

const FULL = { 事项名称: '食品经营许可', 事项类型: '行政许可', 实施主体: '江州市市场监督管理局', 受理条件: '具有经营场所', 办理结果: '食品经营许可证', 是否收费: '否', 监督投诉电话: '0729-12345' };

testRule(rule, {
  valid: [
    { guide: FULL },
    { guide: { ...FULL, 是否收费: '0' }, name: '是否收费为代码' },
    { guide: { ...FULL, 监督投诉电话: '' }, options: { core: ['事项名称', '实施主体'] }, name: '核心要素可配置' },
  ],
  invalid: [
    { guide: { ...FULL, 办理结果: '', 是否收费: '/' }, errors: [{ messageId: 'missing', field: '办理结果', contains: ['办理结果、是否收费'] }] },
    { guide: { ...FULL, 受理条件: '暂无' }, errors: [{ messageId: 'missing', data: { missing: '受理条件' } }], name: '占位符算未填' },
    { guide: { ...FULL, 监督投诉电话: '——', 实施主体: undefined }, errors: [{ messageId: 'missing', data: { missing: '实施主体、监督投诉电话' } }] },
    { guide: FULL, options: { core: ['事项名称', '网办深度'] }, errors: [{ messageId: 'missing', data: { missing: '网办深度' } }], name: '加入可选要素' },
  ],
});
