import rule from './legal-time-limit.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 法定办结时限: '20', 法定办结时限单位: '工作日' } },
    { guide: { 法定办结时限: '20', 法定办结时限单位: '1' }, name: '单位代码1=工作日' },
    { guide: { 法定办结时限: '30', 法定办结时限单位: '2' }, name: '单位代码2=自然日' },
    { guide: { 法定办结时限: '20个工作日' } },
    { guide: { 法定办结时限: '二十个工作日' } },
    { guide: { 法定办结时限: '30个自然日' } },
    { guide: { 法定办结时限: '即办' } },
    { guide: { 法定办结时限: '当场办结' } },
    { guide: { 法定办结时限: '20个工作日（不含听证、检测时间）' } },
    { guide: { 法定办结时限: '２０个工作日' }, name: '全角数字' },
    { guide: { 法定办结时限: '20', 法定办结时限单位: '工作日', 法定办结时限说明: '受理之日起20个工作日，经批准可延长10个工作日' } },
    { guide: { 法定办结时限: '20个工作日', 法定办结时限说明: '自受理申请之日起二十日内作出决定' }, name: '说明中只有“日”不比较' },
    { guide: { 法定办结时限: '28', 法定办结时限单位: '自然日', 法定办结时限说明: '20个工作日' }, name: '不同单位换算后相等' },
    { guide: { 事项类型: '行政确认', 法定办结时限: '无' }, name: '非行政许可可写无' },
    { guide: { 事项类型: '公共服务', 法定办结时限: '无法定时限' } },
  ],
  invalid: [
    { guide: { 法定办结时限: '' }, errors: [{ messageId: 'missing', field: '法定办结时限' }] },
    { guide: {}, errors: ['missing'] },
    { guide: { 法定办结时限: '暂无' }, errors: ['missing'] },
    { guide: { 法定办结时限: '20' }, errors: [{ messageId: 'noUnit', contains: ['20'] }] },
    { guide: { 法定办结时限: '20日' }, errors: [{ messageId: 'badUnit', contains: ['日'] }] },
    { guide: { 法定办结时限: '20天' }, errors: ['badUnit'] },
    { guide: { 法定办结时限: '3个月' }, errors: ['badUnit'] },
    { guide: { 法定办结时限: '一个月' }, errors: ['badUnit'] },
    { guide: { 法定办结时限: '20', 法定办结时限单位: '日' }, errors: ['badUnit'], name: '单位字段为“日”' },
    { guide: { 事项类型: '行政许可', 法定办结时限: '无' }, errors: ['none'] },
    { guide: { 事项类型: '01', 法定办结时限: '法律未规定' }, errors: ['none'] },
    {
      guide: { 法定办结时限: '66', 法定办结时限单位: '工作日', 法定办结时限说明: '受理之日起20个工作日' },
      errors: [{ messageId: 'explanationMismatch', contains: ['66', '受理之日起20个工作日'] }],
    },
  ],
});
