import rule from './promised-time-limit.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 承诺办结时限: '5个工作日', 法定办结时限: '20个工作日' } },
    { guide: { 承诺办结时限: '5', 承诺办结时限单位: '1' } },
    { guide: { 承诺办结时限: '即办' } },
    { guide: { 承诺办结时限: '20个工作日', 法定办结时限: '20个工作日' }, name: '等于法定时限' },
    { guide: { 承诺办结时限: '28个自然日', 法定办结时限: '20个工作日' }, name: '换算后等于法定时限' },
    { guide: { 承诺办结时限: '5个工作日', 承诺办结时限说明: '自受理之日起5个工作日内办结' } },
    { guide: { 承诺办结时限: '0' }, name: '0 视为即办' },
  ],
  invalid: [
    { guide: { 承诺办结时限: '' }, errors: [{ messageId: 'missing', field: '承诺办结时限' }] },
    { guide: { 事项类型: '公共服务', 承诺办结时限: '无' }, errors: ['none'], name: '承诺时限不能写无' },
    { guide: { 承诺办结时限: '5' }, errors: ['noUnit'] },
    { guide: { 承诺办结时限: '5天' }, errors: ['badUnit'] },
    { guide: { 承诺办结时限: '30个工作日', 法定办结时限: '20个工作日' }, errors: [{ messageId: 'longerThanLegal', data: { half: '10个工作日' } }] },
    { guide: { 承诺办结时限: '30个自然日', 法定办结时限: '20个工作日' }, errors: ['longerThanLegal'], name: '换算后超过' },
    { guide: { 承诺办结时限: '10', 承诺办结时限单位: '工作日', 承诺办结时限说明: '3个工作日内办结' }, errors: ['explanationMismatch'] },
  ],
});
